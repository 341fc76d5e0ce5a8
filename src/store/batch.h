// One batch of writes being built by RocksGraphStore: a WriteBatch, or a bulk batch of SST files.
#pragma once

#include <rocksdb/write_batch.h>

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "store/bulk_load.h"
#include "store/codec.h"
#include "store/small_maps.h"
#include "store/store.h"

namespace kg::store {

inline const std::string& count_operand(int64_t sign) {
  static const std::string plus = encode_count(1), minus = encode_count(-1);
  return sign > 0 ? plus : minus;
}

// The column family handles of the store that builds the batch, by index (codec.h kCf*).
using ColumnFamilies = std::array<rocksdb::ColumnFamilyHandle*, kCfCount>;

class Batch {
 public:
  Batch(const ColumnFamilies& families, bool bulk) : families_(families), bulk_(bulk) {}

  bool bulk() const { return bulk_; }
  void put(int cf, std::string_view key, std::string_view value) {
    if (bulk_) {
      sst.put(cf, key, value);
    } else {
      wb.Put(families_[cf], key, value);
    }
  }
  void del(int cf, std::string_view key) {
    if (bulk_) {
      sst.del(cf, key);
    } else {
      wb.Delete(families_[cf], key);
    }
  }
  // Counter deltas become merge operands (WriteBatch) or are summed per key (bulk).
  void merge_count(int cf, std::string_view key, int64_t n) {
    if (n == 0) return;
    if (bulk_) {
      sst.merge_count(cf, key, n);
    } else {
      wb.Merge(families_[cf], key, n == 1 || n == -1 ? count_operand(n) : encode_count(n));
    }
  }

  // Entity mentions and relation fact counts: summed over a bulk batch (they repeat across its
  // documents), merge operands right away otherwise.
  void add_mentions(EntityId id, int64_t n) {
    if (n == 0) return;
    if (bulk_) {
      mentions.add(id, n);
    } else {
      merge_count(kCfMentions, mentions_key(id), n);
    }
  }
  void add_relation_facts(RelationId id, int64_t n) {
    if (n == 0) return;
    if (bulk_) {
      relation_facts.add(id, n);
    } else {
      merge_count(kCfRelations, relation_count_key(id), n);
    }
  }

  rocksdb::WriteBatch wb;  // the path of small batches
  BulkBatch sst;           // the bulk path
  int64_t documents = 0, facts = 0;
  CountMap mentions, relation_facts;  // bulk only
  // Ids claimed by this batch (not yet in the database), so two keys never claim one id.
  std::unordered_map<EntityId, std::string> new_entities;
  std::unordered_map<RelationId, std::string> new_relations;
  std::unordered_set<std::string> doc_ids;
  std::string key;  // scratch

 private:
  const ColumnFamilies& families_;
  bool bulk_;
};

}  // namespace kg::store
