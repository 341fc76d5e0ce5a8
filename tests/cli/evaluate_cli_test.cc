#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

#include "cli/cli.h"
#include "run_kg.h"

namespace {

std::string temp_file(const std::string& name, const std::string& content) {
  auto path = std::filesystem::path(KG_BINARY_DIR) /
              ("evaluate_test_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

const char* kGold =
    "# newdoc id = d1\n"
    "# newpar\n"
    "# text = I don't know. \n"
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Mr. Smith left.\n"
    "1\tMr.\tMr.\tPROPN\tNNP\t_\t2\tcompound\t_\t_\n"
    "2\tSmith\tSmith\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
    "3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

}  // namespace

TEST_CASE("kg evaluate prints the CoNLL 2018 table for identical files", "[cli]") {
  std::string gold = temp_file("gold.conllu", kGold);
  Ran r = kg_run({"evaluate", gold, gold});
  CHECK(r.code == 0);
  CHECK(r.out.find("Metric     | Precision |    Recall |  F1 Score | AligndAcc") == 0);
  CHECK(r.out.find("LAS        |    100.00 |    100.00 |    100.00 |    100.00") !=
        std::string::npos);
  std::filesystem::remove(gold);
}

TEST_CASE("kg evaluate --json gives every metric", "[cli]") {
  std::string gold = temp_file("gold.conllu", kGold);
  std::string sys = kGold;
  sys.replace(sys.find("\t4\tnsubj"), 8, "\t3\tnsubj");  // one wrong head
  std::string system = temp_file("system.conllu", sys);
  Ran r = kg_run({"evaluate", gold, system, "--json"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["UAS"]["correct"] == 8);
  CHECK(j["UAS"]["gold"] == 9);
  CHECK(j["Tokens"]["f1"] == Approx(100));
  CHECK(j["Tokens"]["aligned_accuracy"].is_null());
  std::filesystem::remove(gold);
  std::filesystem::remove(system);
}

TEST_CASE("kg evaluate --tokenize scores kg's tokenizer on the gold text", "[cli]") {
  std::string gold = temp_file("gold.conllu", kGold);
  std::string saved = temp_file("saved.conllu", "");
  Ran r = kg_run({"evaluate", "--tokenize", "--rules", gold, "--save-system", saved});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("1 documents, 2 sentences") != std::string::npos);
  CHECK(r.out.find("Tokens     |    100.00 |    100.00 |    100.00 |") != std::string::npos);
  CHECK(r.out.find("Sentences  |    100.00 |") != std::string::npos);
  CHECK(r.out.find("UPOS") == std::string::npos);
  std::ifstream in(saved);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str().find("2-3\tdon't") != std::string::npos);
  std::filesystem::remove(gold);
  std::filesystem::remove(saved);
}

TEST_CASE("kg evaluate reports a missing file and wrong arguments", "[cli]") {
  Ran missing = kg_run({"evaluate", "/no/such/gold.conllu", "/no/such/system.conllu"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("cannot open /no/such/gold.conllu") != std::string::npos);
  std::string gold = temp_file("gold.conllu", kGold);
  CHECK(kg_run({"evaluate", gold}).code == 2);
  CHECK(kg_run({"evaluate", gold, gold, "--docs", "x"}).code == 2);
  Ran nodocs = kg_run({"evaluate", "--tokenize", gold, "--docs", "news"});
  CHECK(nodocs.code == 1);
  CHECK(nodocs.err.find("no documents whose id contains 'news'") != std::string::npos);
  std::filesystem::remove(gold);
}
