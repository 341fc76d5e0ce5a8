// Raw text rebuilt from a gold CoNLL-U file, the way the CoNLL 2018 shared task builds its input:
// for evaluating tokenization and sentence splitting from plain text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "doc/document.h"

namespace kg::eval {

struct GoldText {
  // One Document per "# newdoc" (or one for the whole file when there is none): id from
  // "newdoc id = ...", text = the sentences' "# text" joined by one space within a paragraph
  // ("# newpar") and by a blank line between paragraphs. Sentences are left empty.
  std::vector<Document> documents;
  // The gold CoNLL-U of exactly those documents (comment and token lines verbatim).
  std::string conllu;
  size_t sentences = 0;
};

// Splits `conllu` into documents and keeps those whose id contains `doc_filter` (all when empty).
// A sentence without "# text" gets its text from its forms and SpaceAfter=No. `name` is used in
// error messages. Errors: a malformed token line (kInvalidInput).
Result<GoldText> gold_text_from_conllu(std::string_view conllu, std::string_view name,
                                       std::string_view doc_filter = {});

}  // namespace kg::eval
