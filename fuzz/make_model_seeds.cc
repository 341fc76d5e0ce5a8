// Writes tiny but complete tagger, parser and entity tagger models (trained for a moment on a test
// file) into a folder, as seeds for fuzz_model_load: the shipped models are too large to mutate.
//   make_model_seeds <parsed.conllu> <out-dir>
#include <cstdio>
#include <string>
#include <vector>

#include "doc/conllu.h"
#include "ner/entity_tagger.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "train/train.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_model_seeds <parsed.conllu> <out-dir>\n");
    return 2;
  }
  auto sentences = kg::read_conllu_file(argv[1]);
  if (!sentences.ok()) {
    std::fprintf(stderr, "%s\n", sentences.status().message().c_str());
    return 1;
  }
  std::string out = argv[2];
  std::vector<kg::Sentence> train = *sentences;
  for (kg::Sentence& s : train) {
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      bool name = s.tokens[i].upos == "PROPN";
      bool inside = name && i > 0 && s.tokens[i - 1].upos == "PROPN";
      s.tokens[i].entity = name ? (inside ? "I-PER" : "B-PER") : "O";
    }
  }
  kg::TaggerTrainOptions tag_options;
  tag_options.epochs = 2;
  tag_options.passes = 1;
  tag_options.ensemble = 1;
  auto tagger = kg::train_tagger(train, {}, tag_options);
  kg::ParserTrainOptions parse_options;
  parse_options.epochs = 2;
  parse_options.max_weights = 10000;
  auto parser = kg::train_parser(train, parse_options);
  // The same with a tiny neural scorer (its own section of the parser file).
  parse_options.nn_epochs = 1;
  parse_options.nn_lstm = 4;
  parse_options.nn_hidden = 8;
  auto parser_nn = kg::train_parser(train, parse_options);
  kg::EntityTrainOptions ner_options;
  ner_options.max_epochs = 2;
  auto ner = kg::train_entity_tagger(train, train, ner_options);
  kg::Status st;
  if (!tagger.ok())
    st = tagger.status();
  else if (!parser.ok())
    st = parser.status();
  else if (!parser_nn.ok())
    st = parser_nn.status();
  else if (!ner.ok())
    st = ner.status();
  if (st.ok()) st = (*tagger)->save(out + "/tagger.bin");
  if (st.ok()) st = (*parser)->save(out + "/parser.bin");
  if (st.ok()) st = (*parser_nn)->save(out + "/parser-nn.bin");
  if (st.ok()) st = ner->tagger->save(out + "/ner.bin");
  if (!st.ok()) {
    std::fprintf(stderr, "%s\n", st.message().c_str());
    return 1;
  }
  return 0;
}
