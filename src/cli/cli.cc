// Builds the CLI11 app from the command table, dispatches, and maps Status to exit codes: the one
// place where errors become messages.
#include "cli/cli.h"

#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "common/test_hooks.h"

namespace kg::cli {
namespace {

constexpr int kExitUserError = 1;
constexpr int kExitUsage = 2;

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err) {
  CLI::App app{"kg: build a knowledge graph from news articles and query it", "kg"};
  app.set_version_flag("--version", std::string("kg ") + KG_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  std::vector<std::pair<CLI::App*, Action>> actions;
  for (const auto& spec : commands()) {
    CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
    actions.emplace_back(sub, spec.configure(*sub));
  }
  Io io{in, out, err};
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? 0 : kExitUsage;
  }
  for (auto& [sub, action] : actions) {
    if (!sub->parsed()) continue;
    Status status;
    try {
      status = action(io);
    } catch (const std::exception& e) {
      status = Status::internal(std::string("internal error: ") + e.what());
    }
    test_kill_point("before-exit");
    if (status.ok()) return 0;
    err << "kg " << sub->get_name() << ": " << status.message() << std::endl;
    return status.code() == ErrorCode::kUsage ? kExitUsage : kExitUserError;
  }
  return kExitUsage;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return run(args, std::cin, std::cout, std::cerr);
}

}  // namespace kg::cli
