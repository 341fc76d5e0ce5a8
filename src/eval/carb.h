// The CaRB Open IE benchmark's default scoring (carb.py with the "binary lenient" matcher),
// reimplemented from the description in shared/data/README.md section 4: sentences aligned on a
// normalized key, every gold tuple compared with every system tuple by bag-of-words overlap per
// slot, per-sentence precision (greedy one-to-one) and recall (best match per gold tuple) at
// every confidence cut-off, then the optimal-F1 point and the area under the PR curve.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace kg::eval {

// One extraction: relation, arguments in order (arg1 first) and the system's confidence.
struct CarbTuple {
  std::string relation;
  std::vector<std::string> args;
  double confidence = 1.0;
};

// Extractions grouped by sentence text (as read, trimmed), in order of first appearance.
struct CarbExtractions {
  std::vector<std::pair<std::string, std::vector<CarbTuple>>> sentences;
  size_t tuples() const;
};

// Gold file: `sentence <TAB> relation <TAB> arg1 <TAB> arg2 ...` per line. Each line is trimmed
// (Python whitespace) before splitting; fields containing "C: " are dropped; the relation and
// arguments are trimmed; blank lines are skipped. Error (file:line) for a line with fewer than
// two fields.
Result<CarbExtractions> read_carb_gold(std::istream& in, const std::string& name);
Result<CarbExtractions> read_carb_gold_file(const std::string& path);

// System file: `sentence <TAB> confidence <TAB> relation <TAB> arg1 <TAB> arg2 ...` per line.
// Blank lines are skipped; each line is trimmed before splitting; fields are kept as they are.
// Error (file:line) for fewer than three fields or a confidence that is not a finite number.
Result<CarbExtractions> read_carb_system(std::istream& in, const std::string& name);
Result<CarbExtractions> read_carb_system_file(const std::string& path);

// The sentence alignment key: spaces removed, PTB bracket escapes (-LRB- ...) undone, ASCII
// punctuation removed.
std::string carb_sentence_key(std::string_view sentence);

// The (precision, recall) of a system tuple against a gold tuple under the default binary
// lenient matcher, including the "be" rule and the swap for said-type gold relations. A gold
// arg1 or arg2 slot that the system tuple lacks scores (0, 0); a system arg2 against a one-slot
// gold tuple is not looked at.
std::pair<double, double> carb_match(const CarbTuple& gold, const CarbTuple& system);

// One cut-off: the system tuples with confidence >= `confidence`.
struct CarbPoint {
  double confidence = 0;
  double precision = 0;
  double recall = 0;
};

struct CarbScores {
  // As carb.py reports them, rounded to 3 decimals. With no system tuple: all 0.
  double auc = 0;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  double optimal_confidence = 0;  // the cut-off of the optimal point (unrounded)
  std::vector<CarbPoint> curve;   // every cut-off, ascending confidence, unrounded
  size_t gold_sentences = 0;      // distinct sentence keys in the gold
  size_t gold_tuples = 0;
  size_t system_tuples = 0;         // all system tuples read
  size_t system_tuples_scored = 0;  // those whose sentence has gold tuples
};

// Scores `system` against `gold`. Only gold sentences are scored: system tuples of other
// sentences count nowhere (but their confidences still are cut-offs).
Result<CarbScores> carb_score(const CarbExtractions& gold, const CarbExtractions& system);

}  // namespace kg::eval
