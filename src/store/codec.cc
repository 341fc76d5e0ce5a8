// Key encodings, counter values and Protobuf (de)serialization of the store.
#include "store/codec.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <unordered_set>
#include <vector>

#include "common/titles.h"
#include "common/utf8.h"
#include "store/fold.h"

namespace kg::store {
namespace {

void append_u32(std::string& out, uint32_t v) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
               static_cast<char>(v)};
  out.append(b, 4);
}

uint32_t read_u32(const char* p) {
  auto u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | uint32_t{u[3]};
}

std::string id_with_tag(uint64_t id, char tag) {
  std::string k;
  k.reserve(9);
  append_u64(k, id);
  k.push_back(tag);
  return k;
}

}  // namespace

const char* cf_name(int cf) {
  static const char* const kNames[kCfCount] = {
      "default",   "meta",      "documents", "entities", "mentions",
      "names",     "relations", "out_edges", "in_edges", "evidence", "links"};
  return cf >= 0 && cf < kCfCount ? kNames[cf] : "?";
}

std::string encode_count(int64_t n) {
  auto u = static_cast<uint64_t>(n);
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(u >> (8 * i));
  return std::string(b, 8);
}

std::optional<int64_t> decode_count(std::string_view v) {
  if (v.size() != 8) return std::nullopt;
  uint64_t u = 0;
  for (int i = 7; i >= 0; --i) u = (u << 8) | static_cast<unsigned char>(v[i]);
  return static_cast<int64_t>(u);
}

bool is_meta_counter_key(std::string_view key) {
  return key == kMetaDocuments || key == kMetaFacts;
}

void append_u64(std::string& out, uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(v >> (56 - 8 * i));
  out.append(b, 8);
}

uint64_t read_u64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

std::string id_prefix(uint64_t id) {
  std::string k;
  append_u64(k, id);
  return k;
}

std::string entity_canonical_key(std::string_view folded_name, std::string_view type) {
  const std::string_view cls = identity_class(type);
  std::string key;
  key.reserve(folded_name.size() + 1 + cls.size());
  key.append(folded_name);
  key.push_back('\x1f');
  key.append(cls);
  return key;
}

std::string_view canonical_key_name(std::string_view entity_key) {
  return entity_key.substr(0, entity_key.rfind('\x1f'));
}

std::string entity_key(EntityId id) { return id_prefix(id); }

bool parse_entity_key(std::string_view key, EntityId* id) {
  if (key.size() != 8) return false;
  *id = read_u64(key.data());
  return true;
}

std::string mentions_key(EntityId id) { return id_prefix(id); }

std::string alias_key(EntityId id, std::string_view surface) {
  std::string k;
  k.reserve(8 + surface.size());
  append_u64(k, id);
  k.append(surface);
  return k;
}

bool is_alias_surface(std::string_view surface, std::string_view type,
                      std::string_view canonical) {
  if (surface.empty() || static_cast<unsigned char>(surface[0]) < 0x20) return false;
  static const std::unordered_set<std::string> pronouns = {
      "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs",
      "himself", "herself", "itself", "themselves", "this", "that", "these", "those", "who",
      "whom", "whose", "which", "what", "i", "me", "my", "we", "us", "our", "you", "your", "one",
      "ones", "some", "others", "another", "all", "both", "each", "either", "neither", "none",
      "anyone", "everyone", "someone", "somebody", "everybody", "nobody", "there", "here"};
  if (surface.size() <= 10) {
    if (pronouns.count(utf8::ascii_lower(surface)) != 0) return false;
  }
  if (identity_class(type) == "VALUE") return false;  // a literal has its spellings, no aliases
  if (identity_class(type) == "CONCEPT") return true;
  if (!std::any_of(surface.begin(), surface.end(), [](unsigned char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC0;
      })) {
    return false;
  }
  // A role is not a name: a title word, and none of the name's words.
  auto words = [](std::string_view s) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < s.size();) {
      const size_t end = std::min(s.find(' ', i), s.size());
      std::string_view w = s.substr(i, end - i);
      while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
      if (!w.empty()) out.push_back(w);
      i = end + 1;
    }
    return out;
  };
  const std::string folded = fold(surface);
  const std::vector<std::string_view> own = words(folded), name = words(canonical);
  // "Bank" for Bank Hapoalim, "Party" for the Communist Party: a generic head alone.
  if (own.size() == 1 && is_generic_org_head(own[0])) return false;
  if (std::none_of(own.begin(), own.end(), [](std::string_view w) { return is_title_word(w); })) {
    return true;
  }
  return std::any_of(own.begin(), own.end(), [&](std::string_view w) {
    return w.size() > 1 && std::find(name.begin(), name.end(), w) != name.end();
  });
}

std::string spelling_key(EntityId id, std::string_view name) {
  std::string k;
  k.reserve(9 + name.size());
  append_u64(k, id);
  k.push_back('\x01');
  k.append(name);
  return k;
}

std::string type_vote_key(EntityId id, std::string_view type) {
  std::string k;
  k.reserve(9 + type.size());
  append_u64(k, id);
  k.push_back('\0');
  k.append(type);
  return k;
}

MentionsKey parse_mentions_key(std::string_view key) {
  MentionsKey k;
  if (key.size() < 8) return k;
  k.id = read_u64(key.data());
  if (key.size() == 8) {
    k.kind = MentionsKeyKind::kMentions;
  } else if (key[8] == '\0') {
    k.kind = MentionsKeyKind::kTypeVote;
    k.alias = key.substr(9);
  } else if (key[8] == '\x01') {
    k.kind = MentionsKeyKind::kSpelling;
    k.alias = key.substr(9);
  } else {
    k.kind = MentionsKeyKind::kAlias;
    k.alias = key.substr(8);
  }
  return k;
}

std::string relation_key(RelationId id) { return id_prefix(id); }
std::string relation_count_key(RelationId id) { return id_with_tag(id, 'c'); }

std::string relation_spelling_key(RelationId id, std::string_view label) {
  std::string k = id_with_tag(id, 'v');
  k.append(label);
  return k;
}

std::string_view relation_spelling(std::string_view key) {
  return key.size() > 9 && key[8] == 'v' ? key.substr(9) : std::string_view();
}

RelationKeyKind parse_relation_key(std::string_view key, RelationId* id) {
  if (key.size() < 8) return RelationKeyKind::kInvalid;
  *id = read_u64(key.data());
  if (key.size() == 8) return RelationKeyKind::kRecord;
  if (key.size() == 9 && key[8] == 'c') return RelationKeyKind::kCount;
  if (key.size() > 9 && key[8] == 'v') return RelationKeyKind::kSpelling;
  return RelationKeyKind::kInvalid;
}

std::string name_key(std::string_view folded, EntityId id) {
  std::string k;
  k.reserve(folded.size() + 9);
  k.append(folded);
  k.push_back('\0');
  append_u64(k, id);
  return k;
}

std::string name_prefix(std::string_view folded) {
  std::string k(folded);
  k.push_back('\0');
  return k;
}

bool is_live_name(std::string_view value) {
  return value.empty() || decode_count(value).value_or(0) > 0;
}

bool parse_name_key(std::string_view key, std::string_view* folded, EntityId* id) {
  if (key.size() < 9 || key[key.size() - 9] != '\0') return false;
  *folded = key.substr(0, key.size() - 9);
  *id = read_u64(key.data() + key.size() - 8);
  return true;
}

void append_out_edge_key(std::string& out, const EdgeKey& e) {
  append_u64(out, e.subject);
  append_u64(out, e.relation);
  append_u64(out, e.object);
  out.push_back(e.negated ? '\1' : '\0');
}

void append_in_edge_key(std::string& out, const EdgeKey& e) {
  append_u64(out, e.object);
  append_u64(out, e.relation);
  append_u64(out, e.subject);
  out.push_back(e.negated ? '\1' : '\0');
}

std::string out_edge_key(const EdgeKey& e) {
  std::string k;
  k.reserve(kEdgeKeySize);
  append_out_edge_key(k, e);
  return k;
}

std::string in_edge_key(const EdgeKey& e) {
  std::string k;
  k.reserve(kEdgeKeySize);
  append_in_edge_key(k, e);
  return k;
}

bool parse_out_edge_key(std::string_view key, EdgeKey* e) {
  if (key.size() != kEdgeKeySize || static_cast<unsigned char>(key[24]) > 1) return false;
  e->subject = read_u64(key.data());
  e->relation = read_u64(key.data() + 8);
  e->object = read_u64(key.data() + 16);
  e->negated = key[24] == '\1';
  return true;
}

bool parse_in_edge_key(std::string_view key, EdgeKey* e) {
  if (!parse_out_edge_key(key, e)) return false;
  std::swap(e->subject, e->object);
  return true;
}

void append_evidence_key(std::string& out, const EdgeKey& e, std::string_view doc,
                         uint32_t fact) {
  append_out_edge_key(out, e);
  append_u32(out, static_cast<uint32_t>(doc.size()));
  out.append(doc);
  append_u32(out, fact);
}

std::string evidence_key(const EdgeKey& e, std::string_view doc, uint32_t fact) {
  std::string k;
  k.reserve(kEdgeKeySize + 8 + doc.size());
  append_evidence_key(k, e, doc, fact);
  return k;
}

bool parse_evidence_key(std::string_view key, EdgeKey* e, std::string_view* doc,
                        uint32_t* fact) {
  if (key.size() < kEdgeKeySize + 8) return false;
  if (!parse_out_edge_key(key.substr(0, kEdgeKeySize), e)) return false;
  uint32_t len = read_u32(key.data() + kEdgeKeySize);
  if (key.size() != kEdgeKeySize + 8 + len) return false;
  *doc = key.substr(kEdgeKeySize + 4, len);
  *fact = read_u32(key.data() + kEdgeKeySize + 4 + len);
  return true;
}

// --- links CF ---

namespace {

void append_link_head(std::string& k, char tag, std::string_view surname) {
  k.push_back(tag);
  k.append(surname);
  k.push_back('\0');
}

}  // namespace

std::string link_full_key(std::string_view surname, std::string_view full_name,
                          std::string_view doc) {
  std::string k;
  append_link_head(k, 'f', surname);
  append_u32(k, static_cast<uint32_t>(full_name.size()));
  k.append(full_name);
  k.append(doc);
  return k;
}

std::string link_use_key(std::string_view surname, std::string_view doc, std::string_view target) {
  std::string k;
  append_link_head(k, 's', surname);
  append_u32(k, static_cast<uint32_t>(doc.size()));
  k.append(doc);
  k.append(target);
  return k;
}

std::string link_pending_key(std::string_view surname) {
  std::string k(1, 'p');
  k.append(surname);
  return k;
}

std::string link_prefix(LinkKeyKind kind, std::string_view surname) {
  std::string k;
  append_link_head(k, kind == LinkKeyKind::kFull ? 'f' : 's', surname);
  return k;
}

LinkKey parse_link_key(std::string_view key) {
  LinkKey k;
  if (key.empty()) return k;
  const char tag = key[0];
  key.remove_prefix(1);
  if (tag == 'p') {
    k.kind = LinkKeyKind::kPending;
    k.surname = key;
    return k;
  }
  const size_t zero = key.find('\0');
  if (zero == std::string_view::npos) return k;
  k.surname = key.substr(0, zero);
  std::string_view rest = key.substr(zero + 1);
  if (tag == 'f') {
    if (rest.size() < 4) return k;
    const uint32_t len = read_u32(rest.data());
    if (rest.size() < 4 + size_t{len}) return k;
    k.kind = LinkKeyKind::kFull;
    k.full_name = rest.substr(4, len);
    k.doc = rest.substr(4 + len);
  } else if (tag == 's') {
    if (rest.size() < 4) return k;
    const uint32_t len = read_u32(rest.data());
    if (rest.size() < 4 + size_t{len}) return k;
    k.kind = LinkKeyKind::kUse;
    k.doc = rest.substr(4, len);
    k.target = rest.substr(4 + len);
  }
  return k;
}

void for_each_link_count(const pb::Document& doc, std::string_view doc_id,
                         const std::function<void(const std::string& key, int64_t n)>& fn) {
  std::map<std::string, int64_t> counts;
  std::set<std::string> surnames;
  auto side = [&](uint32_t index, const std::string& side_type, const std::string& local_name) {
    if (index >= static_cast<uint32_t>(doc.entities_size())) return;
    const pb::EntityRef& e = doc.entities(static_cast<int>(index));
    const std::string& type = side_type.empty() ? e.type() : side_type;
    const std::string& local = local_name.empty() ? e.name() : local_name;
    const size_t space = local.rfind(' ');
    // A full name is a PERSON's; a surname alone may also be typed MISC, the tagger's doubt.
    if (type != "PERSON" && (type != "MISC" || space != std::string::npos)) return;
    if (space != std::string::npos && !ends_in_surname(local)) return;  // "King of Athens"
    std::string surname = fold(space == std::string::npos ? local : local.substr(space + 1));
    if (surname.size() < 2) return;
    if (space == std::string::npos) {
      ++counts[link_use_key(surname, doc_id, local_name.empty() ? "" : e.name())];
    } else {
      ++counts[link_full_key(surname, local, doc_id)];
    }
    surnames.insert(std::move(surname));
  };
  for (const pb::FactRef& f : doc.facts()) {
    side(f.subject(), f.subject_type(), f.subject_local());
    side(f.object(), f.object_type(), f.object_local());
  }
  for (const auto& [key, n] : counts) fn(key, n);
  for (const std::string& s : surnames) fn(link_pending_key(s), 1);
}

std::string encode_message(const google::protobuf::MessageLite& m) {
  std::string out;
  m.SerializeToString(&out);
  return out;
}

void encode_message(const google::protobuf::MessageLite& m, std::string& out) {
  out.clear();
  m.SerializeToString(&out);
}

bool decode_message(std::string_view v, google::protobuf::MessageLite* m) {
  return m->ParseFromArray(v.data(), static_cast<int>(v.size()));
}

pb::FormatInfo make_format_info() {
  pb::FormatInfo info;
  info.set_version(kFormatVersion);
  info.set_writer(std::string("kg ") + KG_VERSION);
  return info;
}

void evidence_to_pb(const Triple& t, std::string_view date, pb::Evidence* out) {
  out->Clear();
  if (t.sentence >= 0) out->set_sentence(static_cast<uint32_t>(t.sentence));
  out->set_text(t.text);
  if (t.span) {
    out->set_span_start(t.span->first);
    out->set_span_end(t.span->second);
  }
  out->set_confidence(t.confidence);
  if (t.modality) out->set_modality(*t.modality);
  if (t.attribution) out->set_attribution(*t.attribution);
  out->set_subject_text(t.subject_text);
  out->set_object_text(t.object_text);
  for (const auto& a : t.args) {
    auto* arg = out->add_args();
    arg->set_prep(a.prep);
    arg->set_text(a.text);
  }
  out->set_date(std::string(date));
}

namespace {

// names CF: the folded name and its 0x00 terminator.
class NamePrefix : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "kg.NamePrefix"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    const void* zero = std::memchr(key.data(), 0, key.size());
    return rocksdb::Slice(key.data(), static_cast<const char*>(zero) - key.data() + 1);
  }
  bool InDomain(const rocksdb::Slice& key) const override {
    return std::memchr(key.data(), 0, key.size()) != nullptr;
  }
};

}  // namespace

std::shared_ptr<const rocksdb::SliceTransform> prefix_extractor(int cf) {
  switch (cf) {
    case kCfMentions:
    case kCfOutEdges:
    case kCfInEdges:
      return std::shared_ptr<const rocksdb::SliceTransform>(rocksdb::NewFixedPrefixTransform(8));
    case kCfEvidence:
      return std::shared_ptr<const rocksdb::SliceTransform>(
          rocksdb::NewFixedPrefixTransform(kEdgeKeySize));
    case kCfNames:
      return std::make_shared<NamePrefix>();
    default:
      return nullptr;
  }
}

namespace {

void put_varint(std::string& out, uint64_t v) {
  char buf[10];
  int n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  out.append(buf, static_cast<size_t>(n));
}

void put_bytes(std::string& out, uint32_t field, std::string_view s) {
  put_varint(out, (field << 3) | 2);
  put_varint(out, s.size());
  out.append(s);
}

}  // namespace

void encode_evidence(const Triple& t, std::string_view date, std::string& out) {
  out.clear();
  if (t.sentence >= 0) {
    put_varint(out, (1 << 3) | 0);
    put_varint(out, static_cast<uint32_t>(t.sentence));
  }
  if (!t.text.empty()) put_bytes(out, 2, t.text);
  if (t.span) {
    put_varint(out, (3 << 3) | 0);
    put_varint(out, t.span->first);
    put_varint(out, (4 << 3) | 0);
    put_varint(out, t.span->second);
  }
  uint64_t bits;
  std::memcpy(&bits, &t.confidence, 8);
  if (bits != 0) {  // as generated code: -0.0 is written, +0.0 is not
    put_varint(out, (5 << 3) | 1);
    char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(bits >> (8 * i));
    out.append(b, 8);
  }
  if (t.modality) put_bytes(out, 6, *t.modality);
  if (t.attribution) put_bytes(out, 7, *t.attribution);
  if (!t.subject_text.empty()) put_bytes(out, 8, t.subject_text);
  if (!t.object_text.empty()) put_bytes(out, 9, t.object_text);
  for (const auto& a : t.args) {
    std::string arg;
    if (!a.prep.empty()) put_bytes(arg, 1, a.prep);
    if (!a.text.empty()) put_bytes(arg, 2, a.text);
    put_bytes(out, 10, arg);
  }
  if (!date.empty()) put_bytes(out, 11, date);
}

Evidence evidence_from_pb(const pb::Evidence& e, std::string_view doc) {
  Evidence ev;
  ev.doc = std::string(doc);
  ev.sentence = e.has_sentence() ? static_cast<int>(e.sentence()) : -1;
  ev.text = e.text();
  if (e.has_span_start() && e.has_span_end()) {
    ev.span = std::make_pair(static_cast<size_t>(e.span_start()), static_cast<size_t>(e.span_end()));
  }
  ev.confidence = e.confidence();
  if (e.has_modality()) ev.modality = e.modality();
  if (e.has_attribution()) ev.attribution = e.attribution();
  ev.date = e.date();
  return ev;
}

}  // namespace kg::store
