#include <catch2/catch.hpp>
#include <sstream>

#include "cli/cli.h"
#include "run_kg.h"
#include "cli/command.h"

using kg::cli::run;

namespace {
}  // namespace

TEST_CASE("kg exits 2 on an unknown subcommand or option", "[cli]") {
  CHECK(kg_run({"no-such-command"}).code == 2);
  CHECK(kg_run({"version", "--no-such-option"}).code == 2);
  CHECK(kg_run({}).code == 2);
}

TEST_CASE("every kg subcommand has --help and exits 0 with it", "[cli]") {
  auto top = kg_run({"--help"});
  CHECK(top.code == 0);
  CHECK(top.out.find("Subcommands") != std::string::npos);
  for (const auto& spec : kg::cli::commands()) {
    auto r = kg_run({spec.name, "--help"});
    INFO(spec.name);
    CHECK(r.code == 0);
    CHECK_FALSE(r.out.empty());
  }
}
