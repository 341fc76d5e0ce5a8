// The one data model for text: Document -> Sentence -> Token. Every NLP stage reads and fills it in
// (the tokenizer creates tokens, the tagger sets upos/xpos/lemma, the parser head/deprel, the entity
// tagger `entity`). Plain values; no stage shares anything else with another.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kg {

// One syntactic word. Offsets are byte offsets into Document::text ([start, end)); words that are
// parts of a multiword token ("do" + "n't" of "don't") share that token's offsets.
struct Token {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string feats;     // CoNLL-U FEATS, "_" or empty when unknown
  int head = -1;         // 0 = root, 1..n = index of the head word (1-based, as in CoNLL-U); -1 unset
  std::string deprel;
  std::string deps;      // CoNLL-U DEPS, kept verbatim
  std::string misc;      // CoNLL-U MISC without SpaceAfter (see space_after)
  std::string entity;    // IOB2 entity tag from the NER stage ("B-PER", "I-ORG", "O"), empty if unset
  size_t start = 0;
  size_t end = 0;
  bool space_after = true;
};

// A surface token that covers several words, e.g. "don't" covering words 3..4 (1-based, inclusive).
struct MultiwordToken {
  int first = 0;
  int last = 0;
  std::string form;
  std::string misc;
  bool space_after = true;
};

// A CoNLL-U empty node line ("8.1 ..."), kept verbatim so that CoNLL-U round-trips.
struct EmptyNode {
  int after = 0;        // the word it follows
  std::string line;     // the full line
};

struct Sentence {
  std::string id;                        // "# sent_id", may be empty
  std::string text;                      // "# text", or the document text of [start, end)
  std::vector<std::string> comments;     // other comment lines, verbatim, without the leading "# "
  std::vector<Token> tokens;             // syntactic words in order
  std::vector<MultiwordToken> multiwords;
  std::vector<EmptyNode> empty_nodes;
  size_t start = 0;                      // byte offsets into Document::text
  size_t end = 0;
};

struct Document {
  std::string id;
  std::string title;
  std::string url;
  std::string date;
  std::string text;                      // UTF-8, the whole document (title included if any)
  std::vector<Sentence> sentences;
  std::string source;                    // where it was read from ("file.jsonl:12"), for messages
};

}  // namespace kg
