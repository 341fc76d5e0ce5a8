// One configure_<name> per subcommand file in this folder.
#pragma once

#include <charconv>
#include <string>
#include <system_error>

#include "cli/command.h"
#include "common/dates.h"

namespace kg::cli {

// A CLI11 check for --since/--until: "" when `s` is a date YYYY-MM-DD, else what is wrong.
inline std::string check_iso_date(const std::string& s) {
  return is_iso_date(s) ? std::string() : "expected a date YYYY-MM-DD, got '" + s + "'";
}

// A CLI11 check for --min-confidence: "" when `s` is a number in [0, 1], else what is wrong.
inline std::string check_confidence(const std::string& s) {
  double x = -1;
  const char* end = s.data() + s.size();
  auto [stop, ec] = std::from_chars(s.data(), end, x);
  if (ec == std::errc() && stop == end && x >= 0 && x <= 1) return {};
  return "expected a number in [0, 1], got '" + s + "'";
}

// Adds --min-confidence X (kg neighbors, kg export, kg render), bound to `min_confidence`.
inline void add_min_confidence_option(CLI::App& app, double& min_confidence) {
  app.add_option("--min-confidence", min_confidence,
                 "Only facts extracted with a confidence of at least X (0..1): an edge counts "
                 "those and is left out without any")
      ->type_name("X")
      ->check(check_confidence);
}

Action configure_version(CLI::App& app);
Action configure_neighbors(CLI::App& app);
Action configure_path(CLI::App& app);
Action configure_export(CLI::App& app);
Action configure_render(CLI::App& app);
// `kg train <model>`: its trainers are sub-subcommands (table in train.cc).
Action configure_train(CLI::App& app);
// Configures `kg train tagger` (train_tagger.cc).
Action configure_train_tagger(CLI::App& app);
Action configure_tag(CLI::App& app);
Action configure_carb(CLI::App& app);
Action configure_extract(CLI::App& app);
Action configure_build(CLI::App& app);
Action configure_parse(CLI::App& app);
Action configure_ingest(CLI::App& app);
Action configure_remove(CLI::App& app);
Action configure_merge(CLI::App& app);
Action configure_rename(CLI::App& app);
Action configure_split(CLI::App& app);
Action configure_stats(CLI::App& app);
Action configure_entities(CLI::App& app);
Action configure_docs(CLI::App& app);
Action configure_relations(CLI::App& app);
Action configure_match(CLI::App& app);
// Configures `kg train parser` (train_parser.cc); the `train` command adds it as "parser".
Action configure_train_parser(CLI::App& app);
// Configures `kg train ner` (train_ner.cc); the `train` command adds it as its "ner" subcommand.
Action configure_train_ner(CLI::App& app);
Action configure_evaluate(CLI::App& app);
// Configures `kg train tokenizer` (train_tokenizer.cc); the `train` command adds it as "tokenizer".
Action configure_train_tokenizer(CLI::App& app);

}  // namespace kg::cli
