#include "eval/entity_resolution.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "gold_entities_example.h"

using kg::Triple;
using kg::eval::GoldEntities;
using kg::eval::Scope;

namespace {

GoldEntities example() {
  auto g = kg::eval::read_gold_entities(kg::eval::test::kTwoNewsDocs, "t.conllu");
  REQUIRE(g.ok());
  return std::move(g).value();
}

const char* kFirst = "Ada Lovelace met Charles Babbage in London.";
const char* kThird = "Lovelace's notes were published in March.";

Triple fact(std::string subject, std::string subject_text, std::string subject_type,
            std::string object, std::string object_text, std::string object_type,
            std::string sentence) {
  Triple t;
  t.subject = std::move(subject);
  t.subject_text = std::move(subject_text);
  t.subject_type = std::move(subject_type);
  t.relation = "relate to";
  t.object = std::move(object);
  t.object_text = std::move(object_text);
  t.object_type = std::move(object_type);
  t.text = std::move(sentence);
  return t;
}

std::string node_of(std::string_view name, std::string_view type) {
  std::string key(name);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key + "|" + std::string(type);
}

// The facts of news_a and news_b; "Babbage" of news_b is a node of its own (not linked to
// "Charles Babbage").
std::vector<std::vector<Triple>> example_facts() {
  std::vector<std::vector<Triple>> facts(2);
  auto& a = facts[0];
  a.push_back(fact("Ada Lovelace", "Ada Lovelace", "PERSON", "Charles Babbage", "Charles Babbage",
                   "PERSON", kFirst));
  a.back().span = std::make_pair(size_t(0), size_t(43));
  // No span: the sentence is found by its text. "Lovelace" inside "Ada Lovelace" is flat.
  a.push_back(fact("Ada Lovelace", "Lovelace", "PERSON", "London", "London", "LOC", kFirst));
  // Headed by "notes" (no named mention) and a time: neither aligns.
  a.push_back(
      fact("Lovelace's notes", "Lovelace's notes", "CONCEPT", "March", "March", "MISC", kThird));
  a.push_back(fact("Ada Lovelace", "Lovelace", "PERSON", "note", "notes", "CONCEPT", kThird));
  // "Grace Hopper" is not in the sentence; "London" as ORG conflicts with the LOC seen first.
  a.push_back(fact("Grace Hopper", "Grace Hopper", "PERSON", "London", "London", "ORG", kFirst));
  facts[1].push_back(
      fact("Babbage", "Babbage", "PERSON", "London", "London", "LOC", "Babbage lived in London."));
  return facts;
}

}  // namespace

TEST_CASE("Entity alignment: fact sides name the gold mention with the same head", "[eval]") {
  GoldEntities gold = example();
  auto facts = example_facts();
  auto a = kg::eval::align_mentions(gold, facts, node_of);
  REQUIRE(a.node.size() == gold.mentions.size());
  CHECK(a.node[0] == "ada lovelace|PERSON");  // "Ada Lovelace", and "Lovelace" by flat
  CHECK(a.node[1] == "charles babbage|PERSON");
  CHECK(a.node[2] == "london|LOC");  // one vote LOC, one ORG: the first seen
  CHECK(a.node[3].empty());          // "She": not named, never aligned
  CHECK(a.node[5].empty());          // "Lovelace's notes": not named
  CHECK(a.node[6] == "ada lovelace|PERSON");
  CHECK(a.node[7].empty());  // March
  CHECK(a.node[8] == "babbage|PERSON");
  CHECK(a.node[9] == "london|LOC");
  CHECK(a.stats.arguments == 12);
  CHECK(a.stats.unlocated == 1);
  CHECK(a.stats.occurrences == 11);
  CHECK(a.stats.aligned == 8);
  CHECK(a.stats.conflicting == 1);
}

TEST_CASE("Entity alignment: a mention without a fact stays unmatched", "[eval]") {
  GoldEntities gold = example();
  std::vector<std::vector<Triple>> facts(2);
  facts[1] = example_facts()[1];
  auto a = kg::eval::align_mentions(gold, facts, node_of);
  CHECK(a.node[0].empty());
  CHECK(a.node[8] == "babbage|PERSON");
  auto labels = kg::eval::graph_labels(gold, a, Scope::kAcrossDocuments);
  // Named: Ada Lovelace, Charles Babbage, London, Lovelace (news_a); Babbage, London (news_b).
  REQUIRE(labels.system.size() == 6);
  CHECK(labels.system[0].rfind("unmatched\t", 0) == 0);
  CHECK(labels.system[0] != labels.system[3]);
  CHECK(labels.gold[1] == labels.gold[4]);  // Charles_Babbage in both documents

  auto r = kg::eval::evaluate_resolution(gold, a);
  CHECK(r.matched == 2);
  CHECK(r.across.graph.mentions == 6);
  CHECK(r.across.graph.system_entities == 6);  // four singletons, Babbage, London
  CHECK(r.across_matched.graph.mentions == 2);
  CHECK(r.across_matched.baseline.mentions == 2);
  CHECK(r.across_matched.baseline.gold_entities == 2);
}

TEST_CASE("Entity resolution: within documents perfect, across documents one split", "[eval]") {
  GoldEntities gold = example();
  auto facts = example_facts();
  auto r = kg::eval::evaluate_resolution(gold, kg::eval::align_mentions(gold, facts, node_of));
  CHECK(r.documents == 2);
  CHECK(r.named_mentions == 6);
  CHECK(r.with_identity == 6);
  CHECK(r.matched == 6);
  CHECK(r.within.graph.b_cubed.f1() == Approx(1.0));
  CHECK(r.within.graph.muc.f1() == Approx(1.0));
  // Across: gold {Ada Lovelace, Lovelace} {Charles Babbage, Babbage} {London, London}; the graph
  // splits Babbage. B-cubed recall (1 + 1 + 1/2 + 1/2 + 1 + 1) / 6, MUC recall 2/3.
  CHECK(r.across.graph.b_cubed.precision == Approx(1.0));
  CHECK(r.across.graph.b_cubed.recall == Approx(5.0 / 6.0));
  CHECK(r.across.graph.muc.recall == Approx(2.0 / 3.0));
  CHECK(r.across.graph.muc.precision == Approx(1.0));
  CHECK(r.across.graph.splits == 1);
  CHECK(r.across.graph.wrong_merges == 0);
  // The name-string baseline keeps only the two "London"s together.
  CHECK(r.across.baseline.b_cubed.recall == Approx(4.0 / 6.0));
  CHECK(r.across.baseline.muc.recall == Approx(1.0 / 3.0));
  CHECK(r.across.baseline.splits == 2);
  // Within documents it splits "Ada Lovelace" from "Lovelace" and cannot join London across.
  CHECK(r.within.baseline.splits == 1);
  CHECK(r.within.baseline.muc.recall == Approx(0.0));
}

TEST_CASE("Entity resolution: the baseline is the lower-cased mention text", "[eval]") {
  GoldEntities gold = example();
  auto within = kg::eval::string_baseline_labels(gold, Scope::kWithinDocument);
  auto across = kg::eval::string_baseline_labels(gold, Scope::kAcrossDocuments);
  REQUIRE(across.system.size() == 6);
  CHECK(across.system[0] == "ada lovelace");
  CHECK(across.system[2] == across.system[5]);
  CHECK(within.system[2] != within.system[5]);
  CHECK(within.gold[0] == within.gold[3]);  // chain 1 of news_a
}

TEST_CASE("Entity alignment: stored mentions align at their place, the closest span first",
          "[eval]") {
  GoldEntities gold = example();
  const std::string& text = gold.documents[0].text;
  const size_t third = text.find("Lovelace's");
  REQUIRE(third != std::string::npos);
  std::vector<std::vector<Triple>> facts(2);
  std::vector<std::vector<kg::eval::SystemMention>> mentions(2);
  // "Lovelace" inside "Ada Lovelace" names another node, seen first; the whole name wins.
  mentions[0].push_back({4, 12, "Lovelace", "Lovelace", "PERSON"});
  mentions[0].push_back({0, 12, "Ada Lovelace", "Ada Lovelace", "PERSON"});
  mentions[0].push_back({third, third + 8, "Lovelace", "Ada Lovelace", "PERSON"});
  mentions[0].push_back({17, 32, "Somebody Else", "Somebody Else", "PERSON"});  // not there
  auto a = kg::eval::align_mentions(gold, facts, node_of, mentions);
  CHECK(a.node[0] == "ada lovelace|PERSON");
  CHECK(a.node[1].empty());  // Charles Babbage: no fact, no mention
  CHECK(a.node[6] == "ada lovelace|PERSON");
  CHECK(a.stats.mentions == 4);
  CHECK(a.stats.misplaced == 1);
  CHECK(a.stats.conflicting == 1);
}
