// Fuzz target: the document reader over "-" (standard input) as JSONL or as text, with HTML
// detection. The first byte picks the format and the policies. Every document it yields must be
// valid UTF-8, non-empty and within the size limit.
#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>

#include "common/utf8.h"
#include "fuzz_check.h"
#include "input/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  uint8_t mode = data[0];
  kg::InputOptions options;
  options.stdin_format = (mode & 1) ? kg::InputFormat::kJsonl : kg::InputFormat::kText;
  options.invalid_utf8 = (mode & 2) ? kg::InvalidUtf8Policy::kRepair : kg::InvalidUtf8Policy::kSkip;
  options.html = static_cast<kg::HtmlPolicy>((mode >> 2) % 3);
  options.max_document_bytes = (mode & 0x20) ? 64 : size_t{10} << 20;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  auto reader = kg::DocumentReader::open({"-"}, options, &in);
  KG_FUZZ_CHECK(reader.ok());
  std::set<std::string> ids;
  while (auto doc = reader->next()) {
    KG_FUZZ_CHECK(!kg::utf8::find_invalid(doc->text));
    KG_FUZZ_CHECK(!kg::utf8::find_invalid(doc->title));
    KG_FUZZ_CHECK(doc->text.size() <= options.max_document_bytes);
    KG_FUZZ_CHECK(ids.insert(doc->id).second);
  }
  return 0;
}
