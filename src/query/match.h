// `kg match`: a read-only subset of Cypher (the query language of Neo4j, Kuzu and Memgraph) run
// over a GraphReader. docs/query.md documents the subset; in short:
//
//   MATCH (a:PERSON)-[r:meet]->(b {name: 'Kiichi Miyazawa'})      one path, 1 to 3 relationships
//   WHERE r.date >= '1987-03-01' AND NOT b.name CONTAINS 'x'       = <> < <= > >= CONTAINS, STARTS
//                                                                  WITH, ENDS WITH, IN, IS NULL
//   RETURN DISTINCT a.name, count(*) AS n ORDER BY n DESC SKIP 0 LIMIT 10
//
// - Node labels are entity types (PERSON, ORG, LOC, MISC, CONCEPT, any case, `|` for either);
//   a node without a label is any entity. Values ("5 pct") are never nodes, but a node labelled
//   with a value type (NUMBER, AMOUNT, PERCENT, QUANTITY, DATE) matches a fact's literal object.
// - Relationship types are canonical relations (query/relations.h): `:meet` matches the group
//   in any form ("meet with", "hold talk with"); `be_in` or `be in`; `|` for alternatives.
// - `{name: 'X'}` in a pattern matches a name or alias in any case, as entity arguments do
//   elsewhere; `WHERE a.name = 'X'` compares the canonical name exactly, as Cypher does.
// - A relationship stands for the facts of one edge. Negated facts ("did not meet") are left out
//   unless WHERE mentions the relationship's `negated`. The query's fact filters (MatchOptions,
//   and WHERE's top-level AND terms comparing a relationship's date, confidence or doc with a
//   literal) keep only some of an edge's facts: the relationship's count, confidence, dates and
//   docs are then those of the facts kept, and an edge with none is no match.
// - Anything outside the subset (CREATE, OPTIONAL MATCH, variable-length relationships, ...) is
//   refused with one line naming what is not supported and the column where it is.
//
// Thread safety: run_match only reads the store; it is as thread-safe as the store's readers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace kg {

struct MatchOptions {
  // Only facts of documents dated in [since, until] ("YYYY-MM-DD"; "" = open), as
  // NeighborOptions.
  std::string since, until;
  double min_confidence = 0;  // only facts at least this confident
  size_t limit = 0;           // at most this many rows, whatever the query's LIMIT (0 = no cap)
  bool with_evidence = false; // fill MatchResult::evidence
  size_t evidence_limit = 3;  // sentences per relationship with with_evidence (0 = all)
};

// A node returned whole.
struct MatchNode {
  std::string id;  // node_id(), 16 hex digits
  std::string name, type;
};

// A relationship returned whole: one edge, with the facts the query kept.
struct MatchRelationship {
  std::string relation;  // canonical relation
  std::string label;
  bool negated = false;
  uint64_t count = 0;
  std::vector<std::string> docs;  // distinct document ids, sorted
};

// One cell of a result row.
using MatchCell = std::variant<std::monostate, bool, int64_t, double, std::string,
                               std::vector<std::string>, MatchNode, MatchRelationship>;

// A sentence behind a row (with_evidence): which relationship variable ("r", or "#2" for the
// second relationship when it has no name) and the fact.
struct MatchEvidence {
  std::string relationship;
  Evidence fact;
};

struct MatchResult {
  std::vector<std::string> columns;  // as written in RETURN, or the AS alias
  std::vector<std::vector<MatchCell>> rows;
  // With with_evidence: per row, the facts behind the relationships of the matches that made it.
  std::vector<std::vector<MatchEvidence>> evidence;
};

// Parses and runs `query`. A query outside the subset, or naming an unknown variable, property or
// label, fails with kInvalidInput and one line: "column 23: variable-length relationships (*1..3)
// are not supported". A pattern that would examine more than a few million edges fails likewise
// (name a node, or a relationship type).
Result<MatchResult> run_match(GraphReader& store, std::string_view query,
                              const MatchOptions& options = {});

}  // namespace kg
