// Clitic and contraction rules for multiword tokens (UD English-EWT conventions).
#include "text/multiword.h"

#include <string>
#include <unordered_map>

namespace kg::text {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Whole words written without an apostrophe, split as in EWT ("dont" -> do + nt).
const std::unordered_map<std::string_view, std::vector<size_t>>& whole_words() {
  static const std::unordered_map<std::string_view, std::vector<size_t>> kWords = {
      {"cannot", {3, 3}},  {"gonna", {3, 2}},    {"wanna", {3, 2}},    {"gotta", {3, 2}},
      {"outta", {3, 2}},   {"dunno", {2, 1, 2}}, {"gimme", {3, 2}},    {"lemme", {3, 2}},
      {"dont", {2, 2}},    {"wont", {2, 2}},     {"cant", {2, 2}},     {"didnt", {3, 2}},
      {"doesnt", {4, 2}},  {"isnt", {2, 2}},     {"wasnt", {3, 2}},    {"arent", {3, 2}},
      {"werent", {4, 2}},  {"couldnt", {5, 2}},  {"wouldnt", {5, 2}},  {"shouldnt", {6, 2}},
      {"hasnt", {3, 2}},   {"havent", {4, 2}},   {"hadnt", {3, 2}},    {"aint", {2, 2}},
      {"im", {1, 1}},      {"ive", {1, 2}},      {"youre", {3, 2}},    {"theyre", {4, 2}},
      {"thats", {4, 1}},   {"whats", {4, 1}},    {"theres", {5, 1}},   {"heres", {4, 1}},
      {"itll", {2, 2}},    {"youll", {3, 2}},    {"youve", {3, 2}},    {"theyve", {4, 2}},
  };
  return kWords;
}

bool is_apostrophe_at(std::string_view s, size_t pos, size_t& len) {
  if (pos < s.size() && (s[pos] == '\'' || s[pos] == '`')) {
    len = 1;
    return true;
  }
  if (s.substr(pos, 3) == "\u2019") {
    len = 3;
    return true;
  }
  return false;
}

bool is_letter_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) >= 0x80);
}

}  // namespace

std::vector<size_t> split_multiword(std::string_view token) {
  if (token.size() < 2 || token.size() > 40) return {};
  std::string l = lower_ascii(token);
  if (auto it = whole_words().find(l); it != whole_words().end()) return it->second;

  // n't: do|n't, ca|n't, wo|n't
  for (size_t alen : {size_t{1}, size_t{3}}) {
    size_t tail = 2 + alen;  // n + apostrophe + t
    if (token.size() > tail && (l[token.size() - tail] == 'n') && l.back() == 't') {
      size_t alen_found;
      if (is_apostrophe_at(token, token.size() - tail + 1, alen_found) && alen_found == alen) {
        size_t head = token.size() - tail;
        if (head > 0 && is_letter_byte(token[head - 1])) return {head, tail};
      }
    }
  }
  // 's 'm 'd 're 've 'll
  for (size_t clen : {size_t{1}, size_t{2}}) {
    for (size_t alen : {size_t{1}, size_t{3}}) {
      if (token.size() <= clen + alen) continue;
      size_t apos = token.size() - clen - alen;
      size_t found;
      if (!is_apostrophe_at(token, apos, found) || found != alen) continue;
      std::string_view clitic = std::string_view(l).substr(apos + alen);
      bool known = clen == 1 ? (clitic == "s" || clitic == "m" || clitic == "d")
                             : (clitic == "re" || clitic == "ve" || clitic == "ll");
      if (known && apos > 0) return {apos, token.size() - apos};
    }
  }
  // Plural possessive: parents' -> parents + '
  for (size_t alen : {size_t{1}, size_t{3}}) {
    if (token.size() <= alen + 1) continue;
    size_t apos = token.size() - alen;
    size_t found;
    if (is_apostrophe_at(token, apos, found) && found == alen && token[apos - 1] != '\'' &&
        is_letter_byte(token[apos - 1])) {
      return {apos, alen};
    }
  }
  return {};
}

}  // namespace kg::text
