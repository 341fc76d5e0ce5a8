// Document records of RocksGraphStore: content hashes, reading a record, and rebuilding a stored
// document's facts from its record and evidence.
#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "common/hash.h"
#include "store/rocks_store.h"

namespace kg::store {
namespace {

// A streaming 128-bit hash that reads 8 bytes at a time. Content hashes are persisted in
// document records: changing this function makes every document look changed once.
class ContentHasher {
 public:
  void add(std::string_view s) {
    add_u64(s.size());
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      mix(w);
    }
    if (i < s.size()) {
      uint64_t w = 0;
      std::memcpy(&w, s.data() + i, s.size() - i);
      mix(w);
    }
  }
  void add_u64(uint64_t v) { mix(v); }
  void add_double(double d) {
    uint64_t w;
    std::memcpy(&w, &d, 8);
    mix(w);
  }
  std::string hex() const {
    char out[33];
    std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(fmix64(a_)),
                  static_cast<unsigned long long>(fmix64(b_ ^ n_)));
    return out;
  }

 private:
  static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
  void mix(uint64_t w) {
    a_ = rotl(a_ ^ (w * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
    b_ = rotl(b_ + w, 27) * 0x52dce729ULL + a_;
    ++n_;
  }
  uint64_t a_ = 0x9e3779b97f4a7c15ULL, b_ = 0x6a09e667f3bcc909ULL, n_ = 0;
};

}  // namespace

}  // namespace kg::store

namespace kg {

std::string facts_content_hash(const DocumentFacts& doc) {
  store::ContentHasher h;
  for (const std::string* f : {&doc.title, &doc.url, &doc.date}) h.add(*f);
  h.add_u64(doc.triples.size());
  for (const Triple& t : doc.triples) {
    for (const std::string* f : {&t.subject, &t.relation, &t.object, &t.subject_text,
                                 &t.object_text, &t.subject_type, &t.object_type, &t.text}) {
      h.add(*f);
    }
    h.add_u64(static_cast<uint64_t>(static_cast<int64_t>(t.sentence)));
    h.add_u64(t.span ? 1 : 0);
    h.add_u64(t.span ? t.span->first : 0);
    h.add_u64(t.span ? t.span->second : 0);
    h.add_double(t.confidence);
    h.add_u64((t.negated ? 1 : 0) | (t.modality ? 2 : 0) | (t.attribution ? 4 : 0));
    if (t.modality) h.add(*t.modality);
    if (t.attribution) h.add(*t.attribution);
    h.add_u64(t.args.size());
    for (const auto& a : t.args) {
      h.add(a.prep);
      h.add(a.text);
    }
  }
  return h.hex();
}

std::vector<std::string> mention_nodes(const DocumentFacts& doc) {
  std::unordered_map<std::string_view, std::string_view> now;  // entity as extracted -> name now
  for (const Triple& t : doc.triples) {
    now.emplace(t.subject_local.empty() ? t.subject : t.subject_local, t.subject);
    now.emplace(t.object_local.empty() ? t.object : t.object_local, t.object);
  }
  std::vector<std::string> out;
  out.reserve(doc.mentions.size());
  for (const EntityMention& m : doc.mentions) {
    auto it = now.find(m.entity);
    out.emplace_back(it == now.end() ? std::string_view(m.entity) : it->second);
  }
  return out;
}

}  // namespace kg

namespace kg::store {

Result<std::optional<pb::Document>> RocksGraphStore::read_document(const std::string& doc_id) {
  std::string value;
  auto s = db_->Get(rocksdb::ReadOptions(), cf(kCfDocuments), doc_id, &value);
  if (s.IsNotFound()) return std::optional<pb::Document>();
  KG_RETURN_IF_ERROR(to_status(s, "reading document"));
  pb::Document doc;
  if (!decode_message(value, &doc)) {
    return Status::corruption("database " + dir_ + ": document \"" + doc_id + "\" does not decode");
  }
  return std::optional<pb::Document>(std::move(doc));
}

Result<bool> RocksGraphStore::has_document(const std::string& doc_id, const std::string& hash) {
  if (mode_ == OpenMode::kReadWrite) wait_inflight();
  KG_ASSIGN_OR_RETURN(auto old, read_document(doc_id));
  return old && old->content_hash() == hash;
}

Result<std::optional<DocumentFacts>> RocksGraphStore::document_names(const std::string& doc_id) {
  return load_document(doc_id, /*with_evidence=*/false);
}

Result<std::optional<DocumentFacts>> RocksGraphStore::document(const std::string& doc_id) {
  KG_RETURN_IF_ERROR(prepare_read());
  return load_document(doc_id, /*with_evidence=*/true);
}

Result<std::optional<DocumentFacts>> RocksGraphStore::load_document(const std::string& doc_id,
                                                                    bool with_evidence) {
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
    const auto& s = rec->entities(static_cast<int>(f.subject()));
    const auto& o = rec->entities(static_cast<int>(f.object()));
    const auto& r = rec->relations(static_cast<int>(f.relation()));
    Triple t;
    t.doc = doc_id;
    t.subject = s.name();
    t.subject_type = f.subject_type().empty() ? s.type() : f.subject_type();
    t.relation = r.label();
    t.object = o.name();
    t.object_type = f.object_type().empty() ? o.type() : f.object_type();
    t.negated = f.negated();
    t.subject_local = f.subject_local();
    t.object_local = f.object_local();
    if (with_evidence) {
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
    }
    doc.triples.push_back(std::move(t));
  }
  doc.mentions.reserve(static_cast<size_t>(rec->mentions_size()));
  for (const pb::MentionRef& r : rec->mentions()) {
    EntityMention m;
    m.sentence = static_cast<int>(r.sentence());
    m.start = r.start();
    m.end = r.start() + r.length();
    m.entity = r.entity();
    m.text = r.text().empty() ? r.entity() : r.text();
    m.type = r.type();
    doc.mentions.push_back(std::move(m));
  }
  return std::optional<DocumentFacts>(std::move(doc));
}

Result<UserCorrections> RocksGraphStore::corrections() {
  std::string value;
  auto s = db_->Get(rocksdb::ReadOptions(), cf(kCfMeta), kMetaCorrections, &value);
  UserCorrections out;
  if (s.IsNotFound()) return out;
  KG_RETURN_IF_ERROR(to_status(s, "reading corrections"));
  pb::Corrections c;
  if (!decode_message(value, &c)) {
    return Status::corruption("database " + dir_ + " has an unreadable corrections record");
  }
  for (const pb::Merge& m : c.merges()) out.merges.emplace_back(m.from(), m.into());
  for (const std::string& b : c.blocked()) out.blocked.push_back(b);
  return out;
}

Status RocksGraphStore::set_corrections(const UserCorrections& corrections) {
  KG_RETURN_IF_ERROR(require_writable());
  KG_RETURN_IF_ERROR(sync());
  pb::Corrections c;
  for (const auto& [from, into] : corrections.merges) {
    pb::Merge* m = c.add_merges();
    m->set_from(from);
    m->set_into(into);
  }
  for (const std::string& b : corrections.blocked) c.add_blocked(b);
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return to_status(db_->Put(wo, cf(kCfMeta), kMetaCorrections, encode_message(c)),
                   "writing corrections");
}

Status RocksGraphStore::for_each_document(const std::function<void(const DocumentInfo&)>& fn) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfDocuments)));
  pb::Document rec;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (!decode_message(it->value().ToStringView(), &rec)) {
      return Status::corruption("database " + dir_ + ": document \"" + it->key().ToString() +
                                "\" does not decode");
    }
    DocumentInfo info;
    info.id = it->key().ToString();
    info.title = rec.title();
    info.url = rec.url();
    info.date = rec.date();
    info.facts = static_cast<uint64_t>(rec.facts_size());
    fn(info);
  }
  return to_status(it->status(), "reading documents");
}

}  // namespace kg::store
