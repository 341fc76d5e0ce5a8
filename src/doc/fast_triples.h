// A fast path for parsing triples JSONL lines during bulk ingest.
#pragma once

#include <string_view>

#include "doc/triple.h"

namespace kg {

// Parses one triples JSONL line (docs/interfaces.md) without building a JSON tree. Returns true with
// `out` filled exactly as doc/triples_jsonl.h parse_triple_json would fill it. Returns false for
// anything it does not handle or that is invalid (then `out` is unspecified): the caller falls
// back to parse_triple_json, which decides and words the error. Thread-safe.
bool fast_parse_triple(std::string_view line, Triple& out);

// The "doc" string of a line that may be broken elsewhere (a best effort for error reports),
// or false when no plain "doc": "..." member is found.
bool find_doc_id(std::string_view line, std::string& doc);

}  // namespace kg
