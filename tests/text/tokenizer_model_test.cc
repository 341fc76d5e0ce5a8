#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include "common/binio.h"
#include "doc/conllu.h"
#include "text/tokenizer.h"
#include "train/train.h"

using kg::Document;
using kg::Tokenizer;

namespace {

std::string model_path() { return std::string(KG_SOURCE_DIR) + "/models/" + Tokenizer::kModelFileName; }

size_t sentence_count(const Tokenizer& tok, const std::string& text) {
  Document d;
  d.text = text;
  tok.tokenize(d);
  return d.sentences.size();
}

}  // namespace

TEST_CASE("Tokenizer trains a boundary model that saves and loads", "[text][data]") {
  auto all = kg::read_conllu_file(std::string(KG_SHARED_DATA) + "/ud/en_ewt/en_ewt-ud-dev.conllu");
  REQUIRE(all.ok());
  std::vector<kg::Sentence> train(all->begin(), all->begin() + 400);
  std::vector<kg::Sentence> dev(all->begin() + 400, all->begin() + 600);
  kg::TokenizerTrainOptions options;
  options.epochs = 3;
  int epochs = 0;
  options.on_epoch = [&](int, double f1) {
    ++epochs;
    CHECK(f1 > 50);
  };
  auto tok = kg::train_tokenizer(train, dev, options);
  REQUIRE(tok.ok());
  CHECK(epochs == 3);
  CHECK(tok->has_model());
  std::string path = std::string(KG_BINARY_DIR) + "/tokenizer_test.kgm";
  REQUIRE(tok->save(path).ok());
  auto loaded = Tokenizer::load(path);
  REQUIRE(loaded.ok());
  CHECK(loaded->describe().find("boundary model") != std::string::npos);
  CHECK(sentence_count(*loaded, "It rained. Then it stopped.") == 2);
  std::remove(path.c_str());
}

TEST_CASE("Tokenizer refuses a model file of another kind", "[text]") {
  std::string path = std::string(KG_BINARY_DIR) + "/not_a_tokenizer.kgm";
  kg::BinaryWriter w("kg-tagger-ap", 1);
  w.u32(7);
  REQUIRE(w.save(path).ok());
  auto loaded = Tokenizer::load(path);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().code() == kg::ErrorCode::kVersionMismatch);
  std::remove(path.c_str());
  CHECK(Tokenizer::load(path).status().code() == kg::ErrorCode::kNotFound);
}

TEST_CASE("Tokenizer without a model cannot be saved", "[text]") {
  CHECK_FALSE(Tokenizer::create().save(std::string(KG_BINARY_DIR) + "/x.kgm").ok());
}

TEST_CASE("The shipped tokenizer model splits news sentences", "[text]") {
  auto tok = Tokenizer::load(model_path());
  REQUIRE(tok.ok());
  CHECK(sentence_count(*tok, "Mr. Smith went to Washington. He met Sen. Jones there.") == 2);
  CHECK(sentence_count(*tok, "The U.S. Senate voted on Tuesday. The bill passed.") == 2);
  CHECK(sentence_count(*tok, "\"We are ready,\" said Bolden. \"Are you?\"") == 2);
}
