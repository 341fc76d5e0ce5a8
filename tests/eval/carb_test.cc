#include "eval/carb.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kg::eval;

namespace {

CarbTuple tuple(std::string rel, std::vector<std::string> args, double conf = 1.0) {
  return {std::move(rel), std::move(args), conf};
}

CarbExtractions gold_from(const std::string& tsv) {
  std::istringstream in(tsv);
  auto r = read_carb_gold(in, "gold.tsv");
  REQUIRE(r.ok());
  return std::move(r).value();
}

CarbExtractions system_from(const std::string& tsv) {
  std::istringstream in(tsv);
  auto r = read_carb_system(in, "system.tsv");
  REQUIRE(r.ok());
  return std::move(r).value();
}

CarbScores score(const std::string& gold, const std::string& system) {
  auto r = carb_score(gold_from(gold), system_from(system));
  REQUIRE(r.ok());
  return std::move(r).value();
}

}  // namespace

TEST_CASE("CaRB sentence key drops spaces, PTB bracket escapes and punctuation", "[eval]") {
  CHECK(carb_sentence_key("He -LRB- the boss -RRB- left , then .") == "Hethebossleftthen");
  CHECK(carb_sentence_key("He (the boss) left, then.") == "Hethebossleftthen");
  CHECK(carb_sentence_key("1\\/2 `` x '' -LSB- y -RSB-") == "12xy");
}

TEST_CASE("CaRB gold reader drops C: fields and the empty trailing field", "[eval]") {
  CarbExtractions g = gold_from(
      "S one .\tsaid\tC: he said\tJohn\tit rained\n"
      "S one .\tleft\tJohn\t\n"
      "  S two .  \t is \t T: today \n");
  REQUIRE(g.sentences.size() == 2);
  const auto& one = g.sentences[0].second;
  REQUIRE(one.size() == 2);
  CHECK(one[0].args == std::vector<std::string>{"John", "it rained"});
  CHECK(one[1].args == std::vector<std::string>{"John"});
  CHECK(g.sentences[1].first == "S two .");
  CHECK(g.sentences[1].second[0].relation == "is");
  CHECK(g.sentences[1].second[0].args == std::vector<std::string>{"T: today"});
}

TEST_CASE("CaRB readers report the file and line of a malformed row", "[eval]") {
  std::istringstream gold("S\trel\ta\nonly-a-sentence\n");
  auto g = read_carb_gold(gold, "g.tsv");
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().message().find("g.tsv:2") != std::string::npos);
  std::istringstream sys("S\t0.5\trel\ta\nS\thigh\trel\ta\n");
  auto s = read_carb_system(sys, "s.tsv");
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().message().find("s.tsv:2") != std::string::npos);
  CHECK(s.status().message().find("high") != std::string::npos);
}

TEST_CASE("CaRB matcher: identical tuples score (1, 1), n-ary args are flattened", "[eval]") {
  CHECK(carb_match(tuple("likes", {"John", "Mary"}), tuple("likes", {"John", "Mary"})) ==
        std::pair(1.0, 1.0));
  CHECK(carb_match(tuple("born in", {"He", "Paris", "in 1950"}),
                   tuple("born in", {"He", "Paris in 1950"})) == std::pair(1.0, 1.0));
}

TEST_CASE("CaRB matcher: relation must share a word, matching is case-sensitive", "[eval]") {
  CHECK(carb_match(tuple("likes", {"John", "Mary"}), tuple("loves", {"John", "Mary"})) ==
        std::pair(0.0, 0.0));
  CHECK(carb_match(tuple("likes", {"John", "Mary"}), tuple("Likes", {"John", "Mary"})) ==
        std::pair(0.0, 0.0));
  // rel 1/2 words, arg1 1/1, arg2 "the Mary" vs "Mary": precision 3/5, recall 3/3.
  auto [p, r] =
      carb_match(tuple("likes", {"John", "Mary"}), tuple("really likes", {"John", "the Mary"}));
  CHECK(p == Approx(3.0 / 5));
  CHECK(r == Approx(1.0));
}

TEST_CASE("CaRB matcher: a system 'be' matches any form of be in the gold relation", "[eval]") {
  CHECK(carb_match(tuple("is", {"Paris", "a city"}), tuple("be", {"Paris", "a city"})) ==
        std::pair(1.0, 1.0));
  // "will be" vs "is": one match by the be rule; precision 4/5, recall 4/4.
  auto [p, r] = carb_match(tuple("is", {"Paris", "a city"}), tuple("will be", {"Paris", "a city"}));
  CHECK(p == Approx(0.8));
  CHECK(r == Approx(1.0));
  // No form of be in the gold relation: no match.
  CHECK(carb_match(tuple("became", {"Paris", "a city"}), tuple("be", {"Paris", "a city"})) ==
        std::pair(0.0, 0.0));
}

TEST_CASE("CaRB matcher: said-type gold relations also try the swapped arguments", "[eval]") {
  CarbTuple sys = tuple("said", {"the sky is blue", "John"});
  CHECK(carb_match(tuple("said", {"John", "the sky is blue"}), sys) == std::pair(1.0, 1.0));
  // Not a said-type relation: only the straight match, 1 word of 6 on each side.
  auto [p, r] = carb_match(tuple("thinks said", {"John", "the sky is blue"}),
                           tuple("thinks", {"the sky is blue", "John"}));
  CHECK(p == Approx(1.0));  // "said" is in the gold relation: swapped, precision 6/6
  CHECK(r == Approx(6.0 / 7));
  auto [p2, r2] = carb_match(tuple("thinks", {"John", "the sky is blue"}),
                             tuple("thinks", {"the sky is blue", "John"}));
  CHECK(p2 == Approx(1.0 / 6));
  CHECK(r2 == Approx(1.0 / 6));
}

TEST_CASE(
    "CaRB matcher: missing second argument fails a two-slot gold; a one-slot gold "
    "ignores a system arg2",
    "[eval]") {
  CHECK(carb_match(tuple("likes", {"John", "Mary"}), tuple("likes", {"John"})) ==
        std::pair(0.0, 0.0));
  CHECK(carb_match(tuple("died", {"He"}), tuple("died", {"He", "in 1990"})) == std::pair(1.0, 1.0));
}

TEST_CASE("CaRB scores an output identical to the gold as P = R = F1 = AUC = 1", "[eval]") {
  CarbScores s = score("S one .\tlikes\tJohn\tMary\nS one .\tis\tMary\tnice\n",
                       "S one .\t1\tlikes\tJohn\tMary\nS one .\t1\tis\tMary\tnice\n");
  CHECK(s.precision == 1.0);
  CHECK(s.recall == 1.0);
  CHECK(s.f1 == 1.0);
  CHECK(s.auc == 1.0);
  CHECK(s.gold_tuples == 2);
}

TEST_CASE("CaRB precision aligns greedily by highest precision, one to one", "[eval]") {
  // Precision matrix: G1-S1 1, G1-S2 3/4, G2-S1 1, G2-S2 1/2. Greedy takes G1-S1 first (the
  // first maximum), then G2-S2: (1 + 1/2) / 2 = 0.75, although G1-S2 + G2-S1 would give 0.875.
  // Recall: G1 best 3/4, G2 best 1 -> 0.875. One constant confidence: AUC is the trapezoid from
  // (0.875, 0.75) to (0, 1) = 0.875 * 1.75 / 2 = 0.765625.
  CarbScores s =
      score("S .\tr\ta\tb c\nS .\tr\ta\tb\n", "S .\t0.7\tr\ta\tb\nS .\t0.7\tr\ta\tc z\n");
  CHECK(s.precision == 0.75);
  CHECK(s.recall == 0.875);
  CHECK(s.f1 == 0.808);  // 2 * 0.75 * 0.875 / 1.625
  CHECK(s.auc == 0.766);
  REQUIRE(s.curve.size() == 1);
  CHECK(s.curve[0].confidence == 0.7);
}

TEST_CASE("CaRB sweeps every confidence: optimal F1 point and trapezoid AUC", "[eval]") {
  // At >= 0.5: P = (1 + 2/3) / 2, R = (1 + 2/3) / 2. At >= 0.9: P = 1, R = 1/2.
  // AUC over (5/6, 5/6), (1/2, 1), (0, 1): (1/3)(11/6)/2 + 1/2 = 0.80556.
  CarbScores s = score("S .\tr\ta\tb\nS .\tq\tc\td\n", "S .\t0.9\tr\ta\tb\nS .\t0.5\tq\tc\te\n");
  REQUIRE(s.curve.size() == 2);
  CHECK(s.curve[0].precision == Approx(5.0 / 6));
  CHECK(s.curve[1].precision == Approx(1.0));
  CHECK(s.curve[1].recall == Approx(0.5));
  CHECK(s.precision == 0.833);
  CHECK(s.recall == 0.833);
  CHECK(s.f1 == 0.833);
  CHECK(s.optimal_confidence == 0.5);
  CHECK(s.auc == 0.806);
}

TEST_CASE("CaRB aligns sentences on the normalized key and scores gold sentences only", "[eval]") {
  // The system spells the sentence with PTB escapes and other spacing; its tuple for a
  // sentence without gold is not a false positive. A gold sentence without output halves recall.
  CarbScores s =
      score("He ( the boss ) left .\tleft\tHe\t( the boss )\nShe stayed .\tstayed\tShe\n",
            "He -LRB- the boss -RRB- left.\t1\tleft\tHe\t( the boss )\n"
            "Not in the gold .\t0.3\tis\tx\ty\n");
  CHECK(s.precision == 1.0);
  CHECK(s.recall == 0.5);
  CHECK(s.system_tuples == 2);
  CHECK(s.system_tuples_scored == 1);
  CHECK(s.curve.size() == 2);  // the other sentence's confidence is still a cut-off
}

TEST_CASE("CaRB with no system tuples scores zero", "[eval]") {
  CarbScores s = score("S .\tr\ta\tb\n", "");
  CHECK(s.auc == 0);
  CHECK(s.f1 == 0);
  CHECK(s.curve.empty());
}
