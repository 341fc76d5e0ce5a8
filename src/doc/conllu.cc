// CoNLL-U reader and writer.
#include "doc/conllu.h"

#include <charconv>
#include <fstream>
#include <string_view>
#include <vector>

namespace kg {
namespace {

std::string field(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

// Removes SpaceAfter=No from a MISC value; reports whether it was there.
std::string strip_space_after(std::string_view misc, bool& space_after) {
  space_after = true;
  if (misc == "_" || misc.empty()) return {};
  std::string out;
  size_t start = 0;
  while (start <= misc.size()) {
    size_t bar = misc.find('|', start);
    if (bar == std::string_view::npos) bar = misc.size();
    std::string_view item = misc.substr(start, bar - start);
    if (item == "SpaceAfter=No") {
      space_after = false;
    } else if (!item.empty()) {
      if (!out.empty()) out += '|';
      out += item;
    }
    start = bar + 1;
  }
  return out;
}

std::string misc_with_space(const std::string& misc, bool space_after) {
  std::string out = space_after ? misc : (misc.empty() ? "SpaceAfter=No" : "SpaceAfter=No|" + misc);
  return out.empty() ? "_" : out;
}

const std::string& or_blank(const std::string& s) {
  static const std::string kBlank = "_";
  return s.empty() ? kBlank : s;
}

}  // namespace

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cols.push_back(line.substr(start));
      return cols;
    }
    cols.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

Status ConlluReader::fail(const std::string& what) {
  size_t at = line_;
  std::string line;
  // Skip the rest of the broken sentence so the caller can continue.
  while (std::getline(in_, line)) {
    ++line_;
    if (line.empty() || line == "\r") break;
  }
  return Status::invalid(name_ + ":" + std::to_string(at) + ": " + what);
}

Result<std::optional<Sentence>> ConlluReader::next() {
  Sentence s;
  std::string line;
  bool any = false;
  while (std::getline(in_, line)) {
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (any) break;
      continue;
    }
    any = true;
    if (line[0] == '#') {
      std::string_view c(line);
      c.remove_prefix(1);
      if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
      if (c.substr(0, 10) == "sent_id = ") {
        s.id = std::string(c.substr(10));
      } else if (c.substr(0, 7) == "text = ") {
        s.text = std::string(c.substr(7));
      } else {
        s.comments.emplace_back(c);
      }
      continue;
    }
    auto cols = split_tabs(line);
    if (cols.size() != 10) {
      return fail("expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    }
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) {
      int after = 0;
      if (!parse_int(id.substr(0, id.find('.')), after)) return fail("bad empty node id '" + std::string(id) + "'");
      s.empty_nodes.push_back({after, line});
      continue;
    }
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      MultiwordToken m;
      if (!parse_int(id.substr(0, dash), m.first) || !parse_int(id.substr(dash + 1), m.last) ||
          m.first < 1 || m.last < m.first) {
        return fail("bad multiword token range '" + std::string(id) + "'");
      }
      if (m.first != static_cast<int>(s.tokens.size()) + 1) {
        return fail("multiword token range '" + std::string(id) + "' out of order");
      }
      m.form = std::string(cols[1]);
      m.misc = strip_space_after(cols[9], m.space_after);
      s.multiwords.push_back(std::move(m));
      continue;
    }
    int index = 0;
    if (!parse_int(id, index)) return fail("bad word id '" + std::string(id) + "'");
    if (index != static_cast<int>(s.tokens.size()) + 1) {
      return fail("word id " + std::to_string(index) + " out of sequence, expected " +
                  std::to_string(s.tokens.size() + 1));
    }
    Token t;
    t.form = std::string(cols[1]);
    if (t.form.empty()) return fail("empty FORM");
    t.lemma = field(cols[2]);
    if (cols[2] == "_" && cols[1] == "_") t.lemma = "_";
    t.upos = field(cols[3]);
    t.xpos = field(cols[4]);
    t.feats = field(cols[5]);
    if (cols[6] == "_") {
      if (require_tree_) return fail("missing HEAD");
      t.head = -1;
    } else if (!parse_int(cols[6], t.head) || t.head < 0) {
      return fail("bad HEAD '" + std::string(cols[6]) + "'");
    }
    t.deprel = field(cols[7]);
    if (require_tree_ && t.deprel.empty()) return fail("missing DEPREL");
    t.deps = field(cols[8]);
    t.misc = strip_space_after(cols[9], t.space_after);
    s.tokens.push_back(std::move(t));
  }
  if (!any) return std::optional<Sentence>();
  if (s.tokens.empty()) return Status::invalid(name_ + ":" + std::to_string(line_) + ": sentence without words");
  int n = static_cast<int>(s.tokens.size());
  for (int i = 0; i < n; ++i) {
    if (s.tokens[i].head > n) {
      return Status::invalid(name_ + ":" + std::to_string(line_) + ": word " + std::to_string(i + 1) +
                             " has HEAD " + std::to_string(s.tokens[i].head) + " beyond the sentence");
    }
  }
  for (const auto& m : s.multiwords) {
    if (m.last > n) return Status::invalid(name_ + ":" + std::to_string(line_) + ": multiword token beyond the sentence");
  }
  assign_offsets_from_forms(s);
  return std::optional<Sentence>(std::move(s));
}

void assign_offsets_from_forms(Sentence& s) {
  std::string rebuilt;
  size_t mw = 0;
  for (size_t i = 0; i < s.tokens.size();) {
    int word = static_cast<int>(i) + 1;
    if (mw < s.multiwords.size() && s.multiwords[mw].first == word) {
      const auto& m = s.multiwords[mw];
      size_t start = rebuilt.size();
      rebuilt += m.form;
      for (int w = m.first; w <= m.last; ++w) {
        s.tokens[w - 1].start = start;
        s.tokens[w - 1].end = rebuilt.size();
      }
      if (m.space_after && m.last < static_cast<int>(s.tokens.size())) rebuilt += ' ';
      i = m.last;
      ++mw;
      continue;
    }
    Token& t = s.tokens[i];
    t.start = rebuilt.size();
    rebuilt += t.form;
    t.end = rebuilt.size();
    if (t.space_after && i + 1 < s.tokens.size()) rebuilt += ' ';
    ++i;
  }
  if (s.text.empty()) s.text = rebuilt;
  s.start = 0;
  s.end = s.text.size();
}

void write_conllu(std::ostream& out, const Sentence& s) {
  if (!s.id.empty()) out << "# sent_id = " << s.id << '\n';
  for (const auto& c : s.comments) out << "# " << c << '\n';
  if (!s.text.empty()) out << "# text = " << s.text << '\n';
  size_t mw = 0, en = 0;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    int word = static_cast<int>(i) + 1;
    while (en < s.empty_nodes.size() && s.empty_nodes[en].after < word) out << s.empty_nodes[en++].line << '\n';
    if (mw < s.multiwords.size() && s.multiwords[mw].first == word) {
      const auto& m = s.multiwords[mw++];
      out << m.first << '-' << m.last << '\t' << m.form << "\t_\t_\t_\t_\t_\t_\t_\t"
          << misc_with_space(m.misc, m.space_after) << '\n';
    }
    const Token& t = s.tokens[i];
    out << word << '\t' << t.form << '\t' << or_blank(t.lemma) << '\t' << or_blank(t.upos) << '\t'
        << or_blank(t.xpos) << '\t' << or_blank(t.feats) << '\t';
    if (t.head < 0) out << '_'; else out << t.head;
    out << '\t' << or_blank(t.deprel) << '\t' << or_blank(t.deps) << '\t'
        << misc_with_space(t.misc, t.space_after) << '\n';
  }
  while (en < s.empty_nodes.size()) out << s.empty_nodes[en++].line << '\n';
  out << '\n';
}

Result<std::vector<Sentence>> read_conllu_file(const std::string& path, bool require_tree) {
  std::ifstream in(path);
  if (!in) return Status::not_found("cannot open " + path);
  ConlluReader reader(in, path);
  reader.require_tree(require_tree);
  std::vector<Sentence> out;
  for (;;) {
    KG_ASSIGN_OR_RETURN(auto s, reader.next());
    if (!s) break;
    out.push_back(std::move(*s));
  }
  return out;
}

}  // namespace kg
