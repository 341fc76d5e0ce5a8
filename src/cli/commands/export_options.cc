// The options `kg export` and `kg render` share to choose what part of the graph to show.
#include "cli/commands/export_options.h"

#include "query/query.h"

namespace kg::cli {

// Adds the options that choose what part of the graph to show (shared with `kg render`).
void add_subgraph_options(CLI::App& app, std::string& around, size_t& hops, uint64_t& min_count,
                          size_t& max_nodes) {
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
  app.add_option("--max-nodes", max_nodes,
                 "At most N entities (render, and export with --around): the strongest edges "
                 "around the focus first; a note on stderr says what was left out")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

Result<Subgraph> collect_for_cli(GraphReader& store, const std::string& around, size_t hops,
                                 uint64_t min_count, bool with_docs, bool cap, size_t max_nodes,
                                 std::string* note) {
  SubgraphOptions options;
  options.hops = hops;
  options.min_count = min_count;
  options.with_docs = with_docs;
  if (!around.empty()) {
    KG_ASSIGN_OR_RETURN(EntityInfo center, resolve_entity(store, around));
    options.around = center.id;
  }
  KG_ASSIGN_OR_RETURN(Subgraph g, collect_subgraph(store, options));
  if (cap) *note = cap_subgraph(g, options.around, max_nodes);
  return g;
}

}  // namespace kg::cli
