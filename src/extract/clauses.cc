// Clause-based proposition extraction over a UD tree: predicates and their xcomp chains,
// inherited subjects (conj, xcomp, advcl, acl, relative clauses), passives, objects, obliques,
// negation, modality, conditions and attribution.
#include <algorithm>
#include <functional>

#include "extract/lexicon.h"
#include "extract/mention.h"
#include "extract/proposition.h"

namespace kg::extract {
namespace {

bool is_subject_rel(std::string_view r) {
  return r == "nsubj" || r == "nsubj:pass" || r == "csubj" || r == "csubj:pass";
}

bool is_punct(const DepTree& t, int i) { return t.upos(i) == "PUNCT"; }

std::string_view normalize_modal(std::string_view m) {
  if (m == "wo" || m == "'ll") return "will";
  if (m == "ca") return "can";
  if (m == "'d") return "would";
  return m;
}

void append_part(std::string& s, std::string_view part) {
  if (part.empty()) return;
  if (!s.empty()) s += "; ";
  s += part;
}

class Builder {
 public:
  explicit Builder(const DepTree& t) : t_(t), n_(t.size()) {}

  std::vector<Proposition> run() {
    compute_context();
    std::vector<Proposition> out;
    for (int i = 0; i < n_; ++i) {
      if (!is_predicate(i) || chain_internal(i)) continue;
      build_clause(i, out);
    }
    for (int i = 0; i < n_; ++i) build_appositions(i, out);
    return out;
  }

 private:
  // --- predicates and chains ---------------------------------------------------------------

  bool has_cop(int i) const { return t_.has_child(i, "cop"); }

  bool is_predicate(int i) const {
    std::string_view r = t_.rel(i);
    if (r == "amod" || r == "compound" || r == "aux" || r == "cop" || r == "case" ||
        r == "mark" || r == "det" || r == "fixed" || r == "flat" || r == "goeswith" ||
        r == "reparandum" || r == "discourse" || r == "punct" || r == "cc") {
      return false;
    }
    if (has_cop(i)) return true;
    if (t_.is_verb(i)) {
      // A bare participle modifying a noun without arguments is an adjective ("retiring jurists").
      return true;
    }
    return false;
  }

  bool has_object(int i) const { return t_.has_child(i, "obj"); }

  // `x` continues the predicate chain of its head `g` ("agreed to *hold*", "ready to *impose*").
  bool chainable(int g, int x) const {
    if (g < 0 || !is_predicate(g)) return false;
    if (t_.upos(x) != "VERB" && t_.upos(x) != "ADJ" && t_.upos(x) != "AUX") return false;
    for (int c : t_.children(x)) {
      if (is_subject_rel(t_.full_rel(c))) return false;
    }
    if (has_object(g)) return false;  // object control: "asked him to leave"
    if (t_.full_rel(x) == "xcomp") {
      // A copular xcomp ("seems to be ready") is fine; a nominal one is not.
      return true;
    }
    if (t_.rel(x) == "advcl" && t_.full_rel(x) == "advcl") {
      const bool adjectival = t_.upos(g) == "ADJ" || t_.is_passive(g) || has_cop(g);
      int mark = t_.child(x, "mark");
      return adjectival && mark >= 0 && t_.lower(mark) == "to" && !t_.has_child(g, "obj");
    }
    return false;
  }

  bool chain_internal(int i) const { return chainable(t_.head(i), i); }

  int chain_top(int i) const {
    int steps = 0;
    while (chain_internal(i) && steps++ < n_) i = t_.head(i);
    return i;
  }

  std::vector<int> chain_from(int top) const {
    std::vector<int> chain = {top};
    int v = top;
    for (int steps = 0; steps < n_; ++steps) {
      int next = -1;
      for (int c : t_.children(v)) {
        if (chainable(v, c)) {
          next = c;
          break;
        }
      }
      if (next < 0) break;
      chain.push_back(next);
      v = next;
    }
    return chain;
  }

  // --- subjects ------------------------------------------------------------------------------

  int own_subject(int i) const {
    for (int c : t_.children(i)) {
      if (is_subject_rel(t_.full_rel(c))) return c;
    }
    for (int c : t_.children(i)) {
      if (t_.full_rel(c) == "nsubj:outer") return c;
    }
    return -1;
  }

  struct SubjectInfo {
    int head = -1;
    int hops = 0;
    bool patient = false;  // the subject is the patient of a passive (or a participle's noun)
    bool rel_pronoun = false;
  };

  SubjectInfo subject_of(int top, int depth = 0) const {
    SubjectInfo s;
    if (depth > 8) return s;
    int own = own_subject(top);
    const int g = t_.head(top);
    if (own >= 0) {
      s.patient = t_.full_rel(own) == "nsubj:pass" || t_.full_rel(own) == "csubj:pass";
      if (t_.rel(top) == "acl" && g >= 0 && is_relative_pronoun(t_.lower(own))) {
        s.head = g;
        s.hops = 1;
        s.rel_pronoun = true;
        return s;
      }
      s.head = own;
      return s;
    }
    if (g < 0) return s;
    std::string_view r = t_.rel(top);
    std::string_view full = t_.full_rel(top);
    if (r == "conj") {
      if (is_predicate(g)) {
        SubjectInfo up = subject_of(chain_top(g), depth + 1);
        up.hops += 1;
        return up;
      }
      return s;
    }
    if (r == "xcomp") {
      int obj = t_.child(g, "obj");
      if (obj >= 0) {
        s.head = obj;
        s.hops = 1;
        return s;
      }
      SubjectInfo up = subject_of(chain_top(g), depth + 1);
      up.hops += 1;
      return up;
    }
    if (r == "advcl" && is_predicate(g)) {
      // Only non-finite adverbial clauses share the subject ("..., replacing Graae").
      std::string_view xpos = t_.tok(top).xpos;
      if (xpos == "VBG" || xpos == "VBN" || xpos == "VB" || t_.has_child(top, "mark")) {
        SubjectInfo up = subject_of(chain_top(g), depth + 1);
        up.hops += 1;
        up.patient = false;
        return up;
      }
      return s;
    }
    if (r == "acl" && t_.is_noun(g)) {
      s.head = g;
      s.hops = 1;
      s.rel_pronoun = full == "acl:relcl";
      // "an allegation based on reports", "Ukrainians to be killed"
      s.patient = t_.tok(top).xpos == "VBN" && !t_.has_child(top, "aux");
      if (t_.has_child(top, "aux:pass")) s.patient = true;
      return s;
    }
    return s;
  }

  // --- context: attribution and inherited modality ------------------------------------------

  int speaker_of_speech_clause(int v) const {
    if (!t_.is_verb(v) || !is_speech_verb(t_.lemma(v))) return -1;
    SubjectInfo s = subject_of(chain_top(v));
    return s.head;
  }

  // The mention heading an "according to X" oblique (the possessor of "X's assessment").
  int according_to_source(int i) const {
    for (int c : t_.children(i)) {
      if (t_.rel(c) != "obl" && t_.rel(c) != "advcl") continue;
      if (preposition_of(t_, c) != "according to") continue;
      int poss = t_.child(c, "nmod:poss");
      return poss >= 0 && t_.upos(poss) != "PRON" ? poss : c;
    }
    return -1;
  }

  // A parataxis child that is a bare speech clause ("..., she added").
  int parataxis_speaker(int i) const {
    for (int c : t_.children(i)) {
      if (t_.rel(c) != "parataxis") continue;
      if (!t_.is_verb(c) || !is_speech_verb(t_.lemma(c))) continue;
      if (t_.has_child(c, "ccomp") || t_.has_child(c, "obj")) continue;
      int subj = own_subject(c);
      if (subj >= 0) return subj;
    }
    return -1;
  }

  void compute_context() {
    attribution_.assign(n_, -1);
    modality_.assign(n_, std::string());
    std::vector<int> order;
    order.reserve(n_);
    std::function<void(int)> visit = [&](int i) {
      order.push_back(i);
      for (int c : t_.children(i)) visit(c);
    };
    for (int r : t_.roots()) visit(r);
    for (int i : order) {
      const int g = t_.head(i);
      int attr = g >= 0 ? attribution_[g] : -1;
      std::string mod = g >= 0 ? modality_[g] : std::string();
      if (g >= 0 && t_.rel(i) == "parataxis" && parataxis_speaker(g) >= 0 &&
          t_.dominates(i, parataxis_speaker(g))) {
        attr = t_.head(g) >= 0 ? attribution_[t_.head(g)] : -1;  // the speech act itself
      }
      if (g >= 0 && (t_.rel(i) == "ccomp" || t_.rel(i) == "parataxis")) {
        int spk = speaker_of_speech_clause(g);
        if (spk >= 0 && !t_.dominates(i, spk)) attr = spk;
      }
      if (int p = parataxis_speaker(i); p >= 0) attr = p;
      if (int a = according_to_source(i); a >= 0) attr = a;
      if (t_.rel(i) == "advcl") {
        std::string marker = condition_marker(i);
        if (!marker.empty()) {
          mod = "condition";
        } else if (int m = t_.child(i, "mark"); m >= 0 && t_.lower(m) == "to" &&
                   own_subject(i) < 0) {
          mod = "purpose";
        }
      }
      attribution_[i] = attr;
      modality_[i] = mod;
    }
  }

  // "if", "unless", "as long as", "provided"; "should" for an inverted condition; "" otherwise.
  std::string condition_marker(int advcl) const {
    std::string mark;
    for (int c : t_.children(advcl)) {
      if (t_.rel(c) != "mark") continue;
      mark = std::string(t_.lower(c));
      for (int f : t_.children(c)) {
        if (t_.rel(f) == "fixed") mark += " " + std::string(t_.lower(f));
      }
      break;
    }
    const int g = t_.head(advcl);
    if (mark == "as" && g >= 0 && (t_.lemma(g) == "long")) mark = "as long as";
    if (is_condition_marker(mark)) return mark;
    if (mark.empty()) {
      // Inverted condition: "should Russia choose war".
      int subj = own_subject(advcl);
      for (int c : t_.children(advcl)) {
        if (t_.rel(c) == "aux" && (t_.lemma(c) == "should" || t_.lemma(c) == "had") &&
            subj >= 0 && c < subj) {
          return std::string(t_.lower(c));
        }
      }
    }
    return "";
  }

  // Condition clauses attached to a clause head (directly or via "as long as"; a "provided"
  // clause is a plain advcl after repair_parse).
  void conditions_of(int top, std::string& modality) const {
    std::vector<int> hosts = {top};
    for (int c : t_.children(top)) {
      if (t_.rel(c) == "advmod" && t_.lemma(c) == "long") hosts.push_back(c);
    }
    for (int h : hosts) {
      for (int clause : t_.children(h)) {
        if (t_.rel(clause) != "advcl") continue;
        const std::string marker = condition_marker(clause);
        if (marker.empty()) continue;
        std::vector<int> words;
        for (int k = t_.sub_first(clause); k <= t_.sub_last(clause); ++k) {
          if (!t_.dominates(clause, k)) continue;
          if (t_.head(k) == clause && t_.rel(k) == "mark") continue;
          if (t_.head(k) == clause && k < clause && t_.rel(k) == "aux" &&
              std::string_view(marker) == t_.lower(k)) {
            continue;
          }
          words.push_back(k);
        }
        while (!words.empty() && is_punct(t_, words.back())) words.pop_back();
        while (!words.empty() && is_punct(t_, words.front())) words.erase(words.begin());
        append_part(modality, marker + " " + surface_text(t_, words));
      }
    }
  }

  // --- clause assembly -----------------------------------------------------------------------

  static bool is_oblique_rel(std::string_view base) { return base == "obl"; }

  bool is_temporal(int a) const {
    std::string_view full = t_.full_rel(a);
    if (full == "obl:tmod") return true;
    if (is_temporal_noun(t_.lemma(a))) return true;
    // "later this week": the oblique's own modifiers mark it.
    for (int c : t_.children(a)) {
      if (t_.rel(c) == "compound" && is_temporal_noun(t_.lemma(c))) return true;
    }
    return false;
  }

  void build_clause(int top, std::vector<Proposition>& out) {
    Proposition p;
    p.top = top;
    p.chain = chain_from(top);
    p.pred = p.chain.back();
    std::string_view top_rel = t_.rel(top);
    p.embedded = top_rel != "root" && top_rel != "conj" && top_rel != "parataxis";
    if (top_rel == "conj") {
      int g = chain_top(t_.head(top));
      std::string_view gr = t_.rel(g);
      p.embedded = gr != "root" && gr != "parataxis";
    }

    SubjectInfo subj = subject_of(top);
    p.subject_hops = subj.hops;
    p.rel_pronoun_subject = subj.rel_pronoun;

    const bool copular = has_cop(top);
    const bool acl_participle = t_.rel(top) == "acl" && subj.patient;
    // "to be killed or sent to camps": a bare participle coordinated with a passive.
    const bool conj_passive = t_.rel(top) == "conj" && t_.head(top) >= 0 &&
                              t_.is_passive(t_.head(top)) && t_.tok(top).xpos == "VBN" &&
                              !t_.has_child(top, "aux") && own_subject(top) < 0;
    const bool passive = (t_.is_passive(top) || acl_participle || conj_passive) && !copular;
    int agent = -1;
    if (passive) {
      for (int m : p.chain) {
        for (int c : t_.children(m)) {
          if (t_.full_rel(c) == "obl:agent" ||
              (t_.rel(c) == "obl" && preposition_of(t_, c) == "by" && m == top &&
               !is_temporal(c))) {
            agent = c;
          }
        }
      }
    }
    const bool active_from_passive = passive && agent >= 0 && p.chain.size() == 1;

    // Relation label and surface words.
    std::string label;
    auto add = [&](std::string_view w) {
      if (w.empty()) return;
      if (!label.empty()) label += ' ';
      label += w;
    };
    std::vector<int> rel_tokens;
    for (size_t k = 0; k < p.chain.size(); ++k) {
      const int m = p.chain[k];
      std::string part;
      auto add_part = [&](std::string_view w) {
        if (!part.empty()) part += ' ';
        part += w;
      };
      for (int c : t_.children(m)) {
        std::string_view r = t_.rel(c);
        if (r == "aux" || r == "cop" || (r == "advmod" && is_negation(t_.lemma(c)))) {
          rel_tokens.push_back(c);
        }
        // Adverbs between the auxiliaries and the verb read as part of it ("has repeatedly made").
        if (r == "advmod" && c < m && t_.children(c).empty() && t_.upos(c) == "ADV" &&
            (c > 0 && (t_.rel(c - 1) == "aux" || t_.rel(c - 1) == "cop" || c + 1 == m))) {
          rel_tokens.push_back(c);
        }
        if (k > 0 && r == "mark" && t_.lower(c) == "to") {
          rel_tokens.push_back(c);
          add("to");
        }
      }
      if (k == 0 && copular) {
        add_part("be");
        if (t_.upos(m) == "ADJ" || t_.is_verb(m)) add_part(t_.lemma(m));
        int cs = t_.child(m, "case");
        if (cs >= 0 && t_.is_noun(m)) add_part(preposition_of(t_, m));
      } else if (k == 0 && passive && !active_from_passive) {
        add_part("be");
        add_part(t_.lower(m));
        rel_tokens.push_back(m);
      } else if (t_.has_child(m, "cop")) {
        add_part("be");
        add_part(t_.lemma(m));
        rel_tokens.push_back(m);
      } else {
        add_part(t_.lemma(m));
        rel_tokens.push_back(m);
      }
      for (int c : t_.children(m)) {
        if (t_.full_rel(c) == "compound:prt") {
          add_part(t_.lemma(c));
          rel_tokens.push_back(c);
        }
      }
      add(part);
      if (k + 1 == p.chain.size()) p.inner_label = part;
    }
    // An adjective predicate with obliques keeps the adjective in the relation ("are equal to").
    if (copular && !t_.is_noun(top)) {
      rel_tokens.push_back(top);
    }
    std::sort(rel_tokens.begin(), rel_tokens.end());
    rel_tokens.erase(std::unique(rel_tokens.begin(), rel_tokens.end()), rel_tokens.end());
    p.rel_tokens = rel_tokens;
    p.label = label;

    // Negation and modality.
    std::string modality;
    std::string hedges;
    auto scan_qualifiers = [&](int m, bool own_only) {
      for (int c : t_.children(m)) {
        std::string_view r = t_.rel(c);
        if (r == "advmod" && is_negation(t_.lemma(c))) p.negated = true;
        if (r == "aux" && is_modal(t_.lemma(c))) append_part(modality, normalize_modal(t_.lemma(c)));
        if (r == "advmod" && is_hedge_adverb(t_.lemma(c))) {
          if (!hedges.empty()) hedges += ' ';
          hedges += t_.lemma(c);
        }
        if (!own_only && r == "obl" && is_idiom_pp(preposition_of(t_, c), t_.lemma(c)) &&
            (t_.lemma(c) == "principle" || t_.lemma(c) == "theory")) {
          if (!hedges.empty()) hedges += ' ';
          hedges += preposition_of(t_, c) + " " + std::string(t_.lemma(c));
        }
      }
    };
    for (int m : p.chain) scan_qualifiers(m, false);
    if (top_rel == "conj" && !t_.has_child(top, "aux") && !t_.has_child(top, "nsubj")) {
      // "would produce X and create Y": the second verb shares the first one's auxiliaries.
      int g = t_.head(top);
      if (g >= 0 && is_predicate(g)) scan_qualifiers(chain_top(g), true);
    }
    if (!hedges.empty()) {
      if (modality.empty()) {
        modality = hedges;
      } else {
        modality += " " + hedges;
      }
    }
    conditions_of(top, modality);
    if (top_rel == "conj" && t_.head(top) >= 0) conditions_of(chain_top(t_.head(top)), modality);
    append_part(modality, modality_[top]);
    p.modality = modality;
    p.attribution = attribution_[top];

    // Objects and obliques.
    std::vector<int> objects;
    int clause_obj = -1;
    for (auto it = p.chain.rbegin(); it != p.chain.rend() && objects.empty(); ++it) {
      for (int c : t_.children(*it)) {
        if (t_.rel(c) == "obj") objects.push_back(c);
      }
    }
    if (objects.empty()) {
      for (int c : t_.children(p.pred)) {
        if (t_.rel(c) == "ccomp" || (t_.rel(c) == "xcomp" && t_.is_noun(c))) {
          clause_obj = c;
          break;
        }
      }
    }
    // "..., she added": what was said is the clause the speech verb hangs on.
    if (objects.empty() && clause_obj < 0 && top_rel == "parataxis" && t_.head(top) >= 0 &&
        is_speech_verb(t_.lemma(p.pred))) {
      clause_obj = t_.head(top);
      p.reported_host = true;
    }
    std::vector<Arg> obliques;
    auto add_oblique = [&](int a, int attach, bool from_object) {
      if (a == agent && active_from_passive) return;
      std::string prep = preposition_of(t_, a);
      if (prep == "according to") return;
      if (t_.upos(a) == "PRON" && is_relative_pronoun(t_.lower(a))) return;
      if (is_idiom_pp(prep, t_.lemma(a))) return;
      Arg arg;
      arg.head = a;
      arg.attach = attach;
      arg.prep = prep;
      arg.temporal = is_temporal(a);
      arg.from_object = from_object;
      obliques.push_back(arg);
    };
    for (int m : p.chain) {
      for (int c : t_.children(m)) {
        std::string_view r = t_.rel(c);
        if (is_oblique_rel(r) || r == "iobj" ||
            ((copular && m == top) && r == "nmod" && t_.full_rel(c) != "nmod:poss")) {
          add_oblique(c, m, copular && t_.is_noun(top));
        }
      }
    }

    // Relative clauses: the modified noun fills the slot of the relative pronoun.
    const int g = t_.head(top);
    const bool relcl = t_.full_rel(top) == "acl:relcl" && g >= 0;
    if (relcl && !subj.rel_pronoun && subj.head != g) {
      for (int m : p.chain) {
        for (int c : t_.children(m)) {
          if (t_.rel(c) == "obj" && is_relative_pronoun(t_.lower(c))) {
            objects.assign(1, g);
          }
          if (t_.rel(c) == "obl" && is_relative_pronoun(t_.lower(c))) {
            Arg arg;
            arg.head = g;
            arg.attach = m;
            arg.prep = preposition_of(t_, c);
            obliques.push_back(arg);
          }
          if (t_.rel(c) == "advmod" && t_.lower(c) == "where") {
            Arg arg;
            arg.head = g;
            arg.attach = m;
            arg.prep = "in";
            obliques.push_back(arg);
          }
        }
      }
      if (objects.empty() && subj.head >= 0 && t_.is_verb(p.pred) && !passive &&
          !is_temporal(g) &&
          !t_.has_child(p.pred, "obj") && obliques.empty() && clause_obj < 0) {
        objects.push_back(g);  // "the book he bought"
      }
    } else {
      for (int& o : objects) {
        if (is_relative_pronoun(t_.lower(o)) && relcl) o = g;
      }
    }
    std::sort(obliques.begin(), obliques.end(),
              [](const Arg& a, const Arg& b) { return a.head < b.head; });

    // Subject and object after passive normalization.
    Arg subject;
    subject.head = subj.head;
    if (active_from_passive) {
      if (subj.head >= 0) objects.assign(1, subj.head);
      subject.head = agent;
      p.from_passive = true;
      p.agent_case = t_.child(agent, "case");
    }
    if (copular && t_.is_noun(top) && objects.empty()) {
      objects.push_back(top);
    }

    // Nominal modifiers of the object ("a meeting *of the Council*"), for light-verb relations.
    auto object_nmods = [&](int o) {
      std::vector<Arg> r;
      if (o < 0 || o == top || !t_.is_noun(o)) return r;
      for (int c : t_.children(o)) {
        if (t_.full_rel(c) != "nmod" && t_.full_rel(c) != "nmod:unmarked") continue;
        std::string prep = preposition_of(t_, c);
        if (prep.empty() || prep == "according to") continue;
        Arg arg;
        arg.head = c;
        arg.attach = o;
        arg.prep = prep;
        arg.from_object = true;
        arg.temporal = is_temporal(c);
        r.push_back(arg);
      }
      return r;
    };

    p.subject = subject;
    std::vector<int> subjects = conjuncts(subject.head);
    if (clause_obj >= 0) {
      Arg obj;
      obj.head = clause_obj;
      obj.attach = p.pred;
      obj.kind = ArgKind::kClause;
      if (int mk = t_.child(clause_obj, "mark"); mk >= 0) p.clause_mark = t_.lower(mk);
      p.object = obj;
    }
    if (objects.empty()) {
      p.obliques = obliques;
      for (int sh : subjects) {
        Proposition q = p;
        q.subject.head = sh;
        out.push_back(std::move(q));
      }
      return;
    }
    std::vector<int> all_objects;
    for (int o : objects) {
      for (int x : conjuncts(o)) all_objects.push_back(x);
    }
    for (int sh : subjects)
    for (int o : all_objects) {
      Proposition q = p;
      q.subject.head = sh;
      q.object.head = o;
      q.object.attach = p.pred;
      q.object.kind = (copular && o == top && t_.upos(top) == "ADJ") ? ArgKind::kAdjective
                                                                    : ArgKind::kNominal;
      q.obliques = obliques;
      for (Arg& a : object_nmods(o)) q.obliques.push_back(a);
      out.push_back(std::move(q));
    }
  }

  // A nominal and its coordinated nominals ("Blinken and Lavrov"); {-1} for an absent one.
  std::vector<int> conjuncts(int head) const {
    std::vector<int> r = {head};
    if (head < 0 || !t_.is_noun(head)) return r;
    for (size_t k = 0; k < r.size() && r.size() < 16; ++k) {
      for (int c : t_.children(r[k])) {
        if (t_.rel(c) == "conj" && t_.is_noun(c)) r.push_back(c);
      }
    }
    std::sort(r.begin(), r.end());
    return r;
  }

  void build_appositions(int i, std::vector<Proposition>& out) {
    if (t_.rel(i) != "appos") return;
    int g = t_.head(i);
    if (g < 0 || !t_.is_noun(g) || !t_.is_noun(i)) return;
    if (t_.upos(i) == "PRON" || t_.upos(g) == "PRON") return;
    // The name is the subject: "the philosopher, Benjamin Constant" -> Constant be philosopher.
    const bool swap = t_.upos(g) != "PROPN" && t_.upos(i) == "PROPN";
    Proposition p;
    p.kind = PropKind::kAppos;
    p.top = i;
    p.pred = i;
    p.chain = {i};
    p.subject.head = swap ? i : g;
    p.object.head = swap ? g : i;
    p.object.attach = p.object.head;
    p.label = "be";
    p.inner_label = "be";
    p.attribution = attribution_[g];
    p.embedded = true;
    for (int c : t_.children(p.object.head)) {
      if (t_.full_rel(c) != "nmod") continue;
      std::string prep = preposition_of(t_, c);
      if (prep.empty()) continue;
      Arg arg;
      arg.head = c;
      arg.attach = p.object.head;
      arg.prep = prep;
      arg.from_object = true;
      p.obliques.push_back(arg);
    }
    out.push_back(std::move(p));
  }

  const DepTree& t_;
  const int n_;
  std::vector<int> attribution_;
  mutable std::vector<std::string> modality_;
};

}  // namespace

std::vector<Proposition> extract_propositions(const DepTree& t) { return Builder(t).run(); }

}  // namespace kg::extract
