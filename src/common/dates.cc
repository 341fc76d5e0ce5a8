// Reading the dates news feeds write.
#include "common/dates.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

namespace kg {
namespace {

// 1..12 for a month's name or its abbreviation (any case, a trailing '.' allowed), else 0.
int month_of(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string low;
  for (char c : w) {
    if (c == '.') continue;
    low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (low.size() < 3) return 0;
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (low == kNames[i] || low == kNames[i].substr(0, 3) || (i == 8 && low == "sept")) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

// A number of 1..4 digits, else -1.
int number_of(std::string_view w) {
  if (w.empty() || w.size() > 4) return -1;
  int n = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<std::string> make_date(int y, int m, int d) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

// The text's words: letters and digits runs, split at spaces, commas, '-', '/' and 'T' after
// digits; the time (from the first ':' on) dropped.
std::vector<std::string_view> date_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '-' || s[i] == '/' ||
                            s[i] == '\t')) {
      ++i;
    }
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '-' && s[j] != '/' &&
           s[j] != '\t') {
      // "2021-12-07T10:00": the date ends at a 'T' after digits.
      if (s[j] == 'T' && j > i && std::isdigit(static_cast<unsigned char>(s[j - 1]))) break;
      ++j;
    }
    if (j > i) {
      std::string_view w = s.substr(i, j - i);
      if (w.find(':') != std::string_view::npos) break;  // the time: the date was before it
      out.push_back(w);
    }
    i = j < s.size() && s[j] == 'T' ? j + 1 : j;
    if (out.size() >= 4) break;
  }
  return out;
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  std::vector<std::string_view> w = date_words(text);
  // A weekday in front ("Tue, 07 Dec 2021").
  if (!w.empty() && number_of(w[0]) < 0 && month_of(w[0]) == 0 && w[0].size() >= 3) {
    w.erase(w.begin());
  }
  if (w.size() < 3) return std::nullopt;
  const int a = number_of(w[0]), b = number_of(w[1]), c = number_of(w[2]);
  // 2021-12-07, 2021/12/07
  if (w[0].size() == 4 && a >= 0 && b >= 0 && c >= 0) return make_date(a, b, c);
  // 26-FEB-1987, 7 December 2021
  if (a >= 0 && month_of(w[1]) > 0 && w[2].size() == 4 && c >= 0) {
    return make_date(c, month_of(w[1]), a);
  }
  // December 7, 2021
  if (month_of(w[0]) > 0 && b >= 0 && w[2].size() == 4 && c >= 0) {
    return make_date(c, month_of(w[0]), b);
  }
  return std::nullopt;
}

bool is_iso_date(std::string_view text) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-' && parse_date(text) == text;
}

}  // namespace kg
