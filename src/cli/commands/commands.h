// One configure_<name> per subcommand file in this folder.
#pragma once

#include "cli/command.h"

namespace kg::cli {

Action configure_version(CLI::App& app);
Action configure_carb(CLI::App& app);

}  // namespace kg::cli
