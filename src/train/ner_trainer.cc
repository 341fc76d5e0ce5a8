// Averaged-perceptron training of the entity tagger, with the epoch chosen on dev entity F1.
#include <algorithm>
#include <cstdio>
#include <random>
#include <set>

#include "ner/entity_tagger.h"
#include "ner/model.h"
#include "train/train.h"

namespace kg {
namespace {

// Labels from the training data: "O", then B-/I- for each entity type in sorted order.
Result<std::vector<std::string>> collect_labels(const std::vector<Sentence>& train) {
  std::set<std::string> types;
  for (const Sentence& s : train) {
    for (const Token& t : s.tokens) {
      if (t.entity == "O") continue;
      if (t.entity.size() < 3 || (t.entity[0] != 'B' && t.entity[0] != 'I') || t.entity[1] != '-') {
        return Status::invalid("training sentence '" + s.id + "': bad IOB2 tag '" + t.entity + "'");
      }
      types.insert(t.entity.substr(2));
    }
  }
  if (types.empty()) return Status::invalid("training data has no entities");
  if (types.size() > 31) return Status::invalid("training data has more than 31 entity types");
  std::vector<std::string> labels{"O"};
  for (const std::string& type : types) {
    labels.push_back("B-" + type);
    labels.push_back("I-" + type);
  }
  return labels;
}

Result<std::vector<Sentence>> tag_copy(const std::vector<Sentence>& gold, const ner::Model& model) {
  std::vector<Sentence> out = gold;
  std::vector<int> ids;
  for (Sentence& s : out) {
    ner::SentenceFeatures f(s, model.use_pos);
    model.decode(f, ids);
    for (size_t i = 0; i < s.tokens.size(); ++i) s.tokens[i].entity = model.labels()[ids[i]];
  }
  return out;
}

// The perceptron's state: current weights and the sums needed for averaging (Daume's trick:
// average = w - acc / c, where each update at step c adds c * delta to acc).
struct Learner {
  ner::Model model;
  std::vector<double> acc;
  double step = 1;

  void update(int32_t row, int label, float delta) {
    const size_t k = static_cast<size_t>(row) * model.num_labels() + label;
    model.weights[k] += delta;
    acc[k] += step * delta;
  }
  ner::Model averaged() const {
    ner::Model avg = model;
    for (size_t k = 0; k < avg.weights.size(); ++k) {
      avg.weights[k] = static_cast<float>(model.weights[k] - acc[k] / step);
    }
    return avg;
  }

  // Adds `delta` to the weights of label `label` for every feature of token i under history
  // (prev1, prev2).
  void update(const ner::SentenceFeatures& f, size_t i, int prev1, int prev2, int label,
              float delta) {
    for (uint64_t key : f.static_features(i)) {
      int32_t row = model.index.find(key);
      if (row >= 0) update(row, label, delta);
    }
    for (uint64_t key : f.history_features(i, prev1, prev2)) {
      int32_t row = model.index.find(key);
      if (row >= 0) update(row, label, delta);
    }
  }
};

// The training sentences' features and gold label ids.
struct Examples {
  std::vector<ner::SentenceFeatures> features;
  std::vector<std::vector<int>> gold;
};

Examples make_examples(const std::vector<Sentence>& train, const ner::Model& model) {
  Examples ex;
  ex.gold.resize(train.size());
  ex.features.reserve(train.size());
  for (size_t k = 0; k < train.size(); ++k) {
    ex.features.emplace_back(train[k], model.use_pos);
    for (const Token& t : train[k].tokens) ex.gold[k].push_back(model.label_id(t.entity));
  }
  return ex;
}

// Indexes the features seen at least `min_count` times in the training data with gold history
// (rare features are dropped) and sizes the weights for them.
void select_features(const Examples& ex, int min_count, Learner& learner) {
  ner::Model& model = learner.model;
  ner::FeatureIndex counted;
  std::vector<uint32_t> counts;
  auto count = [&](uint64_t key) {
    int32_t row = counted.insert(key);
    if (static_cast<size_t>(row) == counts.size()) counts.push_back(0);
    ++counts[row];
  };
  const bool viterbi = model.decoder == ner::Decoder::kViterbi;
  for (size_t k = 0; k < ex.features.size(); ++k) {
    int prev1 = ner::kNoLabel, prev2 = ner::kNoLabel;
    for (size_t i = 0; i < ex.features[k].size(); ++i) {
      for (uint64_t key : ex.features[k].static_features(i)) count(key);
      for (uint64_t key :
           ex.features[k].history_features(i, prev1, viterbi ? ner::kNoLabel : prev2)) {
        count(key);
      }
      prev2 = prev1;
      prev1 = ex.gold[k][i];
    }
  }
  for (size_t row = 0; row < counts.size(); ++row) {
    if (counts[row] >= static_cast<uint32_t>(std::max(1, min_count))) {
      model.index.insert(counted.keys()[row]);
    }
  }
  model.weights.assign(model.index.size() * model.num_labels(), 0.0f);
  learner.acc.assign(model.weights.size(), 0.0);
}

// One epoch over the sentences in `order`; returns the token error rate in percent.
double train_epoch(const Examples& ex, const std::vector<size_t>& order, Learner& learner) {
  const ner::Model& model = learner.model;
  const bool viterbi = model.decoder == ner::Decoder::kViterbi;
  std::vector<int> guess;
  size_t errors = 0, tokens = 0;
  for (size_t k : order) {
    const ner::SentenceFeatures& f = ex.features[k];
    const std::vector<int>& truth = ex.gold[k];
    model.decode(f, guess, /*constrained=*/viterbi);
    auto label = [](const std::vector<int>& seq, size_t i, int back) {
      return static_cast<long>(i) - back < 0 ? ner::kNoLabel : seq[i - back];
    };
    for (size_t i = 0; i < f.size(); ++i) {
      ++tokens;
      if (guess[i] != truth[i]) ++errors;
      if (!viterbi) {
        // Local update under the history the tagger actually saw.
        if (guess[i] != truth[i]) {
          int p1 = label(guess, i, 1), p2 = label(guess, i, 2);
          learner.update(f, i, p1, p2, truth[i], 1.0f);
          learner.update(f, i, p1, p2, guess[i], -1.0f);
        }
      } else if (guess[i] != truth[i] || label(guess, i, 1) != label(truth, i, 1)) {
        // Structured update: gold features up, predicted features down.
        learner.update(f, i, label(truth, i, 1), ner::kNoLabel, truth[i], 1.0f);
        learner.update(f, i, label(guess, i, 1), ner::kNoLabel, guess[i], -1.0f);
      }
    }
    learner.step += 1;
  }
  return 100.0 * errors / std::max<size_t>(1, tokens);
}

}  // namespace

Result<EntityTrainResult> train_entity_tagger(const std::vector<Sentence>& train,
                                              const std::vector<Sentence>& dev,
                                              const EntityTrainOptions& options) {
  if (train.empty()) return Status::invalid("no training sentences");
  if (dev.empty()) return Status::invalid("no dev sentences");
  KG_ASSIGN_OR_RETURN(std::vector<std::string> labels, collect_labels(train));

  Learner learner;
  learner.model.use_pos = options.use_pos;
  learner.model.decoder = options.viterbi ? ner::Decoder::kViterbi : ner::Decoder::kGreedy;
  learner.model.set_labels(labels);
  const Examples examples = make_examples(train, learner.model);
  select_features(examples, options.min_feature_count, learner);

  std::vector<size_t> order(train.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937_64 rng(options.seed);
  EntityTrainResult result;
  double best_f1 = -1;
  ner::Model best;
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    const double error_rate = train_epoch(examples, order, learner);
    ner::Model avg = learner.averaged();
    KG_ASSIGN_OR_RETURN(std::vector<Sentence> tagged, tag_copy(dev, avg));
    KG_ASSIGN_OR_RETURN(EntityScores dev_scores, score_entities(dev, tagged));
    result.epochs_run = epoch;
    double f1 = dev_scores.overall.f1();
    if (options.log) {
      char line[160];
      std::snprintf(line, sizeof line,
                    "epoch %d: train token errors %.2f%%, dev P %.4f R %.4f F1 %.4f", epoch,
                    error_rate, dev_scores.overall.precision(), dev_scores.overall.recall(), f1);
      options.log(line);
    }
    if (f1 > best_f1) {
      best_f1 = f1;
      best = std::move(avg);
      result.best_epoch = epoch;
    } else if (epoch - result.best_epoch >= options.patience) {
      break;
    }
  }

  best.compact();
  KG_ASSIGN_OR_RETURN(std::vector<Sentence> tagged, tag_copy(dev, best));
  KG_ASSIGN_OR_RETURN(result.dev, score_entities(dev, tagged));
  result.tagger = std::make_unique<EntityTagger>(std::make_unique<ner::Model>(std::move(best)));
  return result;
}

}  // namespace kg
