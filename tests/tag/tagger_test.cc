#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "common/binio.h"
#include "doc/conllu.h"
#include "tag/ap_tagger.h"
#include "tag/tagger.h"
#include "train/train.h"

using namespace kg;

namespace {

const std::string kTrain = std::string(KG_SHARED_DATA) + "/ud/en_ewt/en_ewt-ud-train.conllu";

// The first `n` sentences of EWT train (training slice) and the next `m` (held out).
struct Slices {
  std::vector<Sentence> train, held_out;
};

const Slices& slices() {
  static const Slices s = [] {
    auto all = read_conllu_file(kTrain);
    REQUIRE(all.ok());
    Slices out;
    out.train.assign(all->begin(), all->begin() + 400);
    out.held_out.assign(all->begin() + 400, all->begin() + 550);
    return out;
  }();
  return s;
}

// A tagger trained on the small slice (shared by the tests; a few seconds).
const Tagger& small_tagger() {
  static const std::unique_ptr<Tagger> t = [] {
    TaggerTrainOptions o;
    o.epochs = 4;
    o.jackknife_epochs = 3;
    auto r = train_tagger(slices().train, {}, o);
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  return *t;
}

// The same slice with the BiLSTM scorer; sentences 550..650 are its dev set (epoch and weight).
const Tagger& small_nn_tagger() {
  static const std::unique_ptr<Tagger> t = [] {
    auto all = read_conllu_file(kTrain);
    REQUIRE(all.ok());
    std::vector<Sentence> dev(all->begin() + 550, all->begin() + 650);
    TaggerTrainOptions o;
    o.epochs = 4;
    o.jackknife_epochs = 3;
    o.nn_epochs = 4;
    o.nn_lstm = 16;
    auto r = train_tagger(slices().train, dev, o);
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  return *t;
}

// The format version in a saved model's header.
bool has_version(const std::string& path, uint32_t version) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return BinaryReader::from_bytes(bytes, tag::kImplementation, version).ok();
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("kg_tag_test_" + name)).string();
}

Sentence words(const std::vector<std::string>& forms) {
  Sentence s;
  for (const auto& f : forms) {
    Token t;
    t.form = f;
    s.tokens.push_back(t);
  }
  return s;
}

}  // namespace

TEST_CASE("Tagger trained on 400 sentences tags held-out text well above the baseline", "[tag][data]") {
  TagAccuracy a = evaluate_tagger(small_tagger(), slices().held_out);
  CHECK(a.words > 2000);
  // Tagging everything NOUN gets about 17%; a working tagger on this little data gets > 80%.
  CHECK(a.pct(a.upos) > 80.0);
  CHECK(a.pct(a.xpos) > 75.0);
  CHECK(a.pct(a.lemma) > 85.0);
}

TEST_CASE("Tagger fills upos, xpos and lemma and leaves other fields alone", "[tag][data]") {
  Sentence s = words({"The", "dogs", "were", "barking", "."});
  s.tokens[1].head = 4;
  s.tokens[1].deprel = "nsubj";
  small_tagger().tag(s);
  for (const Token& t : s.tokens) {
    CHECK_FALSE(t.upos.empty());
    CHECK_FALSE(t.xpos.empty());
    CHECK_FALSE(t.lemma.empty());
  }
  CHECK(s.tokens[0].upos == "DET");
  CHECK(s.tokens[4].upos == "PUNCT");
  CHECK(s.tokens[1].head == 4);
  CHECK(s.tokens[1].deprel == "nsubj");
}

TEST_CASE("Tagger survives an empty sentence and odd tokens", "[tag][data]") {
  Sentence empty;
  small_tagger().tag(empty);
  CHECK(empty.tokens.empty());
  Sentence odd = words({"ÄÖÜ", "http://x.y/z", "--", "1,000,000", std::string(300, 'a'), "é"});
  small_tagger().tag(odd);
  for (const Token& t : odd.tokens) CHECK_FALSE(t.upos.empty());
}

TEST_CASE("Tagger save and load round-trip gives identical tags", "[tag][data]") {
  std::string path = temp_path("roundtrip.bin");
  REQUIRE(small_tagger().save(path).ok());
  auto loaded = Tagger::load(path);
  REQUIRE(loaded.ok());
  for (const Sentence& g : slices().held_out) {
    Sentence a, b;
    a.tokens = b.tokens = g.tokens;
    small_tagger().tag(a);
    (*loaded)->tag(b);
    for (size_t i = 0; i < a.tokens.size(); ++i) {
      REQUIRE(a.tokens[i].upos == b.tokens[i].upos);
      REQUIRE(a.tokens[i].xpos == b.tokens[i].xpos);
      REQUIRE(a.tokens[i].lemma == b.tokens[i].lemma);
    }
  }
  CHECK((*loaded)->describe().find("kg-tagger-ap") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("Tagger's BiLSTM scorer learns on 400 sentences", "[tag][data]") {
  const auto& model = dynamic_cast<const tag::ApTagger&>(small_nn_tagger()).model();
  REQUIRE(model.nn != nullptr);
  // The scorer alone: its best label per word (tagging everything NOUN gets about 17% UPOS).
  size_t words = 0, right = 0;
  std::vector<std::string_view> forms;
  std::vector<float> scores;
  for (const Sentence& g : slices().held_out) {
    forms.clear();
    for (const Token& t : g.tokens) forms.emplace_back(t.form);
    model.nn->scores(forms, scores);
    for (size_t i = 0; i < forms.size(); ++i) {
      const float* row = &scores[i * model.labels()];
      const size_t l = std::max_element(row, row + model.labels()) - row;
      ++words;
      right += model.upos[l] == g.tokens[i].upos;
    }
  }
  CHECK(100.0 * right / words > 60.0);
  TagAccuracy a = evaluate_tagger(small_nn_tagger(), slices().held_out);
  CHECK(a.pct(a.upos) > 80.0);
  CHECK(small_nn_tagger().describe().find("BiLSTM") != std::string::npos);
}

TEST_CASE("Tagger with a BiLSTM scorer saves version 2 and loads back identical tags",
          "[tag][data]") {
  std::string path = temp_path("roundtrip_nn.bin");
  REQUIRE(small_nn_tagger().save(path).ok());
  CHECK(has_version(path, tag::kFormatVersionNn));
  auto loaded = Tagger::load(path);
  REQUIRE(loaded.ok());
  for (const Sentence& g : slices().held_out) {
    Sentence a, b;
    a.tokens = b.tokens = g.tokens;
    small_nn_tagger().tag(a);
    (*loaded)->tag(b);
    for (size_t i = 0; i < a.tokens.size(); ++i) {
      REQUIRE(a.tokens[i].upos == b.tokens[i].upos);
      REQUIRE(a.tokens[i].xpos == b.tokens[i].xpos);
    }
  }
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 1);
  CHECK_FALSE(Tagger::load(path).ok());
  std::filesystem::remove(path);
}

TEST_CASE("Tagger without a BiLSTM scorer still saves format version 1", "[tag][data]") {
  std::string path = temp_path("v1.bin");
  REQUIRE(small_tagger().save(path).ok());
  CHECK(has_version(path, tag::kFormatVersion));
  CHECK_FALSE(has_version(path, tag::kFormatVersionNn));
  std::filesystem::remove(path);
}

TEST_CASE("Tagger refuses a model of another version or implementation", "[tag][data]") {
  std::string path = temp_path("newer.bin");
  REQUIRE(BinaryWriter(tag::kImplementation, tag::kFormatVersionNn + 1).save(path).ok());
  auto newer = Tagger::load(path);
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.status().code() == ErrorCode::kVersionMismatch);
  CHECK(newer.status().message().find(path) != std::string::npos);
  CHECK(newer.status().message().find("version") != std::string::npos);

  REQUIRE(BinaryWriter("kg-parser-ap", 1).save(path).ok());
  auto other = Tagger::load(path);
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().code() == ErrorCode::kVersionMismatch);
  std::filesystem::remove(path);

  auto missing = Tagger::load(temp_path("does-not-exist.bin"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == ErrorCode::kNotFound);
}

TEST_CASE("Tagger reports a truncated model file instead of crashing", "[tag][data]") {
  std::string path = temp_path("truncated.bin");
  REQUIRE(small_tagger().save(path).ok());
  auto size = std::filesystem::file_size(path);
  for (auto keep : {size / 2, size - 1, static_cast<decltype(size)>(30)}) {
    std::filesystem::resize_file(path, keep);
    auto t = Tagger::load(path);
    REQUIRE_FALSE(t.ok());
    // One line that names the file once.
    const std::string message = t.status().message();
    CHECK(message.find(path) == 0);
    CHECK(message.find(path, path.size()) == std::string::npos);
  }
  std::filesystem::remove(path);
}

TEST_CASE("Tagger gives the same tags from concurrent threads", "[tag][data]") {
  const auto& held = slices().held_out;
  std::vector<Sentence> expected = held;
  for (Sentence& s : expected) small_tagger().tag(s);
  std::vector<std::vector<Sentence>> got(4, held);
  std::vector<std::thread> threads;
  for (auto& g : got) {
    threads.emplace_back([&g] {
      for (Sentence& s : g) small_tagger().tag(s);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& g : got)
    for (size_t i = 0; i < g.size(); ++i)
      for (size_t k = 0; k < g[i].tokens.size(); ++k)
        REQUIRE(g[i].tokens[k].xpos == expected[i].tokens[k].xpos);
}

TEST_CASE("Tagger training refuses data without tags", "[tag]") {
  std::vector<Sentence> untagged = {words({"no", "tags", "here"})};
  auto r = train_tagger(untagged, {}, TaggerTrainOptions{});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kInvalidInput);
}

TEST_CASE("The committed tagger model tags a simple sentence", "[tag]") {
  std::string path = std::string(KG_SOURCE_DIR) + "/models/tagger.bin";
  if (!std::filesystem::exists(path)) {
    WARN("no committed model at " << path);
    return;
  }
  auto t = Tagger::load(path);
  REQUIRE(t.ok());
  Sentence s = words({"The", "children", "were", "running", "to", "Mary", "'s", "house", "."});
  (*t)->tag(s);
  std::vector<std::string> upos, lemma;
  for (const Token& tok : s.tokens) upos.push_back(tok.upos), lemma.push_back(tok.lemma);
  CHECK(upos == std::vector<std::string>{"DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PART",
                                         "NOUN", "PUNCT"});
  CHECK(lemma == std::vector<std::string>{"the", "child", "be", "run", "to", "Mary", "'s", "house",
                                          "."});
}
