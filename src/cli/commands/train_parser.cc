// `kg train parser --train FILE -o MODEL`: trains the dependency parser on CoNLL-U trees. With
// --jackknife K the training words first get predicted tags from K taggers, each trained on the
// other folds, so that the parser learns from tags as imperfect as those it will see.
#include <chrono>
#include <cstdio>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/commands/commands.h"
#include "doc/conllu.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "train/train.h"

namespace kg::cli {
namespace {

struct TrainParserOptions {
  std::string train;
  std::string dev;
  std::string output;
  std::string perceptron_output;
  std::string perceptron_input;
  std::vector<std::string> test;
  std::string tagger;
  ParserTrainOptions parser;
  TrainParserOptions() { parser.jackknife.threads = 2; }
};

std::string score_line(const AttachmentScore& s) {
  char line[96];
  std::snprintf(line, sizeof line, "UAS %.2f  LAS %.2f  (%zu words)", s.uas(), s.las(), s.words);
  return line;
}

// Options of the data: training, dev and test files, the tagger for dev and test, the outputs.
void add_data_options(CLI::App& app, const std::shared_ptr<TrainParserOptions>& o) {
  app.add_option("--train", o->train, "Training CoNLL-U (e.g. en_ewt-ud-train.conllu)")->required();
  app.add_option("-o,--output", o->output, "Model file to write (e.g. models/parser.bin)")
      ->required();
  app.add_option("--perceptron-output", o->perceptron_output,
                 "Also write the model without its neural scorer (the same perceptron) here");
  app.add_option("--perceptron-input", o->perceptron_input,
                 "Take the perceptron from this model (an earlier --perceptron-output trained on "
                 "the same data and options) and train only the neural scorer")
      ->check(CLI::ExistingFile);
  app.add_option("--dev", o->dev, "Development CoNLL-U, scored after every epoch");
  app.add_option("--test", o->test, "Held-out CoNLL-U to score the saved model on (repeatable)");
  app.add_option("--tagger", o->tagger, "Tagger model that tags dev and test before parsing");
}

// Options of the jackknifed tags of the training words (TagJackknifeOptions).
void add_jackknife_options(CLI::App& app, const std::shared_ptr<TrainParserOptions>& o) {
  app.add_option("--jackknife", o->parser.jackknife.folds,
                 "Retag the training data with this many jackknifed taggers (0: keep its tags)")
      ->check(CLI::Range(0, 20))
      ->capture_default_str();
  app.add_option("--jackknife-epochs", o->parser.jackknife.epochs, "Epochs of each jackknife tagger")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_option("--jackknife-nn-epochs", o->parser.jackknife.nn_epochs,
                 "Epochs of the jackknife taggers' BiLSTM scorer (0: perceptron only; its epoch "
                 "and weight are picked on --dev)")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  app.add_option("--jackknife-nn-lstm", o->parser.jackknife.nn_lstm,
                 "BiLSTM units per direction of the jackknife taggers' scorer")
      ->check(CLI::Range(4, 256))
      ->capture_default_str();
  app.add_option("--threads", o->parser.jackknife.threads, "Threads for the jackknife taggers (same result)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
}

// Options of the perceptron and of training in general.
void add_perceptron_options(CLI::App& app, const std::shared_ptr<TrainParserOptions>& o) {
  app.add_option("--epochs", o->parser.epochs, "Training epochs")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_option("--max-weights", o->parser.max_weights,
                 "Weights kept in the model (the most useful ones; about 4-5 bytes each)")
      ->capture_default_str();
  app.add_option("--dev-budgets", o->parser.dev_budgets,
                 "Tuning aid: also print the dev scores of the final model with these weight "
                 "budgets instead of --max-weights");
  app.add_option("--seed", o->parser.seed, "Shuffling and exploration seed")->capture_default_str();
}

// Options of the neural scorer.
void add_nn_options(CLI::App& app, const std::shared_ptr<TrainParserOptions>& o) {
  app.add_option("--nn-epochs", o->parser.nn_epochs,
                 "Epochs of the neural scorer (BiLSTM) trained beside the perceptron on a second "
                 "thread and added to its scores (0: perceptron only)")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  app.add_option("--nn-lstm", o->parser.nn_lstm, "BiLSTM units per direction")
      ->check(CLI::Range(1, 512))
      ->capture_default_str();
  app.add_option("--nn-layers", o->parser.nn_layers,
                 "BiLSTM layers (2: a second BiLSTM over the first's outputs)")
      ->check(CLI::Range(1, 2))
      ->capture_default_str();
  app.add_option("--nn-hidden", o->parser.nn_hidden, "Hidden units of the neural scorer")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  app.add_option("--nn-average", o->parser.nn_average,
                 "Average the neural scorer's parameters over its last this many epochs")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_flag("--nn-last-epoch", [o](int64_t) { o->parser.nn_pick_epoch = false; },
               "Keep the neural scorer of the last epoch (default: dev picks it among the second "
               "half of the epochs and their means)");
  app.add_option("--nn-input-dropout", o->parser.nn_input_dropout,
                 "Dropout of the neural scorer's BiLSTM inputs in training")
      ->check(CLI::Range(0.0, 0.9))
      ->capture_default_str();
  app.add_option("--nn-tag-loss", o->parser.nn_tag_loss,
                 "Weight of the neural scorer's auxiliary loss in training: predict each word's "
                 "gold XPOS from the first BiLSTM layer (0: none)")
      ->check(CLI::Range(0.0, 10.0))
      ->capture_default_str();
  app.add_option("--nn-ap-scale", o->parser.nn_ap_scale,
                 "Weight of the perceptron's scores next to the neural scorer's (0: best on --dev)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--nn-skip-margin", o->parser.nn_skip_margin,
                 "Leave out the perceptron's scores when the neural scorer's best move leads by "
                 "more than this (0: never leave them out; -1: the smallest of 2, 3, 4 and 6 "
                 "within 0.1 UAS+LAS of the best on --dev)")
      ->check(CLI::Range(-1.0, 1000.0))
      ->capture_default_str();
}

// Reads the data, trains, saves and reports the saved model's scores.
Status run(const TrainParserOptions& o, Io& io) {
  auto start = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  KG_ASSIGN_OR_RETURN(auto train, read_conllu_file(o.train));
  std::unique_ptr<Tagger> tagger;
  if (!o.tagger.empty()) {
    KG_ASSIGN_OR_RETURN(tagger, Tagger::load(o.tagger));
  }
  auto read_eval = [&](const std::string& path) -> Result<std::vector<Sentence>> {
    KG_ASSIGN_OR_RETURN(auto gold, read_conllu_file(path));
    if (tagger) {
      for (auto& s : gold) tagger->tag(s);
    }
    return gold;
  };
  std::vector<Sentence> dev;
  if (!o.dev.empty()) {
    KG_ASSIGN_OR_RETURN(dev, read_eval(o.dev));
  }
  ParserTrainOptions options = o.parser;
  TagJackknifeOptions& jackknife = options.jackknife;
  std::vector<Sentence> gold_dev;
  if (jackknife.folds > 1 && jackknife.nn_epochs > 0) {
    if (o.dev.empty()) return Status::usage("--jackknife-nn-epochs needs --dev");
    KG_ASSIGN_OR_RETURN(gold_dev, read_conllu_file(o.dev));
    jackknife.dev = &gold_dev;
  }
  jackknife.on_tagged = [&io, folds = jackknife.folds](const TagAccuracy& a) {
    char line[96];
    std::snprintf(line, sizeof line, "jackknifed tags (%d folds): UPOS+XPOS %.2f%% right\n",
                  folds, a.pct(a.upos_xpos));
    io.out << line << std::flush;
  };
  if (!o.perceptron_input.empty()) {
    KG_ASSIGN_OR_RETURN(options.perceptron, Parser::load(o.perceptron_input));
  }
  options.log = [&io, &seconds](const std::string& line) {
    char t[32];
    std::snprintf(t, sizeof t, "  [%.0fs]", seconds());
    io.out << line << t << std::endl;
  };
  KG_ASSIGN_OR_RETURN(auto parser, train_parser(train, options, o.dev.empty() ? nullptr : &dev));
  KG_RETURN_IF_ERROR(parser->save(o.output));
  if (!o.perceptron_output.empty()) {
    auto perceptron = parser->without_neural_scorer();
    KG_RETURN_IF_ERROR(perceptron->save(o.perceptron_output));
    if (!dev.empty()) {
      io.out << "saved " << o.perceptron_output << " (perceptron only): dev "
             << score_line(score_parser(*perceptron, dev)) << '\n';
    }
  }
  auto load_start = std::chrono::steady_clock::now();
  KG_ASSIGN_OR_RETURN(auto saved, Parser::load(o.output));
  double load_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  io.out << "saved " << o.output << ": " << saved->feature_count() << " features, "
         << saved->weight_count() << " weights (loads in " << static_cast<int>(load_s * 1000)
         << " ms)\n";
  auto report = [&](const std::string& what, const std::string& path,
                    const std::vector<Sentence>& gold) {
    io.out << what << score_line(score_parser(*saved, gold)) << "  " << path << '\n';
  };
  if (!dev.empty()) report("dev   ", o.dev, dev);
  for (const auto& path : o.test) {
    KG_ASSIGN_OR_RETURN(auto test, read_eval(path));
    report("test  ", path, test);
  }
  return {};
}

}  // namespace

Action configure_train_parser(CLI::App& app) {
  auto o = std::make_shared<TrainParserOptions>();
  app.description(
      "Train the dependency parser (greedy arc-hybrid transitions, averaged perceptron plus an "
      "optional BiLSTM scorer, dynamic oracle with exploration) on CoNLL-U trees. Dev and test "
      "files are parsed with the tags "
      "of --tagger when given (predicted tags, as in use), else with their own.");
  add_data_options(app, o);
  add_jackknife_options(app, o);
  add_perceptron_options(app, o);
  add_nn_options(app, o);
  return [o](Io& io) { return run(*o, io); };
}

}  // namespace kg::cli
