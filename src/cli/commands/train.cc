// `kg train <model> ...`: trains one of kg's models. Each model's trainer is a sub-subcommand in
// the table below, configured in its own file (train_<model>.cc).
#include <memory>
#include <utility>
#include <vector>

#include "cli/commands/commands.h"

namespace kg::cli {
namespace {

struct Trainer {
  const char* name;
  const char* summary;
  Action (*configure)(CLI::App& app);
};

// Add a trainer: write train_<model>.cc defining configure_train_<model>, declare it in
// commands.h and add one row here.
constexpr Trainer kTrainers[] = {
    {"tokenizer", "Train the tokenizer's sentence boundary model", configure_train_tokenizer},
    {"tagger", "Train the POS tagger and lemmatizer", configure_train_tagger},
    {"parser", "Train the dependency parser", configure_train_parser},
    {"ner", "Train the named-entity tagger", configure_train_ner},
};

}  // namespace

Action configure_train(CLI::App& app) {
  app.description("Train a model from treebank files (see `kg train <model> --help`).");
  app.require_subcommand(1);
  auto actions = std::make_shared<std::vector<std::pair<CLI::App*, Action>>>();
  for (const Trainer& t : kTrainers) {
    CLI::App* sub = app.add_subcommand(t.name, t.summary);
    actions->emplace_back(sub, t.configure(*sub));
  }
  return [actions](Io& io) -> Status {
    for (auto& [sub, action] : *actions)
      if (sub->parsed()) return action(io);
    return Status::usage("name the model to train, e.g. kg train tagger --help");
  };
}

}  // namespace kg::cli
