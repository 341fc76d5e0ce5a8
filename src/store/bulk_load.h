// The bulk write path: one batch of writes to several column families, sorted in memory, written
// as one SST file per family and ingested in one atomic call (no memtable, no write-ahead log).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include "store/codec.h"

namespace kg::store {

class BulkBatch {
 public:
  void put(int cf, std::string_view key, std::string_view value) { add(cf, kPut, key, value, 0); }
  void del(int cf, std::string_view key) { add(cf, kDelete, key, {}, 0); }
  // A counter delta (codec.h encode_count); deltas of one key are summed, zero sums dropped.
  void merge_count(int cf, std::string_view key, int64_t n) { add(cf, kMerge, key, {}, n); }
  bool empty() const;

  // Sorts each family's entries, folds repeated keys (counts summed; otherwise the last put or
  // delete wins), writes the files as `dir`/kgbulk-<tag>-<family>.sst and ingests them all in one
  // atomic IngestExternalFiles call. Leaves no file behind on failure.
  rocksdb::Status ingest(rocksdb::DB& db,
                         const std::array<rocksdb::ColumnFamilyHandle*, kCfCount>& families,
                         const std::function<rocksdb::Options(int cf)>& options,
                         const std::string& dir, uint64_t tag);

  // True for the names of files ingest() writes (to clean up after a crash).
  static bool is_bulk_file_name(std::string_view name);

 private:
  enum Kind : uint8_t { kPut, kDelete, kMerge };
  static constexpr int kPrefixWords = 3;
  struct Entry {
    uint64_t prefix[kPrefixWords];  // the first 24 key bytes, big-endian: decide most comparisons
    const char* key;
    const char* value;  // kPut only
    int64_t count;      // kMerge only
    uint32_t key_len, value_len;
    uint32_t seq;
    Kind kind;
  };
  // Append-only storage with stable addresses for keys and values.
  class Arena {
   public:
    const char* copy(std::string_view s);

   private:
    std::vector<std::unique_ptr<char[]>> blocks_;
    size_t used_ = 0, size_ = 0;
  };
  struct Family {
    Arena arena;
    std::vector<Entry> entries;
  };

  void add(int cf, Kind kind, std::string_view key, std::string_view value, int64_t count);
  rocksdb::Status write_file(int cf, const rocksdb::Options& options, const std::string& path,
                             bool* wrote);

  std::array<Family, kCfCount> families_;
  uint32_t seq_ = 0;
};

}  // namespace kg::store
