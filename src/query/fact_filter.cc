// Query-time fact filters: document dates and confidence.
#include "query/fact_filter.h"

namespace kg {

bool date_in_range(std::string_view date, std::string_view since, std::string_view until) {
  if (since.empty() && until.empty()) return true;
  if (date.empty()) return false;
  return (since.empty() || date >= since) && (until.empty() || date <= until);
}

Result<std::vector<Evidence>> kept_facts(GraphReader& store, const EdgeInfo& edge,
                                         const FactFilter& filter) {
  KG_ASSIGN_OR_RETURN(std::vector<Evidence> facts, store.evidence(edge, 0));
  std::erase_if(facts, [&](const Evidence& fact) { return !filter.keeps(fact); });
  return facts;
}

}  // namespace kg
