// Reader for UniversalNER IOB2 files (final 5-column files and the 2022 draft's 3-column rows).
#include <charconv>
#include <fstream>
#include <string_view>

#include "ner/entity_tagger.h"

namespace kg {
namespace {

bool is_kept_type(std::string_view type) { return type == "PER" || type == "ORG" || type == "LOC"; }

// Maps a raw tag to "O", "B-X" or "I-X" with X in PER/ORG/LOC, or returns false when the tag is
// not IOB2 at all.
bool normalize_tag(std::string_view raw, std::string& out) {
  if (raw == "O") {
    out = "O";
    return true;
  }
  if (raw.size() < 3 || (raw[0] != 'B' && raw[0] != 'I') || raw[1] != '-') return false;
  std::string_view type = raw.substr(2);
  out = is_kept_type(type) ? std::string(raw) : "O";  // OTH, and the draft's stray "B-O"
  return true;
}

std::string_view rstrip_cr(std::string_view s) {
  return !s.empty() && s.back() == '\r' ? s.substr(0, s.size() - 1) : s;
}

// I-X that does not continue an X entity becomes B-X.
void repair_iob2(Sentence& s) {
  std::string_view prev_type;
  for (Token& t : s.tokens) {
    if (t.entity == "O") {
      prev_type = {};
      continue;
    }
    std::string_view type = std::string_view(t.entity).substr(2);
    if (t.entity[0] == 'I' && type != prev_type) t.entity[0] = 'B';
    prev_type = std::string_view(t.entity).substr(2);
  }
}

}  // namespace

Result<std::vector<Sentence>> read_iob2(std::istream& in, const std::string& name) {
  std::vector<Sentence> out;
  Sentence cur;
  std::string raw_line;
  size_t line_no = 0;
  auto flush = [&] {
    if (cur.tokens.empty()) {
      cur = Sentence();
      return;
    }
    repair_iob2(cur);
    out.push_back(std::move(cur));
    cur = Sentence();
  };
  while (std::getline(in, raw_line)) {
    ++line_no;
    std::string_view line = rstrip_cr(raw_line);
    auto fail = [&](const std::string& what) {
      return Status::invalid(name + ":" + std::to_string(line_no) + ": " + what);
    };
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      if (!cur.tokens.empty()) return fail("comment line inside a sentence");
      std::string_view c = line.substr(1);
      if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
      if (c.starts_with("sent_id = ")) {
        cur.id = std::string(c.substr(10));
      } else if (c.starts_with("text = ")) {
        cur.text = std::string(c.substr(7));
      } else {
        cur.comments.emplace_back(c);
      }
      continue;
    }
    std::vector<std::string_view> cols;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (cols.size() != 3 && cols.size() != 5) {
      return fail("expected 3 or 5 tab-separated columns, found " + std::to_string(cols.size()));
    }
    int index = 0;
    auto [p, ec] = std::from_chars(cols[0].data(), cols[0].data() + cols[0].size(), index);
    if (ec != std::errc() || p != cols[0].data() + cols[0].size()) {
      return fail("bad token index '" + std::string(cols[0]) + "'");
    }
    if (index != static_cast<int>(cur.tokens.size()) + 1) {
      return fail("token index " + std::to_string(index) + " out of sequence");
    }
    if (cols[1].empty()) return fail("empty token");
    Token t;
    t.form = std::string(cols[1]);
    if (!normalize_tag(cols[2], t.entity)) {
      return fail("bad IOB2 tag '" + std::string(cols[2]) + "'");
    }
    cur.tokens.push_back(std::move(t));
  }
  if (in.bad()) return Status::io("cannot read " + name);
  flush();
  return out;
}

Result<std::vector<Sentence>> read_iob2_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot open " + path);
  return read_iob2(in, path);
}

}  // namespace kg
