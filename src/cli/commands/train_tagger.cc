// `kg train tagger --train FILE --dev FILE -o MODEL`: trains the POS tagger and lemmatizer on
// gold CoNLL-U, prints dev accuracy per epoch and, with --test, the saved model's held-out scores.
#include <chrono>
#include <cstdio>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/commands/commands.h"
#include "doc/conllu.h"
#include "tag/tagger.h"
#include "train/train.h"

namespace kg::cli {
namespace {

struct TrainTaggerOptions {
  std::string train;
  std::string dev;
  std::string output;
  std::vector<std::string> test;
  TaggerTrainOptions tagger;
};

std::string accuracy_line(const TagAccuracy& a) {
  char line[160];
  std::snprintf(line, sizeof line, "UPOS %.2f  XPOS %.2f  UPOS+XPOS %.2f  lemma %.2f  (%zu words)",
                a.pct(a.upos), a.pct(a.xpos), a.pct(a.upos_xpos), a.pct(a.lemma), a.words);
  return line;
}

}  // namespace

Action configure_train_tagger(CLI::App& app) {
  auto o = std::make_shared<TrainTaggerOptions>();
  app.description(
      "Train the POS tagger (averaged perceptron over combined UPOS+XPOS labels: a right-to-left "
      "pass, then a left-to-right pass that also sees the first pass's labels) and the "
      "lemmatizer on gold CoNLL-U. Each model keeps the epoch with the best dev UPOS accuracy. "
      "Optionally (--nn-epochs) a small BiLSTM scorer over word, prefix, suffix and shape "
      "embeddings adds its label scores to the last pass's.");
  app.add_option("--train", o->train, "Training CoNLL-U (e.g. en_ewt-ud-train.conllu)")
      ->required();
  app.add_option("--dev", o->dev, "Development CoNLL-U, for the per-epoch report and the epoch")
      ->required();
  app.add_option("-o,--output", o->output, "Model file to write (e.g. models/tagger.bin)")
      ->required();
  app.add_option("--test", o->test, "Held-out CoNLL-U to score the saved model on (repeatable)");
  app.add_option("--epochs", o->tagger.epochs, "Epochs per pass")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_option("--passes", o->tagger.passes, "1 (left to right) or 2 (right to left, then left "
                                                 "to right seeing the first pass's labels)")
      ->check(CLI::Range(1, 2))
      ->capture_default_str();
  app.add_option("--ensemble", o->tagger.ensemble,
                 "Models averaged per pass (trained with different shuffles)")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  app.add_option("--threads", o->tagger.threads,
                 "Threads for training the jackknife and ensemble models (same result)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_option("--seed", o->tagger.seed, "Shuffling seed")->capture_default_str();
  app.add_option("--nn-epochs", o->tagger.nn_epochs,
                 "Epochs of the optional BiLSTM scorer whose label scores are added to the last "
                 "pass's (0: none, a format version 1 model; else version 2). Its epoch (or a mean "
                 "of late epochs) and the perceptron's weight are chosen by dev UPOS+XPOS "
                 "accuracy. About 2 us per word when tagging with 32 units")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  app.add_option("--nn-lstm", o->tagger.nn_lstm, "BiLSTM scorer: units per direction")
      ->check(CLI::Range(4, 256))
      ->capture_default_str();
  app.add_option("--nn-word-dim", o->tagger.nn_word_dim, "BiLSTM scorer: word embedding size")
      ->check(CLI::Range(4, 256))
      ->capture_default_str();
  app.add_option("--nn-learning-rate", o->tagger.nn_learning_rate,
                 "BiLSTM scorer: Adagrad learning rate")
      ->check(CLI::Range(1e-4, 1.0))
      ->capture_default_str();
  app.add_option("--nn-dropout", o->tagger.nn_dropout,
                 "BiLSTM scorer: dropout on the BiLSTM outputs in training")
      ->check(CLI::Range(0.0, 0.9))
      ->capture_default_str();
  return [o](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(auto train, read_conllu_file(o->train, /*require_tree=*/false));
    KG_ASSIGN_OR_RETURN(auto dev, read_conllu_file(o->dev, /*require_tree=*/false));
    std::vector<std::vector<Sentence>> tests;
    for (const auto& path : o->test) {
      KG_ASSIGN_OR_RETURN(auto t, read_conllu_file(path, /*require_tree=*/false));
      tests.push_back(std::move(t));
    }
    TaggerTrainOptions options = o->tagger;
    options.on_epoch = [&io, o](const TaggerEpoch& e) {
      if (e.nn == 1) {
        io.out << "bilstm epoch " << e.epoch << "  dev " << accuracy_line(e.dev) << "  "
               << static_cast<int>(e.seconds) << "s" << std::endl;
        return;
      }
      if (e.nn == 2) {
        io.out << "chosen bilstm ";
        if (e.nn_mean_from > 0)
          io.out << "mean of epochs " << e.nn_mean_from << "-";
        else
          io.out << "epoch ";
        io.out << e.epoch << ", perceptron weight " << e.perceptron_weight << ": dev "
               << accuracy_line(e.dev) << std::endl;
        return;
      }
      char head[80];
      std::snprintf(head, sizeof head, "pass %d/%d model %d/%d epoch %2d  dev ", e.pass + 1,
                    o->tagger.passes, e.member + 1, o->tagger.ensemble, e.epoch);
      char tail[64];
      std::snprintf(tail, sizeof tail, "  train %.2f  %.0fs", e.train_upos_xpos, e.seconds);
      io.out << head << accuracy_line(e.dev) << tail << std::endl;
    };
    KG_ASSIGN_OR_RETURN(auto tagger, train_tagger(train, dev, options));
    KG_RETURN_IF_ERROR(tagger->save(o->output));
    auto start = std::chrono::steady_clock::now();
    KG_ASSIGN_OR_RETURN(auto saved, Tagger::load(o->output));
    double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    io.out << "saved " << o->output << ": " << saved->describe() << " (loads in "
           << static_cast<int>(load_s * 1000) << " ms)\n";
    io.out << "dev   " << accuracy_line(evaluate_tagger(*saved, dev)) << "  " << o->dev << '\n';
    for (size_t i = 0; i < tests.size(); ++i) {
      io.out << "test  " << accuracy_line(evaluate_tagger(*saved, tests[i])) << "  " << o->test[i]
             << '\n';
    }
    return {};
  };
}

}  // namespace kg::cli
