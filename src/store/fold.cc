// Case folding and edit distance for name lookups.
#include "store/fold.h"
#include "store/store.h"

#include <algorithm>
#include <vector>

#include "common/utf8.h"

namespace kg::store {
namespace {

char32_t lower(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;                // Latin-1
  if (c >= 0x100 && c <= 0x137) return c | 1;                               // Latin Ext-A
  if (c >= 0x139 && c <= 0x148) return (c & 1) ? c + 1 : c;                 // Ĺ..Ň
  if (c >= 0x14A && c <= 0x177) return c | 1;                               // Ŋ..ŷ
  if (c == 0x178) return 0xFF;                                              // Ÿ
  if (c >= 0x179 && c <= 0x17E) return (c & 1) ? c + 1 : c;                 // Ź..ž
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;              // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                            // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                            // Ѐ..Џ
  return c;
}

bool is_space(char32_t c) {
  return c <= 0x20 || c == 0x7F || c == 0xA0 || c == 0x2028 || c == 0x2029 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000;
}

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      if (b <= 0x20 || b == 0x7F) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out.push_back(' '), pending_space = false;
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      continue;
    }
    size_t start = i;
    char32_t c = utf8::decode(s, i);
    if (c == 0xFFFD && i == start + 1) {  // an invalid byte: keep it
      if (pending_space) out.push_back(' '), pending_space = false;
      out.push_back(static_cast<char>(b));
      continue;
    }
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' '), pending_space = false;
    utf8::append(out, lower(c));
  }
  return out;
}

bool folds_to_empty(std::string_view s) {
  bool non_ascii = false;
  for (unsigned char c : s) {
    if (c > 0x20 && c < 0x7F) return false;
    non_ascii |= c >= 0x80;
  }
  return !non_ascii || fold(s).empty();
}

size_t edit_distance(std::string_view a, std::string_view b, size_t bound) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > bound) return bound + 1;
  std::vector<size_t> row(a.size() + 1);
  for (size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    size_t diag = row[0];
    row[0] = j;
    size_t best = row[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      best = std::min(best, row[i]);
    }
    if (best > bound) return bound + 1;
  }
  return std::min(row[a.size()], bound + 1);
}

}  // namespace kg::store

namespace kg {

std::string fold_name(std::string_view name) { return store::fold(name); }

}  // namespace kg
