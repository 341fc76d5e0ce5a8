// Parsing with a trained model, model files, tree utilities and attachment scores.
#include "parse/ap_parser.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/binio.h"
#include "parse/features.h"

namespace kg {

Result<std::unique_ptr<Parser>> Parser::load(const std::string& path) {
  return parse::ApParser::load_file(path);
}

namespace {

std::string_view universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

}  // namespace

AttachmentScore score_attachment(const std::vector<Sentence>& gold,
                                 const std::vector<Sentence>& system) {
  AttachmentScore score;
  for (size_t i = 0; i < gold.size(); ++i) {
    const auto& g = gold[i].tokens;
    score.words += g.size();
    if (i >= system.size()) continue;
    const auto& s = system[i].tokens;
    for (size_t j = 0; j < g.size() && j < s.size(); ++j) {
      if (g[j].head != s[j].head) continue;
      ++score.head_correct;
      if (universal(g[j].deprel) == universal(s[j].deprel)) ++score.labelled_correct;
    }
  }
  return score;
}

AttachmentScore score_parser(const Parser& parser, const std::vector<Sentence>& gold) {
  std::vector<Sentence> system = gold;
  for (auto& s : system) parser.parse(s);
  return score_attachment(gold, system);
}

}  // namespace kg

namespace kg::parse {

bool LabelSet::legal(const State& s, int cls) const {
  int n = static_cast<int>(names.size());
  Move m = move_of(cls, n);
  int label = label_of(cls, n);
  if (!s.legal(m, label, root)) return false;
  if (m == Move::kLeft && label != root) return left[label];
  if (m == Move::kRight) return right[label];
  return true;
}

namespace {

// One configuration of the beam and the sum of its moves' log-probabilities (since the beam last
// held one configuration).
struct BeamItem {
  State state{0};
  double logp = 0;
};

struct Scratch {
  State state{0};
  std::vector<BeamItem> beam, next;
  SentenceAtoms atoms;
  std::vector<uint64_t> features;
  std::vector<int32_t> scores;
  std::vector<float> nn_scores;
  NnSentence nn;
};

template <class T>
struct Best {
  int cls = -1;     // -1: no legal class
  T lead{};         // over the second best legal class (infinite when it is the only one)
  int second = -1;  // the second best legal class (-1: none)
};

// The first of the best-scoring classes legal in `st`, and its lead.
template <class T>
Best<T> best_legal(const LabelSet& labels, const State& st, const T* scores) {
  Best<T> b;
  const T lowest = std::numeric_limits<T>::lowest();
  T first = lowest, second = lowest;
  for (int c = 0; c < labels.num_classes(); ++c) {
    const T v = scores[c];
    if ((b.cls >= 0 && v <= second) || !labels.legal(st, c)) continue;
    if (b.cls < 0 || v > first) {
      second = first;
      first = v;
      b.second = b.cls;
      b.cls = c;
    } else {
      second = v;
      b.second = c;
    }
  }
  if (b.cls >= 0) {
    b.lead = second == lowest ? std::numeric_limits<T>::max() : first - second;
  }
  return b;
}

}  // namespace

// With the neural scorer decoding is greedy except where the best legal move leads the second
// by less than kBeamBranchLead: there the second is followed too, in a beam of at most two
// configurations ranked by the sum of their moves' log-probabilities (softmax over the legal
// moves' combined scores); one more than kBeamPrune below the other is dropped, and so is the
// worse of two that reach the same stack and buffer. Every configuration takes 2n moves, so the
// two stay in step. Sentences of more than kBeamMaxWords words are decoded greedily (the beam
// copies configurations, which are O(n)). On EWT dev: +0.11 UAS for the shipped model, +0.13
// for the scorer of another seed, at about 5-10% of the time.
constexpr int kBeamWidth = 2;
constexpr float kBeamBranchLead = 1.f;
constexpr double kBeamPrune = 1.0;
constexpr int kBeamMaxWords = 250;

// Whether a and b have the same stack and buffer.
static bool same_stack_and_buffer(const State& a, const State& b) {
  if (a.stack_size() != b.stack_size() || a.buffer(0) != b.buffer(0)) return false;
  for (int i = 0; i < a.stack_size(); ++i) {
    if (a.stack(i) != b.stack(i)) return false;
  }
  return true;
}

namespace {

// One way to extend a configuration of the beam: the configuration, its class and the
// log-probability of the result.
struct Candidate {
  double logp;
  int item, cls;
};

}  // namespace

// The log of the softmax denominator over the legal classes of `st` (combined scores, summed
// relative to the best class `best`): subtracted from a configuration's sum when the beam holds
// two, so that configurations of different histories are compared by log-probabilities. Classes
// more than 30 below the best add less than 1e-13 each: left out.
static double log_normalizer(const LabelSet& labels, const State& st, const float* combined,
                             int best) {
  const int num_classes = labels.num_classes();
  const float top = combined[best];
  float sum = 0;
  for (int c = 0; c < num_classes; ++c) {
    const float d = combined[c] - top;
    if (d > -30.f && labels.legal(st, c)) sum += std::exp(d);
  }
  return top + std::log(static_cast<double>(sum));
}

// Moves the beam one step: the best `count` candidates (sorted in place) within kBeamPrune of the
// first, at most kBeamWidth, applied in `next`, which is swapped into `beam`. Returns the new
// beam's size.
static int advance_beam(Candidate* candidates, int count, int num_labels,
                        std::vector<BeamItem>& beam, std::vector<BeamItem>& next) {
  std::stable_sort(candidates, candidates + count,
                   [](const Candidate& x, const Candidate& y) { return x.logp > y.logp; });
  int kept = 0;
  for (int j = 0; j < count && kept < kBeamWidth; ++j) {
    if (candidates[j].logp < candidates[0].logp - kBeamPrune) break;
    next[kept].state = beam[candidates[j].item].state;
    next[kept].logp = candidates[j].logp - candidates[0].logp;  // relative to the best
    const int cls = candidates[j].cls;
    next[kept].state.apply(move_of(cls, num_labels), label_of(cls, num_labels));
    ++kept;
  }
  // Two configurations with the same stack and buffer have the same moves ahead and differ
  // only in arcs already made: the better one is kept (recombination).
  if (kept == 2 && same_stack_and_buffer(next[0].state, next[1].state)) kept = 1;
  std::swap(beam, next);
  return kept;
}

// Heads and labels of the final configuration `st` into the sentence's tokens.
static void write_tree(const LabelSet& labels, const State& st, Sentence& sentence) {
  const int n = static_cast<int>(sentence.tokens.size());
  for (int i = 1; i <= n; ++i) {
    Token& t = sentence.tokens[i - 1];
    t.head = st.head(i);
    t.deprel = labels.names[st.label(i)];
  }
}

void ApParser::parse(Sentence& sentence) const {
  const int n = static_cast<int>(sentence.tokens.size());
  if (n == 0) return;
  thread_local Scratch scratch;
  scratch.atoms.build(sentence);
  const int num_classes = labels_.num_classes();
  const int nl = static_cast<int>(labels_.names.size());
  scratch.scores.resize(num_classes);
  scratch.nn_scores.resize(num_classes);
  if (nn_) nn_->begin(sentence, scratch.nn);
  const float ap_scale = nn_ ? nn_->model().ap_scale : 0.f;
  const float skip_margin = nn_ ? nn_->model().skip_margin : 0.f;
  // The perceptron's scores of configuration `st` into scratch.scores.
  auto perceptron = [&](const State& st) {
    extract_features(st, scratch.atoms, scratch.features);
    std::fill(scratch.scores.begin(), scratch.scores.end(), 0);
    weights_.score(scratch.features, scratch.scores.data());
  };
  // Only reachable when no label may go right (a degenerate model): the structural move that
  // always exists, with the root label, still ends in a tree.
  auto fallback = [&](const State& st) {
    return st.buffer_has_words()  ? 0
           : st.stack_size() == 1 ? class_of(Move::kLeft, labels_.root, nl)
                                  : class_of(Move::kRight, labels_.root, nl);
  };
  if (!nn_) {
    State& st = scratch.state;
    st.reset(n);
    while (!st.terminal()) {
      perceptron(st);
      int best = best_legal(labels_, st, scratch.scores.data()).cls;
      if (best < 0) best = fallback(st);
      st.apply(move_of(best, nl), label_of(best, nl));
    }
    write_tree(labels_, st, sentence);
    return;
  }
  // The best legal classes of `st` by the combined scores (left in scratch.nn_scores): the
  // neural scorer decides alone when its best legal class leads the second by more than the
  // margin (most moves: the perceptron's table lookups are the costly part); otherwise the
  // perceptron's scores are added to its own.
  auto best_of = [&](const State& st) {
    float* combined = scratch.nn_scores.data();
    nn_->score(st, scratch.nn, combined);
    Best<float> b = best_legal(labels_, st, combined);
    if (!(b.cls >= 0 && b.lead > skip_margin)) {
      perceptron(st);
      for (int c = 0; c < num_classes; ++c) combined[c] += ap_scale * scratch.scores[c];
      b = best_legal(labels_, st, combined);
    }
    if (b.cls < 0) {
      b.cls = fallback(st);
      b.lead = std::numeric_limits<float>::max();
      b.second = -1;
    }
    return b;
  };
  Candidate candidates[2 * kBeamWidth];
  auto& beam = scratch.beam;
  auto& next = scratch.next;
  if (beam.size() < static_cast<size_t>(kBeamWidth)) beam.resize(kBeamWidth);
  if (next.size() < static_cast<size_t>(kBeamWidth)) next.resize(kBeamWidth);
  beam[0].state.reset(n);
  beam[0].logp = 0;
  int size = 1;
  const bool branch = n <= kBeamMaxWords;
  while (!beam[0].state.terminal()) {
    int count = 0;
    for (int i = 0; i < size; ++i) {
      State& st = beam[i].state;
      const Best<float> b = best_of(st);
      const bool split = branch && b.second >= 0 && b.lead < kBeamBranchLead;
      if (size == 1 && !split) {
        st.apply(move_of(b.cls, nl), label_of(b.cls, nl));  // the common, greedy case
        break;
      }
      const float* combined = scratch.nn_scores.data();
      double base = beam[i].logp;
      if (size > 1) base -= log_normalizer(labels_, st, combined, b.cls);
      candidates[count++] = {base + combined[b.cls], i, b.cls};
      if (split) candidates[count++] = {base + combined[b.second], i, b.second};
    }
    if (count == 0) continue;  // the greedy move was taken
    size = advance_beam(candidates, count, nl, beam, next);
  }
  write_tree(labels_, beam[0].state, sentence);
}

Status ApParser::save(const std::string& path) const {
  BinaryWriter w(kImplementation, nn_ ? nn_->model().format_version() : kOldestFormatVersion);
  w.u32(kFeatureSetVersion);
  w.u32(static_cast<uint32_t>(labels_.names.size()));
  for (size_t i = 0; i < labels_.names.size(); ++i) {
    w.str(labels_.names[i]);
    w.u8(static_cast<uint8_t>(labels_.left[i] | (labels_.right[i] << 1)));
  }
  w.u32(static_cast<uint32_t>(labels_.root));
  weights_.write(w);
  w.u8(nn_ ? 1 : 0);
  if (nn_) nn_->model().write(w);
  return w.save(path);
}

Result<std::unique_ptr<Parser>> ApParser::load_file(const std::string& path) {
  KG_ASSIGN_OR_RETURN(BinaryReader r, BinaryReader::open(path, kImplementation,
                                                         kOldestFormatVersion, kFormatVersion));
  uint32_t features = r.u32();
  if (r.status().ok() && features != kFeatureSetVersion) {
    return Status::version_mismatch(path + ": parser feature set " + std::to_string(features) +
                                    ", this build uses " + std::to_string(kFeatureSetVersion));
  }
  LabelSet labels;
  uint32_t count = r.u32();
  if (count == 0 || count > 127) {
    KG_RETURN_IF_ERROR(r.status());
    return Status::corruption(path + ": bad label count " + std::to_string(count));
  }
  for (uint32_t i = 0; i < count; ++i) {
    labels.names.push_back(r.str());
    uint8_t flags = r.u8();
    labels.left.push_back(flags & 1);
    labels.right.push_back((flags >> 1) & 1);
  }
  labels.root = static_cast<int>(r.u32());
  KG_RETURN_IF_ERROR(r.status());
  if (labels.root < 0 || labels.root >= static_cast<int>(count)) {
    return Status::corruption(path + ": bad root label");
  }
  auto weights = Weights::read(r);
  if (!weights.ok()) return weights.status().with_context(path);
  if (weights->num_classes() != labels.num_classes()) {
    return Status::corruption(path + ": class count does not match the labels");
  }
  std::shared_ptr<const NnScorer> nn;
  uint8_t has_nn = r.u8();
  KG_RETURN_IF_ERROR(r.status());
  if (has_nn > 1) return Status::corruption(path + ": bad neural scorer flag");
  if (has_nn) {
    auto model = NnModel::read(r, r.version());
    if (!model.ok()) return model.status().with_context(path);
    if (model->num_classes != labels.num_classes()) {
      return Status::corruption(path + ": neural scorer classes do not match the labels");
    }
    nn = std::make_shared<const NnScorer>(std::move(model).value());
  }
  if (!r.at_end()) return Status::corruption(path + ": trailing bytes after the model");
  return std::unique_ptr<Parser>(
      new ApParser(std::move(labels), std::move(weights).value(), std::move(nn)));
}

bool is_single_rooted_tree(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    if (heads[d] < 0 || heads[d] > n || heads[d] == d) return false;
    roots += heads[d] == 0;
  }
  if (roots != 1) return false;
  // Every word must reach the root within n steps.
  for (int d = 1; d <= n; ++d) {
    int w = d;
    for (int steps = 0; w != 0; ++steps) {
      if (steps > n) return false;
      w = heads[w];
    }
  }
  return true;
}

}  // namespace kg::parse
