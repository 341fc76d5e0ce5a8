// Learning the lemmatizer (tag/lemmatizer.h) from a treebank.
#pragma once

#include <vector>

#include "doc/document.h"
#include "tag/lemmatizer.h"

namespace kg::train {

// Learns from the gold FORM, UPOS, XPOS and LEMMA columns of `sentences`: the most frequent
// lemma of every (form, tag) as an exception, the edit scripts voted for by word endings (and,
// for regular -ed / -ing verbs, by stem endings); exceptions the rules get right are dropped.
tag::Lemmatizer train_lemmatizer(const std::vector<Sentence>& sentences);

}  // namespace kg::train
