// Recompute-from-evidence consistency check.
#include "store/verify.h"

#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "store/fold.h"

namespace kg::store {
namespace {

std::string hex(std::string_view key) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : key) {
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('\\');
      out.push_back(d[c >> 4]);
      out.push_back(d[c & 15]);
    }
  }
  return out;
}

class Checker {
 public:
  explicit Checker(RocksGraphStore& store) : store_(store) {}

  Status run();

 private:
  void problem(std::string what) {
    if (problems_.size() < 12) problems_.push_back(std::move(what));
    ++n_problems_;
  }
  std::unique_ptr<rocksdb::Iterator> iter(int family) {
    return std::unique_ptr<rocksdb::Iterator>(
        store_.db()->NewIterator(RocksGraphStore::full_scan(), store_.cf(family)));
  }
  Status load_records();
  Status recompute_from_evidence();
  Status compare(int family);

  RocksGraphStore& store_;
  std::map<EntityId, pb::Entity> entities_;
  std::map<RelationId, pb::Relation> relations_;
  std::map<std::string, pb::Document> documents_;
  std::map<std::string, int64_t> expected_[kCfCount];
  std::set<std::pair<std::string, uint32_t>> evidence_facts_;
  // names CF keys of canonical names: expected from the entity records, and stored.
  std::set<std::string> expected_markers_, stored_markers_;  // (doc, fact index)
  std::vector<std::string> problems_;
  size_t n_problems_ = 0;
};

Status Checker::load_records() {
  auto it = iter(kCfEntities);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    EntityId id;
    if (!parse_entity_key(it->key().ToStringView(), &id)) {
      problem("malformed entity key " + hex(it->key().ToStringView()));
      continue;
    }
    pb::Entity e;
    if (!decode_message(it->value().ToStringView(), &e)) {
      problem("entity " + std::to_string(id) + " does not decode");
      continue;
    }
    if (RocksGraphStore::entity_canonical_key(e.name(), e.type()) != e.key()) {
      problem("entity " + std::to_string(id) + " name/type do not give its canonical key");
    }
    expected_markers_.insert(name_key(fold(e.name()), id));
    entities_.emplace(id, std::move(e));
  }
  KG_RETURN_IF_ERROR(store_.to_status(it->status(), "verify"));
  it = iter(kCfRelations);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    RelationId id;
    auto kind = parse_relation_key(it->key().ToStringView(), &id);
    if (kind == RelationKeyKind::kInvalid) problem("malformed relation key");
    if (kind != RelationKeyKind::kRecord) continue;
    pb::Relation r;
    if (!decode_message(it->value().ToStringView(), &r)) {
      problem("relation " + std::to_string(id) + " does not decode");
      continue;
    }
    relations_.emplace(id, std::move(r));
  }
  KG_RETURN_IF_ERROR(store_.to_status(it->status(), "verify"));
  it = iter(kCfDocuments);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    pb::Document d;
    if (!decode_message(it->value().ToStringView(), &d)) {
      problem("document " + it->key().ToString() + " does not decode");
      continue;
    }
    documents_.emplace(it->key().ToString(), std::move(d));
  }
  return store_.to_status(it->status(), "verify");
}

Status Checker::recompute_from_evidence() {
  auto add = [&](int family, std::string key) { ++expected_[family][std::move(key)]; };
  auto side = [&](EntityId id, const std::string& surface) {
    auto e = entities_.find(id);
    if (e == entities_.end()) {
      problem("evidence names entity " + std::to_string(id) + " that has no record");
      return;
    }
    std::string canonical = fold(e->second.name());
    std::string f = fold(surface);
    // Only the identity class matters to the rule, and an entity's record has its class.
    if (f.empty() || f == canonical || !is_alias_surface(surface, e->second.type(), canonical)) {
      return;
    }
    add(kCfNames, name_key(f, id));
    add(kCfMentions, alias_key(id, surface));
  };
  int64_t facts = 0;
  auto it = iter(kCfEvidence);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    EdgeKey e;
    std::string_view doc;
    uint32_t fact;
    pb::Evidence ev;
    if (!parse_evidence_key(it->key().ToStringView(), &e, &doc, &fact) ||
        !decode_message(it->value().ToStringView(), &ev)) {
      problem("evidence record " + hex(it->key().ToStringView()) + " does not decode");
      continue;
    }
    ++facts;
    evidence_facts_.emplace(std::string(doc), fact);
    add(kCfOutEdges, out_edge_key(e));
    add(kCfInEdges, in_edge_key(e));
    add(kCfMentions, mentions_key(e.subject));
    if (e.object != e.subject) add(kCfMentions, mentions_key(e.object));
    side(e.subject, ev.subject_text());
    side(e.object, ev.object_text());
    add(kCfRelations, relation_count_key(e.relation));
    if (!relations_.count(e.relation)) {
      problem("evidence names relation " + std::to_string(e.relation) + " that has no record");
    }
    // The document record must list this fact with the same edge.
    auto d = documents_.find(std::string(doc));
    if (d == documents_.end()) {
      problem("evidence of unknown document \"" + std::string(doc) + "\"");
      continue;
    }
    const pb::Document& rec = d->second;
    if (fact >= static_cast<uint32_t>(rec.facts_size())) {
      problem("evidence of document \"" + std::string(doc) + "\" fact " + std::to_string(fact) +
              " beyond its facts");
      continue;
    }
    const pb::FactRef& f = rec.facts(static_cast<int>(fact));
    if (f.subject() >= static_cast<uint32_t>(rec.entities_size()) ||
        f.object() >= static_cast<uint32_t>(rec.entities_size()) ||
        f.relation() >= static_cast<uint32_t>(rec.relations_size())) {
      problem("document \"" + std::string(doc) + "\" has a fact with a bad index");
      continue;
    }
    EdgeKey want{rec.entities(f.subject()).id(), rec.relations(f.relation()).id(),
                 rec.entities(f.object()).id(), f.negated()};
    // Type votes come from the document record: the sides' own types, else their entries'.
    const std::string& st = f.subject_type().empty() ? rec.entities(f.subject()).type() : f.subject_type();
    const std::string& ot = f.object_type().empty() ? rec.entities(f.object()).type() : f.object_type();
    add(kCfMentions, type_vote_key(want.subject, st));
    add(kCfMentions, type_vote_key(want.object, ot));
    if (!(want == e) || f.subject_text() != ev.subject_text() ||
        f.object_text() != ev.object_text()) {
      problem("document \"" + std::string(doc) + "\" fact " + std::to_string(fact) +
              " differs from its evidence");
    }
  }
  KG_RETURN_IF_ERROR(store_.to_status(it->status(), "verify"));
  for (const auto& [id, rec] : documents_) {
    for (int i = 0; i < rec.facts_size(); ++i) {
      if (!evidence_facts_.count({id, static_cast<uint32_t>(i)})) {
        problem("document \"" + id + "\" fact " + std::to_string(i) + " has no evidence");
      }
    }
  }
  if (!documents_.empty()) {
    expected_[kCfMeta][std::string(kMetaDocuments)] = static_cast<int64_t>(documents_.size());
  }
  if (facts > 0) expected_[kCfMeta][std::string(kMetaFacts)] = facts;
  return {};
}

Status Checker::compare(int family) {
  std::map<std::string, int64_t> stored;
  auto it = iter(family);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key = it->key().ToStringView();
    bool counter = false;
    switch (family) {
      case kCfMeta:
        counter = is_meta_counter_key(key);
        break;
      case kCfRelations: {
        RelationId id;
        const RelationKeyKind kind = parse_relation_key(key, &id);
        counter = kind == RelationKeyKind::kCount || kind == RelationKeyKind::kSpelling;
        break;
      }
      case kCfLinks:  // pending marks are not counts of anything stored
        counter = parse_link_key(key).kind != LinkKeyKind::kPending;
        break;
      default:
        counter = true;
    }
    if (!counter) continue;
    if (family == kCfNames && it->value().empty()) {
      stored_markers_.insert(std::string(key));
      continue;
    }
    auto v = decode_count(it->value().ToStringView());
    if (!v) {
      problem(std::string(cf_name(family)) + " counter " + hex(key) + " is not 8 bytes");
      continue;
    }
    if (*v < 0) problem(std::string(cf_name(family)) + " counter " + hex(key) + " is negative");
    if (*v != 0) stored.emplace(std::string(key), *v);
  }
  KG_RETURN_IF_ERROR(store_.to_status(it->status(), "verify"));
  const auto& expected = expected_[family];
  auto e = expected.begin();
  auto s = stored.begin();
  while (e != expected.end() || s != stored.end()) {
    if (s == stored.end() || (e != expected.end() && e->first < s->first)) {
      problem(std::string(cf_name(family)) + " " + hex(e->first) + ": expected " +
              std::to_string(e->second) + ", stored nothing");
      ++e;
    } else if (e == expected.end() || s->first < e->first) {
      problem(std::string(cf_name(family)) + " " + hex(s->first) + ": stored " +
              std::to_string(s->second) + ", expected nothing");
      ++s;
    } else {
      if (e->second != s->second) {
        problem(std::string(cf_name(family)) + " " + hex(e->first) + ": expected " +
                std::to_string(e->second) + ", stored " + std::to_string(s->second));
      }
      ++e, ++s;
    }
  }
  return {};
}

Status Checker::run() {
  KG_RETURN_IF_ERROR(store_.prepare_read());
  KG_RETURN_IF_ERROR(load_records());
  KG_RETURN_IF_ERROR(recompute_from_evidence());
  for (const auto& [id, doc] : documents_) {
    for_each_link_count(doc, id, [&](const std::string& key, int64_t n) {
      if (key[0] != 'p') expected_[kCfLinks][key] += n;
    });
    // Spellings: one per fact side of an entity, one per fact of a relation.
    for (const pb::FactRef& f : doc.facts()) {
      if (f.subject() >= static_cast<uint32_t>(doc.entities_size()) ||
          f.object() >= static_cast<uint32_t>(doc.entities_size()) ||
          f.relation() >= static_cast<uint32_t>(doc.relations_size())) {
        continue;  // reported by the evidence check
      }
      for (uint32_t side : {f.subject(), f.object()}) {
        const pb::EntityRef& e = doc.entities(static_cast<int>(side));
        ++expected_[kCfMentions][spelling_key(e.id(), e.name())];
      }
      const pb::RelationRef& r = doc.relations(static_cast<int>(f.relation()));
      ++expected_[kCfRelations][relation_spelling_key(r.id(), r.label())];
    }
  }
  for (int family : {kCfMeta, kCfMentions, kCfNames, kCfRelations, kCfOutEdges, kCfInEdges,
                     kCfLinks}) {
    KG_RETURN_IF_ERROR(compare(family));
  }
  for (const auto& k : expected_markers_) {
    if (!stored_markers_.count(k)) problem("names: canonical name " + hex(k) + " not indexed");
  }
  for (const auto& k : stored_markers_) {
    if (!expected_markers_.count(k)) problem("names: " + hex(k) + " indexed for no entity");
  }
  if (n_problems_ == 0) return {};
  std::ostringstream msg;
  msg << "database " << store_.dir() << " is inconsistent (" << n_problems_ << " problems): ";
  for (size_t i = 0; i < problems_.size(); ++i) msg << (i ? "; " : "") << problems_[i];
  return Status::corruption(msg.str());
}

}  // namespace

Status verify_consistency(RocksGraphStore& store) { return Checker(store).run(); }

Status RocksGraphStore::verify() { return verify_consistency(*this); }

}  // namespace kg::store
