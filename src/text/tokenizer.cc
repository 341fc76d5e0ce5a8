// Tokenizer: surface tokens (lexer) + sentence boundaries (splitter) + multiword tokens.
#include "text/tokenizer.h"

#include "common/binio.h"
#include "text/chars.h"
#include "text/lexer.h"
#include "text/multiword.h"
#include "text/sentence_splitter.h"

namespace kg {
namespace {

constexpr std::string_view kImplementation = "kg-tokenizer-ap";
constexpr uint32_t kVersion = 1;

text::SplitOptions split_options(const TokenizerOptions& o) {
  text::SplitOptions s;
  switch (o.line_breaks) {
    case TokenizerOptions::LineBreaks::kAuto: s.line_breaks = text::LineBreakMode::kAuto; break;
    case TokenizerOptions::LineBreaks::kSentence:
      s.line_breaks = text::LineBreakMode::kSentence;
      break;
    case TokenizerOptions::LineBreaks::kSpace: s.line_breaks = text::LineBreakMode::kSpace; break;
  }
  s.max_sentence_tokens = o.max_sentence_tokens;
  return s;
}

// The text of [start, end) with every whitespace run replaced by one space.
std::string normalized_text(std::string_view text, size_t start, size_t end) {
  std::string out;
  out.reserve(end - start);
  bool in_space = false;
  for (size_t i = start; i < end;) {
    size_t len;
    char32_t c = text::peek(text, i, len);
    if (i + len > end) len = end - i;
    if (text::is_space(c)) {
      in_space = true;
    } else {
      if (in_space && !out.empty()) out += ' ';
      in_space = false;
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

// Builds one sentence from raw tokens [first, last] of `text`.
Sentence make_sentence(std::string_view text, const std::vector<text::RawToken>& raw, size_t first,
                       size_t last) {
  Sentence s;
  s.start = raw[first].start;
  s.end = raw[last].end;
  s.text = normalized_text(text, s.start, s.end);
  for (size_t k = first; k <= last; ++k) {
    const auto& r = raw[k];
    std::string_view form = text.substr(r.start, r.end - r.start);
    bool space_after = k + 1 < raw.size() ? raw[k + 1].space_before : true;
    std::vector<size_t> parts = text::split_multiword(form);
    if (parts.empty()) {
      Token t;
      t.form = std::string(form);
      t.start = r.start;
      t.end = r.end;
      t.space_after = space_after;
      s.tokens.push_back(std::move(t));
      continue;
    }
    MultiwordToken m;
    m.first = static_cast<int>(s.tokens.size()) + 1;
    m.last = m.first + static_cast<int>(parts.size()) - 1;
    m.form = std::string(form);
    m.space_after = space_after;
    size_t offset = 0;
    for (size_t len : parts) {
      Token t;
      t.form = std::string(form.substr(offset, len));
      t.start = r.start;
      t.end = r.end;
      offset += len;
      s.tokens.push_back(std::move(t));
    }
    s.multiwords.push_back(std::move(m));
  }
  return s;
}

}  // namespace

Tokenizer Tokenizer::create(TokenizerOptions options) { return Tokenizer(nullptr, options); }

Result<Tokenizer> Tokenizer::load(const std::string& path, TokenizerOptions options) {
  KG_ASSIGN_OR_RETURN(BinaryReader r, BinaryReader::open(path, kImplementation, kVersion));
  KG_ASSIGN_OR_RETURN(text::BoundaryModel model, text::BoundaryModel::read(r));
  if (!r.at_end()) return Status::corruption(path + ": trailing bytes after the tokenizer model");
  return Tokenizer(std::make_shared<const text::BoundaryModel>(std::move(model)), options);
}

Status Tokenizer::save(const std::string& path) const {
  if (!model_) return Status::invalid("a rules-only tokenizer has no model to save");
  BinaryWriter w(kImplementation, kVersion);
  model_->write(w);
  return w.save(path);
}

std::string Tokenizer::describe() const {
  std::string out = std::string(kImplementation) + " v" + std::to_string(kVersion) + ": rules";
  if (model_) {
    size_t nonzero = 0;
    for (float x : model_->weights) nonzero += x != 0;
    out += " + boundary model, " + std::to_string(nonzero) + " weights";
  }
  return out;
}

void Tokenizer::tokenize(Document& doc) const {
  doc.sentences.clear();
  std::vector<text::RawToken> raw = text::lex(doc.text, options_.max_token_bytes);
  if (raw.empty()) return;
  std::vector<bool> ends =
      text::split_sentences(doc.text, raw, model_.get(), split_options(options_));
  size_t first = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (!ends[i]) continue;
    doc.sentences.push_back(make_sentence(doc.text, raw, first, i));
    first = i + 1;
  }
}

Sentence Tokenizer::tokenize_sentence(std::string_view text) const {
  std::vector<text::RawToken> raw = text::lex(text, options_.max_token_bytes);
  if (raw.empty()) return Sentence{};
  return make_sentence(text, raw, 0, raw.size() - 1);
}

}  // namespace kg
