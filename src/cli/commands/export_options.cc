// The options `kg export` and `kg render` share to choose what part of the graph to show.
#include "cli/commands/export_options.h"

#include "cli/commands/commands.h"
#include "query/query.h"

namespace kg::cli {

void add_subgraph_options(CLI::App& app, SubgraphArgs& args) {
  CLI::Option* around_opt =
      app.add_option("--around", args.around,
                     "Only the neighbourhood of this entity (name or alias, or id:<node id>)");
  app.add_option("--hops", args.hops,
                 "Neighbourhood radius in edges, with --around (edges the filters keep)")
      ->check(CLI::NonNegativeNumber)
      ->needs(around_opt)
      ->capture_default_str();
  app.add_option("--min-count", args.min_count,
                 "Drop edges supported by fewer facts (facts the filters keep)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--max-nodes", args.max_nodes,
                 "At most N entities (render, and export with --around): the strongest edges "
                 "around the focus first; a note on stderr says what was left out")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--since", args.since,
                 "Only facts of documents dated on or after DATE (YYYY-MM-DD): an edge counts "
                 "those and is left out without any; a document without a date is outside")
      ->type_name("DATE")
      ->check(check_iso_date);
  app.add_option("--until", args.until,
                 "Only facts of documents dated on or before DATE (YYYY-MM-DD), alike")
      ->type_name("DATE")
      ->check(check_iso_date);
  add_min_confidence_option(app, args.min_confidence);
}

Result<Subgraph> collect_for_cli(GraphReader& store, const SubgraphArgs& args, bool with_docs,
                                 bool cap, std::string* note) {
  SubgraphOptions options;
  options.hops = args.hops;
  options.min_count = args.min_count;
  options.with_docs = with_docs;
  options.since = args.since;
  options.until = args.until;
  options.min_confidence = args.min_confidence;
  if (!args.around.empty()) {
    KG_ASSIGN_OR_RETURN(EntityInfo center, resolve_entity(store, args.around));
    options.around = center.id;
  }
  KG_ASSIGN_OR_RETURN(Subgraph g, collect_subgraph(store, options));
  if (cap) *note = cap_subgraph(g, options.around, args.max_nodes);
  return g;
}

}  // namespace kg::cli
