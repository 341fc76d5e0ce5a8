// `kg carb GOLD.tsv SYSTEM.tsv [--json] [--curve FILE]`: CaRB scores of an Open IE output.
#include "eval/carb.h"

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli/commands/commands.h"

namespace kg::cli {
namespace {

struct CarbOptions {
  std::string gold;
  std::string system;
  bool json = false;
  std::string curve;
};

std::string fixed3(double x) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(3) << x;
  return s.str();
}

void print_text(std::ostream& out, const eval::CarbScores& s) {
  out << "gold: " << s.gold_sentences << " sentences, " << s.gold_tuples << " tuples\n"
      << "system: " << s.system_tuples << " tuples (" << s.system_tuples_scored
      << " on gold sentences), " << s.curve.size() << " confidence cut-offs\n"
      << "AUC: " << fixed3(s.auc) << "\n"
      << "Optimal (precision, recall, F1): (" << fixed3(s.precision) << ", " << fixed3(s.recall)
      << ", " << fixed3(s.f1) << ") at confidence >= " << s.optimal_confidence << "\n";
}

void print_json(std::ostream& out, const eval::CarbScores& s) {
  nlohmann::json j = {{"auc", s.auc},
                      {"precision", s.precision},
                      {"recall", s.recall},
                      {"f1", s.f1},
                      {"optimal_confidence", s.optimal_confidence},
                      {"gold_sentences", s.gold_sentences},
                      {"gold_tuples", s.gold_tuples},
                      {"system_tuples", s.system_tuples},
                      {"system_tuples_scored", s.system_tuples_scored},
                      {"cutoffs", s.curve.size()}};
  out << j.dump() << '\n';
}

// The PR curve as carb.py writes its --out file: one line per cut-off, sorted by recall.
Status write_curve(const std::string& path, const eval::CarbScores& s) {
  std::vector<eval::CarbPoint> points = s.curve;
  std::stable_sort(points.begin(), points.end(),
                   [](const auto& a, const auto& b) { return a.recall < b.recall; });
  std::ofstream out(path);
  if (!out) return Status::io("cannot write " + path);
  out << "Precision\tRecall\tConfidence\n" << std::setprecision(17);
  for (const auto& p : points)
    out << p.precision << '\t' << p.recall << '\t' << p.confidence << '\n';
  if (!out) return Status::io("cannot write " + path);
  return {};
}

}  // namespace

Action configure_carb(CLI::App& app) {
  auto opts = std::make_shared<CarbOptions>();
  app.description(
      "Score Open IE extractions against CaRB gold tuples with the benchmark's default matcher "
      "(binary lenient): optimal precision, recall and F1 over the confidence cut-offs, and AUC.");
  app.add_option("gold", opts->gold,
                 "CaRB gold: sentence<TAB>relation<TAB>arg1<TAB>arg2... (oie/carb/gold/dev.tsv)")
      ->required();
  app.add_option("system", opts->system,
                 "System output: sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2... "
                 "(what `kg extract --format carb` writes)")
      ->required();
  app.add_flag("--json", opts->json, "Print the scores as one JSON object");
  app.add_option("--curve", opts->curve, "Also write the precision-recall curve to this file");
  return [opts](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(eval::CarbExtractions gold, eval::read_carb_gold_file(opts->gold));
    KG_ASSIGN_OR_RETURN(eval::CarbExtractions system, eval::read_carb_system_file(opts->system));
    if (gold.sentences.empty()) return Status::invalid(opts->gold + ": no gold tuples");
    KG_ASSIGN_OR_RETURN(eval::CarbScores scores, eval::carb_score(gold, system));
    if (!opts->curve.empty()) KG_RETURN_IF_ERROR(write_curve(opts->curve, scores));
    if (opts->json) {
      print_json(io.out, scores);
    } else {
      print_text(io.out, scores);
    }
    return {};
  };
}

}  // namespace kg::cli
