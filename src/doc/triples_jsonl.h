// The triples JSONL format of docs/interfaces.md: one fact per line.
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "common/status.h"
#include "doc/triple.h"

namespace kg {

// Parses one JSONL line. Errors describe what is wrong ("missing required field \"doc\""),
// without the location; the caller adds "file:line".
Result<Triple> parse_triple_json(std::string_view line);

// One line of JSON, without the trailing newline. Optional fields that are unset are omitted,
// except negated/modality/attribution/confidence which are always written.
std::string triple_to_json(const Triple& t);

// Reads triples line by line; blank lines are skipped. Not thread-safe.
class TriplesReader {
 public:
  TriplesReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
  // The next triple, nullopt at the end, or an error "name:line: what". Reading may continue
  // after an error.
  Result<std::optional<Triple>> next();
  size_t line() const { return line_; }

 private:
  std::istream& in_;
  std::string name_;
  size_t line_ = 0;
};

}  // namespace kg
