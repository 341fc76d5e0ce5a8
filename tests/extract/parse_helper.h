// Test helper: builds parsed sentences from compact hand-written parses, one word per line:
// "form lemma UPOS XPOS head deprel" (head 1-based, 0 = root), and finds facts in results.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "doc/document.h"
#include "doc/triple.h"
#include "extract/extractor.h"

namespace kg::test {

// A compact parse with other heads and relations for some words: each change is (word, 1-based;
// head; deprel). Variants of one sentence's parse are written as changes to it.
struct Rehead {
  int word, head;
  std::string deprel;
};
inline std::string rehead(const std::string& block, const std::vector<Rehead>& changes) {
  std::istringstream in(block);
  std::string line, out;
  for (int word = 1; std::getline(in, line); ++word) {
    for (const Rehead& c : changes) {
      if (c.word != word) continue;
      std::istringstream f(line);
      std::string form, lemma, upos, xpos;
      f >> form >> lemma >> upos >> xpos;
      line = form + ' ' + lemma + ' ' + upos + ' ' + xpos + ' ' + std::to_string(c.head) + ' ' +
             c.deprel;
    }
    out += line + '\n';
  }
  return out;
}

inline Sentence parse_compact(const std::string& block) {
  Sentence s;
  std::istringstream in(block);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    Token t;
    if (!(f >> t.form >> t.lemma >> t.upos >> t.xpos >> t.head >> t.deprel)) continue;
    f >> t.entity;
    s.tokens.push_back(t);
  }
  size_t pos = 0;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    Token& t = s.tokens[i];
    const bool next_punct =
        i + 1 < s.tokens.size() && (s.tokens[i + 1].upos == "PUNCT" ||
                                    s.tokens[i + 1].form == "n't" || s.tokens[i + 1].form == "'s");
    t.space_after = !next_punct;
    t.start = pos;
    s.text += t.form;
    pos += t.form.size();
    t.end = pos;
    if (t.space_after && i + 1 < s.tokens.size()) {
      s.text += ' ';
      ++pos;
    }
  }
  s.start = 0;
  s.end = s.text.size();
  return s;
}

inline Document make_doc(const std::vector<std::string>& blocks) {
  Document d;
  d.id = "test";
  for (const std::string& b : blocks) {
    Sentence s = parse_compact(b);
    s.start += d.text.size();
    s.end += d.text.size();
    if (!d.text.empty()) {
      d.text += ' ';
      s.start++;
      s.end++;
    }
    d.text += s.text;
    d.sentences.push_back(s);
  }
  return d;
}

inline std::vector<Triple> extract_all(const Document& d) {
  auto ex = Extractor::create();
  if (!ex.ok()) return {};
  auto r = (*ex)->extract(d);
  return r.ok() ? *r : std::vector<Triple>{};
}

inline const Triple* find_fact(const std::vector<Triple>& ts, const std::string& s,
                               const std::string& r, const std::string& o) {
  for (const Triple& t : ts) {
    if (t.subject == s && t.relation == r && t.object == o) return &t;
  }
  return nullptr;
}

inline std::string dump(const std::vector<Triple>& ts) {
  std::string r;
  for (const Triple& t : ts) r += t.subject + " | " + t.relation + " | " + t.object + "\n";
  return r;
}

}  // namespace kg::test
