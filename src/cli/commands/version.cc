// `kg version`: the tool's version and the formats it reads and writes.
#include <ostream>

#include "cli/commands/commands.h"

namespace kg::cli {

Action configure_version(CLI::App& app) {
  app.description("Print the kg version.");
  return [](Io& io) -> Status {
    io.out << "kg " << KG_VERSION << '\n';
    return {};
  };
}

}  // namespace kg::cli
