// Character classes for the tokenizer: whitespace, letters, digits, case and punctuation kinds of
// Unicode code points (tables for the scripts news text uses; other code points count as letters).
#pragma once

#include <cstddef>
#include <string_view>

namespace kg::text {

// Whitespace, control characters and invisible separators (ZERO WIDTH SPACE, BOM): never part of
// a token.
bool is_space(char32_t c);
bool is_digit(char32_t c);  // ASCII 0-9
bool is_letter(char32_t c);
inline bool is_alnum(char32_t c) { return is_digit(c) || is_letter(c); }
bool is_upper(char32_t c);
bool is_lower(char32_t c);
// Combining marks and variation selectors: they stay with the preceding character.
bool is_mark(char32_t c);
// Quotation marks: " “ ” „ « » ‹ › ' ‘ ’ ‚ `.
bool is_quote(char32_t c);
bool is_open_bracket(char32_t c);
bool is_close_bracket(char32_t c);
// Currency signs ($ € £ ¥ ...).
bool is_currency(char32_t c);

// Decodes the code point at `pos` (U+FFFD for an invalid byte) and returns its byte length in `len`.
char32_t peek(std::string_view s, size_t pos, size_t& len);
// The code point at `pos`, or 0 at/after the end.
char32_t at(std::string_view s, size_t pos);
// The code point ending just before `pos`, or 0 at the start; `len` receives its byte length.
char32_t before(std::string_view s, size_t pos, size_t& len);

}  // namespace kg::text
