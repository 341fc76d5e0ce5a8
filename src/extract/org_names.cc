// Organisation names with a coordination inside: which "X and Y" runs are one name.
#include "extract/org_names.h"

#include <string>
#include <string_view>

#include "extract/dep_tree.h"
#include "extract/lexicon.h"

namespace kg::extract {
namespace {

std::string bare_lower(const std::string& form) {
  std::string w = to_lower(form);
  if (w.size() > 1 && w.back() == '.') w.pop_back();
  return w;
}

// A capitalized word that can be part of a name (not a title, honorific or function word).
bool name_like(const Token& t) {
  if (t.form.empty() || t.form[0] < 'A' || t.form[0] > 'Z') return false;
  if (t.upos != "PROPN" && t.upos != "NOUN" && t.upos != "ADJ" && t.upos != "X") return false;
  const std::string w = to_lower(t.form);
  return !is_title_word(w) && !is_honorific(w);
}

bool begins_entity(const Token& t) { return t.entity.size() > 2 && t.entity[0] == 'B'; }

// A word that alone can follow "and" in a company's name: "Morgan Stanley and Co Inc".
bool is_partner_suffix(const std::string& w) {
  return is_corporate_suffix(w) || w == "company" || w == "sons" || w == "associates" ||
         w == "partners" || w == "brothers" || w == "cie";
}

bool is_org_span(const Sentence& s, int first, int cc, int last) {
  const auto& tok = s.tokens;
  std::string text;
  for (int k = first; k <= last; ++k) {
    const std::string w = k == cc ? std::string("and") : to_lower(tok[k].form);
    if (!text.empty() && (k == 0 || tok[k - 1].space_after)) text += ' ';
    text += w;
    if (k > cc && is_known_coordinated_org(text)) return true;
  }
  if (!is_org_name_end(bare_lower(tok[last].form))) return false;
  if (is_corporate_suffix(bare_lower(tok[cc - 1].form))) return false;  // "CTS Corp and ..."
  if (first == cc - 1 && is_place_name(to_lower(tok[first].form))) return false;
  bool only_suffixes = true;
  for (int k = cc + 1; k <= last; ++k) {
    only_suffixes = only_suffixes && is_partner_suffix(bare_lower(tok[k].form));
  }
  if (only_suffixes) return true;
  // The second conjunct: one word, then organisation words ("Exchange Commission", "Light Co");
  // not an adjective ("... and American Motors Corp"), not the end of a list ("Diplock and
  // Browning and War Office").
  if (last < cc + 2 || tok[cc + 1].upos == "ADJ") return false;
  if (first > 0 && (tok[first - 1].form == "and" || tok[first - 1].form == ",")) return false;
  for (int k = cc + 2; k < last; ++k) {
    if (!is_org_name_end(bare_lower(tok[k].form))) return false;
  }
  // "Liberal Democratic Party and Finance Ministry": after a first conjunct that is an
  // organisation's name, only corporate suffixes may end the second ("... Bank and Trust Co").
  if (cc - first >= 2 && is_org_name_end(bare_lower(tok[cc - 1].form))) {
    for (int k = cc + 2; k <= last; ++k) {
      if (!is_partner_suffix(bare_lower(tok[k].form))) return false;
    }
  }
  return !(begins_entity(tok[first]) && begins_entity(tok[cc + 1]));
}

// The last word of a company's name after a possessive: "Corp", "Inc", "Holdings", "Service".
bool is_company_end(const std::string& w) {
  return is_corporate_suffix(w) || (is_org_name_end(w) && !is_org_cue(w)) || w == "service" ||
         w == "services";
}

}  // namespace

std::vector<NameSpan> possessive_org_names(const Sentence& s) {
  std::vector<NameSpan> out;
  const auto& tok = s.tokens;
  const int n = static_cast<int>(tok.size());
  for (int pos = 1; pos + 1 < n; ++pos) {
    if (tok[pos].form != "'s" || !name_like(tok[pos - 1]) || !name_like(tok[pos + 1])) continue;
    int first = pos - 1, last = pos + 1;
    while (first > 0 && name_like(tok[first - 1])) --first;
    while (last + 1 < n && name_like(tok[last + 1])) ++last;
    // The name ends at its last company word ("Moody's Investors Service Inc said").
    while (last > pos && !is_company_end(bare_lower(tok[last].form))) --last;
    if (last <= pos) continue;
    std::string possessor;
    for (int k = first; k < pos; ++k) possessor += (possessor.empty() ? "" : " ") + to_lower(tok[k].form);
    if (is_place_name(possessor) || !common_country_name(possessor).empty()) continue;
    // "Chrysler Corp's Chrysler Motors": a company's unit, not one name.
    if (is_corporate_suffix(bare_lower(tok[pos - 1].form))) continue;
    out.push_back({first, last});
  }
  return out;
}

std::vector<NameSpan> coordinated_org_names(const Sentence& s) {
  std::vector<NameSpan> out;
  const auto& tok = s.tokens;
  const int n = static_cast<int>(tok.size());
  for (int cc = 1; cc + 1 < n; ++cc) {
    if (tok[cc].form != "and" && tok[cc].form != "&") continue;
    if (!name_like(tok[cc - 1]) || !name_like(tok[cc + 1])) continue;
    int first = cc - 1, last = cc + 1;
    while (first > 0 && name_like(tok[first - 1])) --first;
    while (last + 1 < n && (name_like(tok[last + 1]) ||
                            (tok[last + 1].form == "'s" && last == cc + 1 && last + 2 < n &&
                             name_like(tok[last + 2])))) {  // "Standard and Poor's Corp"
      ++last;
    }
    if (is_org_span(s, first, cc, last)) out.push_back({first, last});
  }
  return out;
}

}  // namespace kg::extract
