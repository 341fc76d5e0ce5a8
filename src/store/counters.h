// RocksDB plumbing for counters: the int64 add merge operator and the compaction filter that
// drops counters that reached zero.
#pragma once

#include <memory>

#include <rocksdb/compaction_filter.h>
#include <rocksdb/merge_operator.h>

namespace kg::store {

// Sums 8-byte little-endian int64 operands (codec.h encode_count) onto an existing value (absent
// = 0). Associative and commutative, so partial merges are exact. A malformed operand fails the
// merge (RocksDB then reports corruption).
std::shared_ptr<rocksdb::MergeOperator> int64_add_operator();

// Drops counter values equal to zero during compaction, in column family `cf` (codec.h Cf); record
// keys in the same family are kept. Stateless; the returned object lives for the process.
const rocksdb::CompactionFilter* zero_count_filter(int cf);

}  // namespace kg::store
