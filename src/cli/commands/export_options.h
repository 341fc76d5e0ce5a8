// The options `kg export` and `kg render` share: --around, --hops, --min-count.
#pragma once

#include <cstdint>
#include <string>

#include "cli/command.h"
#include "export/export.h"

namespace kg::cli {

// Adds --around ENTITY, --hops N (needs --around), --min-count N and --max-nodes N, bound to the
// arguments.
void add_subgraph_options(CLI::App& app, std::string& around, size_t& hops, uint64_t& min_count,
                          size_t& max_nodes);

// The subgraph those options select; an unknown --around entity fails like `kg neighbors`. With
// `cap` (render; export with --around) at most max_nodes entities, the strongest edges around
// the focus (cap_subgraph); `note` says what was left out, empty when nothing was.
Result<Subgraph> collect_for_cli(GraphReader& store, const std::string& around, size_t hops,
                                 uint64_t min_count, bool with_docs, bool cap, size_t max_nodes,
                                 std::string* note);

}  // namespace kg::cli
