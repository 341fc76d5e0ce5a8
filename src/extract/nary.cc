// Renders propositions as n-ary extractions with surface phrases.
#include "extract/nary.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <optional>

#include "extract/confidence.h"
#include "extract/lexicon.h"
#include "extract/mention.h"

namespace kg::extract {
namespace {

// The words of a predicate nominal or adjective without its clause-level dependents.
std::vector<int> predicate_phrase(const DepTree& t, int top, bool drop_case) {
  std::vector<int> out;
  std::function<void(int)> visit = [&](int i) {
    out.push_back(i);
    for (int c : t.children(i)) visit(c);
  };
  out.push_back(top);
  for (int c : t.children(top)) {
    std::string_view r = t.rel(c);
    if (r == "nsubj" || r == "csubj" || r == "cop" || r == "aux" || r == "mark" || r == "obl" ||
        r == "advcl" || r == "parataxis" || r == "ccomp" || r == "xcomp" || r == "conj" ||
        r == "cc" || r == "punct" || r == "discourse" || r == "expl" || r == "vocative" ||
        r == "dislocated" || r == "appos" || r == "orphan") {
      continue;
    }
    if (r == "advmod" && (t.lemma(c) == "not" || t.lemma(c) == "n't" || t.lemma(c) == "never")) {
      continue;
    }
    if (drop_case && r == "case" && c < top) continue;
    if (r == "nmod" && !t.is_noun(top)) continue;
    visit(c);
  }
  std::sort(out.begin(), out.end());
  while (!out.empty() && t.upos(out.back()) == "PUNCT") out.pop_back();
  while (!out.empty() && t.upos(out.front()) == "PUNCT") out.erase(out.begin());
  return out;
}

std::string words_text(const DepTree& t, const std::vector<int>& w) { return surface_text(t, w); }

int word_count(const std::string& s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Scores an extraction. With KG_CONFIDENCE_FEATURES=FILE set, also appends its feature vector to
// FILE (sentence, relation, arguments, features; tab-separated) for scripts/fit-confidence.py.
void score(const DepTree& t, ConfidenceFeatures f, NaryExtraction& e) {
  f.args = static_cast<int>(e.args.size());
  f.rel_words = word_count(e.relation);
  f.arg1_words = e.args.empty() ? 0 : word_count(e.args[0]);
  f.rest_words = 0;
  for (size_t k = 1; k < e.args.size(); ++k) f.rest_words += word_count(e.args[k]);
  e.confidence = confidence(f);
  static const char* dump = std::getenv("KG_CONFIDENCE_FEATURES");
  if (dump == nullptr || *dump == '\0') return;
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  if (FILE* fp = std::fopen(dump, "a")) {
    std::string line = t.sentence().text + "\t" + e.relation;
    for (const std::string& a : e.args) line += "\t" + a;
    line += "\t|";
    for (double x : feature_vector(f)) line += " " + std::to_string(x);
    std::fprintf(fp, "%s\n", line.c_str());
    std::fclose(fp);
  }
}

// A proposition's extraction before it is scored: relation words, a word after them ("that" of
// a clausal object) and the arguments.
struct Rendering {
  std::vector<int> rel;
  std::string rel_suffix;
  std::vector<std::string> args;
};

// Appends the object's phrase and returns true; returns false when the object stays in the
// relation.
bool render_object(const DepTree& t, const Proposition& p, bool has_obliques, Rendering& r) {
  const int o = p.object.head;
  if (p.object.kind == ArgKind::kClause) {
    if (!p.clause_mark.empty()) r.rel_suffix = p.clause_mark;
    std::vector<int> w = phrase_tokens(t, o, p.reported_host ? p.top : -1, false, false, false);
    w.erase(std::remove_if(w.begin(), w.end(),
                           [&](int k) { return t.head(k) == o && t.rel(k) == "mark"; }),
            w.end());
    while (!w.empty() && t.upos(w.back()) == "PUNCT" &&
           bracket_balance(t.tok(w.back()).form) >= 0) {
      w.pop_back();
    }
    r.args.push_back(words_text(t, w));
    return true;
  }
  if (o == p.top && p.kind != PropKind::kAppos) {
    // Predicate nominal or adjective: "is an Australian footballer", "was fume-filled".
    const bool pp = t.has_child(o, "case") && t.child(o, "case") < o;
    if (p.object.kind == ArgKind::kAdjective && has_obliques) {
      return false;  // "are equal to X": the adjective stays in the relation.
    }
    r.rel.erase(std::remove(r.rel.begin(), r.rel.end(), o), r.rel.end());
    if (pp) {
      for (int c : t.children(o)) {
        if (t.rel(c) == "case" && c < o) r.rel.push_back(c);
      }
    }
    r.args.push_back(words_text(t, predicate_phrase(t, o, pp)));
    return true;
  }
  r.args.push_back(words_text(t, phrase_tokens(t, o, p.top, true, false, true)));
  return true;
}

// Subject, object and obliques as written; without an object the first oblique's preposition
// joins the relation.
void render_active(const DepTree& t, const Proposition& p, Rendering& r, ConfidenceFeatures& f) {
  r.args.push_back(words_text(t, phrase_tokens(t, p.subject.head, p.top, true, true, true)));
  std::vector<const Arg*> obls;
  for (const Arg& a : p.obliques) {
    if (!a.from_object || p.kind == PropKind::kAppos) {
      if (p.kind == PropKind::kAppos) continue;  // inside the apposition's phrase
      obls.push_back(&a);
    }
  }
  const bool has_object = p.object.present() && render_object(t, p, !obls.empty(), r);
  for (size_t k = 0; k < obls.size(); ++k) {
    const Arg& a = *obls[k];
    const bool move_prep = !has_object && k == 0 && !a.prep.empty();
    f.prep_in_relation = f.prep_in_relation || move_prep;
    if (move_prep) {
      for (int c : t.children(a.head)) {
        if (t.rel(c) == "case" && c < a.head) r.rel.push_back(c);
      }
    }
    r.args.push_back(words_text(t, phrase_tokens(t, a.head, p.top, false, move_prep, true)));
  }
}

// One proposition's extraction; none when an argument it needs is missing or empty.
std::optional<NaryExtraction> render_proposition(const DepTree& t, const Proposition& p) {
  NaryExtraction e;
  ConfidenceFeatures f = proposition_features(t, p);
  e.negated = p.negated;
  if (!p.modality.empty()) e.modality = p.modality;
  if (p.attribution >= 0) {
    e.attribution = words_text(t, phrase_tokens(t, p.attribution, -1, true, true, true));
  }
  Rendering r;
  r.rel = p.rel_tokens;
  if (p.from_passive) {
    // CaRB keeps passives as written: patient, "was sent by", agent.
    if (!p.object.present()) return std::nullopt;
    r.args.push_back(words_text(t, phrase_tokens(t, p.object.head, p.top, true, true, true)));
    if (p.agent_case >= 0) r.rel.push_back(p.agent_case);
    r.args.push_back(words_text(t, phrase_tokens(t, p.subject.head, -1, true, true, true)));
  } else {
    if (!p.subject.present()) return std::nullopt;
    render_active(t, p, r, f);
  }
  std::sort(r.rel.begin(), r.rel.end());
  r.rel.erase(std::unique(r.rel.begin(), r.rel.end()), r.rel.end());
  e.relation = words_text(t, r.rel);
  if (!r.rel_suffix.empty()) e.relation += (e.relation.empty() ? "" : " ") + r.rel_suffix;
  if (e.relation.empty()) e.relation = "is";
  bool empty_arg = false;
  for (const std::string& a : r.args) empty_arg |= a.empty();
  if (empty_arg || r.args.empty() || r.args[0].empty()) return std::nullopt;
  e.args = std::move(r.args);
  score(t, f, e);
  return e;
}

// Possessives: "Russia 's military buildup" -> Russia | has | military buildup.
void render_possessives(const DepTree& t, std::vector<NaryExtraction>& out) {
  for (int i = 0; i < t.size(); ++i) {
    if (t.full_rel(i) != "nmod:poss" || t.upos(i) == "PRON" || t.head(i) < 0) continue;
    const int owner_of = t.head(i);
    if (!t.is_noun(owner_of)) continue;
    std::vector<int> owner = phrase_tokens(t, i, -1, true, false, true);
    owner.erase(std::remove_if(owner.begin(), owner.end(),
                               [&](int k) { return t.head(k) == i && t.rel(k) == "case"; }),
                owner.end());
    std::vector<int> owned;
    for (int k : phrase_tokens(t, owner_of, -1, true, false, true)) {
      bool skip = false;
      for (int a = k; a != owner_of && a >= 0; a = t.head(a)) {
        if (a == i || (t.head(a) == owner_of && (t.rel(a) == "case" || t.rel(a) == "acl"))) {
          skip = true;
          break;
        }
      }
      if (!skip) owned.push_back(k);
    }
    while (!owned.empty() && t.upos(owned.front()) == "PUNCT") owned.erase(owned.begin());
    if (owner.empty() || owned.empty()) continue;
    NaryExtraction e;
    e.relation = "has";
    e.args = {words_text(t, owner), words_text(t, owned)};
    ConfidenceFeatures f;
    f.kind = FactKind::kAttribute;
    f.sentence_words = t.size();
    f.subject_propn = t.upos(i) == "PROPN";
    score(t, f, e);
    out.push_back(std::move(e));
  }
}

// Adjectives: "five incumbent directors" -> five directors | are | incumbent.
void render_adjectives(const DepTree& t, std::vector<NaryExtraction>& out) {
  for (int i = 0; i < t.size(); ++i) {
    if (t.rel(i) != "amod" || t.upos(i) != "ADJ" || t.head(i) < 0) continue;
    const int n = t.head(i);
    if (t.upos(n) != "NOUN" && t.upos(n) != "PROPN") continue;
    std::vector<int> noun;
    for (int k : phrase_tokens(t, n, -1, true, true, true)) {
      if (!t.dominates(i, k)) noun.push_back(k);
    }
    NaryExtraction e;
    const bool plural = t.tok(n).xpos == "NNS" || t.tok(n).xpos == "NNPS";
    e.relation = plural ? "are" : "is";
    e.args = {words_text(t, noun), words_text(t, phrase_tokens(t, i, -1, true, true, true))};
    ConfidenceFeatures f;
    f.kind = FactKind::kAttribute;
    f.sentence_words = t.size();
    score(t, f, e);
    out.push_back(std::move(e));
  }
}

// Titles before names: "President Bush" -> Bush | is | President.
void render_titles(const DepTree& t, std::vector<NaryExtraction>& out) {
  for (int i = 0; i < t.size(); ++i) {
    std::string_view r = t.rel(i);
    if (r == "compound" || r == "flat" || t.full_rel(i) == "nmod:desc") continue;
    if (t.upos(i) != "PROPN") continue;
    Mention m = analyze_mention(t, i);
    if (m.kind != MentionKind::kName || m.descriptor.empty() || !m.titled) continue;
    if (is_honorific(to_lower(m.descriptor))) continue;  // "Mr." is no fact
    NaryExtraction e;
    e.relation = "is";
    e.args = {m.name, m.descriptor};
    ConfidenceFeatures f;
    f.kind = FactKind::kTitle;
    f.sentence_words = t.size();
    f.subject_propn = true;
    score(t, f, e);
    out.push_back(std::move(e));
  }
}

}  // namespace

std::vector<NaryExtraction> render_nary(const DepTree& t, const std::vector<Proposition>& props) {
  std::vector<NaryExtraction> out;
  for (const Proposition& p : props) {
    if (std::optional<NaryExtraction> e = render_proposition(t, p)) out.push_back(std::move(*e));
  }
  render_possessives(t, out);
  render_adjectives(t, out);
  render_titles(t, out);
  return out;
}

}  // namespace kg::extract
