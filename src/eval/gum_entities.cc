// Reads GUM's bracketed Entity= annotation into mentions over documents of raw text.
#include "eval/gum_entities.h"

#include <algorithm>
#include <cstdint>
#include <sstream>

#include "doc/conllu.h"

namespace kg::eval {
namespace {

// Positions of the fields of one "(id-etype-...-identity" opening, from "# global.Entity".
struct Layout {
  size_t type = 1;
  size_t identity = 7;
};

bool is_comment_key(std::string_view comment, std::string_view key) {
  if (comment.substr(0, key.size()) != key) return false;
  return comment.size() == key.size() || comment[key.size()] == ' ' || comment[key.size()] == '=';
}

std::string_view comment_value(std::string_view comment) {
  size_t eq = comment.find('=');
  if (eq == std::string_view::npos) return {};
  comment.remove_prefix(eq + 1);
  while (!comment.empty() && comment.front() == ' ') comment.remove_prefix(1);
  return comment;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t at = 0;;) {
    size_t end = s.find(sep, at);
    out.push_back(s.substr(at, end == std::string_view::npos ? end : end - at));
    if (end == std::string_view::npos) return out;
    at = end + 1;
  }
}

Result<Layout> parse_layout(std::string_view spec, const std::string& where) {
  auto fields = split(spec, '-');
  auto at = [&](std::string_view f) { return std::find(fields.begin(), fields.end(), f); };
  if (fields.empty() || fields[0] != "GRP" || at("etype") == fields.end()) {
    return Status::invalid(where + ": global.Entity '" + std::string(spec) +
                           "' has no GRP and etype fields");
  }
  Layout l;
  l.type = at("etype") - fields.begin();
  l.identity = at("identity") - fields.begin();  // fields.size() when there is none
  return l;
}

// The value of "Entity=" in a MISC column, empty when there is none.
std::string_view entity_value(std::string_view misc) {
  for (std::string_view item : split(misc, '|')) {
    if (item.substr(0, 7) == "Entity=") return item.substr(7);
  }
  return {};
}

void finish_mention(const Sentence& s, GoldMention& m) {
  m.head = phrase_head(s, m.first, m.last);
  for (size_t i = m.first; i <= m.last; ++i) {
    if (i > m.first && s.tokens[i].start > s.tokens[i - 1].end) m.text += ' ';
    m.text += s.tokens[i].form;
  }
  m.named = s.tokens[m.head].upos == "PROPN" && m.type != "time";
}

// Reads the mentions of sentence `s` (words already at their document offsets).
Status read_mentions(const Sentence& s, const Layout& layout, size_t doc, size_t sentence,
                     const std::string& where, std::vector<GoldMention>& out) {
  std::vector<GoldMention> open;
  auto fail = [&](size_t word, const std::string& what) {
    return Status::invalid(where + " word " + std::to_string(word + 1) + ": " + what);
  };
  auto close = [&](size_t k, size_t word) {
    GoldMention m = std::move(open[k]);
    open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
    m.last = word;
    finish_mention(s, m);
    out.push_back(std::move(m));
  };
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    std::string_view v = entity_value(s.tokens[i].misc);
    size_t p = 0;
    while (p < v.size()) {
      if (v[p] == '(') {
        size_t q = std::min(v.find_first_of("()", p + 1), v.size());
        auto fields = split(v.substr(p + 1, q - p - 1), '-');
        if (fields.size() <= layout.type || fields[0].empty()) {
          return fail(i, "malformed Entity opening '" + std::string(v.substr(p, q - p)) + "'");
        }
        GoldMention m;
        m.doc = doc;
        m.sentence = sentence;
        m.first = i;
        m.chain = std::string(fields[0]);
        m.type = std::string(fields[layout.type]);
        for (size_t f = layout.identity; f < fields.size(); ++f) {
          if (f > layout.identity) m.identity += '-';
          m.identity += fields[f];
        }
        open.push_back(std::move(m));
        p = q;
        if (p < v.size() && v[p] == ')') close(open.size() - 1, i), ++p;
        continue;
      }
      size_t q = p;
      while (q < v.size() && v[q] >= '0' && v[q] <= '9') ++q;
      if (q == p || q == v.size() || v[q] != ')') {
        return fail(i, "malformed Entity annotation '" + std::string(v) + "'");
      }
      std::string_view chain = v.substr(p, q - p);
      size_t k = open.size();
      while (k > 0 && open[k - 1].chain != chain) --k;
      if (k == 0) return fail(i, "Entity closes " + std::string(chain) + ", which is not open");
      close(k - 1, i);
      p = q + 1;
    }
  }
  if (!open.empty())
    return fail(s.tokens.size() - 1, "mention " + open.back().chain + " is not closed");
  return {};
}

// Checks that the words' offsets (from their forms and SpaceAfter) fit the "# text".
Status check_offsets(const Sentence& s, const std::string& where) {
  std::vector<const std::string*> surface(s.tokens.size());
  for (size_t i = 0; i < s.tokens.size(); ++i) surface[i] = &s.tokens[i].form;
  for (const auto& m : s.multiwords) {
    for (int w = m.first; w <= m.last; ++w) surface[w - 1] = &m.form;
  }
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    if (t.end > s.text.size() || s.text.compare(t.start, t.end - t.start, *surface[i]) != 0) {
      return Status::invalid(where +
                             ": '# text' does not match the words and their SpaceAfter at word " +
                             std::to_string(i + 1) + " '" + t.form + "'");
    }
  }
  return {};
}

}  // namespace

size_t phrase_head(const Sentence& s, size_t first, size_t last) {
  auto depth = [&](size_t i) {
    size_t d = 0;
    for (int h = s.tokens[i].head; h > 0 && d <= s.tokens.size(); h = s.tokens[h - 1].head) ++d;
    return d;
  };
  size_t head = first, best = SIZE_MAX;
  for (size_t i = first; i <= last; ++i) {
    int h = s.tokens[i].head;
    if (h > 0 && size_t(h - 1) >= first && size_t(h - 1) <= last) continue;
    if (size_t d = depth(i); d < best) best = d, head = i;
  }
  return head;
}

Result<GoldEntities> read_gold_entities(std::string_view conllu, std::string_view name) {
  GoldEntities out;
  std::istringstream in{std::string(conllu)};
  ConlluReader reader(in, std::string(name));
  Layout layout;
  bool new_paragraph = true;
  for (;;) {
    KG_ASSIGN_OR_RETURN(std::optional<Sentence> read, reader.next());
    if (!read) break;
    Sentence& s = *read;
    std::string where = std::string(name) + ":" + std::to_string(reader.line()) + ": sentence " +
                        (s.id.empty() ? "?" : s.id);
    for (std::string_view c : s.comments) {
      if (is_comment_key(c, "newdoc")) {
        out.documents.emplace_back();
        out.documents.back().id = std::string(comment_value(c));
        if (out.documents.back().id.empty()) {
          out.documents.back().id = "doc" + std::to_string(out.documents.size());
        }
        out.documents.back().source = where;
        new_paragraph = true;
      } else if (is_comment_key(c, "newpar")) {
        new_paragraph = true;
      } else if (is_comment_key(c, "global.Entity")) {
        KG_ASSIGN_OR_RETURN(layout, parse_layout(comment_value(c), where));
      }
    }
    if (out.documents.empty()) {
      out.documents.emplace_back();
      out.documents.back().id = "doc1";
      out.documents.back().source = std::string(name);
    }
    KG_RETURN_IF_ERROR(check_offsets(s, where));
    Document& doc = out.documents.back();
    if (!doc.text.empty()) doc.text += new_paragraph ? "\n\n" : " ";
    new_paragraph = false;
    size_t base = doc.text.size();
    doc.text += s.text;
    s.start = base;
    s.end = doc.text.size();
    for (Token& t : s.tokens) t.start += base, t.end += base;
    KG_RETURN_IF_ERROR(read_mentions(s, layout, out.documents.size() - 1, doc.sentences.size(),
                                     where, out.mentions));
    doc.sentences.push_back(std::move(s));
  }
  std::stable_sort(out.mentions.begin(), out.mentions.end(),
                   [](const GoldMention& a, const GoldMention& b) {
                     if (a.doc != b.doc) return a.doc < b.doc;
                     if (a.sentence != b.sentence) return a.sentence < b.sentence;
                     if (a.first != b.first) return a.first < b.first;
                     return a.last > b.last;
                   });
  return out;
}

}  // namespace kg::eval
