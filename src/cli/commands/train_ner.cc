// `kg train ner --train FILE --dev FILE -o MODEL [--test FILE]`: trains the entity tagger on
// UniversalNER IOB2 files, picks the epoch on dev and reports entity P/R/F1 (and, with --test,
// the held-out scores of the saved model).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <ostream>

#include "cli/commands/commands.h"
#include "ner/entity_tagger.h"
#include "train/train.h"

namespace kg::cli {
namespace {

struct TrainNerOptions {
  std::string train;
  std::string dev;
  std::string test;
  std::string output;
  int epochs = 20;
  int patience = 4;
  int min_count = 1;
  uint64_t seed = 1;
  bool greedy = false;
};

std::string score_lines(const std::string& name, const EntityScores& s) {
  std::string out;
  char line[200];
  auto add = [&](const std::string& type, const PrfCounts& c) {
    std::snprintf(line, sizeof line,
                  "%-5s %-7s P %.4f  R %.4f  F1 %.4f  (gold %zu, predicted %zu)\n", name.c_str(),
                  type.c_str(), c.precision(), c.recall(), c.f1(), c.gold, c.predicted);
    out += line;
  };
  for (const auto& [type, counts] : s.by_type) add(type, counts);
  add("overall", s.overall);
  return out;
}

}  // namespace

Action configure_train_ner(CLI::App& app) {
  auto opts = std::make_shared<TrainNerOptions>();
  app.description(
      "Train the named-entity tagger (averaged perceptron over IOB2 PER/ORG/LOC) on UniversalNER "
      "files; the epoch is chosen by entity F1 on --dev.");
  app.add_option("--train", opts->train, "Training IOB2 file (the 2022 draft format is accepted)")
      ->required();
  app.add_option("--dev", opts->dev, "Dev IOB2 file, for choosing the epoch")->required();
  app.add_option("-o,--output", opts->output, "Where to write the model")->required();
  app.add_option("--test", opts->test, "Held-out IOB2 file to report on after training");
  app.add_option("--epochs", opts->epochs, "Maximum number of epochs")->check(CLI::Range(1, 100));
  app.add_option("--patience", opts->patience,
                 "Stop after this many epochs without a better dev F1")
      ->check(CLI::Range(1, 100));
  app.add_option("--min-count", opts->min_count, "Drop features seen fewer times in training")
      ->check(CLI::Range(1, 1000));
  app.add_option("--seed", opts->seed, "Shuffling seed");
  app.add_flag("--greedy", opts->greedy, "Greedy decoding instead of Viterbi");
  return [opts](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(std::vector<Sentence> train, read_iob2_file(opts->train));
    KG_ASSIGN_OR_RETURN(std::vector<Sentence> dev, read_iob2_file(opts->dev));
    std::vector<Sentence> test;
    if (!opts->test.empty()) {
      KG_ASSIGN_OR_RETURN(test, read_iob2_file(opts->test));
    }
    EntityTrainOptions options;
    options.max_epochs = opts->epochs;
    options.patience = opts->patience;
    options.min_feature_count = opts->min_count;
    options.seed = opts->seed;
    options.viterbi = !opts->greedy;
    options.log = [&io](const std::string& line) { io.err << line << std::endl; };
    io.err << "training on " << train.size() << " sentences, dev " << dev.size() << std::endl;
    KG_ASSIGN_OR_RETURN(EntityTrainResult result, train_entity_tagger(train, dev, options));
    KG_RETURN_IF_ERROR(result.tagger->save(opts->output));
    // Report with the model as saved, read back from disk.
    KG_ASSIGN_OR_RETURN(std::unique_ptr<EntityTagger> saved, EntityTagger::load(opts->output));
    std::error_code ec;
    auto bytes = std::filesystem::file_size(opts->output, ec);
    io.out << "model " << opts->output << ": " << (ec ? 0 : bytes) << " bytes, "
           << saved->feature_count() << " features, best epoch " << result.best_epoch << " of "
           << result.epochs_run << "\n";
    auto report = [&](const std::string& name, const std::vector<Sentence>& gold) -> Status {
      std::vector<Sentence> tagged = gold;
      size_t words = 0;
      auto start = std::chrono::steady_clock::now();
      for (Sentence& s : tagged) {
        saved->tag(s);
        words += s.tokens.size();
      }
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      KG_ASSIGN_OR_RETURN(EntityScores scores, score_entities(gold, tagged));
      io.out << score_lines(name, scores);
      char line[120];
      std::snprintf(line, sizeof line, "%-5s speed   %.0f words/s (%zu words, one thread)\n",
                    name.c_str(), secs > 0 ? words / secs : 0.0, words);
      io.out << line;
      return {};
    };
    KG_RETURN_IF_ERROR(report("dev", dev));
    if (!test.empty()) KG_RETURN_IF_ERROR(report("test", test));
    return {};
  };
}

}  // namespace kg::cli
