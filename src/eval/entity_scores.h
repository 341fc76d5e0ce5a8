// Entity resolution scores: a system clustering of mentions against a gold one, by B-cubed (Bagga
// and Baldwin 1998) and MUC (Vilain et al. 1995), with counts of split and wrongly merged
// entities. Pure functions over two labellings of the same mentions.
#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace kg::eval {

struct PrecisionRecall {
  double precision = 0;
  double recall = 0;
  double f1() const {
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
  }
};

struct ResolutionScores {
  size_t mentions = 0;
  size_t gold_entities = 0;    // distinct gold cluster ids
  size_t system_entities = 0;  // distinct system cluster ids
  PrecisionRecall b_cubed;     // averaged over mentions; both 0 when there is no mention
  // Links kept / links needed. A side whose clusters are all singletons has no links: its ratio
  // (recall for gold, precision for system) is then 0.
  PrecisionRecall muc;
  size_t splits = 0;        // gold entities whose mentions are in more than one system cluster
  size_t wrong_merges = 0;  // system clusters holding mentions of more than one gold entity
};

// Scores mention i, in gold cluster gold[i], put by the system in cluster system[i]. Cluster ids
// are opaque strings, compared exactly; a mention the system left out should get an id of its
// own (a singleton). Precondition: gold.size() == system.size().
ResolutionScores score_resolution(std::span<const std::string> gold,
                                  std::span<const std::string> system);

}  // namespace kg::eval
