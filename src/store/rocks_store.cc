// Opening the RocksDB database: options, format version check, error mapping, closing.
#include "store/rocks_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/listener.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "common/hash.h"
#include "common/test_hooks.h"
#include "store/batch.h"
#include "store/counters.h"
#include "store/fold.h"
#include "store/holder.h"

namespace kg {

Result<std::unique_ptr<GraphReader>> GraphReader::open(const std::string& dir) {
  auto store = store::RocksGraphStore::open(dir, OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  return std::unique_ptr<GraphReader>(std::move(store).value());
}

Result<std::unique_ptr<GraphWriter>> GraphWriter::open(const std::string& dir) {
  auto store = store::RocksGraphStore::open(dir, OpenMode::kReadWrite);
  if (!store.ok()) return store.status();
  return std::unique_ptr<GraphWriter>(std::move(store).value());
}

Result<std::vector<PutOutcome>> GraphWriter::put_documents(std::span<const DocumentFacts> docs) {
  std::vector<PutOutcome> outcomes;
  for (const auto& doc : docs) {
    KG_ASSIGN_OR_RETURN(PutOutcome o, put_document(doc));
    outcomes.push_back(o);
  }
  return outcomes;
}

Result<std::optional<DocumentFacts>> GraphReader::document(const std::string&) {
  return Status::internal("document() is not implemented by this store");
}

Status GraphReader::verify() {
  return Status::internal("verify() is not implemented by this store");
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

// RocksDB's info LOG through stdio, dropping what cannot be written: RocksDB's own logger aborts
// on the write after a failed one (Debian's librocksdb keeps its assertions), so a full disk
// would end the process instead of failing the write with a clear message. Appends (a refused
// second writer must not truncate the holder's log); a log over 8 MB is moved to LOG.old first.
class TolerantLogger : public rocksdb::Logger {
 public:
  explicit TolerantLogger(const std::string& path) {
    std::error_code ec;
    if (fs::file_size(path, ec) > (8u << 20) && !ec) fs::rename(path, path + ".old", ec);
    f_ = std::fopen(path.c_str(), "a");
  }
  ~TolerantLogger() override {
    if (f_ != nullptr) std::fclose(f_);
  }
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    if (f_ == nullptr) return;
    std::lock_guard lock(mu_);
    std::vfprintf(f_, format, ap);
    std::fputc('\n', f_);
    std::fflush(f_);
  }

 private:
  std::mutex mu_;
  std::FILE* f_ = nullptr;
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
  if (const int n = test_l0_compaction_trigger(); n > 0) o.level0_file_num_compaction_trigger = n;
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

// The kill points of RocksDB's background work (common/test_hooks.h); inert unless
// KG_TEST_KILL_AT names one of them.
class KillPointListener : public rocksdb::EventListener {
 public:
  void OnFlushBegin(rocksdb::DB*, const rocksdb::FlushJobInfo&) override {
    test_kill_point("mid-flush");
  }
  void OnFlushCompleted(rocksdb::DB*, const rocksdb::FlushJobInfo&) override {
    test_kill_point("after-flush");
  }
  void OnCompactionCompleted(rocksdb::DB*, const rocksdb::CompactionJobInfo&) override {
    test_kill_point("after-compaction");
  }
};

std::shared_ptr<rocksdb::EventListener> kill_point_listener() {
  static const auto listener = std::make_shared<KillPointListener>();
  return listener;
}

bool is_lock_error(const rocksdb::Status& s) {
  const std::string m = s.ToString();
  return s.IsIOError() &&
         (m.find("lock") != std::string::npos || m.find("LOCK") != std::string::npos);
}

// The write-ahead logs ("000123.log") in a database directory, sorted ({} when it cannot be
// listed). Other files coming and going cannot make a reader's view incomplete: a table file it
// needs and cannot open fails the open, and one it opened stays readable after deletion.
std::vector<std::string> sorted_logs(rocksdb::Env* env, const std::string& dir) {
  std::vector<std::string> names;
  if (!env->GetChildren(dir, &names).ok()) return {};
  std::erase_if(names, [](const std::string& n) { return !n.ends_with(".log"); });
  std::sort(names.begin(), names.end());
  return names;
}

// Whether a name of `before` is missing from `after` (both sorted).
bool any_removed(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  return !std::includes(after.begin(), after.end(), before.begin(), before.end());
}

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
  if (mode_ == OpenMode::kReadWrite) remove_holder(dir_);  // while the LOCK is still ours
  (void)db_->Close();
}

Status RocksGraphStore::to_status(const rocksdb::Status& s, std::string_view what) const {
  if (s.ok()) return {};
  std::string where = "database " + dir_ + ": " + std::string(what) + ": ";
  if (is_lock_error(s)) {
    const std::string holder = describe_holder(dir_);
    return Status::busy("database " + dir_ + " is in use by " +
                        (holder.empty() ? "another kg process" : holder) +
                        ": only one kg process may write to it at a time");
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
  if (mode == OpenMode::kReadWrite) {
    KG_RETURN_IF_ERROR(create_if_absent(dir, options));
    return open_once(dir, mode, options);
  }
  // A reader next to a live writer can catch a file that the writer's flush or compaction has
  // just replaced (listed in the MANIFEST it read, deleted before it opened it), or a database
  // being created (its column families and format record not all there yet): read again.
  //
  // Worse, it can fail silently: OpenForReadOnly reads the MANIFEST, then replays the write-ahead
  // logs it finds. If the writer flushes the remaining column families and deletes a log in
  // between, the reader keeps the column families flushed before its MANIFEST read but loses
  // that log's records for the others (facts without their evidence). Deleting a log deletes
  // every older one too, so a log present before the open and gone after it reveals the race,
  // and a log deleted before the open was already covered by the MANIFEST the reader read. (Max
  // open files is unlimited, so every table file of the reader's version is opened here.)
  rocksdb::Env* env = options.env ? options.env.get() : rocksdb::Env::Default();
  constexpr int kAttempts = 25;
  for (int attempt = 1;; ++attempt) {
    const std::vector<std::string> before = sorted_logs(env, dir);
    auto store = open_once(dir, mode, options);
    const bool raced = any_removed(before, sorted_logs(env, dir));
    if (attempt == kAttempts) {
      if (raced && store.ok()) {
        return Status::busy("database " + dir +
                            " kept changing while being opened for reading "
                            "(a writer is flushing); try again");
      }
      return store;
    }
    if (!raced) {
      if (store.ok()) return store;
      const ErrorCode code = store.status().code();
      const bool transient = code == ErrorCode::kIo || code == ErrorCode::kCorruption ||
                             code == ErrorCode::kVersionMismatch;
      if (!transient || !writer_active(dir)) return store;  // without a writer nothing changes
    }
    store = Status::internal("");  // close it before waiting
    std::this_thread::sleep_for(std::chrono::milliseconds(5 * std::min(attempt, 8)));
  }
}

Status RocksGraphStore::check_column_families(const rocksdb::DBOptions& db_opts) const {
  std::vector<std::string> names;
  auto s = rocksdb::DB::ListColumnFamilies(db_opts, dir_, &names);
  if (!s.ok()) return to_status(s, "reading column families");
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
      s = rocksdb::DB::OpenForReadOnly(probe_opts, dir_, listed, &handles, &probe);
      if (probe != nullptr) {
        for (auto* h : handles) (void)probe->DestroyColumnFamilyHandle(h);
        delete probe;
      }
      if (!s.ok()) return to_status(s, "opening");
      return Status::version_mismatch(
          "database " + dir_ + " is not a kg database of format version " +
          std::to_string(kFormatVersion) + " (no column family \"" + cf_name(cf) + "\")");
    }
  }
  if (names.size() != kCfCount) {
    return Status::version_mismatch("database " + dir_ +
                                    " has column families this kg does not know (format "
                                    "version " +
                                    std::to_string(kFormatVersion) + ")");
  }
  return {};
}

Result<std::unique_ptr<RocksGraphStore>> RocksGraphStore::open_once(const std::string& dir,
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
  if (mode == OpenMode::kReadOnly) {
    db_opts.info_log = std::make_shared<NullLogger>();
    db_opts.max_open_files = -1;  // every table file opened now: a later deletion cannot hurt
  } else {
    fs::create_directories(dir, ec);
    db_opts.info_log = std::make_shared<TolerantLogger>((fs::path(dir) / "LOG").string());
  }
  if (store->options_.env) db_opts.env = store->options_.env.get();
  if (mode == OpenMode::kReadWrite) db_opts.listeners.push_back(kill_point_listener());

  if (exists) KG_RETURN_IF_ERROR(store->check_column_families(db_opts));

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
  if (!exists) test_kill_point("after-rocksdb-open");
  store->db_.reset(raw);
  for (int cf = 0; cf < kCfCount; ++cf) store->handles_[cf] = handles[cf];
  if (mode == OpenMode::kReadWrite) {
    write_holder(dir);  // after the LOCK: a refused second writer names this process
    // Files of a bulk write that a crash interrupted were never ingested.
    for (const auto& f : fs::directory_iterator(dir, ec)) {
      if (BulkBatch::is_bulk_file_name(f.path().filename().string())) fs::remove(f.path(), ec);
    }
  }

  std::string value;
  s = raw->Get(rocksdb::ReadOptions(), store->cf(kCfMeta), kMetaFormat, &value);
  if (s.IsNotFound()) {
    if (mode != OpenMode::kReadWrite) {
      return Status::corruption("database " + dir + " has no format version record");
    }
    if (exists) {
      KG_RETURN_IF_ERROR(store->finish_creation());
      return store;
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = raw->Put(wo, store->cf(kCfMeta), kMetaFormat, encode_message(make_format_info()));
    if (!s.ok()) return store->to_status(s, "writing the format version");
    test_kill_point("after-version-record");
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
  return store::entity_canonical_key(fold(name), type.empty() ? kDefaultEntityType : type);
}

std::string RocksGraphStore::relation_canonical_key(std::string_view label) { return fold(label); }

}  // namespace store
}  // namespace kg
