// Surface tokenization: splits text into tokens the way UD English-EWT does (punctuation split
// from words, "don't" and "Bush's" kept whole for the multiword step, URLs and emails whole).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kg::text {

struct RawToken {
  size_t start = 0;  // byte offsets into the text, [start, end)
  size_t end = 0;
  uint32_t newlines_before = 0;  // line breaks in the whitespace before the token
  bool space_before = false;     // any whitespace before the token
};

// Splits `text` into surface tokens in time linear in its size. Tokens never contain whitespace
// or control characters; a token longer than `max_token_bytes` is cut into pieces (at code point
// boundaries) that follow each other without space.
std::vector<RawToken> lex(std::string_view text, size_t max_token_bytes = 1000);

}  // namespace kg::text
