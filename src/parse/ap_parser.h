// The arc-hybrid parser behind the Parser interface: averaged-perceptron scores, plus those of
// the optional neural scorer (nn.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parse/nn.h"
#include "parse/parser.h"
#include "parse/transition.h"
#include "parse/weights.h"

namespace kg::parse {

inline constexpr char kImplementation[] = "kg-parser-ap";
// Version 2 added the optional neural scorer after the perceptron weights; version 3 its layer
// count, for a two-layer BiLSTM. A model version 2 can hold is still written as version 2 (so
// older builds keep reading it), and both are read.
inline constexpr uint32_t kFormatVersion = 3;
inline constexpr uint32_t kOldestFormatVersion = 2;

// Labels and which moves may carry them; shared by training and parsing.
struct LabelSet {
  std::vector<std::string> names;
  int root = 0;                // index of "root"
  std::vector<uint8_t> left;   // label seen on a LEFT arc (dependent before head)
  std::vector<uint8_t> right;  // label seen on a RIGHT arc
  int num_classes() const { return 1 + 2 * static_cast<int>(names.size()); }
  // Whether class `cls` may be taken in `s`.
  bool legal(const State& s, int cls) const;
};

class ApParser final : public Parser {
 public:
  // `nn` (may be null) scores every move; model().ap_scale x the perceptron's scores are added
  // where it is less sure than model().skip_margin.
  ApParser(LabelSet labels, Weights weights, std::shared_ptr<const NnScorer> nn = nullptr)
      : labels_(std::move(labels)), weights_(std::move(weights)), nn_(std::move(nn)) {}

  static Result<std::unique_ptr<Parser>> load_file(const std::string& path);

  void parse(Sentence& sentence) const override;
  Status save(const std::string& path) const override;
  std::unique_ptr<Parser> without_neural_scorer() const override {
    return std::make_unique<ApParser>(labels_, weights_);
  }
  size_t feature_count() const override { return weights_.rows(); }
  size_t weight_count() const override { return weights_.weights(); }
  const LabelSet& labels() const { return labels_; }
  const Weights& weights() const { return weights_; }

 private:
  LabelSet labels_;
  Weights weights_;
  std::shared_ptr<const NnScorer> nn_;
};

// Whether heads (1..n, 0 = root) form a tree with exactly one root and no cycles.
bool is_single_rooted_tree(const std::vector<int>& heads);

}  // namespace kg::parse
