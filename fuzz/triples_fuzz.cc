// Fuzz target: the triples JSONL readers. A line parse_triple_json accepts must round-trip through
// triple_to_json; the store's fast parser must agree with it on every line it accepts.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "doc/triples_jsonl.h"
#include "fuzz_check.h"
#include "doc/fast_triples.h"

namespace {

bool same(const kg::Triple& a, const kg::Triple& b) {
  if (a.args.size() != b.args.size()) return false;
  for (size_t i = 0; i < a.args.size(); ++i) {
    if (a.args[i].prep != b.args[i].prep || a.args[i].text != b.args[i].text) return false;
  }
  return a.doc == b.doc && a.subject == b.subject && a.relation == b.relation &&
         a.object == b.object && a.subject_text == b.subject_text &&
         a.object_text == b.object_text && a.subject_type == b.subject_type &&
         a.object_type == b.object_type && a.sentence == b.sentence && a.text == b.text &&
         a.span == b.span && a.negated == b.negated && a.modality == b.modality &&
         a.attribution == b.attribution &&
         (a.confidence == b.confidence ||
          (a.confidence != a.confidence && b.confidence != b.confidence));
}

void check_line(std::string_view line) {
  auto parsed = kg::parse_triple_json(line);
  kg::Triple fast;
  if (kg::fast_parse_triple(line, fast)) {
    if (!parsed.ok())
      std::fprintf(stderr, "fast parser accepts, slow refuses: %s\n",
                   parsed.status().message().c_str());
    KG_FUZZ_CHECK(parsed.ok());
    KG_FUZZ_CHECK(same(fast, *parsed));
  }
  std::string doc;
  (void)kg::find_doc_id(line, doc);
  if (!parsed.ok()) return;
  std::string json = kg::triple_to_json(*parsed);
  auto again = kg::parse_triple_json(json);
  if (!again.ok())
    std::fprintf(stderr, "rereading %s: %s\n", json.c_str(), again.status().message().c_str());
  KG_FUZZ_CHECK(again.ok());
  KG_FUZZ_CHECK(same(*again, *parsed));
  KG_FUZZ_CHECK(kg::triple_to_json(*again) == json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t pos = 0;
  while (pos <= input.size()) {
    size_t nl = input.find('\n', pos);
    if (nl == std::string::npos) nl = input.size();
    check_line(std::string_view(input).substr(pos, nl - pos));
    pos = nl + 1;
  }
  std::istringstream in(input);
  kg::TriplesReader reader(in, "fuzz.jsonl");
  for (size_t calls = 0;; ++calls) {
    KG_FUZZ_CHECK(calls <= size + 2);
    auto next = reader.next();
    if (next.ok() && !next->has_value()) break;
  }
  return 0;
}
