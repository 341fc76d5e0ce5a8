// Opening the RocksDB database (options, format version, error mapping) and the read methods.
#include "store/rocks_store.h"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>

#include "common/hash.h"
#include "store/batch.h"
#include "store/counters.h"
#include "store/fold.h"

namespace kg {

Result<std::unique_ptr<GraphStore>> GraphStore::open(const std::string& dir, OpenMode mode) {
  auto store = store::RocksGraphStore::open(dir, mode);
  if (!store.ok()) return store.status();
  return std::unique_ptr<GraphStore>(std::move(store).value());
}

Result<std::vector<PutOutcome>> GraphStore::put_documents(std::span<const DocumentFacts> docs) {
  std::vector<PutOutcome> outcomes;
  for (const auto& doc : docs) {
    KG_ASSIGN_OR_RETURN(PutOutcome o, put_document(doc));
    outcomes.push_back(o);
  }
  return outcomes;
}

Result<std::optional<DocumentFacts>> GraphStore::document(const std::string&) {
  return Status::internal("document() is not implemented by this store");
}

namespace store {
namespace {

namespace fs = std::filesystem;

// Discards RocksDB's info log, so that a read-only open writes nothing.
class NullLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

rocksdb::CompressionType pick_compression() {
  for (auto c : {rocksdb::kLZ4Compression, rocksdb::kSnappyCompression}) {
    auto supported = rocksdb::GetSupportedCompressions();
    if (std::find(supported.begin(), supported.end(), c) != supported.end()) return c;
  }
  return rocksdb::kNoCompression;
}

// Column families a writer never reads while writing (no point lookups, no scans).
bool is_write_only(int cf) {
  return cf == kCfEvidence || cf == kCfOutEdges || cf == kCfInEdges || cf == kCfNames ||
         cf == kCfMentions;
}

rocksdb::ColumnFamilyOptions cf_options(int cf, OpenMode mode,
                                        const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o;
  if (mode == OpenMode::kReadWrite && is_write_only(cf)) {
    // Appends now, sorts once when flushed (on a background thread): much cheaper than skip-list
    // inserts for bulk writes. Reads through this handle flush first (prepare_read).
    o.memtable_factory = std::make_shared<rocksdb::VectorRepFactory>();
  }
  o.compression = pick_compression();
  o.write_buffer_size = (cf == kCfEvidence ? 128 : 32) << 20;
  o.max_write_buffer_number = 4;
  // Bulk writes add one level-0 file per batch; let a few accumulate before compacting.
  o.level0_file_num_compaction_trigger = 12;
  o.level0_slowdown_writes_trigger = 48;
  o.level0_stop_writes_trigger = 80;
  o.target_file_size_base = 64 << 20;
  o.max_bytes_for_level_base = 512 << 20;
  if (cf != kCfDefault && cf != kCfDocuments && cf != kCfEvidence) {
    o.merge_operator = int64_add_operator();
    o.compaction_filter = zero_count_filter(cf);
  }
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  t.block_size = 16 << 10;
  // Bloom filters: whole keys for point lookups (a document's previous record, an entity's or
  // relation's record), prefixes for prefix scans, so that many level-0 files stay cheap.
  t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  o.prefix_extractor = prefix_extractor(cf);
  if (o.prefix_extractor) t.whole_key_filtering = false;
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  return o;
}

bool is_lock_error(const rocksdb::Status& s) {
  const std::string m = s.ToString();
  return s.IsIOError() && (m.find("lock") != std::string::npos || m.find("LOCK") != std::string::npos);
}

int64_t count_of(const rocksdb::Slice& v) { return decode_count(v.ToStringView()).value_or(0); }

}  // namespace

RocksGraphStore::RocksGraphStore(std::string dir, OpenMode mode, StoreOptions options)
    : dir_(std::move(dir)), mode_(mode), options_(std::move(options)) {
  if (!options_.hash) {
    options_.hash = [](std::string_view key, uint64_t salt) { return hash64(key, salt); };
  }
}

RocksGraphStore::~RocksGraphStore() {
  if (!db_) return;
  (void)sync();
  if (mode_ == OpenMode::kReadWrite) {
    // Persist the memtables, so that readers need not replay a large write-ahead log.
    rocksdb::FlushOptions fo;
    std::vector<rocksdb::ColumnFamilyHandle*> all(handles_.begin(), handles_.end());
    (void)db_->Flush(fo, all);
  }
  for (auto* h : handles_) {
    if (h != nullptr) (void)db_->DestroyColumnFamilyHandle(h);
  }
  (void)db_->Close();
}

Status RocksGraphStore::to_status(const rocksdb::Status& s, std::string_view what) const {
  if (s.ok()) return {};
  std::string where = "database " + dir_ + ": " + std::string(what) + ": ";
  if (is_lock_error(s)) {
    return Status::busy("database " + dir_ +
                        " is locked: another kg process is writing to it (" + s.ToString() + ")");
  }
  if (s.IsCorruption()) return Status::corruption(where + "corrupt: " + s.ToString());
  if (s.IsNotFound()) return Status::not_found(where + s.ToString());
  return Status::io(where + s.ToString());
}

Status RocksGraphStore::prepare_read() {
  if (mode_ != OpenMode::kReadWrite) return {};
  wait_inflight();
  if (!unflushed_.exchange(false)) return {};
  std::vector<rocksdb::ColumnFamilyHandle*> families;
  for (int family = 0; family < kCfCount; ++family) {
    if (is_write_only(family)) families.push_back(cf(family));
  }
  rocksdb::FlushOptions fo;
  fo.allow_write_stall = true;
  return to_status(db_->Flush(fo, families), "flushing before a read");
}

rocksdb::Options RocksGraphStore::bulk_file_options(int family) const {
  rocksdb::Options o(db_options_, cf_options_[family]);
  // Bulk files land in level 0; compaction compresses them on the way down.
  o.compression = rocksdb::kNoCompression;
  return o;
}

Status RocksGraphStore::require_writable() const {
  if (mode_ == OpenMode::kReadWrite) return {};
  return Status::internal("database " + dir_ + " is open read-only");
}

Result<std::unique_ptr<RocksGraphStore>> RocksGraphStore::open(const std::string& dir,
                                                               OpenMode mode,
                                                               StoreOptions options) {
  std::unique_ptr<RocksGraphStore> store(new RocksGraphStore(dir, mode, std::move(options)));
  std::error_code ec;
  const bool exists = fs::exists(fs::path(dir) / "CURRENT", ec);
  if (!exists) {
    if (mode == OpenMode::kReadOnly) return Status::not_found("no kg database at " + dir);
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
      return Status::invalid(dir + " is a file, not a kg database directory");
    }
    if (fs::is_directory(dir, ec) && !fs::is_empty(dir, ec)) {
      return Status::invalid(dir + " exists, is not empty and holds no kg database");
    }
  }

  rocksdb::DBOptions db_opts;
  db_opts.create_if_missing = mode == OpenMode::kReadWrite;
  db_opts.create_missing_column_families = mode == OpenMode::kReadWrite && !exists;
  db_opts.IncreaseParallelism(2);
  db_opts.max_background_jobs = 2;
  db_opts.db_write_buffer_size = 384 << 20;
  db_opts.keep_log_file_num = 2;
  db_opts.max_manifest_file_size = 64 << 20;
  db_opts.paranoid_checks = true;
  db_opts.allow_concurrent_memtable_write = false;  // required by the vector memtables
  if (mode == OpenMode::kReadOnly) db_opts.info_log = std::make_shared<NullLogger>();

  if (exists) {
    std::vector<std::string> names;
    auto s = rocksdb::DB::ListColumnFamilies(db_opts, dir, &names);
    if (!s.ok()) return store->to_status(s, "reading column families");
    for (int cf = 1; cf < kCfCount; ++cf) {
      if (std::find(names.begin(), names.end(), cf_name(cf)) == names.end()) {
        // A damaged MANIFEST can read as a database with only the default column family: let
        // RocksDB say whether it is corrupt before calling it a foreign database.
        std::vector<rocksdb::ColumnFamilyDescriptor> listed;
        for (const auto& n : names) listed.emplace_back(n, rocksdb::ColumnFamilyOptions());
        std::vector<rocksdb::ColumnFamilyHandle*> handles;
        rocksdb::DB* probe = nullptr;
        rocksdb::DBOptions probe_opts = db_opts;
        probe_opts.info_log = std::make_shared<NullLogger>();
        s = rocksdb::DB::OpenForReadOnly(probe_opts, dir, listed, &handles, &probe);
        if (probe != nullptr) {
          for (auto* h : handles) (void)probe->DestroyColumnFamilyHandle(h);
          delete probe;
        }
        if (!s.ok()) return store->to_status(s, "opening");
        return Status::version_mismatch(
            "database " + dir + " is not a kg database of format version " +
            std::to_string(kFormatVersion) + " (no column family \"" + cf_name(cf) + "\")");
      }
    }
    if (names.size() != kCfCount) {
      return Status::version_mismatch("database " + dir +
                                      " has column families this kg does not know (format "
                                      "version " + std::to_string(kFormatVersion) + ")");
    }
  }

  auto cache = rocksdb::NewLRUCache(64 << 20);
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (int cf = 0; cf < kCfCount; ++cf) {
    store->cf_options_[cf] = cf_options(cf, mode, cache);
    descs.emplace_back(cf_name(cf), store->cf_options_[cf]);
  }
  store->db_options_ = db_opts;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = mode == OpenMode::kReadWrite
                          ? rocksdb::DB::Open(db_opts, dir, descs, &handles, &raw)
                          : rocksdb::DB::OpenForReadOnly(db_opts, dir, descs, &handles, &raw);
  if (!s.ok()) return store->to_status(s, "opening");
  store->db_.reset(raw);
  for (int cf = 0; cf < kCfCount; ++cf) store->handles_[cf] = handles[cf];
  if (mode == OpenMode::kReadWrite) {
    // Files of a bulk write that a crash interrupted were never ingested.
    for (const auto& f : fs::directory_iterator(dir, ec)) {
      if (BulkBatch::is_bulk_file_name(f.path().filename().string())) fs::remove(f.path(), ec);
    }
  }

  std::string value;
  s = raw->Get(rocksdb::ReadOptions(), store->cf(kCfMeta), kMetaFormat, &value);
  if (s.IsNotFound()) {
    if (exists || mode != OpenMode::kReadWrite) {
      return Status::corruption("database " + dir + " has no format version record");
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = raw->Put(wo, store->cf(kCfMeta), kMetaFormat, encode_message(make_format_info()));
    if (!s.ok()) return store->to_status(s, "writing the format version");
    return store;
  }
  if (!s.ok()) return store->to_status(s, "reading the format version");
  pb::FormatInfo info;
  if (!decode_message(value, &info)) {
    return Status::corruption("database " + dir + " has an unreadable format version record");
  }
  if (info.version() != kFormatVersion) {
    return Status::version_mismatch("database " + dir + " has format version " +
                                    std::to_string(info.version()) + " (written by " +
                                    info.writer() + "); this kg reads format version " +
                                    std::to_string(kFormatVersion));
  }
  return store;
}

std::string RocksGraphStore::entity_canonical_key(std::string_view name, std::string_view type) {
  std::string key = fold(name);
  key.push_back('\x1f');
  key.append(type.empty() ? kDefaultEntityType : type);
  return key;
}

std::string RocksGraphStore::relation_canonical_key(std::string_view label) { return fold(label); }

// ------------------------------------------------------------------------------------------------
// Reads

namespace {

void sort_aliases(std::vector<std::pair<int64_t, std::string>>& aliases, EntityInfo& info) {
  std::sort(aliases.begin(), aliases.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (auto& a : aliases) info.aliases.push_back(std::move(a.second));
}

}  // namespace

Status RocksGraphStore::read_entity_record(EntityId id, const std::string& value,
                                           EntityInfo& info) const {
  pb::Entity e;
  if (!decode_message(value, &e)) {
    return Status::corruption("database " + dir_ + ": entity " + std::to_string(id) +
                              " does not decode");
  }
  info.id = id;
  info.name = e.name();
  info.type = e.type();
  return {};
}

Result<std::optional<EntityInfo>> RocksGraphStore::load_entity(EntityId id) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::string prefix = mentions_key(id);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(prefix_scan(), cf(kCfMentions)));
  int64_t mentions = 0;
  std::vector<std::pair<int64_t, std::string>> aliases;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    MentionsKey k = parse_mentions_key(it->key().ToStringView());
    if (k.kind == MentionsKeyKind::kMentions) {
      mentions = count_of(it->value());
      if (mentions <= 0) break;
    } else if (int64_t n = count_of(it->value()); n > 0) {
      aliases.emplace_back(n, std::string(k.alias));
    }
  }
  KG_RETURN_IF_ERROR(to_status(it->status(), "reading entity"));
  if (mentions <= 0) return std::optional<EntityInfo>();
  std::string value;
  auto s = db_->Get(rocksdb::ReadOptions(), cf(kCfEntities), entity_key(id), &value);
  if (s.IsNotFound()) {
    return Status::corruption("database " + dir_ + ": entity " + std::to_string(id) +
                              " has mentions but no record");
  }
  KG_RETURN_IF_ERROR(to_status(s, "reading entity"));
  EntityInfo info;
  KG_RETURN_IF_ERROR(read_entity_record(id, value, info));
  info.mentions = static_cast<uint64_t>(mentions);
  sort_aliases(aliases, info);
  return std::optional<EntityInfo>(std::move(info));
}

Result<EntityInfo> RocksGraphStore::entity(EntityId id) {
  KG_ASSIGN_OR_RETURN(auto info, load_entity(id));
  if (!info) return Status::not_found("no entity with id " + std::to_string(id));
  return std::move(*info);
}

Result<std::string> RocksGraphStore::relation_label(
    RelationId id, std::unordered_map<RelationId, std::string>& cache) {
  if (auto it = cache.find(id); it != cache.end()) return it->second;
  std::string value;
  auto s = db_->Get(rocksdb::ReadOptions(), cf(kCfRelations), relation_key(id), &value);
  if (s.IsNotFound()) {
    return Status::corruption("database " + dir_ + ": edge names relation " + std::to_string(id) +
                              " that has no record");
  }
  KG_RETURN_IF_ERROR(to_status(s, "reading relation"));
  pb::Relation r;
  if (!decode_message(value, &r)) {
    return Status::corruption("database " + dir_ + ": relation " + std::to_string(id) +
                              " does not decode");
  }
  cache.emplace(id, r.label());
  return r.label();
}

Result<StoreStats> RocksGraphStore::stats() {
  KG_RETURN_IF_ERROR(prepare_read());
  StoreStats st;
  rocksdb::ReadOptions ro;
  for (auto [key, field] : {std::pair{kMetaDocuments, &st.documents}, {kMetaFacts, &st.facts}}) {
    std::string v;
    auto s = db_->Get(ro, cf(kCfMeta), key, &v);
    if (s.IsNotFound()) continue;
    KG_RETURN_IF_ERROR(to_status(s, "reading stats"));
    *field = static_cast<uint64_t>(std::max<int64_t>(0, count_of(v)));
  }
  auto count_keys = [&](int family, auto is_counted) -> Status {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(family)));
    uint64_t n = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      if (is_counted(it->key().ToStringView()) && count_of(it->value()) > 0) ++n;
    }
    KG_RETURN_IF_ERROR(to_status(it->status(), "reading stats"));
    if (family == kCfMentions) st.entities = n;
    if (family == kCfRelations) st.relations = n;
    if (family == kCfOutEdges) st.edges = n;
    return {};
  };
  KG_RETURN_IF_ERROR(count_keys(kCfMentions, [](std::string_view k) {
    return parse_mentions_key(k).kind == MentionsKeyKind::kMentions;
  }));
  KG_RETURN_IF_ERROR(count_keys(kCfRelations, [](std::string_view k) {
    RelationId id;
    return parse_relation_key(k, &id) == RelationKeyKind::kCount;
  }));
  KG_RETURN_IF_ERROR(count_keys(kCfOutEdges, [](std::string_view) { return true; }));
  return st;
}

Result<std::optional<EntityInfo>> RocksGraphStore::find_entity(std::string_view name) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::string folded = fold(name);
  if (folded.empty()) return std::optional<EntityInfo>();
  std::string prefix = name_prefix(folded);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(prefix_scan(), cf(kCfNames)));
  std::vector<EntityId> ids;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    std::string_view f;
    EntityId id;
    if (parse_name_key(it->key().ToStringView(), &f, &id) && f == folded &&
        is_live_name(it->value().ToStringView())) {
      ids.push_back(id);
    }
  }
  KG_RETURN_IF_ERROR(to_status(it->status(), "looking up a name"));
  std::optional<EntityInfo> best;
  for (EntityId id : ids) {
    KG_ASSIGN_OR_RETURN(auto info, load_entity(id));
    if (!info) continue;
    if (!best || info->mentions > best->mentions) best = std::move(info);
  }
  return best;
}

Result<std::vector<std::string>> RocksGraphStore::suggest(std::string_view name, size_t k) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::string folded = fold(name);
  std::vector<std::string> out;
  if (folded.empty() || k == 0) return out;
  const size_t bound = std::max<size_t>(2, folded.size() / 3);
  std::unordered_map<EntityId, size_t> best;  // entity -> smallest distance of its names
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfNames)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view f;
    EntityId id;
    if (!parse_name_key(it->key().ToStringView(), &f, &id) ||
        !is_live_name(it->value().ToStringView())) {
      continue;
    }
    size_t d = edit_distance(folded, f, bound);
    // A name that contains the query as a word ("biden" in "joe biden") is a good suggestion.
    if (d > 1 && folded.size() >= 3) {
      size_t pos = f.find(folded);
      if (pos != std::string_view::npos && (pos == 0 || f[pos - 1] == ' ')) d = 1;
    }
    if (d > bound) continue;
    auto [slot, inserted] = best.emplace(id, d);
    if (!inserted) slot->second = std::min(slot->second, d);
  }
  KG_RETURN_IF_ERROR(to_status(it->status(), "reading names"));
  struct Candidate {
    size_t distance;
    EntityInfo info;
  };
  std::vector<Candidate> candidates;
  for (auto [id, d] : best) {
    KG_ASSIGN_OR_RETURN(auto info, load_entity(id));
    if (info) candidates.push_back({d, std::move(*info)});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.info.mentions != b.info.mentions) return a.info.mentions > b.info.mentions;
    return a.info.name < b.info.name;
  });
  std::unordered_set<std::string> seen;
  for (auto& c : candidates) {
    if (out.size() >= k) break;
    if (seen.insert(c.info.name).second) out.push_back(c.info.name);
  }
  return out;
}

Status RocksGraphStore::for_each_entity(const std::function<void(const EntityInfo&)>& fn) {
  KG_RETURN_IF_ERROR(prepare_read());
  // Walks the mentions family in id order and the entity records alongside it.
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfMentions)));
  std::unique_ptr<rocksdb::Iterator> rec(db_->NewIterator(full_scan(), cf(kCfEntities)));
  std::optional<EntityId> current;
  int64_t mentions = 0;
  std::vector<std::pair<int64_t, std::string>> aliases;
  auto emit = [&]() -> Status {
    if (current && mentions > 0) {
      std::string key = entity_key(*current);
      rec->Seek(key);
      if (!rec->Valid() || rec->key() != key) {
        KG_RETURN_IF_ERROR(to_status(rec->status(), "reading entities"));
        return Status::corruption("database " + dir_ + ": entity " + std::to_string(*current) +
                                  " has mentions but no record");
      }
      EntityInfo info;
      KG_RETURN_IF_ERROR(read_entity_record(*current, rec->value().ToString(), info));
      info.mentions = static_cast<uint64_t>(mentions);
      sort_aliases(aliases, info);
      fn(info);
    }
    current.reset();
    mentions = 0;
    aliases.clear();
    return {};
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    MentionsKey k = parse_mentions_key(it->key().ToStringView());
    if (k.kind == MentionsKeyKind::kMentions) {
      KG_RETURN_IF_ERROR(emit());
      current = k.id;
      mentions = count_of(it->value());
    } else if (k.kind == MentionsKeyKind::kAlias && current && k.id == *current) {
      if (int64_t n = count_of(it->value()); n > 0) aliases.emplace_back(n, std::string(k.alias));
    }
  }
  KG_RETURN_IF_ERROR(emit());
  return to_status(it->status(), "reading entities");
}

Result<std::vector<EntityInfo>> RocksGraphStore::entities(std::string_view match, size_t limit) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<EntityInfo> out;
  std::string folded = fold(match);
  if (folded.empty()) {
    KG_RETURN_IF_ERROR(for_each_entity([&](const EntityInfo& e) { out.push_back(e); }));
  } else {
    std::unordered_set<EntityId> ids;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfNames)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string_view f;
      EntityId id;
      if (parse_name_key(it->key().ToStringView(), &f, &id) &&
          f.find(folded) != std::string_view::npos && is_live_name(it->value().ToStringView())) {
        ids.insert(id);
      }
    }
    KG_RETURN_IF_ERROR(to_status(it->status(), "reading names"));
    for (EntityId id : ids) {
      KG_ASSIGN_OR_RETURN(auto info, load_entity(id));
      if (info) out.push_back(std::move(*info));
    }
  }
  std::sort(out.begin(), out.end(), [](const EntityInfo& a, const EntityInfo& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    if (a.name != b.name) return a.name < b.name;
    return a.id < b.id;
  });
  if (limit > 0 && out.size() > limit) out.resize(limit);
  return out;
}

Result<std::vector<EdgeInfo>> RocksGraphStore::edges_of(EntityId id, Direction dir) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<EdgeInfo> out;
  std::unordered_map<RelationId, std::string> labels;
  std::string prefix = id_prefix(id);
  for (int family : {kCfOutEdges, kCfInEdges}) {
    if (family == kCfOutEdges && dir == Direction::kIn) continue;
    if (family == kCfInEdges && dir == Direction::kOut) continue;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(prefix_scan(), cf(family)));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      EdgeKey e;
      bool ok = family == kCfOutEdges ? parse_out_edge_key(it->key().ToStringView(), &e)
                                      : parse_in_edge_key(it->key().ToStringView(), &e);
      if (!ok) return Status::corruption("database " + dir_ + ": malformed edge key");
      int64_t n = count_of(it->value());
      if (n <= 0) continue;
      // With kBoth a self-loop is listed once, from the out-edge index.
      if (family == kCfInEdges && dir == Direction::kBoth && e.subject == e.object) continue;
      KG_ASSIGN_OR_RETURN(std::string label, relation_label(e.relation, labels));
      out.push_back({e.subject, e.relation, e.object, e.negated, std::move(label),
                     static_cast<uint64_t>(n)});
    }
    KG_RETURN_IF_ERROR(to_status(it->status(), "reading edges"));
  }
  return out;
}

Status RocksGraphStore::for_each_edge(const std::function<void(const EdgeInfo&)>& fn) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::unordered_map<RelationId, std::string> labels;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfOutEdges)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    EdgeKey e;
    if (!parse_out_edge_key(it->key().ToStringView(), &e)) {
      return Status::corruption("database " + dir_ + ": malformed edge key");
    }
    int64_t n = count_of(it->value());
    if (n <= 0) continue;
    KG_ASSIGN_OR_RETURN(std::string label, relation_label(e.relation, labels));
    fn({e.subject, e.relation, e.object, e.negated, std::move(label), static_cast<uint64_t>(n)});
  }
  return to_status(it->status(), "reading edges");
}

Result<std::vector<Evidence>> RocksGraphStore::evidence(const EdgeInfo& edge, size_t limit) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<Evidence> out;
  std::string prefix = out_edge_key({edge.subject, edge.relation, edge.object, edge.negated});
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(prefix_scan(), cf(kCfEvidence)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    if (limit > 0 && out.size() >= limit) break;
    EdgeKey e;
    std::string_view doc;
    uint32_t fact;
    pb::Evidence ev;
    if (!parse_evidence_key(it->key().ToStringView(), &e, &doc, &fact) ||
        !decode_message(it->value().ToStringView(), &ev)) {
      return Status::corruption("database " + dir_ + ": evidence record does not decode");
    }
    out.push_back(evidence_from_pb(ev, doc));
  }
  KG_RETURN_IF_ERROR(to_status(it->status(), "reading evidence"));
  return out;
}

}  // namespace store
}  // namespace kg
