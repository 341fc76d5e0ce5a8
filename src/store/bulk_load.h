// The bulk write path: one batch of writes to several column families, sorted in memory, written
// as one SST file per family and ingested in one atomic call (no memtable, no write-ahead log).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include "store/codec.h"

namespace kg::store {

class BulkBatch {
 public:
  void put(int cf, std::string_view key, std::string_view value) { add(cf, kPut, key, value); }
  void del(int cf, std::string_view key) { add(cf, kDelete, key, {}); }
  // A counter delta (codec.h encode_count); deltas of one key are summed, zero sums dropped.
  void merge_count(int cf, std::string_view key, int64_t n);
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
  struct Entry {
    uint64_t prefix[2];  // the first 16 key bytes, big-endian: decide most comparisons
    uint32_t seq;
    uint32_t key_off, key_len;
    uint32_t val_off, val_len;
    Kind kind;
  };
  struct Family {
    std::string arena;
    std::vector<Entry> entries;
  };

  void add(int cf, Kind kind, std::string_view key, std::string_view value);
  rocksdb::Status write_file(int cf, const rocksdb::Options& options, const std::string& path,
                             bool* wrote);

  std::array<Family, kCfCount> families_;
  uint32_t seq_ = 0;
};

}  // namespace kg::store
