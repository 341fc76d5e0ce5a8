// Training of the tagger's BiLSTM scorer (tag/nn_tagger.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "tag/nn_tagger.h"

namespace kg::train {

struct NnTagTrainOptions {
  int epochs = 0;
  tag::NnTagDims dims;
  float learning_rate = 0.1f;
  float dropout = 0.35f;  // on the BiLSTM outputs
  uint64_t seed = 1;
};

// Trains the scorer on sentences' forms and gold labels; returns the parameters after each epoch.
// `on_epoch(epoch, model)` is called with each epoch's model (prepared) and may be empty.
std::vector<tag::NnTagModel> train_tagger_nn(
    const std::vector<std::vector<std::string_view>>& forms,
    const std::vector<std::vector<uint32_t>>& gold, int labels, const NnTagTrainOptions& options,
    const std::function<void(int, const tag::NnTagModel&)>& on_epoch);

}  // namespace kg::train
