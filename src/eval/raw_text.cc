// Rebuilds documents of raw text from gold CoNLL-U (newdoc / newpar / text comments).
#include "eval/raw_text.h"

#include <sstream>

#include "doc/conllu.h"

namespace kg::eval {
namespace {

bool is_comment_key(std::string_view comment, std::string_view key) {
  if (comment.substr(0, key.size()) != key) return false;
  return comment.size() == key.size() || comment[key.size()] == ' ' ||
         comment[key.size()] == '=';
}

std::string_view comment_body(std::string_view line) {
  line.remove_prefix(1);
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  return line;
}

}  // namespace

Result<GoldText> gold_text_from_conllu(std::string_view conllu, std::string_view name,
                                       std::string_view doc_filter) {
  GoldText out;
  Document* doc = nullptr;
  bool keep = false;
  bool new_paragraph = true;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < conllu.size()) {
    // One sentence block: lines up to a blank line.
    size_t block_start = pos, block_line = line_no + 1;
    std::string text;
    bool has_text = false, has_tokens = false;
    while (pos < conllu.size()) {
      size_t nl = conllu.find('\n', pos);
      if (nl == std::string_view::npos) nl = conllu.size();
      std::string_view line = conllu.substr(pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      pos = nl + 1;
      ++line_no;
      if (line.empty()) {
        if (has_tokens) break;
        block_start = pos;
        block_line = line_no + 1;
        continue;
      }
      if (line[0] != '#') {
        has_tokens = true;
        continue;
      }
      std::string_view c = comment_body(line);
      if (is_comment_key(c, "newdoc")) {
        std::string id;
        if (size_t eq = c.find('='); eq != std::string_view::npos) {
          id = std::string(c.substr(eq + 1));
          while (!id.empty() && id.front() == ' ') id.erase(id.begin());
        }
        if (id.empty()) id = "doc" + std::to_string(out.documents.size() + 1);
        keep = doc_filter.empty() || id.find(doc_filter) != std::string::npos;
        doc = nullptr;
        if (keep) {
          out.documents.emplace_back();
          doc = &out.documents.back();
          doc->id = id;
          doc->source = std::string(name) + ":" + std::to_string(line_no);
        }
        new_paragraph = true;
      } else if (is_comment_key(c, "newpar")) {
        new_paragraph = true;
      } else if (c.substr(0, 7) == "text = " || c == "text =") {
        text = std::string(c.substr(std::min<size_t>(7, c.size())));
        has_text = true;
      }
    }
    if (!has_tokens) break;
    std::string_view block = conllu.substr(block_start, std::min(pos, conllu.size()) - block_start);
    if (doc == nullptr && out.documents.empty() && doc_filter.empty()) {
      out.documents.emplace_back();
      doc = &out.documents.back();
      doc->id = "doc1";
      doc->source = std::string(name);
      keep = true;
    }
    if (!keep || doc == nullptr) continue;
    if (!has_text) {
      std::istringstream in{std::string(block)};
      ConlluReader reader(in, std::string(name));
      reader.require_tree(false);
      auto s = reader.next();
      if (!s.ok()) {
        return Status::invalid(std::string(name) + ":" + std::to_string(block_line) +
                               ": cannot rebuild sentence text: " + s.status().message());
      }
      if (s->has_value()) text = (**s).text;
    }
    if (!doc->text.empty()) doc->text += new_paragraph ? "\n\n" : " ";
    doc->text += text;
    new_paragraph = false;
    out.conllu.append(block);
    if (out.conllu.empty() || out.conllu.back() != '\n') out.conllu += '\n';
    if (out.conllu.size() < 2 || out.conllu[out.conllu.size() - 2] != '\n') out.conllu += '\n';
    ++out.sentences;
  }
  return out;
}

}  // namespace kg::eval
