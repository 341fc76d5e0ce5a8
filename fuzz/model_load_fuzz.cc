// Fuzz target: the model loaders (tokenizer, tagger, parser, entity tagger). The first byte picks
// the loader, the rest is the model file. A model that loads must also run on a sentence.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "fuzz_check.h"
#include "ner/entity_tagger.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/tokenizer.h"

namespace {

const std::string& temp_path() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/kg-fuzz-model-" + std::to_string(getpid()) +
           ".bin";
  }();
  return path;
}

kg::Sentence sample_sentence() {
  kg::Document doc;
  doc.text = "Apple said on Monday that it didn't buy the U.K. start-up for $3,000,000.";
  kg::Tokenizer::create().tokenize(doc);
  kg::Sentence s = doc.sentences.at(0);
  for (kg::Token& t : s.tokens) {
    t.upos = "NOUN";
    t.xpos = "NN";
  }
  return s;
}

void check_tree(const kg::Sentence& s) {
  int roots = 0;
  for (const kg::Token& t : s.tokens) {
    KG_FUZZ_CHECK(t.head >= 0 && t.head <= static_cast<int>(s.tokens.size()));
    roots += t.head == 0;
  }
  KG_FUZZ_CHECK(roots == 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  {
    std::ofstream out(temp_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data) + 1, static_cast<std::streamsize>(size - 1));
  }
  kg::Sentence s = sample_sentence();
  switch (data[0] % 4) {
    case 0:
      if (auto t = kg::Tokenizer::load(temp_path()); t.ok()) {
        kg::Document doc;
        doc.text = "Mr. Smith went to Washington. He said so.\n\nA new paragraph";
        t->tokenize(doc);
        KG_FUZZ_CHECK(!doc.sentences.empty());
      }
      break;
    case 1:
      if (auto t = kg::Tagger::load(temp_path()); t.ok()) (*t)->tag(s);
      break;
    case 2:
      if (auto p = kg::Parser::load(temp_path()); p.ok()) {
        (*p)->parse(s);
        check_tree(s);
      }
      break;
    case 3:
      if (auto n = kg::EntityTagger::load(temp_path()); n.ok()) (*n)->tag(s);
      break;
  }
  return 0;
}
