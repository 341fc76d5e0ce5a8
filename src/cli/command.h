// The subcommand table: each subcommand lives in its own file under commands/, adds its options
// to a CLI11 sub-app and returns the action that runs it. Actions print through Io so that tests
// can drive every subcommand in-process.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <span>
#include <string>

#include "common/status.h"

namespace kg::cli {

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

using Action = std::function<Status(Io&)>;

struct CommandSpec {
  const char* name;
  const char* summary;
  // Adds options to `app` (bound to state captured by the returned action).
  Action (*configure)(CLI::App& app);
};

// All subcommands, in the order `kg --help` lists them.
std::span<const CommandSpec> commands();

}  // namespace kg::cli
