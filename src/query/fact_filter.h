// The query-time fact filters that neighbours and subgraphs share (--since, --until,
// --min-confidence): which of an edge's facts count.
#pragma once

#include <string_view>
#include <vector>

#include "common/status.h"
#include "query/query.h"
#include "store/store.h"

namespace kg {

// Views into the query's options, which must outlive it.
struct FactFilter {
  std::string_view since, until;  // "YYYY-MM-DD"; "" = open
  double min_confidence = 0;

  // True when a bound is given: an edge's count then comes from its evidence.
  bool active() const { return !since.empty() || !until.empty() || min_confidence > 0; }
  bool keeps(const Evidence& fact) const {
    return date_in_range(fact.date, since, until) && fact.confidence >= min_confidence;
  }
};

// The facts of `edge` that `filter` keeps, in the store's evidence order (one evidence read).
Result<std::vector<Evidence>> kept_facts(GraphReader& store, const EdgeInfo& edge,
                                         const FactFilter& filter);

}  // namespace kg
