#include "parse/parser.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <tuple>

#include "common/binio.h"
#include "doc/conllu.h"
#include "parse/ap_parser.h"
#include "train/train.h"

using kg::Parser;
using kg::ParserTrainOptions;
using kg::Sentence;

namespace {

const std::vector<Sentence>& ewt(const std::string& split) {
  static std::map<std::string, std::vector<Sentence>> cache;
  auto it = cache.find(split);
  if (it == cache.end()) {
    auto r = kg::read_conllu_file(std::string(KG_SHARED_DATA) + "/ud/en_ewt/en_ewt-ud-" + split +
                                  ".conllu");
    REQUIRE(r.ok());
    it = cache.emplace(split, std::move(r).value()).first;
  }
  return it->second;
}

std::vector<Sentence> slice(const std::vector<Sentence>& all, size_t from, size_t count) {
  return {all.begin() + from, all.begin() + std::min(all.size(), from + count)};
}

// nn_epochs > 0 adds a small neural scorer (8 LSTM units, 16 hidden units, nn_layers BiLSTM
// layers).
std::unique_ptr<Parser> tiny_parser(size_t sentences = 400, int epochs = 4, int nn_epochs = 0,
                                    int nn_layers = 1,
                                    std::shared_ptr<const Parser> perceptron = nullptr) {
  ParserTrainOptions o;
  o.perceptron = std::move(perceptron);
  o.epochs = epochs;
  o.nn_epochs = nn_epochs;
  o.nn_layers = nn_layers;
  o.nn_lstm = 8;
  o.nn_hidden = 16;
  auto p = kg::train_parser(slice(ewt("train"), 0, sentences), o);
  REQUIRE(p.ok());
  return std::move(p).value();
}

std::vector<Sentence> parsed(const Parser& p, std::vector<Sentence> sentences) {
  for (auto& s : sentences) p.parse(s);
  return sentences;
}

std::vector<int> heads_of(const Sentence& s) {
  std::vector<int> h(s.tokens.size() + 1, 0);
  for (size_t i = 0; i < s.tokens.size(); ++i) h[i + 1] = s.tokens[i].head;
  return h;
}

std::string temp_path(const std::string& name) {
  return std::string(KG_BINARY_DIR) + "/parse_test_" + name;
}

}  // namespace

TEST_CASE("Parser trained on a few hundred sentences beats attach-to-previous-word",
          "[parse][data]") {
  int nn_epochs, nn_layers;
  std::tie(nn_epochs, nn_layers) = GENERATE(table<int, int>({{0, 1}, {2, 1}, {2, 2}}));
  INFO("neural scorer epochs " << nn_epochs << ", layers " << nn_layers);
  auto parser = tiny_parser(400, 4, nn_epochs, nn_layers);
  auto gold = slice(ewt("dev"), 0, 300);
  auto system = parsed(*parser, gold);
  auto score = kg::score_attachment(gold, system);

  auto baseline = gold;
  for (auto& s : baseline) {
    for (size_t i = 0; i < s.tokens.size(); ++i) s.tokens[i].head = static_cast<int>(i);
  }
  auto base = kg::score_attachment(gold, baseline);
  INFO("UAS " << score.uas() << " LAS " << score.las() << " baseline UAS " << base.uas());
  CHECK(score.uas() > 65.0);
  CHECK(score.uas() > base.uas() + 25.0);
  CHECK(score.las() > 55.0);
}

TEST_CASE("Every parse is a single-rooted tree, even for a 500-word sentence", "[parse][data]") {
  int nn_epochs, nn_layers;
  std::tie(nn_epochs, nn_layers) = GENERATE(table<int, int>({{0, 1}, {1, 1}, {1, 2}}));
  INFO("neural scorer epochs " << nn_epochs << ", layers " << nn_layers);
  auto parser = tiny_parser(150, 2, nn_epochs, nn_layers);
  for (const auto& s : parsed(*parser, slice(ewt("dev"), 0, 200))) {
    CHECK(kg::parse::is_single_rooted_tree(heads_of(s)));
    for (const auto& t : s.tokens) CHECK_FALSE(t.deprel.empty());
  }

  // 250 words are decoded with the beam (when there is a neural scorer), 500 greedily.
  for (size_t length : {250, 500}) {
    Sentence lng;
    for (const auto& s : ewt("dev")) {
      for (const auto& t : s.tokens) {
        if (lng.tokens.size() < length) lng.tokens.push_back(t);
      }
    }
    REQUIRE(lng.tokens.size() == length);
    parser->parse(lng);
    CHECK(kg::parse::is_single_rooted_tree(heads_of(lng)));
  }

  // Odd input: no tags, unknown tags, empty forms, a single word.
  Sentence odd;
  for (std::string form : {"", "zzqx", "!!!", "\xff", "the"}) {
    kg::Token t;
    t.form = form;
    t.upos = form == "the" ? "DET" : "";
    t.xpos = form == "zzqx" ? "NO-SUCH-TAG" : "";
    odd.tokens.push_back(t);
  }
  parser->parse(odd);
  CHECK(kg::parse::is_single_rooted_tree(heads_of(odd)));
  Sentence one;
  one.tokens.resize(1);
  parser->parse(one);
  CHECK(one.tokens[0].head == 0);
  CHECK(one.tokens[0].deprel == "root");
  Sentence empty;
  parser->parse(empty);
  CHECK(empty.tokens.empty());
}

TEST_CASE("A saved and reloaded parser gives identical parses", "[parse][data]") {
  int nn_epochs, nn_layers;
  std::tie(nn_epochs, nn_layers) = GENERATE(table<int, int>({{0, 1}, {1, 1}, {1, 2}}));
  INFO("neural scorer epochs " << nn_epochs << ", layers " << nn_layers);
  auto parser = tiny_parser(200, 2, nn_epochs, nn_layers);
  std::string path = temp_path("roundtrip.bin");
  REQUIRE(parser->save(path).ok());
  auto loaded = Parser::load(path);
  REQUIRE(loaded.ok());
  CHECK((*loaded)->feature_count() == parser->feature_count());
  CHECK((*loaded)->weight_count() == parser->weight_count());
  auto a = parsed(*parser, slice(ewt("dev"), 0, 300));
  auto b = parsed(**loaded, slice(ewt("dev"), 0, 300));
  std::ostringstream out_a, out_b;
  for (const auto& s : a) kg::write_conllu(out_a, s);
  for (const auto& s : b) kg::write_conllu(out_b, s);
  CHECK(out_a.str() == out_b.str());
  std::remove(path.c_str());
}

TEST_CASE("Parser training is deterministic for a given seed", "[parse][data]") {
  int nn_epochs, nn_layers;
  std::tie(nn_epochs, nn_layers) = GENERATE(table<int, int>({{0, 1}, {1, 1}, {1, 2}}));
  INFO("neural scorer epochs " << nn_epochs << ", layers " << nn_layers);
  auto a = tiny_parser(100, 2, nn_epochs, nn_layers);
  auto b = tiny_parser(100, 2, nn_epochs, nn_layers);
  std::string pa = temp_path("det_a.bin"), pb = temp_path("det_b.bin");
  REQUIRE(a->save(pa).ok());
  REQUIRE(b->save(pb).ok());
  auto slurp = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  CHECK(slurp(pa) == slurp(pb));
  std::remove(pa.c_str());
  std::remove(pb.c_str());
}

TEST_CASE("The neural scorer is added to the same perceptron, which can be saved alone",
          "[parse][data]") {
  auto with_nn = tiny_parser(150, 2, 1);
  auto without = tiny_parser(150, 2, 0);
  auto perceptron = with_nn->without_neural_scorer();
  std::string pa = temp_path("perceptron_a.bin"), pb = temp_path("perceptron_b.bin");
  REQUIRE(perceptron->save(pa).ok());
  REQUIRE(without->save(pb).ok());
  auto slurp = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  CHECK(slurp(pa) == slurp(pb));
  std::string pn = temp_path("with_nn.bin");
  REQUIRE(with_nn->save(pn).ok());
  CHECK(slurp(pn).size() > slurp(pa).size());
  for (const auto& p : {pa, pb, pn}) std::remove(p.c_str());
}

TEST_CASE("Training the scorer beside a given perceptron gives the model of training both",
          "[parse][data]") {
  auto slurp = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto both = tiny_parser(150, 2, 1, 2);
  std::string pp = temp_path("given_perceptron.bin"), pa = temp_path("given_a.bin"),
              pb = temp_path("given_b.bin");
  REQUIRE(both->without_neural_scorer()->save(pp).ok());
  auto perceptron = Parser::load(pp);
  REQUIRE(perceptron.ok());
  std::shared_ptr<const Parser> given = std::move(perceptron).value();
  auto scorer_only = tiny_parser(150, 2, 1, 2, given);
  REQUIRE(both->save(pa).ok());
  REQUIRE(scorer_only->save(pb).ok());
  CHECK(slurp(pa) == slurp(pb));
  // Without a scorer to train, the perceptron is the model.
  REQUIRE(tiny_parser(150, 2, 0, 1, given)->save(pb).ok());
  CHECK(slurp(pb) == slurp(pp));
  // A perceptron of other trees (fewer labels) is refused.
  ParserTrainOptions o;
  o.nn_epochs = 1;
  o.perceptron = given;
  CHECK(kg::train_parser(slice(ewt("train"), 0, 3), o).status().code() ==
        kg::ErrorCode::kInvalidInput);
  for (const auto& p : {pp, pa, pb}) std::remove(p.c_str());
}

TEST_CASE("Parser::load refuses other versions, other models and broken files", "[parse][data]") {
  using kg::ErrorCode;
  CHECK(Parser::load(temp_path("missing.bin")).status().code() == ErrorCode::kNotFound);

  std::string path = temp_path("other.bin");
  REQUIRE(
      kg::BinaryWriter(kg::parse::kImplementation, kg::parse::kFormatVersion + 1).save(path).ok());
  auto newer = Parser::load(path);
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.status().code() == ErrorCode::kVersionMismatch);
  CHECK(newer.status().message().find("version") != std::string::npos);

  // A model of the previous format (version 1, before the neural scorer).
  REQUIRE(kg::BinaryWriter(kg::parse::kImplementation, 1).save(path).ok());
  auto older = Parser::load(path);
  REQUIRE_FALSE(older.ok());
  CHECK(older.status().code() == ErrorCode::kVersionMismatch);
  CHECK(older.status().message().find("version") != std::string::npos);

  REQUIRE(kg::BinaryWriter("kg-tagger-ap", 1).save(path).ok());
  auto other = Parser::load(path);
  CHECK(other.status().code() == ErrorCode::kVersionMismatch);
  CHECK(other.status().message().find("kg-tagger-ap") != std::string::npos);

  {
    std::ofstream out(path, std::ios::binary);
    out << "not a model at all";
  }
  CHECK(Parser::load(path).status().code() == ErrorCode::kInvalidInput);

  // A real model (with the neural scorer) cut short, and one with trailing bytes.
  auto parser = tiny_parser(50, 1, 1);
  REQUIRE(parser->save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (size_t cut : {bytes.size() / 3, bytes.size() - 1}) {
    std::ofstream(path, std::ios::binary) << bytes.substr(0, cut);
    auto r = Parser::load(path);
    INFO("cut at " << cut);
    CHECK(r.status().code() == ErrorCode::kCorruption);
  }
  std::ofstream(path, std::ios::binary) << bytes << "x";
  CHECK(Parser::load(path).status().code() == ErrorCode::kCorruption);
  std::remove(path.c_str());
}

TEST_CASE("One-layer models keep format version 2, two-layer ones are version 3", "[parse][data]") {
  auto slurp = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto version_reads = [](const std::string& bytes, uint32_t version) {
    return kg::BinaryReader::from_bytes(bytes, kg::parse::kImplementation, version).ok();
  };
  std::string p1 = temp_path("layers1.bin"), p2 = temp_path("layers2.bin");
  REQUIRE(tiny_parser(50, 1, 1, 1)->save(p1).ok());
  REQUIRE(tiny_parser(50, 1, 1, 2)->save(p2).ok());
  CHECK(version_reads(slurp(p1), 2));
  CHECK(version_reads(slurp(p2), 3));
  CHECK_FALSE(version_reads(slurp(p2), 2));  // what a build before version 3 reads: refused
  CHECK(slurp(p2).size() > slurp(p1).size());
  CHECK(Parser::load(p1).ok());
  CHECK(Parser::load(p2).ok());

  ParserTrainOptions o;
  o.nn_epochs = 1;
  o.nn_layers = 3;
  CHECK(kg::train_parser(slice(ewt("train"), 0, 10), o).status().code() ==
        kg::ErrorCode::kInvalidInput);
  std::remove(p1.c_str());
  std::remove(p2.c_str());
}

TEST_CASE("Attachment scores count heads and universal labels", "[parse]") {
  Sentence gold, sys;
  for (auto [h, rel] : {std::pair{2, "nsubj:pass"}, std::pair{0, "root"}, std::pair{2, "obj"}}) {
    kg::Token t;
    t.head = h;
    t.deprel = rel;
    gold.tokens.push_back(t);
  }
  sys = gold;
  sys.tokens[0].deprel = "nsubj";  // subtype ignored: still labelled-correct
  sys.tokens[2].deprel = "iobj";   // head right, label wrong
  auto sc = kg::score_attachment({gold}, {sys});
  CHECK(sc.words == 3);
  CHECK(sc.head_correct == 3);
  CHECK(sc.labelled_correct == 2);
  sys.tokens[1].head = 3;
  sc = kg::score_attachment({gold}, {sys});
  CHECK(sc.head_correct == 2);
}

TEST_CASE("Concurrent parse calls on one parser give the sequential results", "[parse][data]") {
  int nn_epochs, nn_layers;
  std::tie(nn_epochs, nn_layers) = GENERATE(table<int, int>({{0, 1}, {1, 1}, {1, 2}}));
  INFO("neural scorer epochs " << nn_epochs << ", layers " << nn_layers);
  auto parser = tiny_parser(150, 2, nn_epochs, nn_layers);
  auto input = slice(ewt("dev"), 0, 400);
  auto expected = parsed(*parser, input);
  std::vector<std::vector<Sentence>> outputs(4, input);
  std::vector<std::thread> threads;
  for (auto& out : outputs) {
    threads.emplace_back([&parser, &out] {
      for (auto& s : out) parser->parse(s);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& out : outputs) {
    for (size_t i = 0; i < out.size(); ++i) {
      for (size_t j = 0; j < out[i].tokens.size(); ++j) {
        REQUIRE(out[i].tokens[j].head == expected[i].tokens[j].head);
        REQUIRE(out[i].tokens[j].deprel == expected[i].tokens[j].deprel);
      }
    }
  }
}
