#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli.h"
#include "run_kg.h"
#include "cli/command.h"
#include "cli/commands/commands.h"

namespace {

std::string write_temp(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / ("kg_cli_test_" + name);
  std::ofstream(path) << content;
  return path.string();
}

// Runs the `kg train ner` action on its own sub-app (independent of the `train` command).
Ran run_train_ner(std::vector<std::string> args) {
  CLI::App app{"ner"};
  kg::cli::Action action = kg::cli::configure_train_ner(app);
  std::istringstream in;
  std::ostringstream out, err;
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return {2, "", e.what()};
  }
  kg::cli::Io io{in, out, err};
  kg::Status st = action(io);
  return {st.ok() ? 0 : 1, out.str(), err.str() + st.message()};
}

// The first `n` sentences (blank-line separated blocks) of an IOB2 file.
std::string head_sentences(const std::string& path, int n) {
  std::ifstream in(path);
  std::string line, out;
  while (n > 0 && std::getline(in, line)) {
    out += line + "\n";
    if (line.empty()) --n;
  }
  return out;
}

}  // namespace

TEST_CASE("kg carb prints the optimal point and the AUC", "[cli]") {
  std::string gold = write_temp("gold.tsv", "S one .\tlikes\tJohn\tMary\n");
  std::string sys = write_temp("sys.tsv", "S one .\t0.9\tlikes\tJohn\tMary\n");
  Ran text = kg_run({"carb", gold, sys});
  CHECK(text.code == 0);
  CHECK(text.out.find("AUC: 1.000") != std::string::npos);
  CHECK(text.out.find("Optimal (precision, recall, F1): (1.000, 1.000, 1.000)") !=
        std::string::npos);
  Ran json = kg_run({"carb", gold, sys, "--json"});
  REQUIRE(json.code == 0);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["auc"] == 1.0);
  CHECK(j["gold_tuples"] == 1);
}

TEST_CASE("kg carb fails with one line for a missing or malformed file", "[cli]") {
  std::string gold = write_temp("gold2.tsv", "S one .\tlikes\tJohn\tMary\n");
  Ran missing = kg_run({"carb", gold, "/no/such/system.tsv"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("/no/such/system.tsv") != std::string::npos);
  std::string bad = write_temp("bad.tsv", "S one .\tsure\tlikes\tJohn\n");
  Ran malformed = kg_run({"carb", gold, bad});
  CHECK(malformed.code == 1);
  CHECK(malformed.err.find("bad.tsv:1") != std::string::npos);
  CHECK(kg_run({"carb", gold}).code == 2);
}

TEST_CASE("kg train ner trains, saves a model and reports dev and test scores", "[cli][data]") {
  const std::string dir = std::string(KG_SHARED_DATA) + "/ner/";
  std::string train =
      write_temp("ner_train.iob2", head_sentences(dir + "en_ewt-ud-train.DRAFT-2022-12.iob2", 200));
  std::string dev = write_temp("ner_dev.iob2", head_sentences(dir + "en_ewt-ud-dev.iob2", 100));
  std::string model = (std::filesystem::temp_directory_path() / "kg_cli_test_ner.bin").string();
  Ran r =
      run_train_ner({"--train", train, "--dev", dev, "--test", dev, "-o", model, "--epochs", "3"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(std::filesystem::exists(model));
  CHECK(r.out.find("dev   overall") != std::string::npos);
  CHECK(r.out.find("test  overall") != std::string::npos);
  CHECK(r.err.find("epoch 1:") != std::string::npos);
  Ran missing = run_train_ner({"--train", "/no/such.iob2", "--dev", dev, "-o", model});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("/no/such.iob2") != std::string::npos);
  CHECK(run_train_ner({"--dev", dev, "-o", model}).code == 2);
  std::filesystem::remove(model);
}
