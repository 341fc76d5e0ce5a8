// Parse repairs before extraction (see repair.h): title + name chains, coordinated titles,
// "provided" and inverted conditions, idiom obliques that carry a to-infinitive, punctuation
// roots and trailing speech conjuncts.
#include "extract/repair.h"

#include <string>
#include <string_view>
#include <vector>

#include "extract/dep_tree.h"
#include "extract/lexicon.h"
#include "extract/org_names.h"

namespace kg::extract {
namespace {

// Heads and relations as a mutable table (0-based heads, -1 for roots).
struct Arcs {
  std::vector<int> head;
  std::vector<std::string> rel;
  std::vector<std::string> lower;
  const Sentence* s = nullptr;

  explicit Arcs(const Sentence& sent) : s(&sent) {
    const int n = static_cast<int>(sent.tokens.size());
    head.resize(n);
    rel.resize(n);
    lower.resize(n);
    for (int i = 0; i < n; ++i) {
      const Token& t = sent.tokens[i];
      head[i] = (t.head <= 0 || t.head > n) ? -1 : t.head - 1;
      rel[i] = t.deprel;
      lower[i] = to_lower(t.form);
    }
  }
  int size() const { return static_cast<int>(head.size()); }
  const Token& tok(int i) const { return s->tokens[i]; }
  std::string_view base(int i) const {
    std::string_view r = rel[i];
    return r.substr(0, r.find(':'));
  }
  bool capitalized(int i) const {
    const std::string& f = tok(i).form;
    return !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
  }
  // True when `a` is `d` or one of its ancestors (cycle-safe).
  bool dominates(int a, int d) const {
    for (int steps = 0; d >= 0 && steps <= size(); ++steps) {
      if (d == a) return true;
      d = head[d];
    }
    return false;
  }
  std::vector<int> children(int i) const {
    std::vector<int> c;
    for (int k = 0; k < size(); ++k) {
      if (head[k] == i) c.push_back(k);
    }
    return c;
  }
};

bool is_name_word(const Arcs& a, int i) {
  return a.tok(i).upos == "PROPN" && a.capitalized(i) && !is_title_word(a.lower[i]) &&
         !is_honorific(a.lower[i]);
}

int attachment_rank(std::string_view base) {
  if (base == "nsubj" || base == "obj" || base == "iobj" || base == "obl" || base == "root" ||
      base == "csubj") {
    return 0;
  }
  if (base == "conj") return 1;
  if (base == "appos") return 2;
  if (base == "nmod") return 3;
  return 4;
}

// Rewrites one chain [first, name_end] whose name starts at `name`. Returns true on a change.
bool rebuild_chain(Arcs& a, int first, int name, int name_end) {
  auto in_chain = [&](int k) { return k >= first && k <= name_end; };
  // Already one subtree rooted in the name's first word, its other words flat under it: nothing
  // to do ("Secretary Jen(flat) Psaki(head)" is rebuilt).
  int outside = 0;
  bool name_flat = true;
  for (int k = first; k <= name_end; ++k) {
    if (a.head[k] < 0 || !in_chain(a.head[k])) ++outside;
    if (k > name && a.head[k] != name) name_flat = false;
  }
  if (outside == 1 && (a.head[name] < 0 || !in_chain(a.head[name])) && name_flat) return false;

  // The chain's attachment: its best-attached word whose head lies outside the chain's subtree.
  int best = -1, best_rank = 99;
  for (int k = first; k <= name_end; ++k) {
    const int h = a.head[k];
    if (h >= 0 && in_chain(h)) continue;
    bool under_chain = false;
    for (int c = first; c <= name_end && h >= 0; ++c) {
      if (a.dominates(c, h)) under_chain = true;
    }
    if (under_chain) continue;
    const int r = h < 0 ? 0 : attachment_rank(a.base(k));
    if (r < best_rank) {
      best_rank = r;
      best = k;
    }
  }
  if (best < 0) return false;
  const int new_head = a.head[best];
  const std::string new_rel = new_head < 0 ? "root" : a.rel[best];

  // Verbs whose subject was a word of the chain ("Chief ... alleging") lose it to the chain.
  std::vector<int> orphan_verbs;
  for (int k = 0; k < a.size(); ++k) {
    if (in_chain(k) || a.head[k] < 0 || !in_chain(a.head[k])) continue;
    if (a.base(k) != "acl" && a.base(k) != "advcl") continue;
    for (int c = first; c <= name_end; ++c) {
      if (a.head[c] == k && a.base(c) == "nsubj") orphan_verbs.push_back(k);
    }
  }
  // Outside dependents of chain words move to the name.
  for (int k = 0; k < a.size(); ++k) {
    if (in_chain(k) || a.head[k] < 0 || !in_chain(a.head[k])) continue;
    a.head[k] = name;
  }
  // The name: first word heads, the rest are flat.
  a.head[name] = new_head;
  a.rel[name] = new_rel;
  for (int k = name + 1; k <= name_end; ++k) {
    a.head[k] = name;
    a.rel[k] = "flat";
  }
  // The descriptor: "of X" stays inside ("Secretary of State"), other words whose head is not a
  // descriptor word become compounds of the name.
  for (int k = first; k < name; ++k) {
    if (a.lower[k] == "of" && k + 1 < name && k > first) {
      a.head[k] = k + 1;
      a.rel[k] = "case";
      a.head[k + 1] = k - 1;
      a.rel[k + 1] = "nmod";
      continue;
    }
    if (k > first && a.lower[k - 1] == "of") continue;  // set above
    const int h = a.head[k];
    if (h >= first && h < name && h != k && !a.dominates(k, h)) continue;
    a.head[k] = name;
    a.rel[k] = "compound";
  }
  for (int v : orphan_verbs) {
    int g = a.head[name];
    while (g >= 0 && a.tok(g).upos != "VERB") g = a.head[g];
    if (g < 0 || a.dominates(v, g)) continue;
    a.head[v] = g;
    a.rel[v] = "advcl";
  }
  return true;
}

bool repair_name_chains(Arcs& a) {
  bool changed = false;
  const int n = a.size();
  int i = 0;
  while (i < n) {
    if (!is_name_word(a, i)) {
      ++i;
      continue;
    }
    int end = i;
    while (end + 1 < n && is_name_word(a, end + 1)) ++end;
    int name = i;
    // "Secretary of State Antony Blinken": the word after "of" belongs to the title.
    if (name > 0 && a.lower[name - 1] == "of" && end - name >= 2) ++name;
    const int next = end + 1;
    i = next;
    if (end - name < 1) continue;  // a single word is not a person's full name
    // The descriptor, leftwards: capitalized nominal words, "of" between capitalized words, and
    // lowercase words between a capitalized word and a title right before the name.
    int first = name;
    bool title = false;
    const bool title_before_name = name > 0 && is_title_word(a.lower[name - 1]);
    for (int k = name - 1; k >= 0; --k) {
      std::string_view u = a.tok(k).upos;
      const bool nominal = u == "PROPN" || u == "NOUN" || u == "ADJ";
      if (nominal && a.capitalized(k)) {
        first = k;
        if (is_title_word(a.lower[k])) title = true;
        continue;
      }
      if (a.lower[k] == "of" && k > 0 && a.capitalized(k - 1) && a.capitalized(k + 1)) continue;
      if (nominal && title_before_name && name - k <= 4) continue;  // "UN human rights Chief"
      break;
    }
    if (!title || first == name) continue;
    if (rebuild_chain(a, first, name, end)) changed = true;
  }
  return changed;
}

// "agreed in principle to hold": the infinitive hangs on the idiom; it belongs to the verb.
bool repair_idiom_infinitives(Arcs& a) {
  bool changed = false;
  for (int v = 0; v < a.size(); ++v) {
    if (a.base(v) != "acl" || a.tok(v).upos != "VERB" || a.head[v] < 0) continue;
    bool to = false;
    for (int c : a.children(v)) {
      if (a.base(c) == "mark" && a.lower[c] == "to") to = true;
    }
    if (!to) continue;
    const int n = a.head[v];
    const int g = a.head[n];
    if (g < 0 || a.tok(g).upos != "VERB") continue;
    // Only idioms that qualify an agreement ("in principle", "in theory"), not "in order to".
    const std::string noun = to_lower(a.tok(n).lemma);
    if (noun != "principle" && noun != "theory") continue;
    bool idiom = false;
    for (int c : a.children(n)) {
      if (a.base(c) == "case" && is_idiom_pp(a.lower[c], noun)) idiom = true;
    }
    if (!idiom) continue;
    a.head[v] = g;
    a.rel[v] = "xcomp";
    changed = true;
  }
  return changed;
}

// "accepted in principle a meeting": the parser read "in principle a meeting" as one oblique
// with "principle" as a modifier; the idiom is an oblique of its own and the noun the object.
bool repair_merged_idiom(Arcs& a) {
  bool changed = false;
  for (int n = 0; n < a.size(); ++n) {
    const int g = a.head[n];
    if (g < 0 || a.base(n) != "obl" || a.tok(g).upos != "VERB") continue;
    int in = -1, idiom = -1;
    for (int c : a.children(n)) {
      if (a.base(c) == "case" && a.lower[c] == "in" && c < n) in = c;
    }
    if (in < 0 || in + 1 >= n || a.head[in + 1] != n) continue;
    const std::string lemma = to_lower(a.tok(in + 1).lemma);
    if (lemma != "principle" && lemma != "theory") continue;
    idiom = in + 1;
    bool object = false;
    for (int c : a.children(g)) {
      if (a.base(c) == "obj") object = true;
    }
    if (object) continue;
    a.head[in] = idiom;
    a.rel[in] = "case";
    a.head[idiom] = g;
    a.rel[idiom] = "obl";
    a.rel[n] = "obj";
    changed = true;
  }
  return changed;
}

bool is_control_verb(std::string_view lemma) {
  static const char* const kVerbs[] = {
      "agree", "decide", "plan", "want", "try", "refuse", "promise", "hope", "seek", "aim",
      "attempt", "offer", "threaten", "vow", "pledge", "intend", "fail", "manage", "prepare",
      "wish", "undertake", "vote", "move", "rush", "struggle", "tend", "volunteer", "decline"};
  for (const char* v : kVerbs) {
    if (lemma == v) return true;
  }
  return false;
}

// "has agreed \"in principle\" to hold": a subjectless to-infinitive adverbial of a control verb
// is its complement (the parser often makes it an adverbial of purpose).
bool repair_control_infinitives(Arcs& a) {
  bool changed = false;
  for (int v = 0; v < a.size(); ++v) {
    const int g = a.head[v];
    if (g < 0 || g > v || a.base(v) != "advcl" || a.tok(v).upos != "VERB") continue;
    if (a.tok(g).upos != "VERB" || !is_control_verb(to_lower(a.tok(g).lemma))) continue;
    bool to = false, subject = false;
    for (int c : a.children(v)) {
      if (a.base(c) == "mark" && a.lower[c] == "to") to = true;
      if (a.base(c) == "nsubj" || a.base(c) == "csubj") subject = true;
    }
    bool object = false, xcomp = false;
    for (int c : a.children(g)) {
      if (a.base(c) == "obj") object = true;
      if (a.base(c) == "xcomp") xcomp = true;
    }
    if (!to || subject || object || xcomp) continue;
    a.rel[v] = "xcomp";
    changed = true;
  }
  return changed;
}

bool is_closing_quote(std::string_view f) { return f == "\u201d" || f == "\"" || f == "''"; }

// A punctuation root gives its role to its first verb child; "..., she added" after a closing
// quote is a parataxis speech clause, not a coordinated event.
bool repair_quotation(Arcs& a) {
  bool changed = false;
  std::vector<int> roots;
  for (int k = 0; k < a.size(); ++k) {
    if (a.head[k] < 0) roots.push_back(k);
  }
  if (roots.size() == 1 && a.tok(roots[0]).upos == "PUNCT") {
    const int r = roots[0];
    int verb = -1;
    for (int c : a.children(r)) {
      if (a.tok(c).upos == "VERB") {
        verb = c;
        break;
      }
    }
    if (verb >= 0) {
      for (int c : a.children(r)) {
        if (c != verb) a.head[c] = verb;
      }
      a.head[verb] = -1;
      a.rel[verb] = "root";
      a.head[r] = verb;
      a.rel[r] = "punct";
      changed = true;
    }
  }
  for (int c = 0; c < a.size(); ++c) {
    const int v = a.head[c];
    if (v < 0 || v > c || a.base(c) != "conj" || a.tok(c).upos != "VERB") continue;
    if (!is_speech_verb(to_lower(a.tok(c).lemma))) continue;
    bool subject = false, complement = false;
    for (int k : a.children(c)) {
      std::string_view b = a.base(k);
      if (b == "nsubj") subject = true;
      if (b == "obj" || b == "ccomp" || b == "xcomp") complement = true;
    }
    if (!subject || complement) continue;
    bool quote = false;
    for (int k = v + 1; k < c; ++k) {
      if (is_closing_quote(a.tok(k).form)) quote = true;
    }
    if (!quote) continue;
    a.rel[c] = "parataxis";
    changed = true;
  }
  return changed;
}

bool is_subject(const Arcs& a, int i) { return a.base(i) == "nsubj"; }

// The last "and"/"or" (cc) between words x < y that y's subtree holds, or -1.
int conjunction_between(const Arcs& a, int x, int y) {
  int cc = -1;
  for (int c = x + 1; c < y; ++c) {
    if (a.base(c) == "cc" && (a.lower[c] == "and" || a.lower[c] == "or") && a.dominates(y, c)) {
      cc = c;
    }
  }
  return cc;
}

// "Antony Blinken and Sergei Lavrov are scheduled": two subjects of one predicate, the later one
// holding the "and"/"or" between them in its subtree, are one coordinated subject (the second
// becomes a conjunct of the first).
bool repair_coordinated_subjects(Arcs& a) {
  bool changed = false;
  for (int second = 0; second < a.size(); ++second) {
    const int h = a.head[second];
    if (h < 0 || h < second || !is_subject(a, second)) continue;
    int first = -1;
    for (int k = second - 1; k >= 0; --k) {
      if (a.head[k] == h && is_subject(a, k)) {
        first = k;
        break;
      }
    }
    if (first < 0) continue;
    const int cc = conjunction_between(a, first, second);
    if (cc < 0) continue;
    a.head[cc] = second;  // UD: the conjunction hangs on the conjunct it introduces
    a.head[second] = first;
    a.rel[second] = "conj";
    changed = true;
  }
  return changed;
}

// "U.S. Ambassador to the UN sent": a flat proper-noun chain that ends in a title word is a title
// ("Ambassador", its head) with modifiers, not a name headed by its first word.
bool repair_flat_titles(Arcs& a) {
  bool changed = false;
  for (int h = 0; h < a.size(); ++h) {
    int last = h;  // the end of h's flat chain, which must be contiguous
    for (int k = h + 1; k < a.size() && a.head[k] == h && a.base(k) == "flat"; ++k) last = k;
    if (last == h || !is_title_word(a.lower[last])) continue;
    bool title_before = false;  // only the last word may be a title ("U.S. Ambassador")
    for (int k = h; k < last; ++k) title_before = title_before || is_title_word(a.lower[k]);
    if (title_before) continue;
    for (int c : a.children(h)) {
      if (c > last) a.head[c] = last;
    }
    a.head[last] = a.head[h];
    a.rel[last] = a.rel[h];
    for (int k = h; k < last; ++k) {
      a.head[k] = last;
      a.rel[k] = "compound";
    }
    changed = true;
  }
  return changed;
}

// "Secretary ... Antony Blinken and Russian Foreign Minister Sergei Lavrov": a plain nmod after
// its head with no case marker of its own but an "and"/"or" between them in its subtree is a
// conjunct the parser hung as a modifier (English nmod takes a preposition).
bool repair_caseless_conjuncts(Arcs& a) {
  bool changed = false;
  for (int y = 0; y < a.size(); ++y) {
    const int x = a.head[y];
    if (x < 0 || x > y || a.rel[y] != "nmod") continue;
    bool has_case = false;
    for (int c : a.children(y)) has_case = has_case || a.base(c) == "case";
    if (has_case) continue;
    const int cc = conjunction_between(a, x, y);
    if (cc < 0) continue;
    a.head[cc] = y;
    a.rel[y] = "conj";
    changed = true;
  }
  return changed;
}

// "Crocker, U.S. Representative to the Office ... in Geneva, said": a modifier that follows the
// appositive title of a name, with no punctuation in between, belongs to the title (the parser
// sometimes hangs it on the name, and the fact "be U.S. Representative to Office" is lost).
bool repair_appositive_modifiers(Arcs& a) {
  bool changed = false;
  for (int n = 0; n < a.size(); ++n) {
    const int p = a.head[n];
    if (p < 0 || p > n || a.base(n) != "nmod") continue;
    int appos = -1;  // the name's nearest appositive before the modifier
    for (int k = p + 1; k < n; ++k) {
      if (a.head[k] == p && a.base(k) == "appos") appos = k;
    }
    if (appos < 0) continue;
    bool punct_between = false;
    for (int k = appos + 1; k < n; ++k) {
      if (a.tok(k).upos == "PUNCT") punct_between = true;
    }
    if (punct_between) continue;
    a.head[n] = appos;
    changed = true;
  }
  return changed;
}

// "..., provided Russia does not proceed with military action, ...": "provided"/"providing"
// right before a clause that has its own subject introduces a condition (UD: a mark of that
// clause, which is an advcl). The parser rarely sees it (once in EWT train) and reads it as a
// verb: either the head of the clause (ccomp) or an object of the clause's verb.
bool repair_provided_clauses(Arcs& a) {
  bool changed = false;
  for (int w = 0; w + 2 < a.size(); ++w) {
    if (a.lower[w] != "provided" && a.lower[w] != "providing") continue;
    if (w > 0 && a.tok(w - 1).upos != "PUNCT") continue;  // "... has provided Moussaoui with"
    const int start = a.lower[w + 1] == "that" ? w + 2 : w + 1;
    // The clause: a verb v after `w` whose subject starts the words after `w`.
    int v = -1;
    for (int k = start; k < a.size(); ++k) {
      const int h = a.head[k];
      if (h > k && is_subject(a, k) && a.dominates(k, start) && a.tok(h).upos != "PUNCT") {
        v = h;
        break;
      }
    }
    if (v < 0) continue;
    if (a.head[w] == v) {
      // An argument of the clause's verb.
      if (!a.children(w).empty()) continue;
    } else if (a.head[v] == w) {
      // The head of the clause: the clause takes its place; its other dependents go along.
      for (int c : a.children(w)) {
        if (c != v) a.head[c] = a.head[w] == -1 ? v : a.head[w];
      }
      a.head[v] = a.head[w];
    } else {
      continue;
    }
    a.rel[v] = a.head[v] < 0 ? "root" : "advcl";
    if (a.head[v] >= 0) {
      // "..., provided ..., Psaki said": a parataxis of the condition belongs to the main clause.
      for (int c : a.children(v)) {
        if (a.base(c) == "parataxis") a.head[c] = a.head[v];
      }
    }
    a.head[w] = v;
    a.rel[w] = "mark";
    if (start == w + 2 && a.head[w + 1] != v) {
      a.head[w + 1] = v;
      a.rel[w + 1] = "mark";
    }
    changed = true;
  }
  return changed;
}

// "... impose consequences should Russia instead choose war": a clause that opens with "should",
// "had" or "were" before its subject is an inverted condition (UD: advcl), not a complement.
bool repair_inverted_conditions(Arcs& a) {
  bool changed = false;
  for (int v = 1; v < a.size(); ++v) {
    const int h = a.head[v];
    const std::string_view r = a.base(v);
    if (h < 0 || h > v || (r != "ccomp" && r != "parataxis" && r != "conj" && r != "dep")) continue;
    int aux = -1, subj = -1;
    for (int c : a.children(v)) {
      if (c < v && a.base(c) == "aux" && aux < 0) aux = c;
      if (c < v && is_subject(a, c)) subj = c;
    }
    if (aux < 0 || subj < aux || (a.lower[aux] != "should" && a.lower[aux] != "had" &&
                                  a.lower[aux] != "were")) {
      continue;
    }
    int clause_first = v;  // the auxiliary must open the clause
    for (int k = 0; k < v; ++k) {
      if (a.dominates(v, k)) {
        clause_first = k;
        break;
      }
    }
    if (clause_first != aux) continue;
    a.rel[v] = "advcl";
    changed = true;
  }
  return changed;
}

// "The Securities and Exchange Commission fined ...", "Moody's Investors Service said ...": an
// organisation's name with a coordination or a possessive inside (org_names.h) is one nominal
// headed by its last word, the other words its compounds, attached where its best-attached word
// was.
bool repair_org_names(Arcs& a) {
  bool changed = false;
  std::vector<NameSpan> spans = coordinated_org_names(*a.s);
  for (const NameSpan& p : possessive_org_names(*a.s)) {
    // A coordinated name holding the possessive ("Standard and Poor's Corp") is repaired as one.
    bool inside = false;
    for (const NameSpan& c : spans) inside = inside || (p.first <= c.last && c.first <= p.last);
    if (!inside) spans.push_back(p);
  }
  for (const NameSpan& span : spans) {
    auto in_span = [&](int k) { return k >= span.first && k <= span.last; };
    int best = -1;
    for (int k = span.first; k <= span.last; ++k) {
      if (in_span(a.head[k])) continue;
      if (best < 0 || attachment_rank(a.base(k)) < attachment_rank(a.base(best))) best = k;
    }
    if (best < 0) continue;
    const int host = a.head[best];
    bool cycle = false;
    for (int k = span.first; k <= span.last && host >= 0; ++k)
      cycle = cycle || a.dominates(k, host);
    if (cycle) continue;
    const std::string rel = a.rel[best];
    for (int k = span.first; k <= span.last; ++k) {
      for (int c : a.children(k)) {
        if (!in_span(c)) a.head[c] = span.last;
      }
    }
    for (int k = span.first; k < span.last; ++k) {
      a.head[k] = span.last;
      a.rel[k] = "compound";
    }
    a.head[span.last] = host;
    a.rel[span.last] = rel;
    changed = true;
  }
  return changed;
}

}  // namespace

bool repair_parse(const Sentence& in, Sentence* out) {
  if (in.tokens.empty()) return false;
  Arcs a(in);
  bool changed = repair_quotation(a);
  changed = repair_org_names(a) || changed;
  changed = repair_flat_titles(a) || changed;
  changed = repair_name_chains(a) || changed;
  changed = repair_caseless_conjuncts(a) || changed;
  changed = repair_coordinated_subjects(a) || changed;
  changed = repair_appositive_modifiers(a) || changed;
  changed = repair_provided_clauses(a) || changed;
  changed = repair_inverted_conditions(a) || changed;
  changed = repair_idiom_infinitives(a) || changed;
  changed = repair_control_infinitives(a) || changed;
  changed = repair_merged_idiom(a) || changed;
  if (!changed) return false;
  *out = in;
  for (int i = 0; i < a.size(); ++i) {
    out->tokens[i].head = a.head[i] + 1;
    out->tokens[i].deprel = a.rel[i];
  }
  return true;
}

}  // namespace kg::extract
