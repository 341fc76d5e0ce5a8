// Entity spans from IOB2 columns and conlleval-style exact-span scoring.
#include <algorithm>
#include <string_view>

#include "ner/entity_tagger.h"

namespace kg {

std::vector<EntitySpan> entity_spans(const Sentence& s) {
  std::vector<EntitySpan> spans;
  std::string_view open_type;  // type of the entity being read, empty when none
  for (int i = 0; i < static_cast<int>(s.tokens.size()); ++i) {
    std::string_view tag = s.tokens[i].entity;
    if (tag.size() < 3 || tag[1] != '-') {  // "O", empty or anything else
      open_type = {};
      continue;
    }
    std::string_view type = tag.substr(2);
    if (tag[0] == 'I' && type == open_type) {
      spans.back().last = i;
      continue;
    }
    spans.push_back({i, i, std::string(type)});
    open_type = spans.back().type;
  }
  return spans;
}

Result<EntityScores> score_entities(const std::vector<Sentence>& gold,
                                    const std::vector<Sentence>& predicted) {
  if (gold.size() != predicted.size()) {
    return Status::invalid("entity scoring: " + std::to_string(gold.size()) +
                           " gold sentences but " + std::to_string(predicted.size()) +
                           " predicted");
  }
  EntityScores scores;
  for (size_t k = 0; k < gold.size(); ++k) {
    if (gold[k].tokens.size() != predicted[k].tokens.size()) {
      return Status::invalid("entity scoring: sentence " + std::to_string(k + 1) + " ('" +
                             gold[k].id + "') has " + std::to_string(gold[k].tokens.size()) +
                             " gold tokens but " + std::to_string(predicted[k].tokens.size()) +
                             " predicted");
    }
    scores.tokens += gold[k].tokens.size();
    std::vector<EntitySpan> g = entity_spans(gold[k]);
    std::vector<EntitySpan> p = entity_spans(predicted[k]);
    for (const EntitySpan& e : g) {
      ++scores.by_type[e.type].gold;
      ++scores.overall.gold;
    }
    for (const EntitySpan& e : p) {
      ++scores.by_type[e.type].predicted;
      ++scores.overall.predicted;
      if (std::find(g.begin(), g.end(), e) != g.end()) {
        ++scores.by_type[e.type].correct;
        ++scores.overall.correct;
      }
    }
  }
  return scores;
}

}  // namespace kg
