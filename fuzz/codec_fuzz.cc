// Fuzz target: the store's key and value codec. Every key a parse_* function accepts must encode
// back to the same bytes; values must decode without crashing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "kg.pb.h"
#include "store/codec.h"

namespace st = kg::store;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view key(reinterpret_cast<const char*>(data), size);

  kg::EntityId id = 0;
  if (st::parse_entity_key(key, &id)) KG_FUZZ_CHECK(st::entity_key(id) == key);
  st::MentionsKey m = st::parse_mentions_key(key);
  if (m.kind == st::MentionsKeyKind::kMentions) KG_FUZZ_CHECK(st::mentions_key(m.id) == key);
  if (m.kind == st::MentionsKeyKind::kAlias) KG_FUZZ_CHECK(st::alias_key(m.id, m.alias) == key);
  kg::RelationId rel = 0;
  st::RelationKeyKind rk = st::parse_relation_key(key, &rel);
  if (rk == st::RelationKeyKind::kRecord) KG_FUZZ_CHECK(st::relation_key(rel) == key);
  if (rk == st::RelationKeyKind::kCount) KG_FUZZ_CHECK(st::relation_count_key(rel) == key);
  if (rk == st::RelationKeyKind::kSpelling) {
    KG_FUZZ_CHECK(st::relation_spelling_key(rel, st::relation_spelling(key)) == key);
  }
  if (m.kind == st::MentionsKeyKind::kSpelling) KG_FUZZ_CHECK(st::spelling_key(m.id, m.alias) == key);
  const st::LinkKey link = st::parse_link_key(key);
  if (link.kind == st::LinkKeyKind::kFull) {
    KG_FUZZ_CHECK(st::link_full_key(link.surname, link.full_name, link.doc) == key);
  }
  if (link.kind == st::LinkKeyKind::kUse) {
    KG_FUZZ_CHECK(st::link_use_key(link.surname, link.doc, link.target) == key);
  }
  if (link.kind == st::LinkKeyKind::kPending) KG_FUZZ_CHECK(st::link_pending_key(link.surname) == key);
  std::string_view folded;
  if (st::parse_name_key(key, &folded, &id)) KG_FUZZ_CHECK(st::name_key(folded, id) == key);
  st::EdgeKey e;
  if (st::parse_out_edge_key(key, &e)) KG_FUZZ_CHECK(st::out_edge_key(e) == key);
  if (st::parse_in_edge_key(key, &e)) KG_FUZZ_CHECK(st::in_edge_key(e) == key);
  std::string_view doc;
  uint32_t fact = 0;
  if (st::parse_evidence_key(key, &e, &doc, &fact)) {
    KG_FUZZ_CHECK(st::evidence_key(e, doc, fact) == key);
  }
  (void)st::canonical_key_name(key);
  (void)st::is_live_name(key);
  (void)st::is_meta_counter_key(key);
  if (auto n = st::decode_count(key)) KG_FUZZ_CHECK(st::encode_count(*n) == key);
  if (size >= 8)
    KG_FUZZ_CHECK(st::read_u64(key.data()) ==
                  st::read_u64(st::id_prefix(st::read_u64(key.data())).data()));

  kg::pb::Evidence evidence;
  if (st::decode_message(key, &evidence)) (void)st::evidence_from_pb(evidence, "doc");
  kg::pb::Entity entity;
  (void)st::decode_message(key, &entity);
  kg::pb::Relation relation;
  (void)st::decode_message(key, &relation);
  kg::pb::Document document;
  (void)st::decode_message(key, &document);
  kg::pb::FormatInfo info;
  (void)st::decode_message(key, &info);
  return 0;
}
