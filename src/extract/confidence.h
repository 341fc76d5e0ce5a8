// Confidence of an extraction: a logistic model over structural and surface cues (complete
// clauses with several arguments and proper-noun subjects rank high; one-argument extractions,
// possessive and title facts, inherited subjects, embedded clauses and long arguments lower).
#pragma once

#include <array>

#include "extract/dep_tree.h"
#include "extract/proposition.h"

namespace kg::extract {

// kAttribute: possessive and adjective facts ("X has Y", "X is ADJ").
enum class FactKind { kVerbal, kCopula, kAppos, kTitle, kAttribute };

struct ConfidenceFeatures {
  FactKind kind = FactKind::kVerbal;
  int args = 2;           // arguments, the subject included
  int rel_words = 1;
  int arg1_words = 1;
  int rest_words = 0;     // words of the arguments after the first
  int sentence_words = 20;
  int subject_hops = 0;
  bool subject_pronoun = false;
  bool subject_propn = false;
  bool embedded = false;
  bool passive = false;
  bool clause_object = false;
  bool prep_in_relation = false;
  bool negated = false;
  bool modal = false;
  bool relative_subject = false;
};

// The structural features of a proposition (surface counts are left for the caller).
ConfidenceFeatures proposition_features(const DepTree& t, const Proposition& p);

// The features as the model's input vector (index 0 is the bias).
constexpr int kConfidenceFeatureCount = 20;
std::array<double, kConfidenceFeatureCount> feature_vector(const ConfidenceFeatures& f);

// In (0, 1).
double confidence(const ConfidenceFeatures& f);

}  // namespace kg::extract
