// The one place that knows the on-disk layout: column family names, key encodings, counter values
// and Protobuf (de)serialization. docs/storage-format.md describes the same layout in prose.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <rocksdb/slice_transform.h>

#include "kg.pb.h"
#include "store/store.h"

namespace kg::store {

// Bump on any incompatible change of the layout below; old databases are then refused.
inline constexpr uint32_t kFormatVersion = 5;

// Column families, in the order they are opened.
enum Cf : int {
  kCfDefault = 0,  // unused; RocksDB requires it
  kCfMeta,
  kCfDocuments,
  kCfEntities,
  kCfMentions,
  kCfNames,
  kCfRelations,
  kCfOutEdges,
  kCfInEdges,
  kCfEvidence,
  kCfLinks,
  kCfCount,
};
const char* cf_name(int cf);

// --- counters: 8-byte little-endian int64, summed by the merge operator ---
std::string encode_count(int64_t n);
// nullopt when `v` is not 8 bytes.
std::optional<int64_t> decode_count(std::string_view v);

// --- meta CF ---
inline constexpr std::string_view kMetaFormat = "format";
inline constexpr std::string_view kMetaDocuments = "documents";  // counter
inline constexpr std::string_view kMetaFacts = "facts";          // counter
inline constexpr std::string_view kMetaCorrections = "corrections";  // pb::Corrections
bool is_meta_counter_key(std::string_view key);

// --- big-endian fixed64, so that ids sort numerically ---
void append_u64(std::string& out, uint64_t v);
uint64_t read_u64(const char* p);

// --- canonical keys (stored in pb::Entity.key / pb::Relation.key; ids are hashes of them) ---
// `folded` is store/fold.h fold() of the name or label.
std::string entity_canonical_key(std::string_view folded_name, std::string_view type);
// The folded name part of an entity's canonical key.
std::string_view canonical_key_name(std::string_view entity_key);

// --- entities CF: id(8) -> pb::Entity ---
std::string entity_key(EntityId id);
bool parse_entity_key(std::string_view key, EntityId* id);

// --- mentions CF: id(8) -> mentions (facts naming the entity); id(8) surface -> count of fact
//     sides naming the entity by that alias ---
std::string mentions_key(EntityId id);
std::string alias_key(EntityId id, std::string_view surface);
// id(8) 0x00 TYPE -> fact sides that type the entity so (its type votes).
std::string type_vote_key(EntityId id, std::string_view type);
// id(8) 0x01 NAME -> fact sides that spell the entity's name so (its display name is the most
// used spelling, docs/storage-format.md: it does not depend on the order documents came in).
std::string spelling_key(EntityId id, std::string_view name);
enum class MentionsKeyKind { kMentions, kAlias, kTypeVote, kSpelling, kInvalid };
struct MentionsKey {
  MentionsKeyKind kind = MentionsKeyKind::kInvalid;
  EntityId id = 0;
  std::string_view alias;  // points into the parsed key: the surface form, or the voted type
};

// Whether a fact side's surface form becomes an alias (a lookup key) of the entity it names, of
// type `type` (the document's entry) and canonical name `canonical` (folded): never a pronoun or
// determiner ("he", "It", "they"), which resolution links but which name nothing; for a named
// entity only a form with a capital letter or digit (a name, not a role noun like "president"),
// and not a phrase with a title word that has none of the name's words ("Treasury Secretary" for
// James Baker, "President of the United States" for Reagan: roles, not names); never a form that
// could be read as a type-vote key. docs/storage-format.md.
bool is_alias_surface(std::string_view surface, std::string_view type, std::string_view canonical);

// The identity class of an entity type: one name is one named entity whatever type (PERSON,
// ORG, LOC, MISC) each mention gives it; a concept ("apple") is another entity than the name.
// A literal value ("5 pct", kValueTypes) is neither: its own class, one per text whatever type.
inline std::string_view identity_class(std::string_view type) {
  if (type == "CONCEPT") return "CONCEPT";
  return is_value_type(type) ? std::string_view("VALUE") : std::string_view("NAME");
}
MentionsKey parse_mentions_key(std::string_view key);

// --- relations CF: id(8) -> pb::Relation; id(8) 'c' -> fact count; id(8) 'v' LABEL -> facts
//     spelling the label so (the display label is the most used, the smallest of equals) ---
std::string relation_key(RelationId id);
std::string relation_count_key(RelationId id);
std::string relation_spelling_key(RelationId id, std::string_view label);
enum class RelationKeyKind { kRecord, kCount, kSpelling, kInvalid };
// The spelling of a relation_spelling_key (empty for other keys).
std::string_view relation_spelling(std::string_view key);
RelationKeyKind parse_relation_key(std::string_view key, RelationId* id);

// --- names CF: folded name, 0x00, id(8) -> an empty value for the entity's canonical name
//     (written once with the entity record), or the count of fact sides naming the entity by
//     this alias ---
std::string name_key(std::string_view folded, EntityId id);
// True when a names CF value is a canonical-name marker or a positive alias count.
bool is_live_name(std::string_view value);
std::string name_prefix(std::string_view folded);  // folded name + 0x00
bool parse_name_key(std::string_view key, std::string_view* folded, EntityId* id);

// --- out_edges / in_edges CF: subject(8) relation(8) object(8) negated(1) -> count, and the
//     same with subject and object swapped ---
struct EdgeKey {
  EntityId subject = 0;
  RelationId relation = 0;
  EntityId object = 0;
  bool negated = false;
  bool operator==(const EdgeKey&) const = default;
};
inline constexpr size_t kEdgeKeySize = 25;
std::string out_edge_key(const EdgeKey& e);
std::string in_edge_key(const EdgeKey& e);
void append_out_edge_key(std::string& out, const EdgeKey& e);
void append_in_edge_key(std::string& out, const EdgeKey& e);
bool parse_out_edge_key(std::string_view key, EdgeKey* e);
bool parse_in_edge_key(std::string_view key, EdgeKey* e);
std::string id_prefix(uint64_t id);  // the first 8 bytes of every key about `id`

// --- evidence CF: out_edge_key, doc id length (fixed32 BE), doc id, fact index (fixed32 BE)
//     -> pb::Evidence ---
std::string evidence_key(const EdgeKey& e, std::string_view doc, uint32_t fact);
void append_evidence_key(std::string& out, const EdgeKey& e, std::string_view doc, uint32_t fact);
bool parse_evidence_key(std::string_view key, EdgeKey* e, std::string_view* doc, uint32_t* fact);

// --- documents CF: the document id itself -> pb::Document ---

// --- links CF: corpus-level linking of a person named by one word ("Baker") to the one full name
//     ("James Baker") that ends with it (pipeline.h link_names). Surnames are folded. ---
//   'f' surname 0x00 u32 len(full) full doc     -> count of PERSON fact sides of the document with
//                                                   that full name
//   's' surname 0x00 u32 len(doc) doc target     -> count of PERSON (or MISC) fact sides of the
//                                                   document named by the surname alone (their
//                                                   local name), now named `target` (empty when
//                                                   not linked)
//   'p' surname                                  -> count: documents stored or removed since the
//                                                   surname's last linking pass (pending)
enum class LinkKeyKind { kFull, kUse, kPending, kInvalid };
struct LinkKey {
  LinkKeyKind kind = LinkKeyKind::kInvalid;
  std::string_view surname;
  std::string_view full_name;  // kFull
  std::string_view doc;        // kFull, kUse
  std::string_view target;     // kUse
};
std::string link_full_key(std::string_view surname, std::string_view full_name,
                          std::string_view doc);
std::string link_use_key(std::string_view surname, std::string_view doc, std::string_view target);
std::string link_pending_key(std::string_view surname);
// 'f' or 's' + surname + 0x00: the keys of one surname's full names or uses.
std::string link_prefix(LinkKeyKind kind, std::string_view surname);
LinkKey parse_link_key(std::string_view key);
// The links CF counters a stored document contributes (its fact sides' local names and types),
// each distinct key once with its count, and the pending marks of their surnames.
void for_each_link_count(const pb::Document& doc, std::string_view doc_id,
                         const std::function<void(const std::string& key, int64_t n)>& fn);

// The key prefix that reads of family `cf` seek by (an entity's edges or mentions, an edge's
// evidence, a folded name), for prefix bloom filters; nullptr for families read by whole key.
std::shared_ptr<const rocksdb::SliceTransform> prefix_extractor(int cf);

// --- Protobuf values ---
std::string encode_message(const google::protobuf::MessageLite& m);
void encode_message(const google::protobuf::MessageLite& m, std::string& out);
// False when `v` does not parse as the message.
[[nodiscard]] bool decode_message(std::string_view v, google::protobuf::MessageLite* m);

pb::FormatInfo make_format_info();
// A fact's evidence record; `date` is its document's ("YYYY-MM-DD" or empty).
void evidence_to_pb(const Triple& t, std::string_view date, pb::Evidence* out);
// The bytes of evidence_to_pb(t, date) serialized (decoding to the same message), written
// directly: the bulk write path's hot loop.
void encode_evidence(const Triple& t, std::string_view date, std::string& out);
Evidence evidence_from_pb(const pb::Evidence& e, std::string_view doc);

}  // namespace kg::store
