// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "doc/document.h"

namespace kg {

// Reads sentences one at a time from a stream. Errors name the source and the line:
// "dev.conllu:1234: expected 10 tab-separated columns, found 7". Not thread-safe.
class ConlluReader {
 public:
  // `name` is used in error messages. The stream must outlive the reader.
  ConlluReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

  // The next sentence, nullopt at the end of input, or an error. After an error the reader
  // skips to the next blank line, so callers may continue.
  Result<std::optional<Sentence>> next();

  // When false (default true) HEAD and DEPREL may be "_" (unparsed input for `kg parse`).
  void require_tree(bool v) { require_tree_ = v; }

  size_t line() const { return line_; }

 private:
  Status fail(const std::string& what);

  std::istream& in_;
  std::string name_;
  size_t line_ = 0;
  bool require_tree_ = true;
};

// Fills token offsets, Sentence::start/end relative to the sentence text, which is rebuilt
// from forms and SpaceAfter when "# text" is missing.
void assign_offsets_from_forms(Sentence& s);

// Writes one sentence followed by a blank line. Empty fields are written as "_".
void write_conllu(std::ostream& out, const Sentence& s);

// The tab-separated fields of one CoNLL-U line (also used by the CoNLL 2018 evaluator).
std::vector<std::string_view> split_tabs(std::string_view line);

// Parses a whole decimal integer field; false on anything else.
bool parse_int(std::string_view s, int& out);

// Reads a whole file. For training and evaluation tools.
Result<std::vector<Sentence>> read_conllu_file(const std::string& path, bool require_tree = true);

}  // namespace kg
