// Fuzz target: the CoNLL-U reader. Every sentence it accepts must survive write_conllu and read
// back with the same words; after an error the reader must make progress to the end.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "doc/conllu.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  bool require_tree = data[0] & 1;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  kg::ConlluReader reader(in, "fuzz.conllu");
  reader.require_tree(require_tree);
  // Each call before the end consumes at least one line.
  for (size_t calls = 0;; ++calls) {
    KG_FUZZ_CHECK(calls <= size + 2);
    auto next = reader.next();
    if (!next.ok()) continue;
    if (!next->has_value()) break;
    const kg::Sentence& s = **next;
    kg::Sentence copy = s;
    kg::assign_offsets_from_forms(copy);
    std::ostringstream out;
    kg::write_conllu(out, s);
    std::istringstream back(out.str());
    kg::ConlluReader again(back, "written.conllu");
    again.require_tree(false);
    auto reread = again.next();
    if (!reread.ok()) {
      std::fprintf(stderr, "rereading failed: %s\n%s", reread.status().message().c_str(),
                   out.str().c_str());
    }
    KG_FUZZ_CHECK(reread.ok() && reread->has_value());
    KG_FUZZ_CHECK((**reread).tokens.size() == s.tokens.size());
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      KG_FUZZ_CHECK((**reread).tokens[i].form == s.tokens[i].form || s.tokens[i].form.empty());
    }
  }
  return 0;
}
