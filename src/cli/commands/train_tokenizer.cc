// `kg train tokenizer --train FILE --dev FILE -o MODEL`: trains the sentence boundary model of
// the tokenizer on gold UD CoNLL-U (raw text rebuilt from # newdoc, # newpar and # text) and
// reports the dev boundary F1 per epoch.
#include <chrono>
#include <memory>
#include <ostream>

#include "cli/commands/commands.h"
#include "doc/conllu.h"
#include "text/tokenizer.h"
#include "train/train.h"

namespace kg::cli {
namespace {

struct TrainTokenizerOptions {
  std::string train;
  std::string dev;
  std::string output;
  int epochs = 12;
  uint64_t seed = 1;
};

}  // namespace

Action configure_train_tokenizer(CLI::App& app) {
  auto o = std::make_shared<TrainTokenizerOptions>();
  app.description(
      "Train the tokenizer's sentence boundary model (averaged perceptron) on UD CoNLL-U files. "
      "The raw text is rebuilt from the gold documents; dev picks the epoch and the threshold.");
  app.add_option("--train", o->train, "Training CoNLL-U (e.g. en_ewt-ud-train.conllu)")
      ->required();
  app.add_option("--dev", o->dev, "Development CoNLL-U (e.g. en_ewt-ud-dev.conllu)")->required();
  app.add_option("-o,--output", o->output, "Model file to write (e.g. models/tokenizer.kgm)")
      ->required();
  app.add_option("--epochs", o->epochs, "Training epochs")->capture_default_str();
  app.add_option("--seed", o->seed, "Shuffling seed")->capture_default_str();
  return [o](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(auto train, read_conllu_file(o->train, /*require_tree=*/false));
    KG_ASSIGN_OR_RETURN(auto dev, read_conllu_file(o->dev, /*require_tree=*/false));
    TokenizerTrainOptions options;
    options.epochs = o->epochs;
    options.seed = o->seed;
    auto start = std::chrono::steady_clock::now();
    options.on_epoch = [&](int epoch, double f1) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      io.err << "epoch " << epoch << ": dev sentence boundary F1 " << f1 << " (" << secs
             << " s)\n";
    };
    KG_ASSIGN_OR_RETURN(Tokenizer tokenizer, train_tokenizer(train, dev, options));
    KG_RETURN_IF_ERROR(tokenizer.save(o->output));
    io.out << "wrote " << o->output << ": " << tokenizer.describe() << '\n';
    return {};
  };
}

}  // namespace kg::cli
