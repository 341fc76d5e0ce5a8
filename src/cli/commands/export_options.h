// The options `kg export` and `kg render` share: --around, --hops, --min-count, --max-nodes and
// the fact filters --since, --until, --min-confidence.
#pragma once

#include <cstdint>
#include <string>

#include "cli/command.h"
#include "export/export.h"

namespace kg::cli {

// What part of the graph to show, as the options give it.
struct SubgraphArgs {
  std::string around;
  size_t hops = 1;
  uint64_t min_count = 1;
  size_t max_nodes = 40;
  std::string since, until;
  double min_confidence = 0;
};

// Adds --around ENTITY, --hops N (needs --around), --min-count N, --max-nodes N, --since DATE,
// --until DATE and --min-confidence X, bound to `args` (which must outlive `app`'s parsing).
void add_subgraph_options(CLI::App& app, SubgraphArgs& args);

// The subgraph those options select; an unknown --around entity fails like `kg neighbors`. With
// `cap` (render; export with --around) at most max_nodes entities, the strongest edges around
// the focus (cap_subgraph); `note` says what was left out, empty when nothing was.
Result<Subgraph> collect_for_cli(GraphReader& store, const SubgraphArgs& args, bool with_docs,
                                 bool cap, std::string* note);

}  // namespace kg::cli
