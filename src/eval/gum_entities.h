// Gold entity mentions from a GUM CoNLL-U file (the `Entity=` MISC annotation of GUM 9 and later:
// coreference chains with entity types and Wikipedia identities), with the documents' raw text.
// For evaluating entity resolution; GUM is CC BY-NC-SA, so what is read here is only ever held in
// memory or written to temporary files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "doc/document.h"

namespace kg::eval {

// One bracketed mention: words [first, last] of one sentence (0-based word indexes).
struct GoldMention {
  size_t doc = 0;       // index into GoldEntities::documents
  size_t sentence = 0;  // index into that document's sentences
  size_t first = 0;
  size_t last = 0;
  size_t head = 0;       // phrase_head of the words: the syntactic head
  std::string text;      // the words' forms, spaced as in the text
  std::string type;      // GUM entity type: person, place, organization, abstract, time, ...
  std::string chain;     // coreference chain id, unique within the document
  std::string identity;  // Wikipedia identity ("Lord_Byron"), empty when none
  bool named = false;    // head word is a PROPN and the type is not `time`
};

struct GoldEntities {
  // One per "# newdoc": text = the sentences' "# text" joined by a space within a paragraph and a
  // blank line between paragraphs ("# newpar"), as gold_text_from_conllu does; every sentence's
  // start/end and every word's start/end are byte offsets into that text.
  std::vector<Document> documents;
  std::vector<GoldMention> mentions;  // in document order, by first word, outer mentions first
};

// The word of words [first, last] of `s` highest in its tree (fewest arcs to the root) among
// those whose head is outside the range; the first of equals. Precondition: first <= last < size.
size_t phrase_head(const Sentence& s, size_t first, size_t last);

// Reads every document of `conllu`; `name` is used in error messages. The Entity field layout is
// taken from "# global.Entity = GRP-etype-...-identity" (this layout when absent). Errors
// (kInvalidInput, naming the sentence): malformed CoNLL-U, a "# text" that is not the words and
// their spacing, an unbalanced or malformed Entity annotation.
Result<GoldEntities> read_gold_entities(std::string_view conllu, std::string_view name);

}  // namespace kg::eval
