// One document from text to facts (DocumentProcessor), and what identifies its content.
#include <chrono>
#include <iomanip>
#include <sstream>

#include "common/hash.h"
#include "pipeline/pipeline.h"

namespace kg {

std::string content_hash(const Document& d) {
  std::string key = std::string(Extractor::kVersion) + '\0' + d.id + '\0' + d.title + '\0' + d.url +
                    '\0' + d.date + '\0' + d.text;
  std::ostringstream s;
  s << std::hex << std::setw(16) << std::setfill('0') << hash64(key);
  return s.str();
}

bool over_name_limit(const Triple& t) {
  for (const std::string* s :
       {&t.subject, &t.object, &t.relation, &t.subject_text, &t.object_text}) {
    if (s->size() > kMaxNameBytes) return true;
  }
  return false;
}

Result<std::unique_ptr<DocumentProcessor>> DocumentProcessor::load(
    const ProcessorOptions& options) {
  std::unique_ptr<DocumentProcessor> p(new DocumentProcessor());
  const std::string models =
      options.models_dir.empty() ? Annotator::default_models_dir() : options.models_dir;
  KG_ASSIGN_OR_RETURN(p->annotator_, Annotator::load(models));
  KG_ASSIGN_OR_RETURN(p->extractor_, Extractor::create(options.extractor));
  return p;
}

DocumentProcessor::~DocumentProcessor() = default;

ProcessedDocument DocumentProcessor::process(Document doc) const {
  std::string hash = content_hash(doc);
  return process(std::move(doc), std::move(hash));
}

ProcessedDocument DocumentProcessor::process(Document doc, std::string hash) const {
  ProcessedDocument r;
  r.source = doc.source.empty() ? doc.id : doc.source;
  r.facts.id = doc.id;
  r.facts.title = doc.title;
  r.facts.url = doc.url;
  r.facts.date = doc.date;
  r.facts.content_hash = std::move(hash);
  annotator_->annotate(doc);
  r.sentences = doc.sentences.size();
  for (const Sentence& s : doc.sentences) r.words += s.tokens.size();
  const auto t0 = std::chrono::steady_clock::now();
  auto triples = extractor_->extract(doc, &r.facts.mentions);
  r.extract_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (triples.ok()) {
    r.facts.triples = std::move(triples).value();
    r.over_limit = std::erase_if(r.facts.triples, over_name_limit);
    std::erase_if(r.facts.mentions, [](const EntityMention& m) {
      return m.entity.size() > kMaxNameBytes || m.text.size() > kMaxNameBytes;
    });
  } else {
    r.error = triples.status();
  }
  r.document = std::move(doc);
  return r;
}

}  // namespace kg
