// `kg path --db DIR FROM TO [--max-hops N] [--k N] [--type T] [--relation R] [--directed]
// [--since D] [--until D] [--min-confidence X] [--json]`.
#include <memory>

#include "cli/commands/commands.h"
#include "cli/print/query_print.h"
#include "query/query.h"

namespace kg::cli {

Action configure_path(CLI::App& app) {
  struct Args {
    std::string db, from, to;
    std::vector<std::string> types;
    PathOptions options;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  app.description(
      "Shortest paths between two entities, shortest first. Edges are walked both ways unless "
      "--directed; a step against an edge's direction is shown as <-[label]- (in JSON the label is "
      "prefixed with '<'). Negated facts never connect entities. Finding no path is an answer, "
      "not an error: it prints \"no path between X and Y within N hops\" (JSON: {\"paths\": []}) "
      "and exits 0. An unknown entity exits 1 with suggestions, a name that fits several nodes "
      "with the candidates. --since, --until and --min-confidence walk only edges with a fact "
      "that passes them.");
  app.add_option("--db", args->db, "Database directory (opened read-only)")->required();
  app.add_option("from", args->from, "Entity name or alias (or id:<node id>) where paths start")
      ->required();
  app.add_option("to", args->to, "Entity name or alias (or id:<node id>) where paths end")
      ->required();
  app.add_option("--max-hops", args->options.max_hops, "Longest path considered, in edges")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--k", args->options.k, "How many shortest simple paths (Yen's algorithm)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--type", args->types,
                 "The ends' types, where a name fits several nodes (comma-separated; each end "
                 "must have one: --type ORG,PERSON)")
      ->delimiter(',');
  app.add_option("--relation", args->options.relation,
                 "Only walk edges of this relation, any form of any member of its group (\"met\" "
                 "walks meet, meet with, hold talk with)");
  app.add_flag("--via-concepts", args->options.via_concepts,
               "Also walk through concepts (\"meeting\", \"company\"); by default a path's inner "
               "entities are named ones");
  app.add_flag("--relation-exact", args->options.relation_exact,
               "--relation matches the label itself (any case), not its group");
  app.add_flag("--directed", args->options.directed, "Follow edges from subject to object only");
  app.add_option("--since", args->options.since,
                 "Only walk edges with a fact of a document dated on or after DATE (YYYY-MM-DD)")
      ->check(check_iso_date);
  app.add_option("--until", args->options.until,
                 "Only walk edges with a fact of a document dated on or before DATE (YYYY-MM-DD)")
      ->check(check_iso_date);
  app.add_option("--min-confidence", args->options.min_confidence,
                 "Only walk edges with a fact of at least this confidence (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_flag("--json", args->json,
               "Print {\"paths\": [{\"nodes\": [name, ...], \"relations\": [label, ...]}]}");
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(auto store, GraphReader::open(args->db));
    KG_ASSIGN_OR_RETURN(EntityInfo from, resolve_entity(*store, args->from, args->types));
    KG_ASSIGN_OR_RETURN(EntityInfo to, resolve_entity(*store, args->to, args->types));
    KG_ASSIGN_OR_RETURN(std::vector<Path> paths, find_paths(*store, from.id, to.id, args->options));
    KG_ASSIGN_OR_RETURN(std::vector<NamedPath> named, name_paths(*store, std::move(paths)));
    if (args->json) {
      print_paths_json(io.out, named);
    } else {
      print_paths_text(io.out, named, from.name, to.name, args->options);
    }
    return {};
  };
}

}  // namespace kg::cli
