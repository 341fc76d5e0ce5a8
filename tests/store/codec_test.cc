#include <catch2/catch.hpp>

#include "store/codec.h"
#include "store/counters.h"
#include "store/fold.h"

using namespace kg;
using namespace kg::store;

TEST_CASE("Counter values round-trip, including negatives", "[store]") {
  for (int64_t n : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{1} << 40, INT64_MIN, INT64_MAX}) {
    auto v = encode_count(n);
    CHECK(v.size() == 8);
    CHECK(decode_count(v) == n);
  }
  CHECK_FALSE(decode_count("1234567").has_value());
}

TEST_CASE("Entity keys round-trip and sort by id", "[store]") {
  EntityId id = 0x0102030405060708ULL;
  EntityId got = 0;
  REQUIRE(parse_entity_key(entity_key(id), &got));
  CHECK(got == id);
  CHECK_FALSE(parse_entity_key("short", &got));
  auto m = parse_mentions_key(mentions_key(id));
  CHECK(m.kind == MentionsKeyKind::kMentions);
  CHECK(m.id == id);
  std::string akey = alias_key(id, "Biden");
  auto a = parse_mentions_key(akey);
  CHECK(a.kind == MentionsKeyKind::kAlias);
  CHECK(a.id == id);
  CHECK(a.alias == "Biden");
  CHECK(entity_key(1) < entity_key(2));
  CHECK(entity_key(255) < entity_key(256));
  // An entity's aliases sort right after its mentions and before the next entity.
  CHECK(mentions_key(1) < alias_key(1, "A"));
  CHECK(alias_key(1, "\xff\xff") < mentions_key(2));
  CHECK(parse_mentions_key("short").kind == MentionsKeyKind::kInvalid);
}

TEST_CASE("Relation and name keys round-trip", "[store]") {
  RelationId id = 0;
  CHECK(parse_relation_key(relation_key(42), &id) == RelationKeyKind::kRecord);
  CHECK(id == 42);
  CHECK(parse_relation_key(relation_count_key(43), &id) == RelationKeyKind::kCount);
  CHECK(id == 43);
  std::string_view folded;
  EntityId eid = 0;
  std::string key = name_key("joe biden", 7);
  REQUIRE(parse_name_key(key, &folded, &eid));
  CHECK(folded == "joe biden");
  CHECK(eid == 7);
  CHECK(name_key("joe", 1).starts_with(name_prefix("joe")));
  CHECK_FALSE(name_key("joe biden", 1).starts_with(name_prefix("joe")));
}

TEST_CASE("Edge keys round-trip in both directions", "[store]") {
  EdgeKey e{11, 22, 33, true};
  EdgeKey out, in;
  REQUIRE(parse_out_edge_key(out_edge_key(e), &out));
  REQUIRE(parse_in_edge_key(in_edge_key(e), &in));
  CHECK(out == e);
  CHECK(in == e);
  CHECK(in_edge_key(e).starts_with(id_prefix(33)));
  CHECK(out_edge_key(e).starts_with(id_prefix(11)));
  CHECK_FALSE(parse_out_edge_key("too short", &out));
}

TEST_CASE("Evidence keys round-trip with any document id", "[store]") {
  EdgeKey e{1, 2, 3, false};
  for (std::string doc : {std::string("a"), std::string(""), std::string("x\0y", 3)}) {
    auto key = evidence_key(e, doc, 17);
    EdgeKey got;
    std::string_view d;
    uint32_t fact = 0;
    REQUIRE(parse_evidence_key(key, &got, &d, &fact));
    CHECK(got == e);
    CHECK(d == doc);
    CHECK(fact == 17);
    CHECK(key.starts_with(out_edge_key(e)));
  }
}

TEST_CASE("Protobuf values round-trip through the codec", "[store]") {
  Triple t;
  t.sentence = 3;
  t.text = "Joe Biden agreed to the deal.";
  t.span = std::make_pair(size_t{10}, size_t{39});
  t.confidence = 0.75;
  t.modality = "may";
  t.subject_text = "Biden";
  t.args = {{"in", "Paris"}};
  pb::Evidence ev;
  evidence_to_pb(t, "", &ev);
  pb::Evidence back;
  REQUIRE(decode_message(encode_message(ev), &back));
  Evidence e = evidence_from_pb(back, "doc1");
  CHECK(e.doc == "doc1");
  CHECK(e.sentence == 3);
  CHECK(e.text == t.text);
  CHECK(e.span == t.span);
  CHECK(e.confidence == 0.75);
  CHECK(e.modality == std::optional<std::string>("may"));
  CHECK_FALSE(e.attribution.has_value());
  CHECK(back.subject_text() == "Biden");
  REQUIRE(back.args_size() == 1);
  CHECK(back.args(0).text() == "Paris");

  Triple bare;
  evidence_to_pb(bare, "", &ev);
  REQUIRE(decode_message(encode_message(ev), &back));
  e = evidence_from_pb(back, "d");
  CHECK(e.sentence == -1);
  CHECK_FALSE(e.span.has_value());

  pb::Entity ent;
  ent.set_key("joe biden\x1fPERSON");
  ent.set_name("Joe Biden");
  pb::Entity ent2;
  REQUIRE(decode_message(encode_message(ent), &ent2));
  CHECK(ent2.name() == "Joe Biden");
  CHECK_FALSE(decode_message("\xff\xff\xff", &ent2));
}

TEST_CASE("The int64 add operator sums operands onto the existing value", "[store]") {
  auto op = int64_add_operator();
  std::string a = encode_count(5), b = encode_count(-2), c = encode_count(10);
  rocksdb::Slice existing(c);
  std::vector<rocksdb::Slice> ops{a, b};
  std::string result;
  rocksdb::Slice existing_operand;
  rocksdb::MergeOperator::MergeOperationInput in("k", &existing, ops, nullptr);
  rocksdb::MergeOperator::MergeOperationOutput out(result, existing_operand);
  REQUIRE(op->FullMergeV2(in, &out));
  CHECK(decode_count(result) == 13);

  std::deque<rocksdb::Slice> partial{a, b, a};
  std::string merged;
  REQUIRE(op->PartialMergeMulti("k", partial, &merged, nullptr));
  CHECK(decode_count(merged) == 8);

  std::string bad = "bad";
  std::vector<rocksdb::Slice> bad_ops{bad};
  rocksdb::MergeOperator::MergeOperationInput in_bad("k", nullptr, bad_ops, nullptr);
  CHECK_FALSE(op->FullMergeV2(in_bad, &out));
}

TEST_CASE("The zero-count filter drops zero counters and keeps records", "[store]") {
  std::string v;
  bool changed = false;
  const auto* f = zero_count_filter(kCfMentions);
  CHECK(f->Filter(0, mentions_key(1), encode_count(0), &v, &changed));
  CHECK(f->Filter(0, alias_key(1, "x"), encode_count(0), &v, &changed));
  CHECK_FALSE(f->Filter(0, mentions_key(1), encode_count(2), &v, &changed));
  // A record whose protobuf bytes happen to be 8 zero bytes is not a counter.
  CHECK_FALSE(zero_count_filter(kCfEntities)->Filter(0, entity_key(1), encode_count(0), &v, &changed));
  CHECK_FALSE(zero_count_filter(kCfRelations)->Filter(0, relation_key(1), encode_count(0), &v, &changed));
  CHECK(zero_count_filter(kCfRelations)->Filter(0, relation_count_key(1), encode_count(0), &v, &changed));
  // A canonical name's marker (empty value) is kept.
  CHECK_FALSE(zero_count_filter(kCfNames)->Filter(0, name_key("a", 1), "", &v, &changed));
  CHECK(zero_count_filter(kCfOutEdges)->Filter(0, out_edge_key({1, 2, 3, false}), encode_count(0),
                                               &v, &changed));
  CHECK_FALSE(zero_count_filter(kCfEvidence)->Filter(0, "x", encode_count(0), &v, &changed));
}

TEST_CASE("Folding lower-cases, collapses whitespace and handles accents", "[store]") {
  CHECK(fold("  Joe\t Biden ") == "joe biden");
  CHECK(fold("ÉMILE Zola") == "émile zola");
  CHECK(fold("ŁÓDŹ") == "łódź");
  CHECK(fold("МОСКВА") == "москва");
  CHECK(fold("ΑΘΗΝΑ") == "αθηνα");
  CHECK(fold("") == "");
  CHECK(fold(" \n ") == "");
}

TEST_CASE("Edit distance counts edits and stops at the bound", "[store]") {
  CHECK(edit_distance("biden", "biden", 3) == 0);
  CHECK(edit_distance("bidn", "biden", 3) == 1);
  CHECK(edit_distance("kitten", "sitting", 5) == 3);
  CHECK(edit_distance("a", "abcdefgh", 2) == 3);
}

TEST_CASE("The direct evidence encoder decodes like the Protobuf message", "[store]") {
  std::vector<Triple> cases(4);
  cases[1].sentence = 0;
  cases[1].text = "Zürich, a city.";
  cases[1].span = std::make_pair(size_t{0}, size_t{1} << 40);
  cases[1].confidence = 0.125;
  cases[1].modality = "";
  cases[1].attribution = "AP";
  cases[1].subject_text.assign(1, 'x');
  cases[1].args = {{"", "alone"}, {"with", "Y"}};
  cases[2].confidence = 0;
  cases[2].object_text = std::string(300, 'o');  // a two-byte length
  cases[3].sentence = 1 << 20;
  cases[3].confidence = -0.0;
  for (const Triple& t : cases) {
    std::string direct;
    const std::string date = t.sentence == 1 << 20 ? "1987-02-26" : "";
    encode_evidence(t, date, direct);
    pb::Evidence want, got;
    evidence_to_pb(t, date, &want);
    REQUIRE(decode_message(direct, &got));
    CHECK(got.SerializeAsString() == want.SerializeAsString());
  }
}

TEST_CASE("An alias is a name: not a pronoun, a role noun, a title without the name, a generic head",
          "[store]") {
  using kg::store::is_alias_surface;
  CHECK(is_alias_surface("Baker", "PERSON", "james baker"));
  CHECK(is_alias_surface("SEC", "ORG", "securities and exchange commission"));
  CHECK(is_alias_surface("America", "LOC", "united states"));
  CHECK(is_alias_surface("Chancellor Kohl", "PERSON", "helmut kohl"));
  CHECK(is_alias_surface("Bundesbank", "ORG", "deutsche bundesbank"));
  CHECK_FALSE(is_alias_surface("he", "PERSON", "james baker"));
  CHECK_FALSE(is_alias_surface("It", "ORG", "acme"));
  CHECK_FALSE(is_alias_surface("the president", "PERSON", "reagan"));
  CHECK_FALSE(is_alias_surface("Treasury Secretary", "PERSON", "james baker"));
  CHECK_FALSE(is_alias_surface("President of the United States", "PERSON", "reagan"));
  CHECK_FALSE(is_alias_surface("President", "PERSON", "reagan"));
  CHECK_FALSE(is_alias_surface("Bank", "ORG", "bank hapoalim"));  // a generic head alone
  CHECK_FALSE(is_alias_surface("Party", "ORG", "communist party"));
  CHECK(is_alias_surface("Hapoalim", "ORG", "bank hapoalim"));
  // A concept's surface forms are all aliases but pronouns.
  CHECK(is_alias_surface("presidents", "CONCEPT", "president"));
}

TEST_CASE("Links and spelling keys round-trip", "[store]") {
  const std::string doc("d\0x", 3);  // ids may hold any byte
  // A parsed key's fields point into the key.
  const std::string fk = link_full_key("baker", "James Baker", doc);
  const std::string uk = link_use_key("baker", doc, "Howard Baker");
  const std::string uk0 = link_use_key("baker", doc, "");
  const std::string pk = link_pending_key("baker");
  const std::string sk = spelling_key(7, "Ecuador");
  LinkKey f = parse_link_key(fk);
  REQUIRE(f.kind == LinkKeyKind::kFull);
  CHECK(f.surname == "baker");
  CHECK(f.full_name == "James Baker");
  CHECK(f.doc == doc);
  LinkKey u = parse_link_key(uk);
  REQUIRE(u.kind == LinkKeyKind::kUse);
  CHECK(u.doc == doc);
  CHECK(u.target == "Howard Baker");
  CHECK(parse_link_key(uk0).target.empty());
  LinkKey p = parse_link_key(pk);
  REQUIRE(p.kind == LinkKeyKind::kPending);
  CHECK(p.surname == "baker");
  CHECK(parse_link_key("fbaker").kind == LinkKeyKind::kInvalid);
  MentionsKey s = parse_mentions_key(sk);
  CHECK(s.kind == MentionsKeyKind::kSpelling);
  CHECK(s.alias == "Ecuador");
  RelationId rel = 0;
  const std::string r = relation_spelling_key(9, "agree to");
  CHECK(parse_relation_key(r, &rel) == RelationKeyKind::kSpelling);
  CHECK(rel == 9);
  CHECK(relation_spelling(r) == "agree to");
}
