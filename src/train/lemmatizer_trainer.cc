// Learning the lemmatizer's exceptions and edit scripts from gold lemmas.
#include "train/lemmatizer_trainer.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "tag/features.h"

namespace kg::train {

using tag::FlatMap;
using tag::Lemmatizer;
using tag::lowercase;

namespace {

std::string joined(std::string_view form, std::string_view upos, std::string_view xpos) {
  std::string k(form);
  k += '\t';
  k += upos;
  k += '\t';
  k += xpos;
  return k;
}

// The cheapest edit script (bytes stripped plus bytes appended) from `form` to `lemma`.
Lemmatizer::Rule rule_for(std::string_view form, std::string_view lemma) {
  Lemmatizer::Rule best;
  size_t best_cost = SIZE_MAX;
  for (uint8_t casing : {Lemmatizer::kLower, Lemmatizer::kKeep, Lemmatizer::kTitle}) {
    std::string base = Lemmatizer::cased(form, casing);
    size_t p = 0;
    while (p < base.size() && p < lemma.size() && base[p] == lemma[p]) ++p;
    size_t strip = base.size() - p;
    if (strip > 255) continue;
    size_t cost = strip + (lemma.size() - p);
    if (cost < best_cost) {
      best_cost = cost;
      best = Lemmatizer::Rule{casing, static_cast<uint8_t>(strip), std::string(lemma.substr(p))};
    }
  }
  return best;
}

}  // namespace

Lemmatizer train_lemmatizer(const std::vector<Sentence>& sentences) {
  // The most frequent lemma of each (form, upos, xpos).
  std::map<std::string, std::map<std::string, int>> seen;
  for (const auto& s : sentences)
    for (const auto& t : s.tokens)
      if (!t.lemma.empty()) ++seen[joined(t.form, t.upos, t.xpos)][t.lemma];
  Lemmatizer::Exceptions exact;
  std::vector<Lemmatizer::Rule> rules;
  FlatMap by_suffix;
  std::vector<std::pair<std::string, const std::string*>> best_lemma;  // joined key, lemma
  std::map<std::tuple<uint8_t, uint8_t, std::string>, uint32_t> rule_ids;
  std::unordered_map<uint64_t, std::map<uint32_t, int>> votes, stem_votes;
  for (const auto& [key, lemmas] : seen) {
    std::string_view k(key);
    size_t t1 = k.find('\t'), t2 = k.find('\t', t1 + 1);
    std::string_view form = k.substr(0, t1), upos = k.substr(t1 + 1, t2 - t1 - 1),
                     xpos = k.substr(t2 + 1);
    const std::string* lemma = nullptr;
    int best = 0;
    for (const auto& [l, n] : lemmas) {
      if (n > best) best = n, lemma = &l;
    }
    exact.emplace(Lemmatizer::exact_key(form, Lemmatizer::tag_key(upos, xpos)), *lemma);
    best_lemma.emplace_back(key, lemma);
    Lemmatizer::Rule r = rule_for(form, *lemma);
    auto [it, added] =
        rule_ids.emplace(std::make_tuple(r.casing, r.strip, r.append), rules.size());
    if (added) rules.push_back(r);
    std::string lower = lowercase(form);
    for (size_t len = 0; len <= std::min(Lemmatizer::kMaxSuffix, lower.size()); ++len) {
      if (!Lemmatizer::is_boundary(lower, len)) continue;
      ++votes[Lemmatizer::suffix_key(Lemmatizer::tag_key(upos, xpos), lower, len)][it->second];
      ++votes[Lemmatizer::suffix_key(Lemmatizer::upos_key(upos), lower, len)][it->second];
    }
    // Regular -ed / -ing forms also vote, by the ending of their stem, for the edit from the
    // stem to the lemma ("interven|ing" -> +e), shared by both inflections: an unseen
    // "convened" then finds "interven" -> "intervene" rather than "opened" -> "open".
    if (size_t infl = Lemmatizer::inflection_length(lower, upos, xpos)) {
      std::string_view stem = std::string_view(lower).substr(0, lower.size() - infl);
      std::string lemma_lower = lowercase(*lemma);
      size_t p = 0;
      while (p < stem.size() && p < lemma_lower.size() && stem[p] == lemma_lower[p]) ++p;
      // Only the regular edits: undoubling, y for i, a restored e (at most one byte each way).
      if (stem.size() - p <= 1 && lemma_lower.size() - p <= 1) {
        Lemmatizer::Rule sr{Lemmatizer::kLower, static_cast<uint8_t>(stem.size() - p), lemma_lower.substr(p)};
        auto [sit, sadded] =
            rule_ids.emplace(std::make_tuple(sr.casing, sr.strip, sr.append), rules.size());
        if (sadded) rules.push_back(sr);
        for (size_t len = 1; len <= std::min(Lemmatizer::kMaxSuffix, stem.size()); ++len) {
          if (Lemmatizer::is_boundary(stem, len)) ++stem_votes[Lemmatizer::stem_key(stem, len)][sit->second];
        }
      }
    }
  }
  for (const auto& [key, counts] : votes) {
    uint32_t best_rule = 0;
    int best = -1;
    for (const auto& [rule, n] : counts)
      if (n > best) best = n, best_rule = rule;
    by_suffix.insert(key, best_rule);
  }
  // On a tie between stem edits the one that appends more wins: the written form hides a
  // dropped final e ("conven|ed": "even|ed" -> even and "interven|ing" -> intervene tie).
  for (const auto& [key, counts] : stem_votes) {
    uint32_t best_rule = 0;
    int best = -1;
    for (const auto& [rule, n] : counts) {
      if (n > best ||
          (n == best && rules[rule].append.size() > rules[best_rule].append.size()))
        best = n, best_rule = rule;
    }
    by_suffix.insert(key, best_rule);
  }
  // Exceptions the rules already get right are not needed.
  const Lemmatizer with_all(exact, rules, by_suffix);
  for (const auto& [joined_key, lemma] : best_lemma) {
    std::string_view k(joined_key);
    size_t t1 = k.find('\t'), t2 = k.find('\t', t1 + 1);
    std::string_view form = k.substr(0, t1), upos = k.substr(t1 + 1, t2 - t1 - 1),
                     xpos = k.substr(t2 + 1);
    if (with_all.lemmatize_by_rules(form, upos, xpos) == *lemma) {
      exact.erase(Lemmatizer::exact_key(form, Lemmatizer::tag_key(upos, xpos)));
    }
  }
  return Lemmatizer(std::move(exact), std::move(rules), std::move(by_suffix));
}

}  // namespace kg::train
