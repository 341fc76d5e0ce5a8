// EntityTagger: loading, saving and tagging.
#include "ner/entity_tagger.h"

#include "ner/model.h"

namespace kg {

EntityTagger::EntityTagger(std::unique_ptr<ner::Model> model) : model_(std::move(model)) {}
EntityTagger::~EntityTagger() = default;

Result<std::unique_ptr<EntityTagger>> EntityTagger::load(const std::string& path) {
  KG_ASSIGN_OR_RETURN(BinaryReader reader,
                      BinaryReader::open(path, ner::kImplementation, ner::kModelVersion));
  KG_ASSIGN_OR_RETURN(ner::Model model, ner::Model::read(reader, path));
  return std::unique_ptr<EntityTagger>(
      new EntityTagger(std::make_unique<ner::Model>(std::move(model))));
}

void EntityTagger::tag(Sentence& s) const {
  if (s.tokens.empty()) return;
  ner::SentenceFeatures features(s, model_->use_pos);
  std::vector<int> ids;
  model_->decode(features, ids);
  for (size_t i = 0; i < s.tokens.size(); ++i) s.tokens[i].entity = model_->labels()[ids[i]];
}

Status EntityTagger::save(const std::string& path) const {
  BinaryWriter w(ner::kImplementation, ner::kModelVersion);
  model_->write(w);
  return w.save(path);
}

const std::vector<std::string>& EntityTagger::labels() const { return model_->labels(); }

size_t EntityTagger::feature_count() const { return model_->index.size(); }

}  // namespace kg
