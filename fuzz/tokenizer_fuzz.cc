// Fuzz target: tokenizer and sentence splitter (rules + the shipped boundary model) on arbitrary
// bytes. The first byte picks the line-break mode; offsets must stay inside the text and in order.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/utf8.h"
#include "fuzz_check.h"
#include "text/tokenizer.h"

namespace {

const kg::Tokenizer& tokenizer(kg::TokenizerOptions::LineBreaks mode) {
  static const kg::Tokenizer* loaded[3] = {};
  int i = static_cast<int>(mode);
  if (!loaded[i]) {
    kg::TokenizerOptions options;
    options.line_breaks = mode;
    auto t = kg::Tokenizer::load(kg::fuzz::source_path("models/tokenizer.kgm"), options);
    loaded[i] = new kg::Tokenizer(t.ok() ? std::move(*t) : kg::Tokenizer::create(options));
  }
  return *loaded[i];
}

void check_sentence(const kg::Sentence& s, size_t text_size) {
  KG_FUZZ_CHECK(s.start <= s.end && s.end <= text_size);
  KG_FUZZ_CHECK(!s.tokens.empty());
  size_t prev = s.start;
  for (const kg::Token& t : s.tokens) {
    KG_FUZZ_CHECK(t.start <= t.end && t.end <= s.end);
    KG_FUZZ_CHECK(t.start >= prev);
    KG_FUZZ_CHECK(!t.form.empty());
    prev = t.start;
  }
  for (const kg::MultiwordToken& m : s.multiwords) {
    KG_FUZZ_CHECK(m.first >= 1 && m.first <= m.last && m.last <= static_cast<int>(s.tokens.size()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  auto mode = static_cast<kg::TokenizerOptions::LineBreaks>(data[0] % 3);
  const kg::Tokenizer& tok = tokenizer(mode);
  kg::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  tok.tokenize(doc);
  size_t prev_end = 0;
  for (const kg::Sentence& s : doc.sentences) {
    check_sentence(s, doc.text.size());
    KG_FUZZ_CHECK(s.start >= prev_end);
    prev_end = s.end;
    // The sentence text is a valid "# text" line when the input was valid UTF-8.
    KG_FUZZ_CHECK(s.text.find('\n') == std::string::npos);
  }
  kg::Sentence one = tok.tokenize_sentence(doc.text);
  if (!one.tokens.empty()) check_sentence(one, doc.text.size());
  return 0;
}
