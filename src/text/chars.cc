// Code point classification tables for the tokenizer.
#include "text/chars.h"

#include "common/utf8.h"

namespace kg::text {

bool is_space(char32_t c) {
  if (c <= 0x20 || (c >= 0x7F && c <= 0xA0)) return true;  // ASCII space, controls, NBSP
  switch (c) {
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
    case 0x200B: case 0x2060: case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_mark(char32_t c) {
  return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200C ||
         c == 0x200D || c == 0xAD || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0100 && c <= 0xE01EF);
}

namespace {

// Non-letter ranges above ASCII: punctuation, symbols, arrows, box drawing, emoji.
bool is_symbol_range(char32_t c) {
  if (c >= 0xA1 && c <= 0xBF) return c != 0xAA && c != 0xB5 && c != 0xBA;
  if (c == 0xD7 || c == 0xF7) return true;
  if (c >= 0x2010 && c <= 0x2BFF) {
    // Letterlike symbols that behave like letters (ℓ, №?) are rare; treat the block as symbols
    // except superscript/subscript letters.
    return !(c >= 0x2070 && c <= 0x209F);
  }
  if (c >= 0x2E00 && c <= 0x2E7F) return true;
  if (c >= 0x3000 && c <= 0x303F) return true;
  if (c >= 0xFE30 && c <= 0xFE4F) return true;
  if (c >= 0xFE50 && c <= 0xFE6F) return true;
  if (c >= 0xFF01 && c <= 0xFF0F) return true;
  if (c >= 0xFF1A && c <= 0xFF20) return true;
  if (c >= 0xFF3B && c <= 0xFF40) return true;
  if (c >= 0xFF5B && c <= 0xFF65) return true;
  if (c >= 0x1F000 && c <= 0x1FAFF) return true;
  if (c == 0xFFFD || c == 0xFFFC) return true;
  return false;
}

}  // namespace

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (is_space(c) || is_mark(c) || is_symbol_range(c)) return false;
  if (c >= 0x37E && c <= 0x387 && c != 0x386) return false;  // Greek punctuation
  if (c >= 0x55A && c <= 0x55F) return false;                 // Armenian punctuation
  if (c >= 0x5BE && c <= 0x5C7 && c != 0x5BF) return false;   // Hebrew punctuation
  if (c >= 0x600 && c <= 0x60F) return false;                 // Arabic punctuation
  if (c == 0x61B || c == 0x61F || c == 0x66A || c == 0x66B || c == 0x66C || c == 0x6D4) return false;
  if (c >= 0x660 && c <= 0x669) return false;  // Arabic-Indic digits: numbers, not letters
  if (c == 0x964 || c == 0x965) return false;  // Devanagari danda
  return true;
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return (c & 1) == 0;
  if (c >= 0x139 && c <= 0x148) return (c & 1) == 1;
  if (c >= 0x14A && c <= 0x177) return (c & 1) == 0;
  if (c == 0x178) return true;
  if (c >= 0x179 && c <= 0x17E) return (c & 1) == 1;
  if (c >= 0x391 && c <= 0x3AB) return c != 0x3A2;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !is_upper(c);
  if (c >= 0x3AC && c <= 0x3CE) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
}

bool is_quote(char32_t c) {
  switch (c) {
    case '"': case '\'': case '`': case 0xAB: case 0xBB: case 0x2018: case 0x2019: case 0x201A:
    case 0x201B: case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039: case 0x203A:
      return true;
    default:
      return false;
  }
}

bool is_open_bracket(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == 0x3008 || c == 0x300A || c == 0x3010 ||
         c == 0xFF08;
}

bool is_close_bracket(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == 0x3009 || c == 0x300B || c == 0x3011 ||
         c == 0xFF09;
}

bool is_currency(char32_t c) {
  return c == '$' || c == 0xA2 || c == 0xA3 || c == 0xA4 || c == 0xA5 ||
         (c >= 0x20A0 && c <= 0x20CF);
}

char32_t peek(std::string_view s, size_t pos, size_t& len) {
  size_t p = pos;
  char32_t c = utf8::decode(s, p);
  len = p - pos;
  return c;
}

char32_t at(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  size_t len;
  return peek(s, pos, len);
}

char32_t before(std::string_view s, size_t pos, size_t& len) {
  len = 0;
  if (pos == 0 || pos > s.size()) return 0;
  size_t start = pos - 1;
  // Step back over at most 3 continuation bytes.
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t l;
  char32_t c = peek(s, start, l);
  if (start + l != pos) {  // invalid sequence: one byte
    len = 1;
    return 0xFFFD;
  }
  len = l;
  return c;
}

}  // namespace kg::text
