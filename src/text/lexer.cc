// Surface tokenizer rules (UD English-EWT conventions), one left-to-right pass per chunk.
#include "text/lexer.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>

#include "text/chars.h"
#include "text/lexicon.h"

namespace kg::text {
namespace {

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == '`'; }
bool is_final_punct(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

bool has_ascii_letter(std::string_view s) {
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}

bool all_upper_ascii(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Digit groups joined by single hyphens that stay one token: phone numbers, zip+4, dates.
bool is_number_code(const std::vector<size_t>& groups) {
  auto is = [&](std::initializer_list<size_t> want) {
    return groups.size() == want.size() && std::equal(want.begin(), want.end(), groups.begin());
  };
  if (is({3, 4}) || is({3, 3, 4}) || is({1, 3, 3, 4}) || is({5, 4}) || is({3, 2, 4}) ||
      is({1, 4})) {
    return true;
  }
  if (groups.size() == 3 && groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4)) {
    return true;  // 11-20-2000
  }
  return false;
}

class Lexer {
 public:
  Lexer(std::string_view text, size_t max_token) : t_(text), max_token_(max_token ? max_token : 1) {}

  std::vector<RawToken> run() {
    size_t i = 0, n = t_.size();
    while (i < n) {
      uint32_t newlines = 0;
      bool space = false;
      while (i < n) {
        size_t len;
        char32_t c = peek(t_, i, len);
        if (!is_space(c)) break;
        space = true;
        if (c == '\n' || c == 0x2028 || (c == '\r' && at(t_, i + 1) != '\n')) ++newlines;
        if (c == 0x2029) newlines += 2;
        i += len;
      }
      if (i >= n) break;
      if (newlines >= 2) open_single_quote_ = false;
      pending_newlines_ = newlines;
      pending_space_ = space || out_.empty();
      size_t b = i;
      while (i < n) {
        size_t len;
        if (is_space(peek(t_, i, len))) break;
        i += len;
      }
      chunk(b, i);
    }
    return std::move(out_);
  }

 private:
  char32_t c_at(size_t i) const { return at(t_, i); }
  char32_t c_before(size_t i) const {
    size_t len;
    return before(t_, i, len);
  }
  size_t len_at(size_t i) const {
    size_t len;
    peek(t_, i, len);
    return len;
  }

  void emit(size_t b, size_t e) {
    while (b < e) {
      size_t end = e;
      if (end - b > max_token_) {
        end = b + max_token_;
        while (end > b && (static_cast<unsigned char>(t_[end]) & 0xC0) == 0x80) --end;
        if (end == b) end = b + len_at(b);
      }
      RawToken tok;
      tok.start = b;
      tok.end = end;
      tok.newlines_before = pending_newlines_;
      tok.space_before = pending_space_;
      pending_newlines_ = 0;
      pending_space_ = false;
      out_.push_back(tok);
      b = end;
    }
  }

  // A chunk is a run of non-space characters. URLs and emails are found here, once per chunk.
  void chunk(size_t b, size_t e) {
    chunk_start_ = b;
    size_t core = b;
    while (core < e) {
      char32_t c = c_at(core);
      if (!(is_quote(c) || is_open_bracket(c) || c == '<')) break;
      core += len_at(core);
    }
    if (core < e) {
      if (size_t end = url_end(core, e); end > core) {
        lex_range(b, core);
        emit(core, end);
        lex_range(end, e);
        return;
      }
    }
    size_t at_sign = t_.substr(b, e - b).find('@');
    if (at_sign != std::string_view::npos) {
      size_t start, end;
      if (email_span(b, b + at_sign, e, start, end)) {
        lex_range(b, start);
        emit(start, end);
        lex_range(end, e);
        return;
      }
    }
    lex_range(b, e);
  }

  // "example.com/news": a host name with a known top-level domain followed by a path. Returns the
  // length of the host and its '/', or 0.
  static size_t host_with_path(std::string_view s) {
    size_t k = 0, last_dot = 0;
    while (k < s.size() && k < 64 &&
           (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '-' || s[k] == '.')) {
      if (s[k] == '.') last_dot = k;
      ++k;
    }
    if (last_dot == 0 || k >= s.size() || s[k] != '/' || k + 1 >= s.size()) return 0;
    std::string tld = lower_ascii(s.substr(last_dot + 1, k - last_dot - 1));
    static const char* kTlds[] = {"com", "org", "net", "edu", "gov", "int", "mil", "info", "biz",
                                  "io",  "co",  "uk",  "us",  "ca",  "de",  "fr",  "au",   "ru",
                                  "cn",  "jp",  "in",  "eu",  "ly",  "tv",  "me",  "news", "nz"};
    for (const char* t : kTlds) {
      if (tld == t) return k + 1;
    }
    return 0;
  }

  // End of a URL starting at `b` ("http://...", "www....", "mailto:...", "example.com/a"), or 0.
  size_t url_end(size_t b, size_t e) const {
    std::string_view s = t_.substr(b, e - b);
    size_t body = 0;
    size_t k = 0;
    while (k < s.size() && k < 16 && (std::isalnum(static_cast<unsigned char>(s[k])) ||
                                      s[k] == '+' || s[k] == '-' || s[k] == '.')) {
      ++k;
    }
    if (k > 0 && std::isalpha(static_cast<unsigned char>(s[0])) && s.substr(k, 3) == "://") {
      body = k + 3;
    } else if (s.size() > 4 && lower_ascii(s.substr(0, 4)) == "www.") {
      body = 4;
    } else if (s.size() > 7 && lower_ascii(s.substr(0, 7)) == "mailto:") {
      body = 7;
    } else if (size_t host = host_with_path(s)) {
      body = host;
    } else {
      return 0;
    }
    if (body >= s.size() || !is_alnum(at(s, body))) return 0;
    size_t end = s.size();
    int open = 0, close = 0;
    for (char c : s) {
      open += c == '(';
      close += c == ')';
    }
    while (end > body) {
      char c = s[end - 1];
      std::string_view tail = s.substr(0, end);
      if (c == ')' && open >= close) break;
      if (c == ')') {
        --close;
      } else if (!(c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                   c == '\'' || c == '"' || c == ']' || c == '}' || c == '>')) {
        // Curly closing quotes (3 bytes).
        if (tail.size() >= 3 && (tail.substr(tail.size() - 3) == "\u201D" ||
                                 tail.substr(tail.size() - 3) == "\u2019")) {
          end -= 3;
          continue;
        }
        break;
      }
      --end;
    }
    return end > body ? b + end : 0;
  }

  static bool is_local_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
           c == '+' || c == '-';
  }

  // The email address around the '@' at `at_sign` ("name@example.com", "Rice@ENRON",
  // "julie...@aol.com") within [b, e).
  bool email_span(size_t b, size_t at_sign, size_t e, size_t& start, size_t& end) const {
    start = at_sign;
    while (start > b && is_local_char(t_[start - 1])) --start;
    while (start < at_sign && !std::isalnum(static_cast<unsigned char>(t_[start]))) ++start;
    if (start == at_sign) return false;
    end = at_sign + 1;
    bool letter = false;
    while (end < e && (std::isalnum(static_cast<unsigned char>(t_[end])) || t_[end] == '.' ||
                       t_[end] == '-' || t_[end] == '_')) {
      letter = letter || std::isalpha(static_cast<unsigned char>(t_[end]));
      ++end;
    }
    while (end > at_sign + 1 && (t_[end - 1] == '.' || t_[end - 1] == '-')) --end;
    return letter && end - at_sign - 1 >= 2;
  }

  void lex_range(size_t b, size_t e) {
    size_t i = b;
    while (i < e) {
      size_t j = piece(i, e);
      if (j <= i) j = i + len_at(i);
      if (j > e) j = e;
      emit(i, j);
      i = j;
    }
  }

  size_t with_marks(size_t i, size_t e) const {
    while (i < e && is_mark(c_at(i))) i += len_at(i);
    return i;
  }

  // Same character repeated: "!!!", "---", "***".
  size_t run_of(size_t i, size_t e, char32_t c) const {
    while (i < e && c_at(i) == c) i += len_at(i);
    return i;
  }

  // End of the token starting at `i`.
  size_t piece(size_t i, size_t e) {
    size_t len;
    char32_t c = peek(t_, i, len);
    char32_t next = i + len < e ? c_at(i + len) : 0;
    char32_t prev = i > chunk_start_ ? c_before(i) : 0;

    if (is_alnum(c)) return word(i, e);
    if (is_mark(c)) return with_marks(i, e);

    // Emoticons: ":)" anywhere, "(:" only as a whole chunk.
    if (size_t n = emoticon_length(t_.substr(i, std::min<size_t>(3, e - i)))) {
      char32_t after = i + n < e ? c_at(i + n) : 0;
      bool bracket_first = is_open_bracket(c) || is_close_bracket(c);
      if (!is_alnum(after) && (!bracket_first || (i == chunk_start_ && i + n == e))) return i + n;
    }

    if (c == '\'' || c == 0x2019 || c == 0x2018 || c == '`') {
      if (next == c || (c == 0x2018 && next == 0x2019)) return i + len + len_at(i + len);
      if (c != '`' && !is_alnum(prev)) {
        // '90s, 's, 'em
        if (is_digit(next)) {
          size_t j = i + len;
          while (j < e && is_digit(c_at(j))) ++j;
          if (j < e && c_at(j) == 's') ++j;
          if (j >= e || !is_alnum(c_at(j))) return j;
        }
        size_t j = i + len;
        while (j < e && j - i < 8 && std::isalpha(static_cast<unsigned char>(t_[j]))) ++j;
        if (j >= e || !is_alnum(c_at(j))) {
          std::string w = lower_ascii(t_.substr(i + len, j - i - len));
          if (w == "s" || w == "em" || w == "cause" || w == "til" || w == "bout") return j;
        }
      }
      // A quote: remember whether a single quote is open, for "dogs'" vs "'dogs'".
      if (!is_alnum(prev) && is_alnum(next)) {
        open_single_quote_ = true;
      } else if (is_alnum(prev) || !is_alnum(next)) {
        open_single_quote_ = false;
      }
      return i + len;
    }
    if (c == '"' && next == '"') return i + 2;
    if (is_final_punct(c)) {
      if (c == '.' && is_digit(next) && !is_alnum(prev)) return word(i, e);  // ".5"
      size_t j = i;
      while (j < e && is_final_punct(c_at(j))) j += len_at(j);
      return j;
    }
    if (c == '-' || c == '*' || c == '=' || c == '+' || c == '_' || c == '~' || c == '#' || c == '$' ||
        c == '^' || c == '|' || c == 0x2014 || c == 0x2013 || c == 0x2015) {
      if (c == '#' && is_letter(next)) {  // hashtag
        size_t j = i + 1;
        while (j < e && (is_alnum(c_at(j)) || c_at(j) == '_')) j += len_at(j);
        return j;
      }
      if (c == '+' && is_digit(next) && i == chunk_start_) {  // +44
        size_t j = i + 1;
        while (j < e && is_digit(c_at(j))) ++j;
        return j;
      }
      return run_of(i, e, c);
    }
    if (c == '@' && (is_alnum(next) || next == '_')) {  // @mention
      size_t j = i + 1;
      while (j < e && (is_alnum(c_at(j)) || c_at(j) == '_')) j += len_at(j);
      return j;
    }
    if ((c == '<' && next == '<') || (c == '>' && next == '>')) return i + 2;
    return with_marks(i + len, e);
  }

  // One segment of a word: letters and digits with inner connectors ("don't", "3,000", "8:30",
  // "U.S", "AT&T", "f*ck", "16/11/2004"), stopping before a hyphen and before a unit after a
  // number ("5pm" -> "5" | "pm").
  size_t segment(size_t b, size_t e) const {
    size_t i = b;
    bool digit_run = false;      // the last character was a digit
    bool letter_seen = false;    // a letter came before the current digit run
    size_t digits_start = b;
    while (i < e) {
      size_t len;
      char32_t c = peek(t_, i, len);
      if (is_letter(c) || is_mark(c)) {
        if (digit_run && !letter_seen && is_letter(c)) {
          size_t j = i;
          while (j < e && std::isalpha(static_cast<unsigned char>(t_[j]))) ++j;
          if (j > i && (j >= e || !is_alnum(c_at(j))) && is_unit(t_.substr(i, j - i))) return i;
        }
        digit_run = false;
        letter_seen = letter_seen || is_letter(c);
        i += len;
        continue;
      }
      if (is_digit(c)) {
        if (!digit_run) digits_start = i;
        digit_run = true;
        ++i;
        continue;
      }
      if (i == b || i + len >= e) break;
      char32_t prev = c_before(i);
      size_t nlen;
      char32_t next = peek(t_, i + len, nlen);
      bool joins = false;
      if (is_apostrophe(c)) {
        joins = (is_letter(prev) || is_digit(prev)) && is_letter(next);
      } else if (c == '.') {
        // "whitehouse.gov", "4.5", "U.S" -- but not "end.The" (a missing space).
        joins = is_alnum(prev) && is_alnum(next) &&
                !(is_lower(prev) && is_upper(next) && is_lower(at(t_, i + len + nlen)) &&
                  i - b >= 2);
      } else if (c == ',' || c == ':') {
        joins = is_digit(prev) && is_digit(next);
      } else if (c == '/') {
        if (is_digit(prev) && is_digit(next)) {
          // Dates and "9/11" stay whole; simple fractions ("1/2", "3/4") are split.
          size_t j = i + 1;
          while (j < e && is_digit(c_at(j))) ++j;
          bool simple_fraction =
              i - digits_start == 1 && j - i - 1 == 1 && (j >= e || c_at(j) != '/');
          joins = !simple_fraction;
        } else if (is_letter(prev) && is_letter(next)) {
          size_t j = i + 1;
          while (j < e && is_letter(c_at(j))) j += len_at(j);
          if (j >= e || !is_alnum(c_at(j))) {
            std::string w = lower_ascii(t_.substr(b, j - b));
            joins = w == "w/o" || w == "w/out" || w == "a/c" || w == "l/c" || w == "i/s" ||
                    w == "i/c" || w == "b/t" || w == "n/a" || w == "s/he" || w == "b/c";
          }
        }
      } else if (c == '&') {
        size_t j = i + 1;
        while (j < e && is_letter(c_at(j))) j += len_at(j);
        joins = is_letter(prev) && is_letter(next) && i - b <= 3 && j - i - 1 <= 3 &&
                (j >= e || !is_alnum(c_at(j)));
      } else if (c == '_') {
        joins = is_alnum(prev) && is_alnum(next);
      } else if (c == '*') {
        joins = is_letter(prev) && is_letter(next);
      }
      if (!joins) break;
      digit_run = false;
      i += len;
    }
    return i;
  }

  // Whether "left-right" stays one token.
  static bool keep_hyphen(std::string_view left, std::string_view right) {
    if (is_hyphen_prefix(left)) return true;
    bool left_mixed = has_digit(left) && has_ascii_letter(left);
    bool right_mixed = has_digit(right) && has_ascii_letter(right);
    if (left_mixed || right_mixed) return true;
    if ((all_upper_ascii(left) || left.size() == 1) && !all_digits(left) && all_digits(right)) {
      return true;  // "F-16", "x-37097", "COVID-19"
    }
    if (left.size() >= 2 && all_upper_ascii(left) && !right.empty() && right[0] >= 'A' &&
        right[0] <= 'Z') {
      return true;  // "SARS-CoV", "ENRON-CPS"
    }
    return false;
  }

  // A word: segments joined by kept hyphens, then a final period of an abbreviation or the
  // apostrophe of a plural possessive.
  size_t word(size_t b, size_t e) {
    size_t i;
    if (c_at(b) == '.') {  // ".5"
      i = b + 1;
      while (i < e && is_digit(c_at(i))) ++i;
      return i;
    }
    i = segment(b, e);
    if (all_digits(t_.substr(b, i - b)) && i < e && c_at(i) == '-') {
      // Digit groups joined by hyphens: a phone number or date stays whole, a range is split.
      std::vector<size_t> groups = {i - b};
      size_t j = i;
      while (j < e && c_at(j) == '-' && groups.size() < 6) {
        size_t k = j + 1;
        while (k < e && is_digit(c_at(k))) ++k;
        if (k == j + 1) break;
        groups.push_back(k - j - 1);
        j = k;
      }
      if (groups.size() > 1 && (j >= e || !is_alnum(c_at(j))) && is_number_code(groups)) return j;
      return i;
    }
    size_t seg_start = b;
    while (i + 1 < e && c_at(i) == '-' && is_alnum(c_at(i + 1))) {
      size_t j = segment(i + 1, e);
      if (!keep_hyphen(t_.substr(seg_start, i - seg_start), t_.substr(i + 1, j - i - 1))) break;
      seg_start = i + 1;
      i = j;
    }
    return final_period(b, i, e);
  }

  size_t final_period(size_t b, size_t i, size_t e) {
    if (i >= e) return i;
    char32_t c = c_at(i);
    std::string_view w = t_.substr(b, i - b);
    if (c == '.') {
      if (i + 1 < e && c_at(i + 1) == '.') return i;
      if (is_abbreviation(w, i + 1)) return i + 1;
      return i;
    }
    if ((c == '\'' || c == 0x2019) && !open_single_quote_ && w.size() >= 2) {
      char last = w.back();
      size_t len = len_at(i);
      if ((last == 's' || last == 'S' || last == 'z' || last == 'x') &&
          (i + len >= e || !is_alnum(c_at(i + len)))) {
        return i + len;
      }
    }
    return i;
  }

  // `w` is followed by a period; `after` is the position after that period.
  bool is_abbreviation(std::string_view w, size_t after) const {
    if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;  // an initial
    // Inner periods with short letter segments: "U.S", "e.g", "Ph.D", "a.k.a".
    if (w.find('.') != std::string_view::npos) {
      size_t start = 0;
      while (start <= w.size()) {
        size_t dot = w.find('.', start);
        if (dot == std::string_view::npos) dot = w.size();
        std::string_view seg = w.substr(start, dot - start);
        if (seg.empty() || seg.size() > 2 || has_digit(seg)) return false;
        start = dot + 1;
      }
      return true;
    }
    switch (abbreviation_kind(w)) {
      case AbbreviationKind::kTitle:
      case AbbreviationKind::kOther:
        return true;
      case AbbreviationKind::kNumber: {
        size_t j = after;
        while (j < t_.size() && j < after + 3 && t_[j] == ' ') ++j;
        return j > after && j < t_.size() && is_digit(c_at(j));
      }
      case AbbreviationKind::kNone:
        return false;
    }
    return false;
  }

  std::string_view t_;
  size_t max_token_;
  std::vector<RawToken> out_;
  uint32_t pending_newlines_ = 0;
  bool pending_space_ = false;
  size_t chunk_start_ = 0;
  bool open_single_quote_ = false;
};

}  // namespace

std::vector<RawToken> lex(std::string_view text, size_t max_token_bytes) {
  return Lexer(text, max_token_bytes).run();
}

}  // namespace kg::text
