// `kg parse` and `kg train parser` run in-process with the committed models.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "run_kg.h"
#include "doc/conllu.h"

namespace {

std::string data(const std::string& name) {
  return std::string(KG_SOURCE_DIR) + "/tests/data/parse/" + name;
}

std::vector<kg::Sentence> read_all(const std::string& conllu, bool require_tree = true) {
  std::istringstream in(conllu);
  kg::ConlluReader reader(in, "<output>");
  reader.require_tree(require_tree);
  std::vector<kg::Sentence> out;
  for (;;) {
    auto s = reader.next();
    REQUIRE(s.ok());
    if (!*s) break;
    out.push_back(std::move(**s));
  }
  return out;
}

// Column 1 and 2 (ID, FORM) and comment lines: what must survive parsing unchanged.
std::vector<std::string> skeleton(const std::string& conllu) {
  std::vector<std::string> lines;
  std::istringstream in(conllu);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') {
      lines.push_back(line);
      continue;
    }
    size_t second_tab = line.find('\t', line.find('\t') + 1);
    lines.push_back(line.substr(0, second_tab));
  }
  return lines;
}

}  // namespace

TEST_CASE("kg parse writes the golden CoNLL-U for a few sentences of text", "[cli][parse]") {
  auto r = kg_run({"parse", data("golden_input.txt")});
  REQUIRE(r.code == 0);
  INFO("if the tagger or parser model changed on purpose, regenerate with: build/bin/kg parse "
       "tests/data/parse/golden_input.txt > tests/data/parse/golden_output.conllu");
  CHECK(r.out == slurp(data("golden_output.conllu")));
}

TEST_CASE("kg parse on text writes sent_id, text and SpaceAfter=No", "[cli][parse]") {
  auto r = kg_run({"parse", "-"}, "Hello, world! Isn't it great?\n");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("# sent_id = 1\n# text = Hello, world!\n") != std::string::npos);
  CHECK(r.out.find("# sent_id = 2\n# text = Isn't it great?\n") != std::string::npos);
  CHECK(r.out.find("1\tHello\thello\t") != std::string::npos);
  CHECK(r.out.find("SpaceAfter=No") != std::string::npos);
  CHECK(r.out.find("1-2\tIsn't\t") != std::string::npos);
  auto sentences = read_all(r.out);
  REQUIRE(sentences.size() == 2);
  for (const auto& s : sentences) {
    int roots = 0;
    for (const auto& t : s.tokens) roots += t.head == 0;
    CHECK(roots == 1);
  }
}

TEST_CASE("kg parse keeps CoNLL-U tokenization exactly, multiword ranges included",
          "[cli][parse]") {
  std::string input = slurp(data("unparsed.conllu"));
  auto r = kg_run({"parse", "--input-format", "conllu"}, input);
  REQUIRE(r.code == 0);
  CHECK(skeleton(r.out) == skeleton(input));
  auto sentences = read_all(r.out);
  auto original = read_all(input, /*require_tree=*/false);
  REQUIRE(sentences.size() == original.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    REQUIRE(sentences[i].tokens.size() == original[i].tokens.size());
    CHECK(sentences[i].multiwords.size() == original[i].multiwords.size());
    for (const auto& t : sentences[i].tokens) {
      CHECK_FALSE(t.upos.empty());
      CHECK_FALSE(t.xpos.empty());
      CHECK_FALSE(t.lemma.empty());
      CHECK(t.head >= 0);
      CHECK_FALSE(t.deprel.empty());
    }
  }
}

TEST_CASE("kg parse reports malformed CoNLL-U with file and line and exits 1", "[cli][parse]") {
  std::string path = std::string(KG_BINARY_DIR) + "/parse_cli_bad.conllu";
  {
    std::ofstream out(path);
    out << "# text = a b\n1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n2\tb\t_\t_\t_\n\n";
  }
  auto r = kg_run({"parse", "--input-format", "conllu", path});
  CHECK(r.code == 1);
  CHECK(r.err.find(path + ":3:") != std::string::npos);
  CHECK(r.err.find("10 tab-separated columns") != std::string::npos);
  std::remove(path.c_str());

  auto bad_id = kg_run({"parse", "--input-format", "conllu"}, "1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n"
                                                                "3\tb\t_\t_\t_\t_\t_\t_\t_\t_\n");
  CHECK(bad_id.code == 1);
  CHECK(bad_id.err.find("<stdin>:2:") != std::string::npos);
}

TEST_CASE("kg parse fails cleanly on missing inputs and models", "[cli][parse]") {
  auto no_file = kg_run({"parse", "/no/such/file.txt"});
  CHECK(no_file.code == 1);
  CHECK(no_file.err.find("/no/such/file.txt") != std::string::npos);
  auto no_model = kg_run({"parse", "--parser", "/no/such/parser.bin", "-"}, "Hi.\n");
  CHECK(no_model.code == 1);
  CHECK(no_model.err.find("/no/such/parser.bin") != std::string::npos);
  CHECK(kg_run({"parse", "--input-format", "xml", "-"}).code == 2);
}

TEST_CASE("kg train parser trains a small model that kg parse can use", "[cli][parse][data]") {
  // A few hundred sentences of EWT train, two epochs: seconds.
  std::string train = std::string(KG_BINARY_DIR) + "/parse_cli_train.conllu";
  std::string model = std::string(KG_BINARY_DIR) + "/parse_cli_parser.bin";
  {
    auto all = slurp(std::string(KG_SHARED_DATA) + "/ud/en_ewt/en_ewt-ud-train.conllu");
    size_t end = 0;
    for (int i = 0; i < 300; ++i) end = all.find("\n\n", end) + 2;
    std::ofstream(train) << all.substr(0, end);
  }
  auto r = kg_run({"train", "parser", "--train", train, "--dev", train, "--epochs", "2", "-o",
                   model});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("epoch 2") != std::string::npos);
  CHECK(r.out.find("saved " + model) != std::string::npos);
  auto p = kg_run({"parse", "--parser", model, "-"}, "They sold the house last year.\n");
  CHECK(p.code == 0);
  CHECK(read_all(p.out).size() == 1);
  std::remove(train.c_str());
  std::remove(model.c_str());
}
