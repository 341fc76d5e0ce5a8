// Acronym definitions in parentheses.
#include "extract/acronyms.h"

#include <cctype>

#include "extract/dep_tree.h"
#include "extract/mention.h"

namespace kg::extract {
namespace {

bool is_function_word(const std::string& w) {
  return w == "of" || w == "and" || w == "the" || w == "for" || w == "on" || w == "in" ||
         w == "de" || w == "&" || w == "to";
}

bool upper_eq(char a, char b) {
  return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
}

bool spells_from(const std::string& key, const std::vector<std::string>& words, size_t wi,
                 size_t ki) {
  if (wi == words.size()) return ki == key.size();
  const std::string& w = words[wi];
  if (w.empty()) return spells_from(key, words, wi + 1, ki);
  if (is_function_word(to_lower(w))) {
    if (spells_from(key, words, wi + 1, ki)) return true;
    return ki < key.size() && upper_eq(w[0], key[ki]) && spells_from(key, words, wi + 1, ki + 1);
  }
  if (ki >= key.size() || !upper_eq(w[0], key[ki])) return false;
  size_t k = ki + 1;
  if (spells_from(key, words, wi + 1, k)) return true;
  for (size_t j = 1; j < w.size() && k < key.size(); ++j) {  // "U.S." -> U, S
    if (std::isupper(static_cast<unsigned char>(w[j])) && w[j] == key[k]) {
      ++k;
      if (spells_from(key, words, wi + 1, k)) return true;
    }
  }
  return false;
}

bool capitalized(const std::string& w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// The words first..last as written.
std::string words_text(const Sentence& s, int first, int last) {
  std::string r;
  for (int k = first; k <= last; ++k) {
    if (k > first && s.tokens[k - 1].space_after) r += ' ';
    r += s.tokens[k].form;
  }
  return r;
}

std::vector<std::string> forms(const Sentence& s, int first, int last) {
  std::vector<std::string> r;
  for (int k = first; k <= last; ++k) r.push_back(s.tokens[k].form);
  return r;
}

}  // namespace

bool spells_acronym(const std::string& key, const std::vector<std::string>& words) {
  return !key.empty() && words.size() >= 2 && spells_from(key, words, 0, 0);
}

std::vector<AcronymDefinition> acronym_definitions(const Sentence& s) {
  std::vector<AcronymDefinition> out;
  const auto& tok = s.tokens;
  const int n = static_cast<int>(tok.size());
  constexpr int kMaxWords = 10;
  for (int open = 1; open + 2 < n; ++open) {
    if (tok[open].form != "(") continue;
    // "the International Monetary Fund (IMF)": the shortest name before "(" that spells it.
    if (tok[open + 2].form == ")") {
      const std::string key = acronym_key(tok[open + 1].form);
      if (!key.empty()) {
        for (int first = open - 1; first >= 0 && first >= open - kMaxWords; --first) {
          const std::string& w = tok[first].form;
          if (!capitalized(w) && !is_function_word(w)) break;
          if (!capitalized(w) || first == open - 1) continue;
          if (spells_acronym(key, forms(s, first, open - 1))) {
            out.push_back({key, words_text(s, first, open - 1)});
            break;
          }
        }
        continue;
      }
    }
    // "IMF (International Monetary Fund)".
    const std::string key = acronym_key(tok[open - 1].form);
    if (key.empty()) continue;
    int close = open + 1;
    while (close < n && close - open <= kMaxWords && tok[close].form != ")" &&
           (capitalized(tok[close].form) || is_function_word(tok[close].form))) {
      ++close;
    }
    if (close >= n || tok[close].form != ")" || close - open < 3) continue;
    if (!capitalized(tok[open + 1].form)) continue;
    if (spells_acronym(key, forms(s, open + 1, close - 1))) {
      out.push_back({key, words_text(s, open + 1, close - 1)});
    }
  }
  return out;
}

}  // namespace kg::extract
