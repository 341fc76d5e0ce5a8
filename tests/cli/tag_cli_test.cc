#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "cli/cli.h"
#include "run_kg.h"
#include "doc/conllu.h"

namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::path(KG_BINARY_DIR) /
          ("tag_cli_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

// Writes sentences [from, to) of EWT train to a temporary CoNLL-U file.
std::string ewt_slice(const std::string& name, size_t from, size_t to) {
  static const auto all =
      kg::read_conllu_file(std::string(KG_SHARED_DATA) + "/ud/en_ewt/en_ewt-ud-train.conllu");
  REQUIRE(all.ok());
  std::string path = temp_path(name);
  std::ofstream out(path);
  for (size_t i = from; i < to; ++i) kg::write_conllu(out, (*all)[i]);
  return path;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("kg train tagger trains, reports dev per epoch and kg tag uses the model", "[cli][data]") {
  std::string train = ewt_slice("train.conllu", 0, 200);
  std::string dev = ewt_slice("dev.conllu", 200, 260);
  std::string model = temp_path("tagger.bin");
  auto r = kg_run({"train", "tagger", "--train", train, "--dev", dev, "-o", model, "--epochs", "2",
                   "--passes", "1", "--ensemble", "1", "--test", dev});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(count(r.out, "pass 1/1 model 1/1 epoch") == 2);
  CHECK(r.out.find("saved " + model) != std::string::npos);
  CHECK(r.out.find("test  UPOS") != std::string::npos);

  auto eval = kg_run({"tag", "--model", model, "--eval", dev});
  REQUIRE(eval.code == 0);
  CHECK(eval.out.find("UPOS") != std::string::npos);
  CHECK(eval.out.find("words/s") != std::string::npos);

  // Tagging keeps the tokenization and fills UPOS, XPOS and LEMMA.
  std::string input =
      "1\tThe\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdog\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tbarks\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  auto tagged = kg_run({"tag", "--model", model, "-"}, input);
  REQUIRE(tagged.code == 0);
  std::istringstream in(tagged.out);
  kg::ConlluReader reader(in, "out");
  reader.require_tree(false);
  auto s = reader.next();
  REQUIRE(s.ok());
  REQUIRE(s->has_value());
  const auto& tokens = (*s)->tokens;
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].upos == "DET");
  CHECK(tokens[0].lemma == "the");
  CHECK(tokens[3].upos == "PUNCT");
  CHECK_FALSE(tokens[3].space_after == false);  // only word 3 has SpaceAfter=No
  CHECK(tokens[2].space_after == false);
  for (const auto& p : {train, dev, model}) std::filesystem::remove(p);
}

TEST_CASE("kg tag and kg train report bad input in one line with the right exit code", "[cli]") {
  auto missing = kg_run({"tag", "--model", temp_path("no-such-model.bin"), "-"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("no-such-model.bin") != std::string::npos);
  CHECK(count(missing.err, "\n") == 1);
  CHECK(kg_run({"train"}).code == 2);
  CHECK(kg_run({"train", "tagger", "--train", "x"}).code == 2);
  auto no_file = kg_run({"train", "tagger", "--train", temp_path("absent.conllu"), "--dev",
                         temp_path("absent.conllu"), "-o", temp_path("m.bin")});
  CHECK(no_file.code == 1);
  CHECK(no_file.err.find("absent.conllu") != std::string::npos);
}
