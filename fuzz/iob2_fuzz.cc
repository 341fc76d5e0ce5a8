// Fuzz target: the UniversalNER IOB2 corpus reader (what `kg train ner` reads). Whatever it
// accepts is a valid IOB2 sequence over PER/ORG/LOC with non-empty forms, and its entity spans
// start exactly at the B- tags.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_check.h"
#include "ner/entity_tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  auto sentences = kg::read_iob2(in, "fuzz.iob2");
  if (!sentences.ok()) {
    // One line naming the input.
    const std::string m = sentences.status().message();
    KG_FUZZ_CHECK(m.rfind("fuzz.iob2", 0) == 0 && m.find('\n') == std::string::npos);
    return 0;
  }
  for (const kg::Sentence& s : *sentences) {
    KG_FUZZ_CHECK(!s.tokens.empty());
    size_t begins = 0;
    std::string open;  // type of the entity the previous token is in, "" after O
    for (const kg::Token& t : s.tokens) {
      KG_FUZZ_CHECK(!t.form.empty());
      const std::string& e = t.entity;
      if (e == "O") {
        open.clear();
        continue;
      }
      KG_FUZZ_CHECK(e.size() == 5 && (e[0] == 'B' || e[0] == 'I') && e[1] == '-');
      const std::string type = e.substr(2);
      KG_FUZZ_CHECK(type == "PER" || type == "ORG" || type == "LOC");
      if (e[0] == 'I') KG_FUZZ_CHECK(open == type);
      if (e[0] == 'B') ++begins;
      open = type;
    }
    const auto spans = kg::entity_spans(s);
    KG_FUZZ_CHECK(spans.size() == begins);
    for (const auto& span : spans) {
      KG_FUZZ_CHECK(span.first >= 0 && span.first <= span.last &&
                    span.last < static_cast<int>(s.tokens.size()));
      KG_FUZZ_CHECK(s.tokens[span.first].entity == "B-" + span.type);
    }
  }
  return 0;
}
