// Literal values of facts: numbers, amounts, percentages, quantities and dates.
#include "extract/values.h"

#include <algorithm>
#include <functional>
#include <string>

#include "extract/lexicon.h"

namespace kg::extract {
namespace {

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A number written with digits: "31", "1.5", "2,191", "97.35/65", "-3".
bool is_number_form(std::string_view s) {
  if (!has_digit(s)) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '/') continue;
    if ((c == '-' || c == '+') && (i == 0 || s[i - 1] != c)) continue;
    return false;
  }
  return true;
}

// A year: 1900-2099, or a split year ("1986/87", "1986-87").
bool is_year(std::string_view s) {
  auto year4 = [](std::string_view y) {
    return y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           (y.starts_with("19") || y.starts_with("20"));
  };
  if (year4(s)) return true;
  if (s.size() == 7 && (s[4] == '/' || s[4] == '-')) {
    return year4(s.substr(0, 4)) && s[5] >= '0' && s[5] <= '9' && s[6] >= '0' && s[6] <= '9';
  }
  return false;
}

bool numeric(const DepTree& t, int i) {
  return t.upos(i) == "NUM" || is_number_form(t.tok(i).form);
}

// Word i, as written or as its lemma, is a value word of that kind (lexicon.h).
bool unit_word(const DepTree& t, int i, ValueWord kind) {
  return value_word(t.lower(i)) == kind || value_word(t.lemma(i)) == kind;
}

}  // namespace

std::optional<Value> value_at(const DepTree& t, int head) {
  if (head < 0 || head >= t.size()) return std::nullopt;
  const std::string_view low = t.lower(head);
  const bool head_number = numeric(t, head);
  const bool head_month = is_month(low);
  // "December 31" parsed with the day as head: a date.
  // "0900 GMT", a time of day, is a date too.
  bool month_child = false;
  for (int c : t.children(head)) {
    month_child |= head_number && ((c < head && is_month(t.lower(c))) ||
                                   (c > head && value_word(t.lower(c)) == ValueWord::kTimeZone));
  }
  // "Boeing 747", "Chapter 11", "one of the banks": a name or a count of things, no value.
  for (int c : t.children(head)) {
    const std::string_view r = t.rel(c);
    if (head_number && !month_child &&
        ((r == "nmod" && !numeric(t, c)) ||  // not "1,042,000 vs 567,000"
         ((r == "compound" || r == "flat") && t.upos(c) == "PROPN"))) {
      return std::nullopt;
    }
  }
  // The value's words: the head, its numbers and their modifiers ("about", "Canadian").
  std::vector<int> words{head};
  std::function<void(int)> add = [&](int i) {
    for (int c : t.children(i)) {
      const std::string_view r = t.rel(c);
      const bool number = numeric(t, c) || unit_word(t, c, ValueWord::kMultiplier);
      const bool take =
          r == "nummod" || r == "fixed" ||
          ((r == "compound" || r == "flat") &&
           (number || unit_word(t, c, ValueWord::kCurrency) || unit_word(t, c, ValueWord::kUnit))) ||
          (r == "amod" && t.upos(c) == "ADJ" && c < head && i == head) ||
          (r == "advmod" && numeric(t, i) && c < i) ||
          (month_child && i == head &&
           ((c < head && is_month(t.lower(c))) || (c > head && value_word(t.lower(c)) == ValueWord::kTimeZone)));
      if (!take) continue;
      words.push_back(c);
      add(c);
    }
  };
  add(head);
  std::sort(words.begin(), words.end());
  // The contiguous run around the head.
  const auto at = std::find(words.begin(), words.end(), head) - words.begin();
  size_t b = at, e = at;
  while (b > 0 && words[b - 1] == words[b] - 1) --b;
  while (e + 1 < words.size() && words[e + 1] == words[e] + 1) ++e;
  words = std::vector<int>(words.begin() + b, words.begin() + e + 1);

  bool number = false, digits = false, currency = false;
  for (int w : words) {
    if (w != head && (numeric(t, w) || unit_word(t, w, ValueWord::kMultiplier))) number = true;
    digits |= has_digit(t.tok(w).form);
    currency |= unit_word(t, w, ValueWord::kCurrency);
  }
  std::string_view type;
  if (unit_word(t, head, ValueWord::kPercent) && number) {
    type = "PERCENT";
  } else if (t.lemma(head) == "point" && number &&
             std::any_of(words.begin(), words.end(),
                         [&](int w) { return t.lower(w) == "percentage"; })) {
    type = "PERCENT";
  } else if (unit_word(t, head, ValueWord::kCurrency) && number) {
    type = "AMOUNT";
  } else if (unit_word(t, head, ValueWord::kUnit) && number) {
    type = "QUANTITY";
  } else if (month_child) {
    type = "DATE";  // "December 31", "Dec. 31"
  } else if (head_number || unit_word(t, head, ValueWord::kMultiplier)) {
    if (currency && (number || head_number)) {
      type = "AMOUNT";  // "$5 mln"
    } else if (is_year(t.tok(head).form)) {
      type = "DATE";
    } else if (digits) {
      type = "NUMBER";  // not "two" or "one" alone: a count, not a figure
    }
  } else if ((head_month || value_word(low) == ValueWord::kTimeZone) && digits) {
    type = "DATE";  // "March 31", "March 1987", "0900 GMT"
  }
  if (type.empty()) return std::nullopt;
  const bool unit = type != "DATE" && type != "NUMBER" && !numeric(t, head) &&
                    !unit_word(t, head, ValueWord::kMultiplier);
  return Value{type, std::move(words), unit ? std::string(t.lemma(head)) : std::string()};
}

}  // namespace kg::extract
