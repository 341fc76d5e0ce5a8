// Training of the averaged-perceptron tagger and its optional BiLSTM scorer (train_tagger).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "common/hash.h"
#include "tag/ap_tagger.h"
#include "tag/nn_tagger.h"
#include "train/jackknife.h"
#include "train/lemmatizer_trainer.h"
#include "train/nn_math_train.h"
#include "train/parallel.h"
#include "train/tagger_nn_trainer.h"
#include "train/tagger_weights.h"
#include "train/train.h"

namespace kg::train {
namespace {

using namespace ::kg::tag;

// A form seen at least this often with one label this often goes to the tag dictionary.
constexpr int kDictionaryMinCount = 20;
constexpr double kDictionaryMinShare = 0.995;
// Folds for the jackknifed ambiguity classes of the training sentences.
constexpr int kFolds = 10;

struct Example {
  std::vector<std::string_view> forms;
  std::vector<uint32_t> gold;
  std::vector<uint32_t> fixed;  // dictionary label or kMissing
  std::vector<WordInfo> info;   // from lexical_info with the example's fold's ambiguity classes
};

// The label of a token: its UPOS and XPOS together.
std::string label_name(const Token& t) { return t.upos + '\t' + t.xpos; }

// Labels, ambiguity classes and the tag dictionary from the training counts. Training sentence i
// gets its ambiguity classes from the sentences outside fold i % kFolds (`fold_amb`), so that
// rare words look as they will at test time.
Status build_lexicon(const std::vector<Sentence>& train, ApModel& m,
                     std::map<std::string, uint32_t>& label_ids, std::vector<FlatMap>& fold_amb) {
  std::set<std::string> names;
  for (const auto& s : train)
    for (const auto& t : s.tokens)
      if (!t.upos.empty()) names.insert(label_name(t));
  if (names.empty()) return Status::invalid("training set has no words with a UPOS tag");
  for (const auto& n : names) {
    label_ids.emplace(n, static_cast<uint32_t>(m.upos.size()));
    m.upos.push_back(n.substr(0, n.find('\t')));
    m.xpos.push_back(n.substr(n.find('\t') + 1));
  }
  const size_t n_labels = m.upos.size();
  // counts[word][fold * n_labels + label]; the last "fold" is the total.
  std::map<std::string, std::vector<int>> by_lower;
  std::map<std::string, std::map<uint32_t, int>> by_form;
  for (size_t si = 0; si < train.size(); ++si) {
    for (const auto& t : train[si].tokens) {
      if (t.upos.empty()) continue;
      uint32_t l = label_ids.at(label_name(t));
      auto& c = by_lower[lowercase(t.form)];
      if (c.empty()) c.assign((kFolds + 1) * n_labels, 0);
      ++c[(si % kFolds) * n_labels + l];
      ++c[kFolds * n_labels + l];
      ++by_form[t.form][l];
    }
  }
  std::map<std::vector<uint32_t>, uint32_t> classes;
  m.amb_classes = FlatMap(by_lower.size());
  fold_amb.assign(kFolds, FlatMap(by_lower.size()));
  for (const auto& [word, c] : by_lower) {
    for (int f = 0; f <= kFolds; ++f) {
      int total = 0;
      std::vector<uint32_t> set;
      for (uint32_t l = 0; l < n_labels; ++l) {
        int n = c[kFolds * n_labels + l] - (f < kFolds ? c[f * n_labels + l] : 0);
        if (n > 0) total += n, set.push_back(l);
      }
      if (total == 0) continue;
      auto [it, added] = classes.emplace(set, static_cast<uint32_t>(classes.size()));
      (f < kFolds ? fold_amb[f] : m.amb_classes).insert(lower_key(word), it->second);
    }
  }
  for (const auto& [form, counts] : by_form) {
    int total = 0, best = 0;
    uint32_t best_label = 0;
    for (auto [l, n] : counts) {
      total += n;
      if (n > best) best = n, best_label = l;
    }
    if (total >= kDictionaryMinCount && best >= kDictionaryMinShare * total) {
      m.dictionary.insert(dictionary_key(form), best_label);
    }
  }
  return {};
}

// Trains the weights of one pass on `subset` of `examples`. `previous` holds the previous pass's
// labels per example (jackknifed) or is null. When `probe` is set, each epoch is evaluated on
// `dev` with the passes in `probe` followed by the current averaged weights.
struct PassSetup {
  const ApModel* model = nullptr;
  const std::vector<Example>* examples = nullptr;
  std::vector<size_t> subset;
  const std::vector<std::vector<uint32_t>>* previous = nullptr;
  bool reversed = false;
  int epochs = 10;
  uint64_t seed = 1;
  const std::vector<SparseWeights>* probe = nullptr;  // earlier passes, for the dev report
  const std::vector<uint8_t>* probe_reversed = nullptr;
  const std::vector<Sentence>* dev = nullptr;
  const TaggerTrainOptions* options = nullptr;
  int member = 0;
  std::mutex* report_mutex = nullptr;
  std::chrono::steady_clock::time_point start;
};

// A tagger made of `m`'s lexicon and the given passes, pruned as PackedWeights::pack says.
ApTagger make_tagger(const ApModel& m, const std::vector<SparseWeights>& passes,
                     const std::vector<uint8_t>& reversed, int prune) {
  ApModel t;
  t.upos = m.upos;
  t.xpos = m.xpos;
  t.amb_classes = m.amb_classes;
  t.dictionary = m.dictionary;
  t.lemmatizer = m.lemmatizer;
  t.weights = PackedWeights::pack(passes, prune);
  t.reversed = reversed;
  return ApTagger(std::move(t));
}

SparseWeights train_pass(const PassSetup& p) {
  const ApModel& m = *p.model;
  const uint32_t n_labels = m.labels();
  TaggerWeights weights;
  std::vector<size_t> order = p.subset;
  std::mt19937_64 rng(p.seed);
  std::vector<float> scores(n_labels);
  uint64_t keys[kMaxFeatures];
  SparseWeights best;
  double best_upos = -1;
  for (int epoch = 1; epoch <= p.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t seen = 0, right = 0;
    for (size_t idx : order) {
      const Example& e = (*p.examples)[idx];
      const std::vector<uint32_t>* prev = p.previous ? &(*p.previous)[idx] : nullptr;
      uint32_t t1 = m.begin_label(), t2 = m.begin_label();
      const size_t n = e.forms.size();
      for (size_t step = 0; step < n; ++step) {
        size_t i = p.reversed ? n - 1 - step : step;
        uint32_t label = e.fixed[i];
        if (label == FlatMap::kMissing) {
          static_features(e.info, i, keys);
          size_t nk = kStaticFeatures;
          if (prev != nullptr) {
            previous_features(e.info, i, p.reversed, *prev, keys + nk);
            nk += kPreviousFeatures;
          }
          nk += history_features(e.info, i, p.reversed, t1, t2, prev, keys + nk);
          std::fill(scores.begin(), scores.end(), 0.0f);
          for (size_t k = 0; k < nk; ++k) weights.add(keys[k], scores.data());
          label = static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) -
                                        scores.begin());
          weights.tick();
          if (label != e.gold[i]) {
            for (size_t k = 0; k < nk; ++k) {
              weights.update(keys[k], e.gold[i], 1.0f);
              weights.update(keys[k], label, -1.0f);
            }
          }
        }
        ++seen;
        right += label == e.gold[i];
        t2 = t1;
        t1 = label;
      }
    }
    SparseWeights averaged = weights.average(0.0f);
    if (p.probe == nullptr || p.dev->empty()) {
      if (epoch == p.epochs) best = std::move(averaged);
      continue;
    }
    std::vector<SparseWeights> passes = *p.probe;
    std::vector<uint8_t> reversed = *p.probe_reversed;
    passes.push_back(averaged);
    reversed.push_back(p.reversed);
    TaggerEpoch report;
    report.pass = static_cast<int>(p.probe->size());
    report.member = p.member;
    report.epoch = epoch;
    report.train_upos_xpos = seen ? 100.0 * right / seen : 0;
    report.dev = evaluate_tagger(make_tagger(m, passes, reversed, p.options->prune), *p.dev);
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - p.start).count();
    if (p.options->on_epoch) {
      std::lock_guard<std::mutex> lock(*p.report_mutex);
      p.options->on_epoch(report);
    }
    double upos = report.dev.pct(report.dev.upos);
    if (!p.options->keep_best || upos > best_upos) {
      best_upos = upos;
      best = std::move(averaged);
    }
  }
  return best;
}

// The mean of several weight sets (an absent weight counts as zero).
SparseWeights mean(const std::vector<SparseWeights>& sets) {
  if (sets.size() == 1) return sets[0];
  FlatMap rows;
  std::vector<uint64_t> keys;
  std::vector<std::map<uint16_t, float>> values;
  for (const SparseWeights& w : sets) {
    for (size_t r = 0; r < w.keys.size(); ++r) {
      uint32_t row = rows.insert(w.keys[r], static_cast<uint32_t>(keys.size()));
      if (row == keys.size()) {
        keys.push_back(w.keys[r]);
        values.emplace_back();
      }
      for (uint32_t e = w.starts[r]; e < w.starts[r + 1]; ++e)
        values[row][w.labels[e]] += w.values[e] / static_cast<float>(sets.size());
    }
  }
  SparseWeights out;
  for (size_t r = 0; r < keys.size(); ++r) {
    out.keys.push_back(keys[r]);
    for (auto [label, v] : values[r]) {
      out.labels.push_back(label);
      out.values.push_back(v);
    }
    out.starts.push_back(static_cast<uint32_t>(out.labels.size()));
  }
  return out;
}

// Accuracy of the BiLSTM scorer's own argmax on `gold`.
TagAccuracy evaluate_nn(const NnTagModel& nn, const ApModel& m, const std::vector<Sentence>& gold) {
  TagAccuracy acc;
  std::vector<std::string_view> forms;
  std::vector<float> scores;
  const size_t T = m.labels();
  for (const Sentence& s : gold) {
    forms.clear();
    for (const Token& t : s.tokens) forms.emplace_back(t.form);
    nn.scores(forms, scores);
    for (size_t i = 0; i < forms.size(); ++i) {
      const float* row = &scores[i * T];
      const size_t l = std::max_element(row, row + T) - row;
      const bool u = m.upos[l] == s.tokens[i].upos, x = m.xpos[l] == s.tokens[i].xpos;
      ++acc.words;
      acc.upos += u;
      acc.xpos += x;
      acc.upos_xpos += u && x;
    }
  }
  return acc;
}

// Gives `tagger` the scorer and perceptron weight with the best dev UPOS+XPOS accuracy. The
// candidates are every epoch's scorer and the means of the scorers of epochs E/2 + 1 .. e for
// every later e (E epochs); the weights 2^-6 .. 2^-18, then halfway steps around the best.
void choose_nn(ApTagger& tagger, std::vector<NnTagModel>& epochs, const std::vector<Sentence>& dev,
               const TaggerTrainOptions& options, std::chrono::steady_clock::time_point start) {
  TaggerEpoch chosen;
  chosen.nn = 2;
  std::shared_ptr<NnTagModel> best_nn;
  auto try_scorer = [&](std::shared_ptr<NnTagModel> nn, int epoch, int mean_from) {
    nn->prepare();
    bool better = false;
    auto consider = [&](float w) {
      tagger.set_nn(nn, w);
      TagAccuracy a = evaluate_tagger(tagger, dev);
      if (best_nn == nullptr || a.upos_xpos > chosen.dev.upos_xpos) {
        chosen.dev = a, chosen.epoch = epoch, chosen.nn_mean_from = mean_from;
        chosen.perceptron_weight = w, best_nn = nn, better = true;
      }
    };
    for (int k = 6; k <= 18; ++k) consider(std::ldexp(1.f, -k));
    if (better) {
      const float w = static_cast<float>(chosen.perceptron_weight);
      consider(w * std::sqrt(2.f));
      consider(w / std::sqrt(2.f));
    }
    if (!better) nn->release();
  };
  const size_t n = epochs.size(), first = n / 2;
  NnTagModel sum;
  for (size_t e = 0; e < n; ++e) {
    if (e >= first) {
      if (e == first) {
        sum = epochs[e];
      } else {
        nn_add_all(sum.matrices(), epochs[e].matrices());
        auto mean = std::make_shared<NnTagModel>(sum);
        const float scale = 1.f / static_cast<float>(e - first + 1);
        for (auto* v : mean->matrices())
          for (float& x : *v) x *= scale;
        try_scorer(mean, static_cast<int>(e) + 1, static_cast<int>(first) + 1);
      }
    }
    try_scorer(std::make_shared<NnTagModel>(std::move(epochs[e])), static_cast<int>(e) + 1, 0);
  }
  tagger.set_nn(best_nn, static_cast<float>(chosen.perceptron_weight));
  if (options.on_epoch) {
    chosen.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    options.on_epoch(chosen);
  }
}

// The training sentences whose every word has a label of `label_ids`, with their forms, labels,
// tag dictionary labels and lexical information (sentence i's ambiguity classes from
// fold_amb[i % kFolds]).
std::vector<Example> make_examples(const std::vector<Sentence>& train, const ApModel& m,
                                   const std::map<std::string, uint32_t>& label_ids,
                                   const std::vector<FlatMap>& fold_amb) {
  std::vector<Example> examples;
  for (size_t si = 0; si < train.size(); ++si) {
    Example e;
    bool complete = true;
    for (const auto& t : train[si].tokens) {
      auto it = label_ids.find(label_name(t));
      if (it == label_ids.end()) {
        complete = false;
        break;
      }
      e.forms.emplace_back(t.form);
      e.gold.push_back(it->second);
      e.fixed.push_back(m.dictionary.find(dictionary_key(t.form)));
    }
    if (!complete) continue;
    lexical_info(e.forms, &fold_amb[si % kFolds], e.info);
    examples.push_back(std::move(e));
  }
  return examples;
}

// Starts training the BiLSTM scorer on a thread of its own (it does not depend on the
// perceptron); the thread leaves the scorer of every epoch in `epochs`.
std::thread start_nn(const std::vector<Example>& examples, const ApModel& m,
                     const std::vector<Sentence>& dev, const TaggerTrainOptions& options,
                     std::chrono::steady_clock::time_point start, std::mutex& report_mutex,
                     std::vector<NnTagModel>& epochs) {
  return std::thread([&examples, &m, &dev, &options, start, &report_mutex, &epochs] {
    std::vector<std::vector<std::string_view>> forms;
    std::vector<std::vector<uint32_t>> gold;
    for (const Example& e : examples) {
      forms.push_back(e.forms);
      gold.push_back(e.gold);
    }
    NnTagTrainOptions o;
    o.epochs = options.nn_epochs;
    o.dims.lstm = options.nn_lstm;
    o.dims.word = options.nn_word_dim;
    o.learning_rate = options.nn_learning_rate;
    o.dropout = options.nn_dropout;
    o.seed = options.seed + 7;
    epochs = train_tagger_nn(
        forms, gold, static_cast<int>(m.labels()), o, [&](int epoch, const NnTagModel& nn) {
          if (!options.on_epoch) return;
          TaggerEpoch r;
          r.nn = 1;
          r.epoch = epoch;
          r.dev = evaluate_nn(nn, m, dev);
          r.seconds =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          std::lock_guard<std::mutex> lock(report_mutex);
          options.on_epoch(r);
        });
  });
}

// The first pass's labels of every example, each from a model of `setup`'s pass (jackknife
// epochs) trained on the other folds, for training the second pass.
std::vector<std::vector<uint32_t>> jackknifed_first_pass(const PassSetup& setup,
                                                         const TaggerTrainOptions& options) {
  const ApModel& m = *setup.model;
  const std::vector<Example>& examples = *setup.examples;
  std::vector<std::vector<uint32_t>> labels(examples.size());
  const int folds = std::max(2, options.jackknife_folds);
  // A fold cannot fail (and train_tagger, with the scorer's thread running, must not return
  // early here).
  Status done = jackknife(
      examples.size(), folds, FoldSplit::kRoundRobin, std::max(1, options.threads),
      [&](int f, const std::vector<size_t>& train, const std::vector<size_t>& held_out) {
        PassSetup fold = setup;
        fold.subset = train;
        fold.seed = options.seed + 100 + f;
        fold.epochs = options.jackknife_epochs;
        ApTagger tagger = make_tagger(m, {train_pass(fold)}, {setup.reversed}, 1);
        for (size_t i : held_out) tagger.predict(examples[i].forms, examples[i].info, labels[i]);
        return Status();
      });
  (void)done;
  return labels;
}

// The weights of every pass (`reversed` says their directions): each the mean of the ensemble's
// models, the passes after the first trained on the jackknifed labels `previous`.
std::vector<SparseWeights> train_passes(const PassSetup& setup,
                                        const std::vector<uint8_t>& reversed,
                                        const std::vector<std::vector<uint32_t>>& previous,
                                        const TaggerTrainOptions& options,
                                        std::mutex& report_mutex) {
  std::vector<SparseWeights> passes;
  std::vector<uint8_t> done;
  for (size_t p = 0; p < reversed.size(); ++p) {
    const size_t n_members = static_cast<size_t>(std::max(1, options.ensemble));
    std::vector<SparseWeights> members(n_members);
    parallel_for(n_members, std::max(1, options.threads), [&](size_t k) {
      PassSetup full = setup;
      full.seed = options.seed + p + 1000 * k;
      full.reversed = reversed[p];
      full.previous = p > 0 ? &previous : nullptr;
      full.probe = &passes;
      full.probe_reversed = &done;
      full.member = static_cast<int>(k);
      full.report_mutex = &report_mutex;
      members[k] = train_pass(full);
    });
    passes.push_back(mean(members));
    done.push_back(reversed[p]);
  }
  return passes;
}

}  // namespace
}  // namespace kg::train

namespace kg {

Result<std::unique_ptr<Tagger>> train_tagger(const std::vector<Sentence>& train,
                                             const std::vector<Sentence>& dev,
                                             const TaggerTrainOptions& options) {
  using namespace kg::tag;
  using namespace kg::train;
  auto start = std::chrono::steady_clock::now();
  ApModel m;
  std::map<std::string, uint32_t> label_ids;
  std::vector<FlatMap> fold_amb;
  KG_RETURN_IF_ERROR(build_lexicon(train, m, label_ids, fold_amb));
  m.lemmatizer = train_lemmatizer(train);
  const std::vector<Example> examples = make_examples(train, m, label_ids, fold_amb);

  std::mutex report_mutex;
  std::vector<NnTagModel> nn_epochs;
  std::thread nn_thread;
  const bool with_nn = options.nn_epochs > 0 && !dev.empty();
  if (with_nn) nn_thread = start_nn(examples, m, dev, options, start, report_mutex, nn_epochs);

  const int n_passes = std::clamp(options.passes, 1, PackedWeights::kMaxPasses);
  // With two passes the first runs right to left, so that the second (left to right) sees
  // predictions for its right context made from a different direction.
  std::vector<uint8_t> reversed;
  for (int p = 0; p < n_passes; ++p) reversed.push_back(n_passes > 1 && p == 0);

  PassSetup setup;
  setup.model = &m;
  setup.examples = &examples;
  setup.epochs = options.epochs;
  setup.dev = &dev;
  setup.options = &options;
  setup.start = start;
  for (size_t i = 0; i < examples.size(); ++i) setup.subset.push_back(i);
  std::vector<std::vector<uint32_t>> previous;
  if (n_passes > 1) {
    PassSetup first = setup;
    first.reversed = reversed[0];
    previous = jackknifed_first_pass(first, options);
  }
  std::vector<SparseWeights> passes = train_passes(setup, reversed, previous, options, report_mutex);
  if (nn_thread.joinable()) nn_thread.join();
  m.weights = PackedWeights::pack(passes, options.prune);
  m.reversed = reversed;
  auto tagger = std::make_unique<ApTagger>(std::move(m));
  if (with_nn) choose_nn(*tagger, nn_epochs, dev, options, start);
  return std::unique_ptr<Tagger>(std::move(tagger));
}

}  // namespace kg
