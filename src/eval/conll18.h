// The CoNLL 2018 shared-task evaluation (conll18_ud_eval.py) for UD CoNLL-U files: system and gold
// tokens are aligned on their characters (whitespace removed), words inside multiword tokens by
// the longest common subsequence of their forms, and every metric is precision / recall / F1.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kg::eval {

// One metric: counts and the ratios computed from them as the official script does.
struct Score {
  size_t gold_total = 0;
  size_t system_total = 0;
  size_t correct = 0;
  std::optional<size_t> aligned_total;  // words aligned (tag and tree metrics only)

  double precision() const { return system_total ? double(correct) / system_total : 0.0; }
  double recall() const { return gold_total ? double(correct) / gold_total : 0.0; }
  double f1() const {
    return system_total + gold_total ? 2.0 * correct / double(system_total + gold_total) : 0.0;
  }
  // correct / aligned words, only for metrics that have aligned_total.
  std::optional<double> aligned_accuracy() const {
    if (!aligned_total) return std::nullopt;
    return *aligned_total ? double(correct) / *aligned_total : 0.0;
  }
};

struct NamedScore {
  std::string metric;
  Score score;
};

// All metrics in the official order: Tokens, Sentences, Words, UPOS, XPOS, UFeats, AllTags,
// Lemmas, UAS, LAS, CLAS, MLAS, BLEX.
struct Conll18Result {
  std::vector<NamedScore> metrics;
  // The named metric; precondition: it exists.
  const Score& operator[](std::string_view metric) const;
};

// Scores `system` against `gold`, both CoNLL-U text; the names are used in error messages.
// Differences from conll18_ud_eval.py, all for unparsed system output: HEAD may be "_" (then the
// word has no parent and never counts for UAS/LAS; tree checks are skipped for that sentence).
// Case-insensitive form comparison lowercases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
// Errors (kInvalidInput): malformed lines, cycles, several roots, or different underlying
// characters ("the concatenation of tokens in gold file and in system file differ ..."), naming
// the file and line where possible.
Result<Conll18Result> evaluate_conll18(std::string_view gold, std::string_view gold_name,
                                       std::string_view system, std::string_view system_name);

// Reads both files and scores them.
Result<Conll18Result> evaluate_conll18_files(const std::string& gold_path,
                                             const std::string& system_path);

// The official script's verbose table ("Metric | Precision | Recall | F1 Score | AligndAcc");
// with `counts` the raw counts instead of percentages, as its --counts option.
void print_conll18_table(std::ostream& out, const Conll18Result& result, bool counts = false);

}  // namespace kg::eval
