// `kg match --db DIR QUERY [--json] [--limit N] [--evidence] [--since D] [--until D]
// [--min-confidence X]`: a Cypher-subset query (query/match.h, docs/query.md).
#include <memory>

#include "cli/commands/commands.h"
#include "cli/print/query_print.h"
#include "query/match.h"

namespace kg::cli {

Action configure_match(CLI::App& app) {
  struct Args {
    std::string db, query;
    MatchOptions options;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  app.description(
      "Ask the graph a question in a subset of Cypher (docs/query.md), e.g.\n"
      "  kg match --db DB \"MATCH (a:PERSON)-[r:meet]-(b:PERSON) RETURN a.name, b.name, r.count "
      "ORDER BY r.count DESC LIMIT 10\"\n"
      "Node labels are entity types (PERSON, ORG, LOC, MISC, CONCEPT); relationship types are "
      "canonical relations (`kg relations`), matched in any form; {name: 'X'} matches a name or "
      "alias. Negated facts are left out unless WHERE mentions r.negated. A query outside the "
      "subset exits 1 with the column and what is not supported.");
  app.add_option("--db", args->db, "Database directory (opened read-only)")->required();
  app.add_option("query", args->query, "The query: MATCH pattern [WHERE ...] RETURN ...")
      ->required();
  app.add_flag("--json", args->json, "Print {\"columns\": [...], \"rows\": [[...], ...]}");
  app.add_option("--limit", args->options.limit,
                 "At most N rows, whatever the query's LIMIT (0 = no cap)");
  app.add_flag("--evidence", args->options.with_evidence,
               "Show the sentences behind each row's relationships");
  app.add_option("--max-evidence", args->options.evidence_limit,
                 "Sentences per relationship with --evidence (0 = all)")
      ->capture_default_str();
  app.add_option("--since", args->options.since,
                 "Only facts of documents dated on or after DATE (YYYY-MM-DD)")
      ->check(check_iso_date);
  app.add_option("--until", args->options.until,
                 "Only facts of documents dated on or before DATE (YYYY-MM-DD)")
      ->check(check_iso_date);
  app.add_option("--min-confidence", args->options.min_confidence,
                 "Only facts at least this confident (0 to 1)")
      ->check(CLI::Range(0.0, 1.0));
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(auto store, GraphReader::open(args->db));
    auto result = run_match(*store, args->query, args->options);
    if (!result.ok()) {
      // Name the query as the place of a syntax error: "query, column 23: ...".
      const Status& s = result.status();
      if (s.code() == ErrorCode::kInvalidInput && s.message().starts_with("column ")) {
        return Status(s.code(), "query, " + s.message());
      }
      return s;
    }
    if (args->json) {
      print_match_json(io.out, *result, args->options.with_evidence);
    } else {
      print_match_text(io.out, *result);
    }
    return {};
  };
}

}  // namespace kg::cli
