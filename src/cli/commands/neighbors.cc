// `kg neighbors --db DIR ENTITY [--relation R] [--direction out|in|both] [--evidence]
//  [--since DATE] [--until DATE] [--min-confidence X] [--json]`.
#include <algorithm>
#include <map>
#include <memory>

#include "cli/commands/commands.h"
#include "cli/print/query_print.h"
#include "query/query.h"

namespace kg::cli {

Action configure_neighbors(CLI::App& app) {
  struct Args {
    std::string db, entity, direction = "both";
    std::vector<std::string> types;
    NeighborOptions options;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  app.description(
      "List the edges of one entity (named by its canonical name or an alias, any case, or "
      "id:<node id>), best supported first. Exit code 1 with suggestions when the entity is "
      "unknown, and with the candidates when its name fits several nodes.");
  app.add_option("--db", args->db, "Database directory (opened read-only)")->required();
  app.add_option("entity", args->entity,
                 "Entity name or alias, or id:<node id> as --json outputs print it")
      ->required();
  app.add_option("--type", args->types,
                 "The entity's type, where its name fits several nodes (comma-separated)")
      ->delimiter(',');
  app.add_option("--relation", args->options.relation,
                 "Only edges of this relation, any form of any member of its group (\"met\" "
                 "finds meet, meet with, hold talk with; `kg relations` lists the groups)");
  app.add_flag("--relation-exact", args->options.relation_exact,
               "--relation matches the label itself (any case), not its group");
  app.add_option("--direction", args->direction, "Edges from the entity, to it, or both")
      ->check(CLI::IsMember({"out", "in", "both"}));
  app.add_flag("--evidence", args->options.with_evidence,
               "Show the supporting sentences (with document id and sentence index)");
  app.add_option("--max-evidence", args->options.evidence_limit,
                 "Sentences shown per edge with --evidence (0 = all)");
  app.add_option("--since", args->options.since,
                 "Only facts of documents dated on or after DATE (YYYY-MM-DD)")
      ->type_name("DATE")
      ->check(check_iso_date);
  app.add_option("--until", args->options.until,
                 "Only facts of documents dated on or before DATE (YYYY-MM-DD)")
      ->type_name("DATE")
      ->check(check_iso_date);
  add_min_confidence_option(app, args->options.min_confidence);
  app.add_flag("--json", args->json, "Print one JSON object");
  return [args](Io& io) -> Status {
    static const std::map<std::string, Direction> kDirections = {
        {"out", Direction::kOut}, {"in", Direction::kIn}, {"both", Direction::kBoth}};
    args->options.direction = kDirections.at(args->direction);
    KG_ASSIGN_OR_RETURN(auto store, GraphReader::open(args->db));
    KG_ASSIGN_OR_RETURN(EntityInfo entity, resolve_entity(*store, args->entity, args->types));
    KG_ASSIGN_OR_RETURN(std::vector<Neighbor> list, neighbors(*store, entity, args->options));
    if (list.empty() && !args->options.relation.empty() && !args->json) {
      // No edge of that relation: say which relations the entity has.
      NeighborOptions all = args->options;
      all.relation.clear();
      KG_ASSIGN_OR_RETURN(std::vector<Neighbor> any, neighbors(*store, entity, all));
      std::map<std::string, uint64_t> by_relation;
      for (const Neighbor& n : any) by_relation[canonical_relation(n.edge.relation_label).relation] += n.edge.count;
      std::vector<std::pair<uint64_t, std::string>> top;
      for (const auto& [r, n] : by_relation) top.emplace_back(n, r);
      std::sort(top.rbegin(), top.rend());
      std::string hint;
      for (size_t i = 0; i < top.size() && i < 8; ++i) hint += (i ? ", " : "") + top[i].second;
      io.err << "no " << entity.name << " edges of relation '" << args->options.relation
             << "' (read as '" << canonical_relation_query(args->options.relation) << "')"
             << (hint.empty() ? "" : "; its relations: " + hint) << '\n';
    }
    if (args->json) {
      print_neighbors_json(io.out, entity, list, args->options.with_evidence);
    } else {
      print_neighbors_text(io.out, entity, list);
    }
    return {};
  };
}

}  // namespace kg::cli
