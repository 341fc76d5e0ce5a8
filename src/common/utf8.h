// UTF-8 validation, repair and decoding. Every text that enters kg passes through here once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg::utf8 {

// Byte offset of the first invalid sequence, or nullopt when `s` is valid UTF-8
// (overlongs, surrogates and code points above U+10FFFF are invalid).
std::optional<size_t> find_invalid(std::string_view s);

// Replaces every invalid sequence with U+FFFD.
std::string repair(std::string_view s);

// Decodes one code point at `pos` and advances `pos`; returns U+FFFD (advancing one byte) on
// an invalid sequence. Precondition: pos < s.size().
char32_t decode(std::string_view s, size_t& pos);

// Appends the UTF-8 encoding of `cp`.
void append(std::string& out, char32_t cp);

// The number of code points in `s` (its width in a table, for most text): the bytes that do
// not continue a sequence.
size_t length(std::string_view s);

// 1-based line number of byte offset `pos` in `s` (for error messages).
size_t line_of(std::string_view s, size_t pos);

// `s` with A-Z lowercased and every other byte as it is (names compared case-insensitively).
std::string ascii_lower(std::string_view s);

}  // namespace kg::utf8
