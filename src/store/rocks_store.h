// The RocksDB implementation of GraphStore (store.h), with the hooks tests need.
#pragma once

#include <rocksdb/db.h>

#include <array>
#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kg.pb.h"
#include "store/codec.h"
#include "store/id_cache.h"
#include "store/small_maps.h"
#include "store/store.h"

namespace kg {
// How RocksGraphStore::open opens a database (GraphReader::open and GraphWriter::open pick one).
enum class OpenMode { kReadWrite, kReadOnly };
}  // namespace kg

namespace kg::store {

class Batch;  // one WriteBatch or bulk batch being built (batch.h)

// Type stored for an entity whose triple gives none. Part of the canonical key, so every build
// must use the same default for separately built graphs to merge.
inline constexpr std::string_view kDefaultEntityType = "MISC";

struct StoreOptions {
  // Id of a canonical key at probe `salt` (0, 1, 2, ... until a free or matching slot). Tests
  // inject a colliding function; production uses kg::hash64.
  std::function<uint64_t(std::string_view key, uint64_t salt)> hash;
  // put_documents() with at least this many triples writes SST files and ingests them (no
  // memtable, no write-ahead log); smaller ones go through a WriteBatch. Both are atomic.
  size_t bulk_min_triples = 8192;
  // The RocksDB environment (file system) to use instead of the default one, kept alive by the
  // store. Tests inject one that fails writes (tests/reliability).
  std::shared_ptr<rocksdb::Env> env;
};

// Thread safety: writes (put_*, remove_document, sync) come from one thread; reads may run on
// other threads at the same time (kg build asks has_document from its workers).
class RocksGraphStore final : public GraphWriter {
 public:
  static Result<std::unique_ptr<RocksGraphStore>> open(const std::string& dir, OpenMode mode,
                                                       StoreOptions options = {});
  ~RocksGraphStore() override;

  Result<PutOutcome> put_document(const DocumentFacts& doc) override;
  Result<std::vector<PutOutcome>> put_documents(std::span<const DocumentFacts> docs) override;
  Result<bool> remove_document(const std::string& doc_id) override;
  Result<bool> has_document(const std::string& doc_id, const std::string& content_hash) override;
  Result<std::optional<DocumentFacts>> document(const std::string& doc_id) override;
  Result<std::optional<DocumentFacts>> document_names(const std::string& doc_id) override;

  // A bulk batch is ingested on a background thread while the caller goes on building the next
  // one (what bulk ingest uses). Writer thread only.
  Result<std::vector<PutOutcome>> put_documents_pipelined(
      std::span<const DocumentFacts> docs) override;
  Status sync() override;
  // verify.h: every counter and index recomputed from the evidence.
  Status verify() override;

  Result<StoreStats> stats() override;
  Result<std::optional<EntityInfo>> find_entity(std::string_view name) override;
  Result<std::vector<EntityInfo>> find_entities(std::string_view name) override;
  Result<std::vector<std::string>> suggest(std::string_view name, size_t k) override;
  Result<EntityInfo> entity(EntityId id) override;
  Result<UserCorrections> corrections() override;
  Status set_corrections(const UserCorrections& corrections) override;
  Status rewrite_documents(std::span<const DocumentFacts> docs) override;
  Result<std::vector<std::string>> pending_links() override;
  Result<std::vector<SurnameLinks>> surname_links(std::span<const std::string> surnames) override;
  Status clear_pending_links(std::span<const std::string> surnames) override;
  Result<std::vector<EntityInfo>> entities(std::string_view match, size_t limit) override;
  Result<std::vector<EdgeInfo>> edges_of(EntityId id, Direction dir) override;
  Status for_each_edge(const std::function<void(const EdgeInfo&)>& fn) override;
  Status for_each_entity(const std::function<void(const EntityInfo&)>& fn) override;
  Status for_each_document(const std::function<void(const DocumentInfo&)>& fn) override;
  Status for_each_relation(const std::function<void(const std::string&, uint64_t)>& fn) override;
  Result<std::vector<Evidence>> evidence(const EdgeInfo& edge, size_t limit) override;

  // Read options to iterate a whole column family, or the keys of one prefix (codec.h
  // prefix_extractor; the iterator stops at the prefix's end).
  static rocksdb::ReadOptions full_scan() {
    rocksdb::ReadOptions r;
    r.total_order_seek = true;
    return r;
  }
  static rocksdb::ReadOptions prefix_scan() {
    rocksdb::ReadOptions r;
    r.prefix_same_as_start = true;
    return r;
  }

  // Raw access for the consistency checker (verify.h) and tests.
  rocksdb::DB* db() { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(int index) { return handles_[index]; }
  const std::string& dir() const { return dir_; }
  // The canonical keys ids are derived from.
  static std::string entity_canonical_key(std::string_view name, std::string_view type);
  static std::string relation_canonical_key(std::string_view label);

  // Call before reading the evidence, edge or names column family directly: a read-write store
  // keeps them in append-only memtables, flushed here when written since.
  Status prepare_read();
  // Converts a RocksDB status into ours, naming the database directory.
  Status to_status(const rocksdb::Status& s, std::string_view what) const;

 private:
  RocksGraphStore(std::string dir, OpenMode mode, StoreOptions options);
  static Result<std::unique_ptr<RocksGraphStore>> open_once(const std::string& dir, OpenMode mode,
                                                            StoreOptions options);
  // Creates the database in `dir` when there is none, atomically (rocks_store_create.cc): it is
  // made with its format record in a sibling temporary directory, then renamed into place.
  static Status create_if_absent(const std::string& dir, const StoreOptions& options);
  // Writes the format record of a database that an older kg, killed while creating it, left with
  // empty column families and no record; refuses one that holds anything.
  Status finish_creation();
  // Refuses an existing database whose column families are not kg's (kVersionMismatch), or
  // whose MANIFEST is damaged (kCorruption).
  Status check_column_families(const rocksdb::DBOptions& db_opts) const;

  // --- writes (rocks_store_write.cc) ---
  Result<std::optional<pb::Document>> read_document(const std::string& doc_id);
  // document() (with the evidence: call prepare_read() first) or document_names().
  Result<std::optional<DocumentFacts>> load_document(const std::string& doc_id, bool with_evidence);
  // `force`: write even when the stored document has the same content hash (rewrite_documents).
  Status add_to_batch(const DocumentFacts& doc, Batch& batch, PutOutcome* outcome,
                      bool force = false);
  Status apply_counters(const pb::Document& doc, int64_t sign, std::string_view doc_id,
                        Batch& batch);
  void clear_id_caches();
  Result<EntityId> resolve_entity(std::string_view name, std::string_view type, Batch& batch);
  Result<RelationId> resolve_relation(std::string_view label, Batch& batch);
  const std::string* pending_claim(Batch& batch, bool entity, uint64_t id) const;
  void finish_batch(Batch& batch);
  Status write_now(Batch& batch);
  Status after_write(const rocksdb::Status& s);

  // --- reads (rocks_store.cc) ---
  Result<std::optional<EntityInfo>> load_entity(EntityId id);
  Status read_entity_record(EntityId id, const std::string& value, EntityInfo& info) const;
  // Every relation in id order: its id, display label (relation_label's) and fact count.
  Status scan_relations(const std::function<void(RelationId, const std::string&, int64_t)>& fn);
  Result<std::string> relation_label(RelationId id,
                                     std::unordered_map<RelationId, std::string>& cache);
  Status require_writable() const;
  rocksdb::Options bulk_file_options(int family) const;

  std::string dir_;
  OpenMode mode_;
  StoreOptions options_;
  std::unique_ptr<rocksdb::DB> db_;
  std::array<rocksdb::ColumnFamilyHandle*, kCfCount> handles_{};
  rocksdb::DBOptions db_options_;
  std::array<rocksdb::ColumnFamilyOptions, kCfCount> cf_options_;
  uint64_t bulk_files_ = 0;
  // The bulk batch being ingested in the background (put_documents_pipelined). The pointer is the
  // writer thread's; readers only wait for the future (wait_inflight).
  std::unique_ptr<Batch> inflight_;
  std::mutex inflight_mu_;
  std::shared_future<rocksdb::Status> inflight_done_;  // guarded by inflight_mu_
  void wait_inflight();
  // Set by writes to the append-only memtables, cleared by prepare_read().
  std::atomic<bool> unflushed_{false};
  // Ids already resolved by this process, by the name as written (per entity type: index into
  // kEntityTypes) and by canonical key. Write side only; cleared when large or after a failed
  // batch.
  std::array<IdCache, 3> entity_ids_;  // by identity class: named, concept, value
  IdCache entity_keys_, relation_ids_, relation_keys_;
  size_t cached_ids() const;
  // Per-document tables of add_to_batch (entity id, relation id, name -> index in the record).
  SmallMap<uint64_t> entity_index_, relation_index_;
  SmallMap<std::string_view> by_name_;
  static size_t class_index(std::string_view type);  // 0 named (also when empty), 1 concept, 2 value
};

}  // namespace kg::store
