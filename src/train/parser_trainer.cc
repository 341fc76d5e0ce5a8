// Parser training: averaged perceptron, dynamic oracle with exploration, shuffled epochs; the
// neural scorer trained beside it on a thread of its own, then combined with it on dev.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "parse/ap_parser.h"
#include "parse/features.h"
#include "parse/nn.h"
#include "train/jackknife.h"
#include "train/nn_math_train.h"
#include "train/parser_nn_trainer.h"
#include "train/parser_oracle.h"
#include "train/parser_weights.h"
#include "train/train.h"

namespace kg::train {

using namespace ::kg::parse;  // the parser's model, features and transition system
namespace {

struct Example {
  const Sentence* sentence;
  std::vector<int> heads;   // projectivized, 1..n
  std::vector<int> labels;  // label ids, 1..n
};

std::string format(const char* fmt, double a, double b = 0, double c = 0, double d = 0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, a, b, c, d);
  return buf;
}

class Trainer {
 public:
  Trainer(LabelSet labels, const ParserTrainOptions& options)
      : labels_(std::move(labels)),
        options_(options),
        weights_(labels_.num_classes()),
        rng_(options.seed) {}

  // Trains on one sentence; returns (decisions, correct decisions).
  std::pair<size_t, size_t> train_sentence(const Example& ex, bool explore);

  std::unique_ptr<Parser> snapshot(size_t max_weights) const {
    return std::make_unique<ApParser>(labels_, weights(max_weights));
  }
  Weights weights(size_t max_weights) const {
    return Weights::from_averaged(weights_.averaged(), labels_.num_classes(), max_weights);
  }

  std::mt19937_64& rng() { return rng_; }

 private:
  LabelSet labels_;
  ParserTrainOptions options_;
  ParserWeights weights_;
  std::mt19937_64 rng_;
  State state_{0};
  SentenceAtoms atoms_;
  std::vector<uint64_t> features_;
  std::vector<int64_t> scores_;
  std::vector<int> costs_;
};

std::pair<size_t, size_t> Trainer::train_sentence(const Example& ex, bool explore) {
  const int n = static_cast<int>(ex.heads.size()) - 1;
  const int nl = static_cast<int>(labels_.names.size());
  const int num_classes = labels_.num_classes();
  Oracle oracle(ex.heads, ex.labels);
  state_.reset(n);
  atoms_.build(*ex.sentence);
  scores_.resize(num_classes);
  costs_.resize(num_classes);
  size_t decisions = 0, correct = 0;
  while (!state_.terminal()) {
    extract_features(state_, atoms_, features_);
    std::fill(scores_.begin(), scores_.end(), 0);
    weights_.score(features_, scores_.data());
    const int min_cost = class_costs(oracle, labels_, state_, costs_);
    int pred = -1, gold = -1;
    for (int c = 0; c < num_classes; ++c) {
      if (costs_[c] == kIllegalCost) continue;
      if (pred < 0 || scores_[c] > scores_[pred]) pred = c;
      if (costs_[c] == min_cost && (gold < 0 || scores_[c] > scores_[gold])) gold = c;
    }
    if (pred < 0) break;  // unreachable: a non-terminal state always has a legal move
    ++decisions;
    if (costs_[pred] == min_cost) {
      ++correct;
    } else {
      weights_.update(features_, gold, 1);
      weights_.update(features_, pred, -1);
    }
    weights_.tick();
    int next = gold;
    if (explore && (rng_() >> 11) * 0x1.0p-53 < options_.explore_prob) next = pred;
    state_.apply(move_of(next, nl), label_of(next, nl));
  }
  return {decisions, correct};
}

// The label names of the training trees (sorted, "root" always included).
LabelSet collect_labels(const std::vector<Sentence>& sentences) {
  std::map<std::string, int> seen{{"root", 0}};
  for (const auto& s : sentences) {
    for (const Token& t : s.tokens) {
      if (!t.deprel.empty()) seen[t.deprel] = 0;
    }
  }
  LabelSet labels;
  for (const auto& [name, unused] : seen) {
    if (name == "root") labels.root = static_cast<int>(labels.names.size());
    labels.names.push_back(name);
  }
  labels.left.assign(labels.names.size(), 0);
  labels.right.assign(labels.names.size(), 0);
  return labels;
}

// The usable training trees (single-rooted, every label known) projectivized for the oracle,
// with what was skipped and lifted; sets which direction each label takes on them.
struct Examples {
  std::vector<Example> items;
  size_t skipped = 0, lifted = 0;
};

Examples make_examples(const std::vector<Sentence>& sentences, LabelSet& labels) {
  std::map<std::string, int> label_ids;
  for (size_t i = 0; i < labels.names.size(); ++i) label_ids[labels.names[i]] = static_cast<int>(i);
  Examples examples;
  for (const auto& s : sentences) {
    const int n = static_cast<int>(s.tokens.size());
    Example ex{&s, std::vector<int>(n + 1, 0), std::vector<int>(n + 1, 0)};
    for (int i = 1; i <= n; ++i) {
      const Token& t = s.tokens[i - 1];
      ex.heads[i] = t.head;
      auto it = label_ids.find(t.deprel);
      ex.labels[i] = t.head == 0 ? labels.root : (it == label_ids.end() ? -1 : it->second);
      if (ex.labels[i] < 0 || (t.head != 0 && ex.labels[i] == labels.root)) ex.heads[0] = -1;
    }
    if (n == 0 || ex.heads[0] != 0 || !is_single_rooted_tree(ex.heads)) {
      ++examples.skipped;
      continue;
    }
    examples.lifted += projectivize(ex.heads);
    examples.items.push_back(std::move(ex));
  }
  for (const auto& ex : examples.items) {
    for (size_t d = 1; d < ex.heads.size(); ++d) {
      if (ex.heads[d] == 0) continue;
      (ex.heads[d] > static_cast<int>(d) ? labels.left : labels.right)[ex.labels[d]] = 1;
    }
  }
  return examples;
}

// Copies of `sentences` whose tags come from jackknifed taggers (TagJackknifeOptions).
Result<std::vector<Sentence>> jackknifed_tags(const std::vector<Sentence>& sentences,
                                              const TagJackknifeOptions& o) {
  std::vector<Sentence> tagged = sentences;
  const std::vector<Sentence> no_dev;
  const std::vector<Sentence>& tagger_dev = o.nn_epochs > 0 && o.dev ? *o.dev : no_dev;
  KG_RETURN_IF_ERROR(jackknife(
      sentences.size(), o.folds, FoldSplit::kBlocks, o.threads,
      [&](int, const std::vector<size_t>& train, const std::vector<size_t>& held_out) -> Status {
        std::vector<Sentence> fold_train;
        for (size_t i : train) fold_train.push_back(sentences[i]);
        TaggerTrainOptions options;
        options.passes = 1;
        options.ensemble = 1;
        options.epochs = o.epochs;
        options.keep_best = false;
        options.nn_epochs = o.nn_epochs;
        options.nn_lstm = o.nn_lstm;
        KG_ASSIGN_OR_RETURN(auto tagger, train_tagger(fold_train, tagger_dev, options));
        for (size_t i : held_out) tagger->tag(tagged[i]);
        return {};
      }));
  if (o.on_tagged) {
    TagAccuracy acc;
    for (size_t i = 0; i < sentences.size(); ++i) {
      for (size_t j = 0; j < sentences[i].tokens.size(); ++j) {
        const Token &t = tagged[i].tokens[j], &gold = sentences[i].tokens[j];
        ++acc.words;
        acc.upos += t.upos == gold.upos;
        acc.xpos += t.xpos == gold.xpos;
        acc.upos_xpos += t.upos == gold.upos && t.xpos == gold.xpos;
        acc.lemma += t.lemma == gold.lemma;
      }
    }
    o.on_tagged(acc);
  }
  return tagged;
}

// The perceptron of options.perceptron (null when none is given), checked against `labels`.
Result<const ApParser*> given_perceptron(const ParserTrainOptions& options,
                                         const LabelSet& labels) {
  if (!options.perceptron) return nullptr;
  const ApParser* given = dynamic_cast<const ApParser*>(options.perceptron.get());
  if (!given || given->labels().names != labels.names || given->labels().left != labels.left ||
      given->labels().right != labels.right) {
    return Status::invalid(
        "the given perceptron was trained on other labels than these training trees'");
  }
  return given;
}

// The neural scorer trained on a thread of its own while the perceptron trains on the caller's;
// each is deterministic, so the result does not depend on their interleaving.
struct NnRun {
  std::vector<ParserNnExample> examples;
  std::optional<NnModel> model;
  std::vector<std::pair<int, NnModel>> snapshots;  // (epoch, scorer after it), kept for dev
  std::thread thread;
};

// Starts `run`: the scorer trains on `examples` (of `trained`); `gold_tags` (parallel to
// `trained`, may be null) feeds the tagging loss.
void start_nn(NnRun& run, const std::vector<Example>& examples,
              const std::vector<Sentence>& trained, const std::vector<Sentence>* gold_tags,
              const LabelSet& labels, const ParserTrainOptions& options,
              const std::function<void(const std::string&)>& log,
              const std::vector<Sentence>* dev) {
  for (const auto& ex : examples) {
    const Sentence* gold = nullptr;
    if (gold_tags && gold_tags->size() == trained.size()) {
      gold = &(*gold_tags)[ex.sentence - trained.data()];
    }
    run.examples.push_back({ex.sentence, ex.heads, ex.labels, gold});
  }
  ParserNnOptions nn;
  nn.epochs = options.nn_epochs;
  nn.seed = options.seed;
  nn.dims.lstm = options.nn_lstm;
  nn.dims.layers = options.nn_layers;
  nn.dims.hidden = options.nn_hidden;
  nn.average_last = options.nn_average;
  nn.input_dropout = static_cast<float>(options.nn_input_dropout);
  nn.tag_loss = static_cast<float>(options.nn_tag_loss);
  nn.log = log;
  if (dev) {
    // The second half of the epochs are kept: once the perceptron is done, dev picks the
    // epoch whose scorer adds best to it (unless the last epochs are averaged). The log also
    // gets the dev scores of the scorer alone after every epoch.
    nn.after_epoch = [dev, &labels, &snapshots = run.snapshots, log = nn.log,
                      keep = options.nn_average <= 1 && options.nn_pick_epoch
                                 ? (options.nn_epochs + 1) / 2
                                 : 0](int epoch, const NnModel& model) {
      if (epoch >= keep && keep > 0) snapshots.emplace_back(epoch, model);
      if (!log) return;
      NnModel alone = model;
      alone.ap_scale = 0.f;
      alone.skip_margin = 0.f;
      AttachmentScore sc = score_parser(
          ApParser(labels, Weights(), std::make_shared<const NnScorer>(std::move(alone))), *dev);
      log(format("nn epoch %.0f alone: dev UAS %.2f LAS %.2f", static_cast<double>(epoch),
                 sc.uas(), sc.las()));
    };
  }
  run.thread = std::thread(
      [&model = run.model, &examples = run.examples, &labels, nn] {
        model = train_parser_nn(examples, labels, nn);
      });
}

// The perceptron's epochs over `examples`, each logged (with dev scores when there is dev).
void train_perceptron(Trainer& trainer, const std::vector<Example>& examples,
                      const ParserTrainOptions& options, const std::vector<Sentence>* dev) {
  const auto& log = options.log;
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    auto start = std::chrono::steady_clock::now();
    // Fisher-Yates with the raw generator, so the order is the same on every platform.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[trainer.rng()() % i]);
    size_t decisions = 0, correct = 0;
    bool explore = epoch > options.explore_after;
    for (size_t i : order) {
      auto [d, c] = trainer.train_sentence(examples[i], explore);
      decisions += d;
      correct += c;
    }
    if (!log) continue;
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string line =
        "epoch " + std::to_string(epoch) +
        format(": %.2f%% zero-cost decisions, %.1fs", 100.0 * correct / decisions, secs);
    if (dev) {
      auto model = trainer.snapshot(options.max_weights);
      AttachmentScore sc = score_parser(*model, *dev);
      line += format(", dev UAS %.2f LAS %.2f, %.0f features", sc.uas(), sc.las(),
                     static_cast<double>(model->feature_count()));
    }
    log(line);
  }
}

// The tuning aid: dev scores of the final model with other weight budgets.
void report_budgets(const ParserTrainOptions& options, const std::vector<Sentence>* dev,
                    const std::function<std::unique_ptr<Parser>(size_t)>& make) {
  if (!dev || !options.log) return;
  for (size_t budget : options.dev_budgets) {
    AttachmentScore sc = score_parser(*make(budget), *dev);
    options.log(format("budget %.0f weights: dev UAS %.2f LAS %.2f", static_cast<double>(budget),
                       sc.uas(), sc.las()));
  }
}

// The parser of `labels`, perceptron weights `w` and the neural scorer `nn` added to them with
// weight ap_scale, the perceptron left out above `skip_margin` (0: never).
std::unique_ptr<ApParser> combined(const LabelSet& labels, const Weights& w, NnModel nn,
                                   double ap_scale, double skip_margin) {
  nn.ap_scale = static_cast<float>(ap_scale);
  nn.skip_margin =
      skip_margin > 0 ? static_cast<float>(skip_margin) : std::numeric_limits<float>::infinity();
  return std::make_unique<ApParser>(labels, w, std::make_shared<const NnScorer>(std::move(nn)));
}

// Dev picks the scorer (among the kept epochs' and the means of the last ones) and the
// perceptron's weight beside it, the perceptron asked on every move; returns that weight and
// leaves the scorer in run.model.
double pick_scorer(NnRun& run, const LabelSet& labels, const Weights& weights,
                   const ParserTrainOptions& options, const std::vector<Sentence>& dev) {
  const auto& log = options.log;
  double ap_scale = options.nn_ap_scale > 0 ? options.nn_ap_scale : 1e-4;
  std::vector<double> scales = {0.5e-4, 0.75e-4, 1e-4, 1.5e-4, 2e-4, 3e-4};
  if (options.nn_ap_scale > 0) scales = {options.nn_ap_scale};
  auto& snapshots = run.snapshots;
  if (snapshots.empty()) snapshots.emplace_back(options.nn_epochs, *run.model);
  // Also the parameter means of the last 2, 3, ... kept epochs (named by minus their count).
  const size_t kept = snapshots.size();
  for (size_t count = 2; count <= kept; ++count) {
    NnModel mean = snapshots[kept - 1].second;
    auto sum = mean.matrices();
    for (size_t j = kept - count; j + 1 < kept; ++j) {
      nn_add_all(sum, snapshots[j].second.matrices());
    }
    for (auto* v : sum) {
      for (float& x : *v) x /= static_cast<float>(count);
    }
    snapshots.emplace_back(-static_cast<int>(count), std::move(mean));
  }
  double best = -1;
  size_t best_snapshot = 0;
  for (size_t k = 0; k < snapshots.size(); ++k) {
    for (double scale : scales) {
      AttachmentScore sc =
          score_parser(*combined(labels, weights, snapshots[k].second, scale, 0), dev);
      if (log) {
        const int e = snapshots[k].first;
        log(format(e > 0 ? "nn epoch %.0f, perceptron weight %.6f: dev UAS %.2f LAS %.2f"
                         : "nn mean of the last %.0f epochs, perceptron weight %.6f: dev UAS "
                           "%.2f LAS %.2f",
                   std::abs(e), scale, sc.uas(), sc.las()));
      }
      if (sc.uas() + sc.las() > best) {
        best = sc.uas() + sc.las();
        ap_scale = scale;
        best_snapshot = k;
      }
    }
  }
  run.model = std::move(snapshots[best_snapshot].second);
  return ap_scale;
}

// The margin above which the perceptron is left out: the smallest of a few whose dev UAS + LAS
// is within 0.1 of the best one's (the perceptron costs time: margin 6 asks it about twice as
// often as 3).
double pick_margin(const NnModel& nn, const LabelSet& labels, const Weights& weights,
                   double ap_scale, const ParserTrainOptions& options,
                   const std::vector<Sentence>* dev) {
  const auto& log = options.log;
  double margin = options.nn_skip_margin >= 0 ? options.nn_skip_margin : 3;
  if (!dev || (!log && options.nn_skip_margin >= 0)) return margin;
  std::vector<double> margins = {2, 3, 4, 6};
  if (options.nn_skip_margin >= 0) margins = {options.nn_skip_margin};
  std::vector<double> scores;
  for (double m : margins) {
    AttachmentScore sc = score_parser(*combined(labels, weights, nn, ap_scale, m), *dev);
    if (log) {
      log(format(
          "perceptron weight %.6f, perceptron left out at margin %.1f: dev UAS %.2f LAS %.2f",
          ap_scale, m, sc.uas(), sc.las()));
    }
    scores.push_back(sc.uas() + sc.las());
  }
  const double best = *std::max_element(scores.begin(), scores.end());
  for (size_t k = scores.size(); k-- > 0;) {
    if (scores[k] >= best - 0.1) margin = margins[k];
  }
  return margin;
}

}  // namespace
}  // namespace kg::train

namespace kg {

Result<std::unique_ptr<Parser>> train_parser(const std::vector<Sentence>& sentences,
                                             const ParserTrainOptions& options,
                                             const std::vector<Sentence>* dev) {
  using namespace kg::parse;
  using namespace kg::train;
  if (options.nn_layers != 1 && options.nn_layers != 2) {
    return Status::invalid("the neural scorer has 1 or 2 BiLSTM layers, not " +
                           std::to_string(options.nn_layers));
  }
  std::vector<Sentence> retagged;
  if (options.jackknife.folds > 1) {
    KG_ASSIGN_OR_RETURN(retagged, jackknifed_tags(sentences, options.jackknife));
  }
  const std::vector<Sentence>& trained = options.jackknife.folds > 1 ? retagged : sentences;
  LabelSet labels = collect_labels(trained);
  if (labels.names.size() > 127) {
    return Status::invalid("too many dependency labels (" + std::to_string(labels.names.size()) +
                           "), at most 127 are supported");
  }
  const Examples examples = make_examples(trained, labels);
  if (examples.items.empty()) {
    return Status::invalid("no usable training sentences (trees with labels)");
  }
  KG_ASSIGN_OR_RETURN(const ApParser* given, given_perceptron(options, labels));
  if (given && options.nn_epochs == 0) return given->without_neural_scorer();

  // The two trainers' logs, one line at a time.
  std::mutex log_mutex;
  ParserTrainOptions ap_options = options;
  if (options.log) {
    ap_options.log = [&](const std::string& line) {
      std::lock_guard lock(log_mutex);
      options.log(line);
    };
  }
  NnRun nn;
  if (options.nn_epochs > 0) {
    start_nn(nn, examples.items, trained, options.nn_tag_loss > 0 ? &sentences : nullptr, labels,
             options, ap_options.log, dev);
  }
  Trainer trainer(labels, ap_options);
  if (ap_options.log) {
    ap_options.log(std::to_string(examples.items.size()) + " training sentences, " +
                   std::to_string(examples.skipped) + " skipped, " +
                   std::to_string(examples.lifted) + " non-projective arcs lifted, " +
                   std::to_string(labels.names.size()) + " labels");
  }
  if (!given) train_perceptron(trainer, examples.items, ap_options, dev);
  if (!nn.thread.joinable()) {
    report_budgets(ap_options, dev, [&](size_t budget) { return trainer.snapshot(budget); });
    return trainer.snapshot(options.max_weights);
  }
  nn.thread.join();
  const Weights weights = given ? given->weights() : trainer.weights(options.max_weights);
  double ap_scale = options.nn_ap_scale > 0 ? options.nn_ap_scale : 1e-4;
  if ((options.nn_ap_scale <= 0 || nn.snapshots.size() > 1) && dev) {
    ap_scale = pick_scorer(nn, labels, weights, ap_options, *dev);
  }
  const double margin = pick_margin(*nn.model, labels, weights, ap_scale, ap_options, dev);
  if (!given) {
    report_budgets(ap_options, dev, [&](size_t budget) -> std::unique_ptr<Parser> {
      return combined(labels, trainer.weights(budget), *nn.model, ap_scale, margin);
    });
  }
  return std::unique_ptr<Parser>(combined(labels, weights, *nn.model, ap_scale, margin));
}

}  // namespace kg
