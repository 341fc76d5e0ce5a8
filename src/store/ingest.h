// Bulk loading of triples JSONL into a GraphStore: what `kg ingest` runs.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>

#include "common/status.h"
#include "store/store.h"

namespace kg {

struct IngestOptions {
  // Triples per write: whole documents are grouped until a batch holds at least this many, or
  // this many bytes of input lines.
  size_t batch_triples = 65536;
  size_t batch_bytes = size_t{48} << 20;
  // A document is written once this many triples (or bytes of lines) of other documents followed
  // its last line, so the lines of one document may be spread over that distance and are still
  // gathered. Together these bound the memory of an ingest.
  size_t window_triples = 100000;
  size_t window_bytes = size_t{64} << 20;
};

struct IngestSummary {
  size_t added = 0;
  size_t unchanged = 0;
  size_t replaced = 0;
  size_t triples = 0;          // triples of the documents written or found unchanged
  size_t bad_lines = 0;        // lines that did not parse
  size_t skipped_documents = 0;  // documents not written because one of their lines was bad
  size_t skipped_lines = 0;    // good lines of those documents
  size_t documents() const { return added + unchanged + replaced; }
  bool anything_skipped() const { return bad_lines + skipped_documents + skipped_lines > 0; }
};

// Problems are reported one line each ("file:12: not valid JSON; document \"d3\" skipped").
using IngestReport = std::function<void(const std::string& line)>;
// Called from the calling thread after each write with the running totals.
using IngestProgress = std::function<void(const IngestSummary& so_far)>;

// Reads triples JSONL from `in` (`name` is used in messages), groups the triples by document and
// writes each document atomically (several documents per WriteBatch). A bad line is reported
// and nothing of its document is written; a line whose document cannot be told (not JSON, or no
// "doc" string) spoils the documents of the lines just before and after it. The lines of one
// document may be interleaved with others within `window_triples`; lines that come later than
// that are merged into the already written document (which then counts once, as first written).
// Parsing runs on a second thread. Errors of the store (I/O, corruption) stop the ingest and are
// returned; bad input never is (see the summary).
Result<IngestSummary> ingest_triples(GraphStore& store, std::istream& in, const std::string& name,
                                     const IngestOptions& options, const IngestReport& report,
                                     const IngestProgress& progress = {});

}  // namespace kg
