// The extractor: per sentence propositions, per document mentions and resolution, then triples.
#include "extract/extractor.h"

#include "extract/dep_tree.h"
#include "extract/document_extraction.h"
#include "extract/nary.h"
#include "extract/proposition.h"
#include "extract/repair.h"

namespace kg {

using extract::DepTree;
using extract::Proposition;

Result<std::unique_ptr<Extractor>> Extractor::create(const ExtractorOptions& options) {
  if (options.min_confidence < 0 || options.min_confidence > 1) {
    return Status::invalid("min_confidence must be in [0, 1]");
  }
  return std::unique_ptr<Extractor>(new Extractor(options));
}

Result<std::vector<NaryExtraction>> Extractor::extract_nary(const Sentence& sentence) const {
  KG_RETURN_IF_ERROR(
      extract::check_parsed(sentence, "sentence \"" + sentence.text.substr(0, 40) + "\""));
  Sentence repaired;
  const bool fixed = extract::repair_parse(sentence, &repaired);
  DepTree t(fixed ? repaired : sentence);
  std::vector<Proposition> props = extract::extract_propositions(t);
  std::vector<NaryExtraction> out = extract::render_nary(t, props);
  std::vector<NaryExtraction> kept;
  for (NaryExtraction& e : out) {
    if (e.confidence >= options_.min_confidence) kept.push_back(std::move(e));
  }
  return kept;
}

Result<std::vector<Triple>> Extractor::extract(const Document& doc,
                                               std::vector<EntityMention>* mentions) const {
  extract::DocumentExtraction steps(doc, options_);
  KG_RETURN_IF_ERROR(steps.collect_mentions());
  steps.resolve();
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    steps.emit_facts(si);
    if (options_.title_facts) steps.emit_titles(si);
  }
  if (mentions != nullptr) *mentions = steps.named_mentions();
  return steps.take_triples();
}

}  // namespace kg
