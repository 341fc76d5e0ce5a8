// Loads the tokenizer, tagger, parser and entity tagger models and runs them in order.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "ner/entity_tagger.h"
#include "parse/parser.h"
#include "pipeline/pipeline.h"
#include "tag/tagger.h"
#include "text/tokenizer.h"

namespace kg {

Annotator::Annotator() = default;
Annotator::~Annotator() = default;

std::string Annotator::default_models_dir() {
  if (const char* env = std::getenv("KG_MODELS"); env != nullptr && *env != '\0') return env;
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) {
    buf[n] = '\0';
    const std::filesystem::path bin = std::filesystem::path(buf).parent_path();
    // The build tree (build/bin/kg -> models/), then an installed tree (bin/kg -> share/kg/models).
    for (const std::filesystem::path& dir :
         {bin / ".." / ".." / "models", bin / ".." / "share" / "kg" / "models"}) {
      std::error_code ec;
      if (std::filesystem::exists(dir / kParserFile, ec)) {
        return std::filesystem::weakly_canonical(dir, ec).string();
      }
    }
  }
  return "models";
}

Result<std::unique_ptr<Annotator>> Annotator::load(const std::string& models_dir) {
  namespace fs = std::filesystem;
  std::unique_ptr<Annotator> a(new Annotator());
  const fs::path dir(models_dir);
  auto need = [&](const char* file) -> Result<std::string> {
    fs::path p = dir / file;
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      return Status::not_found("model file " + p.string() +
                               " not found (train the models or pass --models DIR)");
    }
    return p.string();
  };
  KG_ASSIGN_OR_RETURN(std::string tag_path, need(kTaggerFile));
  KG_ASSIGN_OR_RETURN(std::string parse_path, need(kParserFile));
  std::error_code ec;
  const fs::path tok_path = dir / Tokenizer::kModelFileName;
  if (fs::exists(tok_path, ec)) {
    auto t = Tokenizer::load(tok_path.string());
    if (!t.ok()) return t.status();
    a->tokenizer_ = std::make_unique<Tokenizer>(std::move(t).value());
  } else {
    a->tokenizer_ = std::make_unique<Tokenizer>(Tokenizer::create());
  }
  {
    auto t = Tagger::load(tag_path);
    if (!t.ok()) return t.status();
    a->tagger_ = std::move(t).value();
  }
  {
    auto p = Parser::load(parse_path);
    if (!p.ok()) return p.status();
    a->parser_ = std::move(p).value();
  }
  const fs::path ner_path = dir / kNerFile;
  if (fs::exists(ner_path, ec)) {
    auto n = EntityTagger::load(ner_path.string());
    if (!n.ok()) return n.status();
    a->ner_ = std::move(n).value();
  }
  return a;
}

namespace {

// The models learned from UD English-EWT, whose quotes and apostrophes are mostly ASCII: they
// see curly quotes as ASCII ones (“in principle” -> "in principle", Russia’s -> Russia's).
std::string ascii_quotes(const std::string& form) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"\u201c", "\""}, {"\u201d", "\""}, {"\u201e", "\""}, {"\u2018", "'"}, {"\u2019", "'"}};
  std::string r = form;
  for (const auto& [from, to] : kMap) {
    size_t pos = 0;
    const std::string f(from);
    while ((pos = r.find(f, pos)) != std::string::npos) {
      r.replace(pos, f.size(), to);
      pos += 1;
    }
  }
  return r;
}

}  // namespace

void Annotator::annotate_sentence(Sentence& s) const {
  if (s.tokens.empty()) return;
  std::vector<std::string> forms;
  bool changed = false;
  for (Token& t : s.tokens) {
    std::string a = ascii_quotes(t.form);
    if (a != t.form) {
      if (forms.empty()) {
        for (const Token& u : s.tokens) forms.push_back(u.form);
      }
      t.form = std::move(a);
      changed = true;
    }
  }
  tagger_->tag(s);
  parser_->parse(s);
  if (ner_ != nullptr) ner_->tag(s);
  if (changed) {
    for (size_t i = 0; i < s.tokens.size(); ++i) s.tokens[i].form = forms[i];
  }
}

void Annotator::annotate(Document& doc) const {
  tokenizer_->tokenize(doc);
  for (Sentence& s : doc.sentences) annotate_sentence(s);
}

Sentence Annotator::annotate_line(std::string_view line) const {
  Sentence s = tokenizer_->tokenize_sentence(line);
  annotate_sentence(s);
  return s;
}

}  // namespace kg
