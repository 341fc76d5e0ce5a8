// Printers for `kg neighbors`, `kg path` and `kg match`: plain text for people, JSON for programs.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "query/match.h"
#include "query/query.h"

namespace kg::cli {

void print_neighbors_text(std::ostream& out, const EntityInfo& entity,
                          const std::vector<Neighbor>& neighbors);
// {"entity": {id, name, type, aliases, mentions}, "neighbors": [{"direction": "out"|"in",
//  "relation", "negated", "count", "entity": {id, name, type}, "evidence"?: [...]}]}
void print_neighbors_json(std::ostream& out, const EntityInfo& entity,
                          const std::vector<Neighbor>& neighbors, bool with_evidence);

// One line per path ("1. A -[meet]-> B <-[call]- C  (2 hops)"), or, when there is none,
// "no path between FROM and TO within N hops".
void print_paths_text(std::ostream& out, const std::vector<NamedPath>& paths,
                      const std::string& from, const std::string& to, const PathOptions& options);
// {"paths": [{"nodes": [name, ...], "relations": [label, ...]}]} (docs/interfaces.md), backward steps
// prefixed with '<'.
void print_paths_json(std::ostream& out, const std::vector<NamedPath>& paths);

// An aligned table: the columns, a rule, a row per line (a node as "Name (TYPE)", a relationship
// as "label (N facts)"), each row's evidence indented below it, and "(N rows)".
void print_match_text(std::ostream& out, const MatchResult& result);
// {"columns": [...], "rows": [[...], ...]} (docs/interfaces.md); with_evidence adds "evidence":
// per row, a list of {"relationship", "doc", "sentence", "text", ..., "date"}.
void print_match_json(std::ostream& out, const MatchResult& result, bool with_evidence);

}  // namespace kg::cli
