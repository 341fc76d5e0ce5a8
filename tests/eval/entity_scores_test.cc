#include "eval/entity_scores.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using kg::eval::ResolutionScores;
using kg::eval::score_resolution;

namespace {
ResolutionScores score(const std::vector<std::string>& gold,
                       const std::vector<std::string>& system) {
  return score_resolution(gold, system);
}
}  // namespace

TEST_CASE("Resolution scores: Bagga and Baldwin's first response loses B-cubed precision",
          "[eval]") {
  // Bagga & Baldwin (1998), figure 2: gold {1..5} {6,7} {8,9,A,B,C}; response 1 merges the two
  // last entities. MUC precision 9/10 for it, B-cubed precision (5 + 2*2/7 + 5*5/7) / 12.
  std::vector<std::string> gold = {"x", "x", "x", "x", "x", "y", "y", "z", "z", "z", "z", "z"};
  std::vector<std::string> system = {"1", "1", "1", "1", "1", "2", "2", "2", "2", "2", "2", "2"};
  auto r = score(gold, system);
  CHECK(r.mentions == 12);
  CHECK(r.gold_entities == 3);
  CHECK(r.system_entities == 2);
  CHECK(r.muc.recall == Approx(1.0));
  CHECK(r.muc.precision == Approx(0.9));
  CHECK(r.b_cubed.recall == Approx(1.0));
  CHECK(r.b_cubed.precision == Approx(64.0 / 84.0));
  CHECK(r.splits == 0);
  CHECK(r.wrong_merges == 1);
}

TEST_CASE("Resolution scores: Bagga and Baldwin's second response has the same MUC, worse B-cubed",
          "[eval]") {
  // Response 2 merges the two big entities: MUC still 9/10, B-cubed precision (10/2 + 2) / 12.
  std::vector<std::string> gold = {"x", "x", "x", "x", "x", "y", "y", "z", "z", "z", "z", "z"};
  std::vector<std::string> system = {"1", "1", "1", "1", "1", "2", "2", "1", "1", "1", "1", "1"};
  auto r = score(gold, system);
  CHECK(r.muc.precision == Approx(0.9));
  CHECK(r.muc.recall == Approx(1.0));
  CHECK(r.b_cubed.precision == Approx(7.0 / 12.0));
  CHECK(r.b_cubed.recall == Approx(1.0));
  CHECK(r.wrong_merges == 1);
}

TEST_CASE("Resolution scores: Vilain et al.'s split entity keeps 2 of 3 MUC links", "[eval]") {
  // MUC paper: key {A,B,C,D}, response {A,B} {C,D}: recall (4 - 2) / 3, precision 2 / 2.
  auto r = score({"k", "k", "k", "k"}, {"r1", "r1", "r2", "r2"});
  CHECK(r.muc.recall == Approx(2.0 / 3.0));
  CHECK(r.muc.precision == Approx(1.0));
  CHECK(r.muc.f1() == Approx(0.8));
  CHECK(r.b_cubed.precision == Approx(1.0));
  CHECK(r.b_cubed.recall == Approx(0.5));
  CHECK(r.splits == 1);
  CHECK(r.wrong_merges == 0);
}

TEST_CASE("Resolution scores: a split and a wrong merge at once", "[eval]") {
  // Gold {a,b,c} {d,e}; system {a,b} {c,d,e}. B-cubed precision (1 + 1 + 1/3 + 2/3 + 2/3) / 5
  // and recall (2/3 + 2/3 + 1/3 + 1 + 1) / 5, both 11/15; MUC 2/3 both ways.
  auto r = score({"g1", "g1", "g1", "g2", "g2"}, {"s1", "s1", "s2", "s2", "s2"});
  CHECK(r.b_cubed.precision == Approx(11.0 / 15.0));
  CHECK(r.b_cubed.recall == Approx(11.0 / 15.0));
  CHECK(r.b_cubed.f1() == Approx(11.0 / 15.0));
  CHECK(r.muc.precision == Approx(2.0 / 3.0));
  CHECK(r.muc.recall == Approx(2.0 / 3.0));
  CHECK(r.splits == 1);
  CHECK(r.wrong_merges == 1);
}

TEST_CASE("Resolution scores: all-singleton system has no MUC links and full B-cubed precision",
          "[eval]") {
  auto r = score({"a", "a", "b"}, {"1", "2", "3"});
  CHECK(r.muc.precision == 0.0);
  CHECK(r.muc.recall == 0.0);
  CHECK(r.muc.f1() == 0.0);
  CHECK(r.b_cubed.precision == Approx(1.0));
  CHECK(r.b_cubed.recall == Approx((0.5 + 0.5 + 1) / 3));
  CHECK(r.splits == 1);
  CHECK(r.wrong_merges == 0);
}

TEST_CASE("Resolution scores: identical clusterings score 1 with other ids", "[eval]") {
  auto r = score({"a", "b", "a", "c"}, {"x", "y", "x", "z"});
  CHECK(r.b_cubed.precision == Approx(1.0));
  CHECK(r.b_cubed.recall == Approx(1.0));
  CHECK(r.muc.precision == Approx(1.0));
  CHECK(r.muc.recall == Approx(1.0));
  CHECK(r.splits == 0);
  CHECK(r.wrong_merges == 0);
}

TEST_CASE("Resolution scores: no mentions give zeros", "[eval]") {
  auto r = score({}, {});
  CHECK(r.mentions == 0);
  CHECK(r.b_cubed.f1() == 0.0);
  CHECK(r.muc.f1() == 0.0);
}
