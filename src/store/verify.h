// A consistency check of a whole database: every counter and index recomputed from the evidence.
#pragma once

#include "common/status.h"
#include "store/rocks_store.h"

namespace kg::store {

// Recomputes edge counts (both indexes), entity mentions, relation counts, the name/alias index
// and the totals from the evidence and document records, and compares them exactly with the
// stored (non-zero) counters. Also checks that every document fact has its evidence and back,
// and that every counted id has a record. Returns ok, or kCorruption listing the first
// differences. Reads the whole database: for tests and `kg stats --check`, not the hot path.
Status verify_consistency(RocksGraphStore& store);

}  // namespace kg::store
