#include <catch2/catch.hpp>
#include <random>

#include "parse/ap_parser.h"
#include "common/huge_pages.h"
#include "parse/transition.h"
#include "train/parser_oracle.h"

using kg::parse::Move;
using kg::train::Oracle;
using kg::parse::State;

namespace {

constexpr int kRoot = 0;  // label id of "root" in these tests

// A random projective tree over n words with a single root: build it recursively by picking a
// head in each span and attaching the left and right sub-spans to it.
void random_projective(int lo, int hi, int head, std::mt19937& rng, std::vector<int>& heads) {
  if (lo > hi) return;
  int h = std::uniform_int_distribution<int>(lo, hi)(rng);
  heads[h] = head;
  // Split each side into a few contiguous pieces, each headed by h.
  for (auto [a, b] : {std::pair{lo, h - 1}, std::pair{h + 1, hi}}) {
    while (a <= b) {
      int end = std::uniform_int_distribution<int>(a, b)(rng);
      random_projective(a, end, h, rng, heads);
      a = end + 1;
    }
  }
}

std::vector<int> random_labels(int n, const std::vector<int>& heads, std::mt19937& rng) {
  std::vector<int> labels(n + 1, 0);
  for (int d = 1; d <= n; ++d) {
    labels[d] = heads[d] == 0 ? kRoot : std::uniform_int_distribution<int>(1, 4)(rng);
  }
  return labels;
}

struct Step {
  Move move;
  int label;
  int cost;
};

// All legal (move, label) pairs of `s` with their oracle costs; labels 0..4.
std::vector<Step> legal_steps(const State& s, const Oracle& oracle) {
  std::vector<Step> steps;
  for (Move m : {Move::kShift, Move::kLeft, Move::kRight}) {
    for (int l = (m == Move::kShift ? -1 : 0); l <= (m == Move::kShift ? -1 : 4); ++l) {
      if (!s.legal(m, l, kRoot)) continue;
      auto c = oracle.cost(s, m);
      steps.push_back({m, l, c.cost + (c.gold_arc && l != c.gold_label)});
    }
  }
  return steps;
}

int loss(const State& s, const std::vector<int>& heads, const std::vector<int>& labels) {
  int wrong = 0;
  for (int d = 1; d <= s.n(); ++d) wrong += s.head(d) != heads[d] || s.label(d) != labels[d];
  return wrong;
}

}  // namespace

TEST_CASE("Following zero-cost moves rebuilds a projective gold tree exactly", "[parse]") {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    int n = 1 + trial % 30;
    std::vector<int> heads(n + 1, -1);
    random_projective(1, n, 0, rng, heads);
    auto labels = random_labels(n, heads, rng);
    Oracle oracle(heads, labels);
    State s(n);
    while (!s.terminal()) {
      auto steps = legal_steps(s, oracle);
      REQUIRE_FALSE(steps.empty());
      auto best = std::min_element(steps.begin(), steps.end(),
                                   [](const Step& a, const Step& b) { return a.cost < b.cost; });
      REQUIRE(best->cost == 0);
      s.apply(best->move, best->label);
    }
    CHECK(loss(s, heads, labels) == 0);
  }
}

TEST_CASE("Oracle costs add up to the loss of the tree reached by any path", "[parse]") {
  // The arc-hybrid oracle is exact for projective trees: from any configuration, the costs of
  // the moves taken sum to the number of wrong arcs, when the rest is completed optimally.
  std::mt19937 rng(11);
  for (int trial = 0; trial < 300; ++trial) {
    int n = 1 + trial % 25;
    std::vector<int> heads(n + 1, -1);
    random_projective(1, n, 0, rng, heads);
    auto labels = random_labels(n, heads, rng);
    Oracle oracle(heads, labels);
    State s(n);
    int total = 0;
    while (!s.terminal()) {
      auto steps = legal_steps(s, oracle);
      REQUIRE_FALSE(steps.empty());
      Step pick = steps[std::uniform_int_distribution<size_t>(0, steps.size() - 1)(rng)];
      if (rng() % 2) {  // half the time take the best move
        pick = *std::min_element(steps.begin(), steps.end(),
                                 [](const Step& a, const Step& b) { return a.cost < b.cost; });
      }
      total += pick.cost;
      s.apply(pick.move, pick.label);
    }
    INFO("trial " << trial);
    CHECK(total == loss(s, heads, labels));
  }
}

TEST_CASE("Every terminal configuration is a single-rooted tree", "[parse]") {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 200; ++trial) {
    int n = 1 + trial % 40;
    State s(n);
    while (!s.terminal()) {
      std::vector<std::pair<Move, int>> moves;
      for (Move m : {Move::kShift, Move::kLeft, Move::kRight}) {
        for (int l = 0; l < 3; ++l) {
          if (s.legal(m, l, kRoot)) moves.emplace_back(m, l);
        }
      }
      REQUIRE_FALSE(moves.empty());
      auto [m, l] = moves[rng() % moves.size()];
      s.apply(m, l);
    }
    std::vector<int> heads(n + 1, 0);
    for (int d = 1; d <= n; ++d) heads[d] = s.head(d);
    CHECK(kg::parse::is_single_rooted_tree(heads));
  }
}

TEST_CASE("Projectivize lifts crossing arcs and keeps projective trees", "[parse]") {
  // Root 3 with dependents 1, 2 and 5; 4 under 5.
  std::vector<int> projective = {0, 3, 3, 0, 5, 3};
  auto copy = projective;
  CHECK(kg::train::projectivize(copy) == 0);
  CHECK(copy == projective);

  // Word 2's head is 4, but 3 (between them) hangs from 1: the arc 4 -> 2 crosses 1 -> 3.
  std::vector<int> crossing = {0, 0, 4, 1, 1};
  CHECK(kg::train::projectivize(crossing) == 1);
  CHECK(crossing == std::vector<int>{0, 0, 1, 1, 1});
  CHECK(kg::parse::is_single_rooted_tree(crossing));
}

TEST_CASE("HugePageAllocator gives aligned large blocks that keep their contents", "[parse]") {
  std::vector<uint32_t, kg::HugePageAllocator<uint32_t>> small(100, 7), big;
  CHECK(small[99] == 7);
  for (uint32_t i = 0; i < (3u << 20); ++i) big.push_back(i * 3);  // grows past 2 MB
  REQUIRE(big.size() == (3u << 20));
  CHECK(reinterpret_cast<uintptr_t>(big.data()) % kg::kHugePage == 0);
  uint64_t sum = 0;
  for (uint32_t v : big) sum += v;
  CHECK(sum == 3 * ((uint64_t{3} << 20) * ((uint64_t{3} << 20) - 1) / 2));
  big.assign(10, 1);
  big.shrink_to_fit();
  CHECK(big.size() == 10);
}
