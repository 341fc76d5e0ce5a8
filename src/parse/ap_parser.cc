// Parsing with a trained model, model files, tree utilities and attachment scores.
#include "parse/ap_parser.h"

#include <algorithm>
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

struct Scratch {
  State state{0};
  SentenceAtoms atoms;
  std::vector<uint64_t> features;
  std::vector<int32_t> scores;
  std::vector<float> nn_scores;
  NnSentence nn;
};

template <class T>
struct Best {
  int cls = -1;  // -1: no legal class
  T lead{};      // over the second best legal class (infinite when it is the only one)
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
      b.cls = c;
    } else {
      second = v;
    }
  }
  if (b.cls >= 0) {
    b.lead = second == lowest ? std::numeric_limits<T>::max() : first - second;
  }
  return b;
}

}  // namespace

void ApParser::parse(Sentence& sentence) const {
  const int n = static_cast<int>(sentence.tokens.size());
  if (n == 0) return;
  thread_local Scratch scratch;
  State& st = scratch.state;
  st.reset(n);
  scratch.atoms.build(sentence);
  const int num_classes = labels_.num_classes();
  scratch.scores.resize(num_classes);
  scratch.nn_scores.resize(num_classes);
  if (nn_) nn_->begin(sentence, scratch.nn);
  const float ap_scale = nn_ ? nn_->model().ap_scale : 0.f;
  const float skip_margin = nn_ ? nn_->model().skip_margin : 0.f;
  // The perceptron's scores of the current configuration into scratch.scores.
  auto perceptron = [&] {
    extract_features(st, scratch.atoms, scratch.features);
    std::fill(scratch.scores.begin(), scratch.scores.end(), 0);
    weights_.score(scratch.features, scratch.scores.data());
  };
  while (!st.terminal()) {
    int best;
    if (!nn_) {
      perceptron();
      best = best_legal(labels_, st, scratch.scores.data()).cls;
    } else {
      // The neural scorer decides alone when its best legal class leads the second by more
      // than the margin (most moves: the perceptron's table lookups are the costly part);
      // otherwise the perceptron's scores are added to its own.
      float* combined = scratch.nn_scores.data();
      nn_->score(st, scratch.nn, combined);
      const Best<float> nn_best = best_legal(labels_, st, combined);
      best = nn_best.cls;
      if (!(best >= 0 && nn_best.lead > skip_margin)) {
        perceptron();
        for (int c = 0; c < num_classes; ++c) combined[c] += ap_scale * scratch.scores[c];
        best = best_legal(labels_, st, combined).cls;
      }
    }
    const int nl = static_cast<int>(labels_.names.size());
    if (best < 0) {
      // Only reachable when no label may go right (a degenerate model): the structural move
      // that always exists, with the root label, still ends in a tree.
      best = st.buffer_has_words()  ? 0
             : st.stack_size() == 1 ? class_of(Move::kLeft, labels_.root, nl)
                                    : class_of(Move::kRight, labels_.root, nl);
    }
    st.apply(move_of(best, nl), label_of(best, nl));
  }
  for (int i = 1; i <= n; ++i) {
    Token& t = sentence.tokens[i - 1];
    t.head = st.head(i);
    t.deprel = labels_.names[st.label(i)];
  }
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

namespace {

bool dominates(const std::vector<int>& heads, int h, int k) {
  while (k != 0 && k != h) k = heads[k];
  return k == h;
}

bool non_projective(const std::vector<int>& heads, int d) {
  int h = heads[d];
  if (h == 0) return false;
  for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k) {
    if (!dominates(heads, h, k)) return true;
  }
  return false;
}

}  // namespace

int projectivize(std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  int lifts = 0;
  for (;;) {
    int pick = -1, pick_len = 0;
    for (int d = 1; d <= n; ++d) {
      if (heads[d] == 0 || !non_projective(heads, d)) continue;
      int len = std::abs(heads[d] - d);
      if (pick < 0 || len < pick_len) {
        pick = d;
        pick_len = len;
      }
    }
    // In a single-rooted tree the root word's arcs are projective, so a lift never makes a
    // second root; the check guards malformed input.
    if (pick < 0 || heads[heads[pick]] == 0) return lifts;
    heads[pick] = heads[heads[pick]];
    ++lifts;
  }
}

}  // namespace kg::parse
