// Training the tokenizer's sentence boundary model (averaged perceptron) on gold UD documents.
#include <algorithm>
#include <cmath>
#include <random>

#include "text/lexer.h"
#include "text/sentence_splitter.h"
#include "train/train.h"

namespace kg {
namespace {

// A gold document rebuilt as raw text: sentences joined by a space within a paragraph and by a
// blank line between paragraphs (as the CoNLL 2018 shared task's raw text).
struct GoldDoc {
  std::string text;
  std::vector<size_t> ends;  // byte offset where each gold sentence ends
};

bool starts_with_key(const std::string& comment, std::string_view key) {
  return comment.compare(0, key.size(), key) == 0 &&
         (comment.size() == key.size() || comment[key.size()] == ' ' ||
          comment[key.size()] == '=');
}

std::vector<GoldDoc> gold_docs(const std::vector<Sentence>& sentences) {
  std::vector<GoldDoc> docs;
  bool new_paragraph = true;
  for (const Sentence& s : sentences) {
    bool new_doc = docs.empty();
    for (const auto& c : s.comments) {
      if (starts_with_key(c, "newdoc")) new_doc = true;
      if (starts_with_key(c, "newpar")) new_paragraph = true;
    }
    if (new_doc) {
      docs.emplace_back();
      new_paragraph = true;
    }
    GoldDoc& d = docs.back();
    if (!d.text.empty()) d.text += new_paragraph ? "\n\n" : " ";
    d.text += s.text;
    d.ends.push_back(d.text.size());
    new_paragraph = false;
  }
  return docs;
}

struct Example {
  uint32_t first = 0;  // into the feature pool
  uint16_t count = 0;
  bool positive = false;
};

struct Examples {
  std::vector<uint32_t> pool;
  std::vector<Example> items;
  // Forced boundaries (paragraph ends): counted for F1, never scored.
  size_t forced_true = 0;   // forced and a gold end
  size_t forced_false = 0;  // forced but not a gold end
  size_t gold_ends = 0;
};

Examples make_examples(const std::vector<GoldDoc>& docs) {
  Examples ex;
  std::vector<uint32_t> feats;
  for (const GoldDoc& d : docs) {
    std::vector<text::RawToken> raw = text::lex(d.text);
    text::BoundaryContext ctx(d.text, raw);
    ex.gold_ends += d.ends.size();
    size_t g = 0;
    for (size_t i = 0; i < raw.size(); ++i) {
      while (g < d.ends.size() && d.ends[g] <= raw[i].start) ++g;
      bool positive = g < d.ends.size() && d.ends[g] <= raw[i].end;
      if (ctx.forced(i)) {
        (positive ? ex.forced_true : ex.forced_false) += 1;
        continue;
      }
      if (!ctx.candidate(i)) continue;
      ctx.features(i, feats);
      Example e;
      e.first = static_cast<uint32_t>(ex.pool.size());
      e.count = static_cast<uint16_t>(feats.size());
      e.positive = positive;
      ex.pool.insert(ex.pool.end(), feats.begin(), feats.end());
      ex.items.push_back(e);
    }
  }
  return ex;
}

float score(const std::vector<float>& w, const Examples& ex, const Example& e) {
  float s = 0;
  for (uint32_t k = 0; k < e.count; ++k) s += w[ex.pool[e.first + k]];
  return s;
}

// The threshold with the best boundary F1 on `ex`, and that F1.
std::pair<float, double> best_threshold(const std::vector<float>& w, const Examples& ex) {
  std::vector<std::pair<float, bool>> scored;
  scored.reserve(ex.items.size());
  for (const auto& e : ex.items) scored.emplace_back(score(w, ex, e), e.positive);
  std::sort(scored.begin(), scored.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  // Predict a boundary for the top k; sweep k.
  size_t tp = ex.forced_true, predicted = ex.forced_true + ex.forced_false;
  double best_f1 = 2.0 * tp / double(predicted + ex.gold_ends);
  float best_t = scored.empty() ? 0.0f : scored.front().first + 1.0f;
  for (size_t k = 0; k < scored.size(); ++k) {
    tp += scored[k].second;
    ++predicted;
    if (k + 1 < scored.size() && scored[k + 1].first == scored[k].first) continue;
    double f1 = 2.0 * tp / double(predicted + ex.gold_ends);
    if (f1 > best_f1) {
      best_f1 = f1;
      float next = k + 1 < scored.size() ? scored[k + 1].first : scored[k].first - 1.0f;
      best_t = (scored[k].first + next) / 2;
    }
  }
  return {best_t, 100 * best_f1};
}

}  // namespace

Result<Tokenizer> train_tokenizer(const std::vector<Sentence>& train,
                                  const std::vector<Sentence>& dev,
                                  const TokenizerTrainOptions& options) {
  if (train.empty()) return Status::invalid("no training sentences");
  Examples tr = make_examples(gold_docs(train));
  Examples dv = make_examples(gold_docs(dev.empty() ? train : dev));

  const size_t dim = size_t{1} << text::kBoundaryFeatureBits;
  std::vector<float> w(dim, 0.0f), total(dim, 0.0f);
  std::vector<uint32_t> stamp(dim, 0);
  uint32_t step = 0;
  std::vector<size_t> order(tr.items.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937_64 rng(options.seed);

  auto averaged = [&]() {
    std::vector<float> avg(dim);
    for (size_t f = 0; f < dim; ++f) {
      float t = total[f] + w[f] * static_cast<float>(step - stamp[f]);
      avg[f] = step ? t / static_cast<float>(step) : 0.0f;
    }
    return avg;
  };

  text::BoundaryModel best;
  double best_f1 = -1;
  for (int epoch = 1; epoch <= std::max(1, options.epochs); ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t idx : order) {
      const Example& e = tr.items[idx];
      ++step;
      bool predicted = score(w, tr, e) > 0;
      if (predicted == e.positive) continue;
      float delta = e.positive ? 1.0f : -1.0f;
      for (uint32_t k = 0; k < e.count; ++k) {
        uint32_t f = tr.pool[e.first + k];
        total[f] += w[f] * static_cast<float>(step - stamp[f]);
        stamp[f] = step;
        w[f] += delta;
      }
    }
    std::vector<float> avg = averaged();
    auto [threshold, f1] = best_threshold(avg, dv);
    if (options.on_epoch) options.on_epoch(epoch, f1);
    if (f1 > best_f1) {
      best_f1 = f1;
      best.weights = std::move(avg);
      best.threshold = threshold;
    }
  }
  // Drop tiny weights: they change no decision but grow the file.
  for (float& x : best.weights) {
    if (std::abs(x) < 1e-3f) x = 0;
  }
  return Tokenizer(std::make_shared<const text::BoundaryModel>(std::move(best)), TokenizerOptions{});
}

}  // namespace kg
