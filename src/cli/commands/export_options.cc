// The options `kg export` and `kg render` share to choose what part of the graph to show.
#include "cli/commands/export_options.h"

#include "query/query.h"

namespace kg::cli {

// Adds the options that choose what part of the graph to show (shared with `kg render`).
void add_subgraph_options(CLI::App& app, std::string& around, size_t& hops, uint64_t& min_count) {
  CLI::Option* around_opt =
      app.add_option("--around", around,
                     "Only the neighbourhood of this entity (name or alias, or id:<node id>)");
  app.add_option("--hops", hops, "Neighbourhood radius in edges, with --around")
      ->check(CLI::NonNegativeNumber)
      ->needs(around_opt)
      ->capture_default_str();
  app.add_option("--min-count", min_count, "Drop edges supported by fewer facts")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

Result<Subgraph> collect_for_cli(GraphReader& store, const std::string& around, size_t hops,
                                 uint64_t min_count, bool with_docs) {
  SubgraphOptions options;
  options.hops = hops;
  options.min_count = min_count;
  options.with_docs = with_docs;
  if (!around.empty()) {
    KG_ASSIGN_OR_RETURN(EntityInfo center, resolve_entity(store, around));
    options.around = center.id;
  }
  return collect_subgraph(store, options);
}

}  // namespace kg::cli
