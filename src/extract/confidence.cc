// The confidence model: logistic regression over ConfidenceFeatures.
#include "extract/confidence.h"

#include <algorithm>
#include <cmath>

namespace kg::extract {
namespace {

// Weights of feature_vector(), in order: fitted on CaRB dev by scripts/fit-confidence.py (2-fold
// cross-validated average precision 0.741 / 0.755 against 0.739 / 0.736 for hand-set weights).
constexpr std::array<double, kConfidenceFeatureCount> kWeights = {
     1.207,  // bias
    -3.089,  // one argument
     0.137,  // three or more arguments
     0.168,  // relation words (capped at 5)
    -0.046,  // first argument words (capped at 20)
    -0.023,  // other arguments' words (capped at 40)
    -0.008,  // sentence words (capped at 80)
    -0.361,  // inherited subject
    -0.274,  // subject pronoun
     0.143,  // subject proper noun
    -0.642,  // embedded clause
     0.047,  // passive
     0.560,  // clausal object
     0.175,  // preposition moved into the relation
    -0.179,  // negated
    -0.130,  // modal
     0.320,  // subject from a relative clause
    -0.121,  // copula
    -0.726,  // apposition or title
    -2.234,  // possessive or adjective fact
};

}  // namespace

ConfidenceFeatures proposition_features(const DepTree& t, const Proposition& p) {
  ConfidenceFeatures f;
  f.kind = p.kind == PropKind::kAppos    ? FactKind::kAppos
           : p.kind == PropKind::kCopula ? FactKind::kCopula
                                         : FactKind::kVerbal;
  if (p.kind == PropKind::kVerbal && p.object.present() && p.object.head == p.top) {
    f.kind = FactKind::kCopula;
  }
  f.sentence_words = t.size();
  f.subject_hops = p.subject_hops;
  const int sh = p.subject.head;
  f.subject_pronoun = sh >= 0 && t.upos(sh) == "PRON";
  f.subject_propn = sh >= 0 && t.upos(sh) == "PROPN";
  f.embedded = p.embedded;
  f.passive = p.from_passive;
  f.clause_object = p.object.present() && p.object.kind == ArgKind::kClause;
  f.negated = p.negated;
  f.modal = !p.modality.empty();
  f.relative_subject = p.rel_pronoun_subject;
  return f;
}

std::array<double, kConfidenceFeatureCount> feature_vector(const ConfidenceFeatures& f) {
  return {1.0,
          f.args <= 1 ? 1.0 : 0.0,
          f.args >= 3 ? 1.0 : 0.0,
          static_cast<double>(std::min(f.rel_words, 5)),
          static_cast<double>(std::min(f.arg1_words, 20)),
          static_cast<double>(std::min(f.rest_words, 40)),
          static_cast<double>(std::min(f.sentence_words, 80)),
          f.subject_hops > 0 ? 1.0 : 0.0,
          f.subject_pronoun ? 1.0 : 0.0,
          f.subject_propn ? 1.0 : 0.0,
          f.embedded ? 1.0 : 0.0,
          f.passive ? 1.0 : 0.0,
          f.clause_object ? 1.0 : 0.0,
          f.prep_in_relation ? 1.0 : 0.0,
          f.negated ? 1.0 : 0.0,
          f.modal ? 1.0 : 0.0,
          f.relative_subject ? 1.0 : 0.0,
          f.kind == FactKind::kCopula ? 1.0 : 0.0,
          (f.kind == FactKind::kAppos || f.kind == FactKind::kTitle) ? 1.0 : 0.0,
          f.kind == FactKind::kAttribute ? 1.0 : 0.0};
}

double confidence(const ConfidenceFeatures& f) {
  const auto x = feature_vector(f);
  double z = 0;
  for (int i = 0; i < kConfidenceFeatureCount; ++i) z += kWeights[i] * x[i];
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace kg::extract
