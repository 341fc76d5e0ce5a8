// The write side of RocksGraphStore: resolving ids, turning documents into one batch of record
// puts and counter merges (a WriteBatch, or SST files for bulk batches), and retracting a
// document's old contributions.
#include <algorithm>
#include <unordered_set>

#include <google/protobuf/arena.h>
#include <rocksdb/write_batch.h>

#include "store/batch.h"
#include "store/fold.h"
#include "store/rocks_store.h"

namespace kg::store {
namespace {

constexpr int kMaxProbes = 64;
constexpr size_t kMaxCachedIds = size_t{4} << 20;

bool known_type(std::string_view type) {
  if (type.empty()) return true;
  for (const char* k : kEntityTypes) {
    if (type == k) return true;
  }
  return false;
}

// One document's uses of a string per entity: an alias (surface form) or a type vote.
struct AliasUse {
  uint32_t entity;
  std::string_view surface;
};

// Calls fn(entity, string, count) once per distinct (entity, string) of `uses`, sorted.
template <typename Fn>
void for_each_use(std::vector<AliasUse>& uses, Fn fn) {
  std::sort(uses.begin(), uses.end(), [](const AliasUse& a, const AliasUse& b) {
    return a.entity != b.entity ? a.entity < b.entity : a.surface < b.surface;
  });
  for (size_t i = 0; i < uses.size();) {
    size_t j = i;
    while (j < uses.size() && uses[j].entity == uses[i].entity &&
           uses[j].surface == uses[i].surface) {
      ++j;
    }
    fn(uses[i].entity, uses[i].surface, static_cast<int64_t>(j - i));
    i = j;
  }
}

}  // namespace

size_t RocksGraphStore::class_index(std::string_view type) {
  const std::string_view cls = identity_class(type);
  return cls == "CONCEPT" ? 1 : cls == "VALUE" ? 2 : 0;
}

size_t RocksGraphStore::cached_ids() const {
  size_t n = entity_keys_.size() + relation_ids_.size() + relation_keys_.size();
  for (const auto& c : entity_ids_) n += c.size();
  return n;
}

void RocksGraphStore::clear_id_caches() {
  for (auto& c : entity_ids_) c.clear();
  entity_keys_.clear();
  relation_ids_.clear();
  relation_keys_.clear();
}

// Adds (sign +1) or retracts (sign -1) what a document record contributes besides its own record
// and evidence puts: edge counts, mentions, aliases, relation counts and the facts total; when
// retracting, also deletes its evidence. Counts are summed within the document first.
Status RocksGraphStore::apply_counters(const pb::Document& doc, int64_t sign,
                                       std::string_view doc_id, Batch& batch) {
  const auto n_entities = static_cast<uint32_t>(doc.entities_size());
  const auto n_relations = static_cast<uint32_t>(doc.relations_size());
  std::vector<int64_t> mentions(n_entities), sides(n_entities), relation_facts(n_relations);
  std::vector<AliasUse> aliases, votes;  // votes: (entity, type) per fact side
  std::string& key = batch.key;
  for (int i = 0; i < doc.facts_size(); ++i) {
    const pb::FactRef& f = doc.facts(i);
    if (f.subject() >= n_entities || f.object() >= n_entities || f.relation() >= n_relations) {
      return Status::corruption("database " + dir_ + ": document \"" + std::string(doc_id) +
                                "\" has a fact with a bad index");
    }
    const pb::EntityRef& s = doc.entities(static_cast<int>(f.subject()));
    const pb::EntityRef& o = doc.entities(static_cast<int>(f.object()));
    EdgeKey edge{s.id(), doc.relations(static_cast<int>(f.relation())).id(), o.id(), f.negated()};
    key.clear();
    append_out_edge_key(key, edge);
    batch.merge_count(kCfOutEdges, key, sign);
    key.clear();
    append_in_edge_key(key, edge);
    batch.merge_count(kCfInEdges, key, sign);
    if (sign < 0) {
      key.clear();
      append_evidence_key(key, edge, doc_id, static_cast<uint32_t>(i));
      batch.del(kCfEvidence, key);
    }
    ++mentions[f.subject()];
    if (f.object() != f.subject()) ++mentions[f.object()];
    ++sides[f.subject()];
    ++sides[f.object()];
    ++relation_facts[f.relation()];
    votes.push_back({f.subject(), f.subject_type().empty() ? s.type() : f.subject_type()});
    votes.push_back({f.object(), f.object_type().empty() ? o.type() : f.object_type()});
    if (!f.subject_text().empty() && f.subject_text() != s.name()) {
      aliases.push_back({f.subject(), f.subject_text()});
    }
    if (!f.object_text().empty() && f.object_text() != o.name()) {
      aliases.push_back({f.object(), f.object_text()});
    }
  }
  for (uint32_t e = 0; e < n_entities; ++e) {
    const pb::EntityRef& ref = doc.entities(static_cast<int>(e));
    batch.add_mentions(ref.id(), sign * mentions[e]);
    batch.merge_count(kCfMentions, spelling_key(ref.id(), ref.name()), sign * sides[e]);
  }
  for (uint32_t r = 0; r < n_relations; ++r) {
    const pb::RelationRef& ref = doc.relations(static_cast<int>(r));
    batch.add_relation_facts(ref.id(), sign * relation_facts[r]);
    batch.merge_count(kCfRelations, relation_spelling_key(ref.id(), ref.label()),
                      sign * relation_facts[r]);
  }
  // Type votes, counted per (entity, type).
  for_each_use(votes, [&](uint32_t entity, std::string_view type, int64_t n) {
    const pb::EntityRef& e = doc.entities(static_cast<int>(entity));
    batch.merge_count(kCfMentions, type_vote_key(e.id(), type), sign * n);
  });
  // Surface forms other than the canonical name, counted per (entity, surface).
  std::string canonical;
  uint32_t canonical_of = n_entities;
  for_each_use(aliases, [&](uint32_t entity, std::string_view surface, int64_t n) {
    const pb::EntityRef& e = doc.entities(static_cast<int>(entity));
    if (canonical_of != entity) {
      canonical = fold(e.name());
      canonical_of = entity;
    }
    std::string folded = fold(surface);
    if (!folded.empty() && folded != canonical && is_alias_surface(surface, e.type(), canonical)) {
      batch.merge_count(kCfMentions, alias_key(e.id(), surface), sign * n);
      batch.merge_count(kCfNames, name_key(folded, e.id()), sign * n);
    }
  });
  // Corpus-level name linking: surnames and full names (pending marks are never retracted).
  for_each_link_count(doc, doc_id, [&](const std::string& link, int64_t n) {
    batch.merge_count(kCfLinks, link, link[0] == 'p' ? n : sign * n);
  });
  batch.facts += sign * doc.facts_size();
  return {};
}

// A claimed id's record is not in the database until its batch is written: the current batch or
// the one being ingested in the background.
const std::string* RocksGraphStore::pending_claim(Batch& batch, bool entity, uint64_t id) const {
  for (const Batch* b : {&batch, inflight_.get()}) {
    if (b == nullptr) continue;
    const auto& claims = entity ? b->new_entities : b->new_relations;
    if (auto it = claims.find(id); it != claims.end()) return &it->second;
  }
  return nullptr;
}

Result<EntityId> RocksGraphStore::resolve_entity(std::string_view name, std::string_view type,
                                                 Batch& batch) {
  if (type.empty()) type = kDefaultEntityType;
  IdCache& by_name = entity_ids_[class_index(type)];
  if (const uint64_t* id = by_name.find(name)) return *id;
  std::string key = entity_canonical_key(name, type);
  auto remember = [&](EntityId id) {
    by_name.insert(name, id);
    if (!entity_keys_.find(key)) entity_keys_.insert(key, id);
    return id;
  };
  if (const uint64_t* id = entity_keys_.find(key)) return remember(*id);
  std::string value;
  for (uint64_t salt = 0; salt < kMaxProbes; ++salt) {
    // A value's id has the top bit set, a concept's the next one, a named entity's neither
    // (store.h is_value_id, is_concept_id).
    const EntityId hashed = options_.hash(key, salt) & ~(kValueIdBit | kConceptIdBit);
    const std::string_view cls = identity_class(type);
    const EntityId id = cls == "VALUE" ? hashed | kValueIdBit
                        : cls == "CONCEPT" ? hashed | kConceptIdBit
                                           : hashed;
    if (const std::string* claimed = pending_claim(batch, true, id)) {
      if (*claimed == key) return remember(id);
      continue;
    }
    auto s = db_->Get(rocksdb::ReadOptions(), cf(kCfEntities), entity_key(id), &value);
    if (s.IsNotFound()) {
      pb::Entity e;
      e.set_key(key);
      e.set_name(std::string(name));
      e.set_type(std::string(type));
      batch.put(kCfEntities, entity_key(id), encode_message(e));
      // The canonical name is indexed once, for good: lookups skip entities without mentions.
      batch.put(kCfNames, name_key(canonical_key_name(key), id), "");
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
  if (const uint64_t* id = relation_ids_.find(label)) return *id;
  std::string key = relation_canonical_key(label);
  auto remember = [&](RelationId id) {
    relation_ids_.insert(label, id);
    if (!relation_keys_.find(key)) relation_keys_.insert(key, id);
    return id;
  };
  if (const uint64_t* id = relation_keys_.find(key)) return remember(*id);
  std::string value;
  for (uint64_t salt = 0; salt < kMaxProbes; ++salt) {
    RelationId id = options_.hash(key, salt);
    if (const std::string* claimed = pending_claim(batch, false, id)) {
      if (*claimed == key) return remember(id);
      continue;
    }
    auto s = db_->Get(rocksdb::ReadOptions(), cf(kCfRelations), relation_key(id), &value);
    if (s.IsNotFound()) {
      pb::Relation r;
      r.set_key(key);
      r.set_label(std::string(label));
      batch.put(kCfRelations, relation_key(id), encode_message(r));
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

Status RocksGraphStore::add_to_batch(const DocumentFacts& doc, Batch& batch, PutOutcome* outcome,
                                     bool force) {
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
    if (!known_type(t.subject_type) ||
        !(known_type(t.object_type) || is_value_type(t.object_type))) {
      return Status::invalid(fact() + "unknown entity type");
    }
    for (auto [field, value] : {std::pair{"subject", &t.subject}, {"object", &t.object},
                                {"relation", &t.relation}, {"subject_text", &t.subject_text},
                                {"object_text", &t.object_text}}) {
      if (value->size() > kMaxNameBytes) {
        return Status::invalid(fact() + field + " is " + std::to_string(value->size()) +
                               " bytes, over the limit of " + std::to_string(kMaxNameBytes));
      }
    }
  }
  const std::string hash = doc.content_hash.empty() ? facts_content_hash(doc) : doc.content_hash;
  KG_ASSIGN_OR_RETURN(auto old, read_document(doc.id));
  if (old && old->content_hash() == hash && !force) {
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

  google::protobuf::Arena arena;
  auto* rec = google::protobuf::Arena::CreateMessage<pb::Document>(&arena);
  rec->set_title(doc.title);
  rec->set_url(doc.url);
  rec->set_date(doc.date);
  rec->set_content_hash(hash);
  rec->mutable_facts()->Reserve(static_cast<int>(doc.triples.size()));
  const size_t n = doc.triples.size();
  entity_index_.reset(2 * n);
  relation_index_.reset(n);
  by_name_.reset(2 * n);  // names repeat within a document: each is resolved once
  // The document's entry for the entity a (name, type) side names; its type is the first the
  // document gives it (FactRef keeps a side's other type).
  auto entity_ref = [&](const std::string& name, const std::string& type) -> Result<uint32_t> {
    const std::string_view t = type.empty() ? kDefaultEntityType : std::string_view(type);
    if (const uint32_t* index = by_name_.find(name)) {
      if (identity_class(rec->entities(static_cast<int>(*index)).type()) == identity_class(t)) {
        return *index;
      }
    }
    KG_ASSIGN_OR_RETURN(EntityId id, resolve_entity(name, type, batch));
    auto [index, inserted] = entity_index_.emplace(id, static_cast<uint32_t>(rec->entities_size()));
    if (inserted) {
      auto* e = rec->add_entities();
      e->set_id(id);
      e->set_name(name);
      e->set_type(std::string(t));
    }
    by_name_.emplace(name, index);
    return index;
  };
  std::string value;
  // Cache lookups are memory-bound: start loading those of a few triples ahead.
  constexpr size_t kAhead = 6;
  auto prefetch = [&](size_t i) {
    if (i >= doc.triples.size()) return;
    const Triple& t = doc.triples[i];
    entity_ids_[class_index(t.subject_type)].prefetch(t.subject);
    entity_ids_[class_index(t.object_type)].prefetch(t.object);
    relation_ids_.prefetch(t.relation);
  };
  for (size_t i = 0; i < kAhead; ++i) prefetch(i);
  for (size_t i = 0; i < doc.triples.size(); ++i) {
    prefetch(i + kAhead);
    const Triple& t = doc.triples[i];
    KG_ASSIGN_OR_RETURN(uint32_t s, entity_ref(t.subject, t.subject_type));
    KG_ASSIGN_OR_RETURN(uint32_t o, entity_ref(t.object, t.object_type));
    KG_ASSIGN_OR_RETURN(RelationId rid, resolve_relation(t.relation, batch));
    auto [r_index, inserted] =
        relation_index_.emplace(rid, static_cast<uint32_t>(rec->relations_size()));
    if (inserted) {
      auto* r = rec->add_relations();
      r->set_id(rid);
      r->set_label(t.relation);
    }
    auto* f = rec->add_facts();
    f->set_subject(s);
    f->set_relation(r_index);
    f->set_object(o);
    f->set_negated(t.negated);
    if (!t.subject_text.empty()) f->set_subject_text(t.subject_text);
    if (!t.object_text.empty()) f->set_object_text(t.object_text);
    if (!t.subject_local.empty() && t.subject_local != t.subject) {
      f->set_subject_local(t.subject_local);
    }
    if (!t.object_local.empty() && t.object_local != t.object) f->set_object_local(t.object_local);
    auto side_type = [&](uint32_t index, const std::string& type) -> std::string {
      const std::string_view side = type.empty() ? kDefaultEntityType : std::string_view(type);
      return rec->entities(static_cast<int>(index)).type() == side ? "" : std::string(side);
    };
    if (auto st = side_type(s, t.subject_type); !st.empty()) f->set_subject_type(st);
    if (auto ot = side_type(o, t.object_type); !ot.empty()) f->set_object_type(ot);
    EdgeKey edge{rec->entities(static_cast<int>(s)).id(), rid,
                 rec->entities(static_cast<int>(o)).id(), t.negated};
    batch.key.clear();
    append_evidence_key(batch.key, edge, doc.id, static_cast<uint32_t>(i));
    encode_evidence(t, doc.date, value);
    batch.put(kCfEvidence, batch.key, value);
  }
  rec->mutable_mentions()->Reserve(static_cast<int>(doc.mentions.size()));
  for (const EntityMention& m : doc.mentions) {
    if (m.end < m.start || m.sentence < 0) {
      return Status::invalid("document \"" + doc.id + "\": mention \"" + m.text +
                             "\" has a bad place");
    }
    auto* r = rec->add_mentions();
    r->set_sentence(static_cast<uint32_t>(m.sentence));
    r->set_start(m.start);
    r->set_length(static_cast<uint32_t>(m.end - m.start));
    if (m.text != m.entity) r->set_text(m.text);
    r->set_entity(m.entity);
    r->set_type(m.type);
  }
  KG_RETURN_IF_ERROR(apply_counters(*rec, +1, doc.id, batch));
  encode_message(*rec, value);
  batch.put(kCfDocuments, doc.id, value);
  return {};
}

void RocksGraphStore::finish_batch(Batch& batch) {
  batch.mentions.for_each(
      [&](uint64_t id, int64_t n) { batch.merge_count(kCfMentions, mentions_key(id), n); });
  batch.relation_facts.for_each(
      [&](uint64_t id, int64_t n) { batch.merge_count(kCfRelations, relation_count_key(id), n); });
  batch.merge_count(kCfMeta, kMetaDocuments, batch.documents);
  batch.merge_count(kCfMeta, kMetaFacts, batch.facts);
}

Status RocksGraphStore::after_write(const rocksdb::Status& s) {
  if (!s.ok()) {
    clear_id_caches();
    return to_status(s, "writing");
  }
  if (cached_ids() > kMaxCachedIds) clear_id_caches();
  return {};
}

Status RocksGraphStore::write_now(Batch& batch) {
  finish_batch(batch);
  rocksdb::Status s;
  if (batch.bulk()) {
    s = batch.sst.ingest(*db_, handles_, [this](int family) { return bulk_file_options(family); },
                         dir_, ++bulk_files_);
  } else {
    rocksdb::WriteOptions wo;  // WAL on, no fsync per write: a crash loses the latest batches
    unflushed_ = true;
    s = db_->Write(wo, &batch.wb);
  }
  return after_write(s);
}

Status RocksGraphStore::sync() {
  if (!inflight_) return {};
  std::shared_future<rocksdb::Status> done;
  {
    std::lock_guard lock(inflight_mu_);
    done = inflight_done_;
  }
  rocksdb::Status s = done.get();
  {
    std::lock_guard lock(inflight_mu_);
    inflight_done_ = {};
  }
  inflight_.reset();
  return after_write(s);
}

void RocksGraphStore::wait_inflight() {
  std::shared_future<rocksdb::Status> done;
  {
    std::lock_guard lock(inflight_mu_);
    done = inflight_done_;
  }
  if (done.valid()) done.wait();
}

Result<std::vector<PutOutcome>> RocksGraphStore::put_documents_pipelined(
    std::span<const DocumentFacts> docs) {
  KG_RETURN_IF_ERROR(require_writable());
  size_t triples = 0;
  bool depends_on_inflight = false;
  for (const auto& d : docs) {
    triples += d.triples.size();
    depends_on_inflight |= inflight_ && inflight_->doc_ids.count(d.id) > 0;
  }
  // A document of the batch being ingested must be stored before it is read again.
  if (depends_on_inflight) KG_RETURN_IF_ERROR(sync());
  auto batch = std::make_unique<Batch>(handles_, triples >= options_.bulk_min_triples);
  std::vector<PutOutcome> outcomes(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    Status s = add_to_batch(docs[i], *batch, &outcomes[i]);
    if (!s.ok()) {
      clear_id_caches();  // they may name records of this batch, which is never written
      return s;
    }
  }
  // One batch in flight at a time; its failure voids this batch, built on its claims.
  KG_RETURN_IF_ERROR(sync());
  if (!batch->bulk()) {
    KG_RETURN_IF_ERROR(write_now(*batch));
    return outcomes;
  }
  finish_batch(*batch);
  Batch* b = batch.get();
  inflight_ = std::move(batch);
  auto done = std::async(std::launch::async, [this, b, tag = ++bulk_files_] {
    return b->sst.ingest(*db_, handles_, [this](int family) { return bulk_file_options(family); },
                         dir_, tag);
  });
  std::lock_guard lock(inflight_mu_);
  inflight_done_ = done.share();
  return outcomes;
}

Result<std::vector<PutOutcome>> RocksGraphStore::put_documents(
    std::span<const DocumentFacts> docs) {
  KG_ASSIGN_OR_RETURN(auto outcomes, put_documents_pipelined(docs));
  KG_RETURN_IF_ERROR(sync());
  return outcomes;
}

Result<PutOutcome> RocksGraphStore::put_document(const DocumentFacts& doc) {
  KG_ASSIGN_OR_RETURN(auto outcomes, put_documents(std::span<const DocumentFacts>(&doc, 1)));
  return outcomes[0];
}

Status RocksGraphStore::rewrite_documents(std::span<const DocumentFacts> docs) {
  KG_RETURN_IF_ERROR(require_writable());
  KG_RETURN_IF_ERROR(sync());
  Batch batch(handles_, false);
  for (const DocumentFacts& doc : docs) {
    PutOutcome outcome = PutOutcome::kUnchanged;
    Status s = add_to_batch(doc, batch, &outcome, /*force=*/true);
    if (!s.ok()) {
      clear_id_caches();
      return s;
    }
  }
  return write_now(batch);
}

Result<bool> RocksGraphStore::remove_document(const std::string& doc_id) {
  KG_RETURN_IF_ERROR(require_writable());
  KG_RETURN_IF_ERROR(sync());
  KG_ASSIGN_OR_RETURN(auto old, read_document(doc_id));
  if (!old) return false;
  Batch batch(handles_, false);
  KG_RETURN_IF_ERROR(apply_counters(*old, -1, doc_id, batch));
  batch.documents = -1;
  batch.del(kCfDocuments, doc_id);
  KG_RETURN_IF_ERROR(write_now(batch));
  return true;
}

}  // namespace kg::store
