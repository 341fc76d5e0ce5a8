// The options `kg export` and `kg render` share: --around, --hops, --min-count.
#pragma once

#include <cstdint>
#include <string>

#include "cli/command.h"
#include "export/export.h"

namespace kg::cli {

// Adds --around ENTITY, --hops N (needs --around) and --min-count N, bound to the arguments.
void add_subgraph_options(CLI::App& app, std::string& around, size_t& hops, uint64_t& min_count);

// The subgraph those options select; an unknown --around entity fails like `kg neighbors`.
Result<Subgraph> collect_for_cli(GraphReader& store, const std::string& around, size_t hops,
                                 uint64_t min_count, bool with_docs);

}  // namespace kg::cli
