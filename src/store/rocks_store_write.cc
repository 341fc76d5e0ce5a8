// The write side of RocksGraphStore: resolving ids, turning a document into one WriteBatch of
// record puts and aggregated counter merges, and retracting a document's old contributions.
#include <cstdio>
#include <unordered_set>

#include <rocksdb/write_batch.h>

#include "common/hash.h"
#include "store/fold.h"
#include "store/rocks_store.h"

namespace kg::store {
namespace {

constexpr int kMaxProbes = 64;
constexpr size_t kMaxCachedIds = size_t{4} << 20;

void hash_field(std::string& buf, std::string_view s) {
  auto n = static_cast<uint32_t>(s.size());
  buf.append(reinterpret_cast<const char*>(&n), sizeof n);
  buf.append(s);
}

}  // namespace

std::string content_hash(const DocumentFacts& doc) {
  std::string buf;
  buf.reserve(64 + doc.triples.size() * 192);
  auto raw = [&buf](const auto& v) { buf.append(reinterpret_cast<const char*>(&v), sizeof v); };
  for (auto* f : {&doc.title, &doc.url, &doc.date}) hash_field(buf, *f);
  for (const Triple& t : doc.triples) {
    for (auto* f : {&t.subject, &t.relation, &t.object, &t.subject_text, &t.object_text,
                    &t.subject_type, &t.object_type, &t.text}) {
      hash_field(buf, *f);
    }
    raw(int64_t{t.sentence});
    raw(uint64_t{t.span ? 1u : 0u});
    raw(uint64_t{t.span ? t.span->first : 0});
    raw(uint64_t{t.span ? t.span->second : 0});
    raw(t.confidence);
    raw(uint64_t{t.negated ? 1u : 0u});
    raw(uint64_t{t.args.size()});
    hash_field(buf, t.modality ? "1" + *t.modality : "0");
    hash_field(buf, t.attribution ? "1" + *t.attribution : "0");
    for (const auto& a : t.args) {
      hash_field(buf, a.prep);
      hash_field(buf, a.text);
    }
  }
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx",
                static_cast<unsigned long long>(hash64(buf)),
                static_cast<unsigned long long>(hash64(buf, 0x9e3779b97f4a7c15ULL)));
  return hex;
}

namespace {

bool known_type(std::string_view type) {
  if (type.empty()) return true;
  for (const char* k : kEntityTypes) {
    if (type == k) return true;
  }
  return false;
}

const std::string& count_operand(int64_t sign) {
  static const std::string plus = encode_count(1), minus = encode_count(-1);
  return sign > 0 ? plus : minus;
}

}  // namespace

class RocksGraphStore::Batch {
 public:
  rocksdb::WriteBatch wb;
  // Counter deltas summed over the whole batch; they become merge operands in write(). Edge
  // counts are not summed (an edge rarely repeats within a batch): one operand per fact.
  std::unordered_map<EntityId, int64_t> mentions;
  std::unordered_map<RelationId, int64_t> relation_facts;
  struct Alias {
    int64_t n = 0;
    bool is_alias = false;  // its fold differs from the canonical name's
    std::string folded;
  };
  std::unordered_map<std::string, Alias, StringHash, std::equal_to<>> aliases;  // by alias_key
  int64_t documents = 0, facts = 0;
  // Ids claimed by this batch (not yet in the database), so two keys never claim one id.
  std::unordered_map<EntityId, std::string> new_entities;
  std::unordered_map<RelationId, std::string> new_relations;
  std::unordered_set<std::string> doc_ids;
  std::string key;  // scratch
};

void RocksGraphStore::clear_id_caches() {
  entity_ids_.clear();
  entity_keys_.clear();
  relation_ids_.clear();
  relation_keys_.clear();
}

// Adds (sign +1) or retracts (sign -1) what a document record contributes besides its own record
// and evidence puts: edge counts, mentions, aliases, relation counts, totals; and, when
// retracting, deletes its evidence.
Status RocksGraphStore::apply_counters(const pb::Document& doc, int64_t sign,
                                       std::string_view doc_id, Batch& batch) {
  const auto n_entities = static_cast<uint32_t>(doc.entities_size());
  const auto n_relations = static_cast<uint32_t>(doc.relations_size());
  std::vector<std::string> folded(n_entities);  // canonical folds, computed when needed
  auto side = [&](uint32_t index, const std::string& surface) {
    const pb::EntityRef& e = doc.entities(static_cast<int>(index));
    if (surface.empty() || surface == e.name()) return;
    std::string& key = batch.key;
    key.clear();
    append_u64(key, e.id());
    key.append(surface);
    auto it = batch.aliases.find(std::string_view(key));
    if (it == batch.aliases.end()) {
      Batch::Alias a;
      a.folded = fold(surface);
      if (folded[index].empty()) folded[index] = fold(e.name());
      a.is_alias = !a.folded.empty() && a.folded != folded[index];
      it = batch.aliases.emplace(key, std::move(a)).first;
    }
    it->second.n += sign;
  };
  std::string& key = batch.key;
  for (int i = 0; i < doc.facts_size(); ++i) {
    const pb::FactRef& f = doc.facts(i);
    if (f.subject() >= n_entities || f.object() >= n_entities || f.relation() >= n_relations) {
      return Status::corruption("database " + dir_ + ": document \"" + std::string(doc_id) +
                                "\" has a fact with a bad index");
    }
    EdgeKey edge{doc.entities(static_cast<int>(f.subject())).id(),
                 doc.relations(static_cast<int>(f.relation())).id(),
                 doc.entities(static_cast<int>(f.object())).id(), f.negated()};
    key.clear();
    append_out_edge_key(key, edge);
    batch.wb.Merge(cf(kCfOutEdges), key, count_operand(sign));
    key.clear();
    append_in_edge_key(key, edge);
    batch.wb.Merge(cf(kCfInEdges), key, count_operand(sign));
    if (sign < 0) {
      key.clear();
      append_evidence_key(key, edge, doc_id, static_cast<uint32_t>(i));
      batch.wb.Delete(cf(kCfEvidence), key);
    }
    batch.mentions[edge.subject] += sign;
    if (edge.object != edge.subject) batch.mentions[edge.object] += sign;
    side(f.subject(), f.subject_text());
    side(f.object(), f.object_text());
    batch.relation_facts[edge.relation] += sign;
  }
  batch.facts += sign * doc.facts_size();
  return {};
}

Result<std::optional<pb::Document>> RocksGraphStore::read_document(const std::string& doc_id) {
  std::string value;
  auto s = db_->Get(rocksdb::ReadOptions(), cf(kCfDocuments), doc_id, &value);
  if (s.IsNotFound()) return std::optional<pb::Document>();
  KG_RETURN_IF_ERROR(to_status(s, "reading document"));
  pb::Document doc;
  if (!decode_message(value, &doc)) {
    return Status::corruption("database " + dir_ + ": document \"" + doc_id +
                              "\" does not decode");
  }
  return std::optional<pb::Document>(std::move(doc));
}

Result<EntityId> RocksGraphStore::resolve_entity(std::string_view name, std::string_view type,
                                                 Batch& batch) {
  if (type.empty()) type = kDefaultEntityType;
  scratch_.assign(name);
  scratch_.push_back('\x1f');
  scratch_.append(type);
  if (auto it = entity_ids_.find(std::string_view(scratch_)); it != entity_ids_.end()) {
    return it->second;
  }
  std::string raw = scratch_;
  std::string key = entity_canonical_key(name, type);
  auto remember = [&](EntityId id) {
    entity_ids_.emplace(std::move(raw), id);
    entity_keys_.emplace(std::move(key), id);
    return id;
  };
  if (auto it = entity_keys_.find(std::string_view(key)); it != entity_keys_.end()) {
    EntityId id = it->second;
    return remember(id);
  }
  std::string value;
  for (uint64_t salt = 0; salt < kMaxProbes; ++salt) {
    EntityId id = options_.hash(key, salt);
    if (auto it = batch.new_entities.find(id); it != batch.new_entities.end()) {
      if (it->second == key) return remember(id);
      continue;
    }
    auto s = db_->Get(rocksdb::ReadOptions(), cf(kCfEntities), entity_key(id), &value);
    if (s.IsNotFound()) {
      pb::Entity e;
      e.set_key(key);
      e.set_name(std::string(name));
      e.set_type(std::string(type));
      batch.wb.Put(cf(kCfEntities), entity_key(id), encode_message(e));
      // The canonical name is indexed once, for good: lookups skip entities without mentions.
      batch.wb.Put(cf(kCfNames), name_key(std::string_view(key).substr(0, key.rfind('\x1f')), id),
                   "");
      batch.new_entities.emplace(id, key);
      return remember(id);
    }
    KG_RETURN_IF_ERROR(to_status(s, "reading entity"));
    pb::Entity e;
    if (!decode_message(value, &e)) {
      return Status::corruption("database " + dir_ + ": entity " + std::to_string(id) +
                                " does not decode");
    }
    if (e.key() == key) return remember(id);
    // A hash collision with another entity: probe the next salt.
  }
  return Status::internal("no free entity id for \"" + std::string(name) + "\" after " +
                          std::to_string(kMaxProbes) + " probes");
}

Result<RelationId> RocksGraphStore::resolve_relation(std::string_view label, Batch& batch) {
  if (auto it = relation_ids_.find(label); it != relation_ids_.end()) return it->second;
  std::string raw(label);
  std::string key = relation_canonical_key(label);
  auto remember = [&](RelationId id) {
    relation_ids_.emplace(std::move(raw), id);
    relation_keys_.emplace(std::move(key), id);
    return id;
  };
  if (auto it = relation_keys_.find(std::string_view(key)); it != relation_keys_.end()) {
    RelationId id = it->second;
    return remember(id);
  }
  std::string value;
  for (uint64_t salt = 0; salt < kMaxProbes; ++salt) {
    RelationId id = options_.hash(key, salt);
    if (auto it = batch.new_relations.find(id); it != batch.new_relations.end()) {
      if (it->second == key) return remember(id);
      continue;
    }
    auto s = db_->Get(rocksdb::ReadOptions(), cf(kCfRelations), relation_key(id), &value);
    if (s.IsNotFound()) {
      pb::Relation r;
      r.set_key(key);
      r.set_label(std::string(label));
      batch.wb.Put(cf(kCfRelations), relation_key(id), encode_message(r));
      batch.new_relations.emplace(id, key);
      return remember(id);
    }
    KG_RETURN_IF_ERROR(to_status(s, "reading relation"));
    pb::Relation r;
    if (!decode_message(value, &r)) {
      return Status::corruption("database " + dir_ + ": relation " + std::to_string(id) +
                                " does not decode");
    }
    if (r.key() == key) return remember(id);
  }
  return Status::internal("no free relation id for \"" + std::string(label) + "\" after " +
                          std::to_string(kMaxProbes) + " probes");
}

Status RocksGraphStore::add_to_batch(const DocumentFacts& doc, Batch& batch,
                                     PutOutcome* outcome) {
  if (doc.id.empty()) return Status::invalid("document without an id");
  const std::string where = "document \"" + doc.id + "\"";
  if (!batch.doc_ids.insert(doc.id).second) {
    return Status::invalid(where + " appears twice in one batch");
  }
  for (size_t i = 0; i < doc.triples.size(); ++i) {
    const Triple& t = doc.triples[i];
    auto fact = [&] { return where + ", triple " + std::to_string(i + 1) + ": "; };
    if (!t.doc.empty() && t.doc != doc.id) {
      return Status::invalid(fact() + "belongs to document \"" + t.doc + "\"");
    }
    if (folds_to_empty(t.subject)) return Status::invalid(fact() + "empty subject");
    if (folds_to_empty(t.object)) return Status::invalid(fact() + "empty object");
    if (folds_to_empty(t.relation)) return Status::invalid(fact() + "empty relation");
    if (!known_type(t.subject_type) || !known_type(t.object_type)) {
      return Status::invalid(fact() + "unknown entity type");
    }
  }
  const std::string hash = doc.content_hash.empty() ? content_hash(doc) : doc.content_hash;
  KG_ASSIGN_OR_RETURN(auto old, read_document(doc.id));
  if (old && old->content_hash() == hash) {
    *outcome = PutOutcome::kUnchanged;
    return {};
  }
  if (old) {
    KG_RETURN_IF_ERROR(apply_counters(*old, -1, doc.id, batch));
    *outcome = PutOutcome::kReplaced;
  } else {
    ++batch.documents;
    *outcome = PutOutcome::kAdded;
  }

  pb::Document rec;
  rec.set_title(doc.title);
  rec.set_url(doc.url);
  rec.set_date(doc.date);
  rec.set_content_hash(hash);
  rec.mutable_facts()->Reserve(static_cast<int>(doc.triples.size()));
  std::unordered_map<EntityId, uint32_t> entity_index;
  std::unordered_map<RelationId, uint32_t> relation_index;
  auto entity_ref = [&](const std::string& name, const std::string& type) -> Result<uint32_t> {
    KG_ASSIGN_OR_RETURN(EntityId id, resolve_entity(name, type, batch));
    auto [it, inserted] = entity_index.emplace(id, static_cast<uint32_t>(rec.entities_size()));
    if (inserted) {
      auto* e = rec.add_entities();
      e->set_id(id);
      e->set_name(name);
      e->set_type(type.empty() ? std::string(kDefaultEntityType) : type);
    }
    return it->second;
  };
  std::string value;
  pb::Evidence ev;
  for (size_t i = 0; i < doc.triples.size(); ++i) {
    const Triple& t = doc.triples[i];
    KG_ASSIGN_OR_RETURN(uint32_t s, entity_ref(t.subject, t.subject_type));
    KG_ASSIGN_OR_RETURN(uint32_t o, entity_ref(t.object, t.object_type));
    KG_ASSIGN_OR_RETURN(RelationId rid, resolve_relation(t.relation, batch));
    auto [rit, inserted] = relation_index.emplace(rid, static_cast<uint32_t>(rec.relations_size()));
    if (inserted) {
      auto* r = rec.add_relations();
      r->set_id(rid);
      r->set_label(t.relation);
    }
    auto* f = rec.add_facts();
    f->set_subject(s);
    f->set_relation(rit->second);
    f->set_object(o);
    f->set_negated(t.negated);
    if (!t.subject_text.empty()) f->set_subject_text(t.subject_text);
    if (!t.object_text.empty()) f->set_object_text(t.object_text);
    EdgeKey edge{rec.entities(static_cast<int>(s)).id(), rid,
                 rec.entities(static_cast<int>(o)).id(), t.negated};
    batch.key.clear();
    append_evidence_key(batch.key, edge, doc.id, static_cast<uint32_t>(i));
    evidence_to_pb(t, &ev);
    encode_message(ev, value);
    batch.wb.Put(cf(kCfEvidence), batch.key, value);
  }
  KG_RETURN_IF_ERROR(apply_counters(rec, +1, doc.id, batch));
  encode_message(rec, value);
  batch.wb.Put(cf(kCfDocuments), doc.id, value);
  return {};
}

Status RocksGraphStore::write(Batch& batch) {
  auto& wb = batch.wb;
  for (const auto& [id, n] : batch.mentions) {
    if (n != 0) wb.Merge(cf(kCfMentions), mentions_key(id), encode_count(n));
  }
  for (const auto& [key, a] : batch.aliases) {
    if (a.n == 0 || !a.is_alias) continue;
    wb.Merge(cf(kCfMentions), key, encode_count(a.n));
    EntityId id = read_u64(key.data());
    wb.Merge(cf(kCfNames), name_key(a.folded, id), encode_count(a.n));
  }
  for (const auto& [id, n] : batch.relation_facts) {
    if (n != 0) wb.Merge(cf(kCfRelations), relation_count_key(id), encode_count(n));
  }
  if (batch.documents != 0) wb.Merge(cf(kCfMeta), kMetaDocuments, encode_count(batch.documents));
  if (batch.facts != 0) wb.Merge(cf(kCfMeta), kMetaFacts, encode_count(batch.facts));
  rocksdb::WriteOptions wo;  // WAL on, no fsync per write: a crash loses at most recent batches
  unflushed_ = true;
  auto s = db_->Write(wo, &wb);
  if (!s.ok()) {
    clear_id_caches();
    return to_status(s, "writing");
  }
  if (entity_ids_.size() + entity_keys_.size() > kMaxCachedIds ||
      relation_ids_.size() + relation_keys_.size() > kMaxCachedIds) {
    clear_id_caches();
  }
  return {};
}

Result<std::vector<PutOutcome>> RocksGraphStore::put_documents(
    std::span<const DocumentFacts> docs) {
  KG_RETURN_IF_ERROR(require_writable());
  Batch batch;
  std::vector<PutOutcome> outcomes(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    Status s = add_to_batch(docs[i], batch, &outcomes[i]);
    if (!s.ok()) {
      clear_id_caches();  // they may name records of this batch, which is never written
      return s;
    }
  }
  KG_RETURN_IF_ERROR(write(batch));
  return outcomes;
}

Result<PutOutcome> RocksGraphStore::put_document(const DocumentFacts& doc) {
  KG_ASSIGN_OR_RETURN(auto outcomes, put_documents(std::span<const DocumentFacts>(&doc, 1)));
  return outcomes[0];
}

Result<bool> RocksGraphStore::remove_document(const std::string& doc_id) {
  KG_RETURN_IF_ERROR(require_writable());
  KG_ASSIGN_OR_RETURN(auto old, read_document(doc_id));
  if (!old) return false;
  Batch batch;
  KG_RETURN_IF_ERROR(apply_counters(*old, -1, doc_id, batch));
  batch.documents = -1;
  batch.wb.Delete(cf(kCfDocuments), doc_id);
  KG_RETURN_IF_ERROR(write(batch));
  return true;
}

Result<bool> RocksGraphStore::has_document(const std::string& doc_id,
                                           const std::string& content_hash) {
  KG_ASSIGN_OR_RETURN(auto old, read_document(doc_id));
  return old && old->content_hash() == content_hash;
}

Result<std::optional<DocumentFacts>> RocksGraphStore::document(const std::string& doc_id) {
  KG_RETURN_IF_ERROR(prepare_read());
  KG_ASSIGN_OR_RETURN(auto rec, read_document(doc_id));
  if (!rec) return std::optional<DocumentFacts>();
  DocumentFacts doc;
  doc.id = doc_id;
  doc.title = rec->title();
  doc.url = rec->url();
  doc.date = rec->date();
  doc.content_hash = rec->content_hash();
  std::string key, value;
  for (int i = 0; i < rec->facts_size(); ++i) {
    const pb::FactRef& f = rec->facts(i);
    if (f.subject() >= static_cast<uint32_t>(rec->entities_size()) ||
        f.object() >= static_cast<uint32_t>(rec->entities_size()) ||
        f.relation() >= static_cast<uint32_t>(rec->relations_size())) {
      return Status::corruption("database " + dir_ + ": document \"" + doc_id +
                                "\" has a fact with a bad index");
    }
    const auto& s = rec->entities(f.subject());
    const auto& o = rec->entities(f.object());
    const auto& r = rec->relations(f.relation());
    key.clear();
    append_evidence_key(key, {s.id(), r.id(), o.id(), f.negated()}, doc_id,
                        static_cast<uint32_t>(i));
    auto st = db_->Get(rocksdb::ReadOptions(), cf(kCfEvidence), key, &value);
    pb::Evidence ev;
    if (st.IsNotFound() || (st.ok() && !decode_message(value, &ev))) {
      return Status::corruption("database " + dir_ + ": document \"" + doc_id + "\" fact " +
                                std::to_string(i) + " has no readable evidence");
    }
    KG_RETURN_IF_ERROR(to_status(st, "reading evidence"));
    Triple t;
    t.doc = doc_id;
    t.subject = s.name();
    t.subject_type = s.type();
    t.relation = r.label();
    t.object = o.name();
    t.object_type = o.type();
    t.negated = f.negated();
    t.subject_text = ev.subject_text();
    t.object_text = ev.object_text();
    Evidence e = evidence_from_pb(ev, doc_id);
    t.sentence = e.sentence;
    t.text = std::move(e.text);
    t.span = e.span;
    t.confidence = e.confidence;
    t.modality = std::move(e.modality);
    t.attribution = std::move(e.attribution);
    for (const auto& a : ev.args()) t.args.push_back({a.prep(), a.text()});
    doc.triples.push_back(std::move(t));
  }
  return std::optional<DocumentFacts>(std::move(doc));
}

}  // namespace kg::store
