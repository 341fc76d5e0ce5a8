// Clause-based proposition extraction over a UD tree: per predicate chain the relation label,
// negation, modality and conditions, objects and obliques, relative-clause gaps and passives
// normalized to active, then one proposition per subject and object conjunct; appositions.
#include <algorithm>

#include "extract/clause_structure.h"
#include "extract/lexicon.h"
#include "extract/mention.h"
#include "extract/proposition.h"

namespace kg::extract {
namespace {

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

bool is_oblique_rel(std::string_view base) { return base == "obl"; }

bool is_temporal(const DepTree& t, int a) {
  std::string_view full = t.full_rel(a);
  if (full == "obl:tmod") return true;
  if (is_temporal_noun(t.lemma(a))) return true;
  // "later this week": the oblique's own modifiers mark it.
  for (int c : t.children(a)) {
    if (t.rel(c) == "compound" && is_temporal_noun(t.lemma(c))) return true;
  }
  return false;
}

// A nominal and its coordinated nominals ("Blinken and Lavrov"); {-1} for an absent one.
std::vector<int> conjuncts(const DepTree& t, int head) {
  std::vector<int> r = {head};
  if (head < 0 || !t.is_noun(head)) return r;
  for (size_t k = 0; k < r.size() && r.size() < 16; ++k) {
    for (int c : t.children(r[k])) {
      if (t.rel(c) == "conj" && t.is_noun(c)) r.push_back(c);
    }
  }
  std::sort(r.begin(), r.end());
  return r;
}

class Builder {
 public:
  explicit Builder(const DepTree& t) : t_(t), c_(t), n_(t.size()) {}

  std::vector<Proposition> run() {
    std::vector<Proposition> out;
    for (int i = 0; i < n_; ++i) {
      if (!c_.is_predicate(i) || c_.chain_internal(i)) continue;
      build_clause(i, out);
    }
    for (int i = 0; i < n_; ++i) build_appositions(i, out);
    return out;
  }

 private:
  using SubjectInfo = ClauseStructure::SubjectInfo;

  // How a clause's predicate relates to its subject.
  struct Voice {
    bool copular = false;
    bool passive = false;
    int agent = -1;                    // the passive's "by" oblique
    bool active_from_passive = false;  // a one-word passive with an agent, read as active
  };

  // A clause's arguments before they are combined into propositions.
  struct Arguments {
    std::vector<int> objects;
    int clause_obj = -1;  // a clausal object (ccomp) or nominal xcomp
    std::vector<Arg> obliques;
  };

  void build_clause(int top, std::vector<Proposition>& out) {
    Proposition p = clause_frame(top);
    const SubjectInfo subj = c_.subject_of(top);
    p.subject_hops = subj.hops;
    p.rel_pronoun_subject = subj.rel_pronoun;
    const Voice v = voice_of(p, subj);
    label_relation(p, v);
    qualify(p);
    Arguments args = arguments_of(p, v);
    fill_relative_gap(p, subj, v, args);
    std::sort(args.obliques.begin(), args.obliques.end(),
              [](const Arg& a, const Arg& b) { return a.head < b.head; });
    normalize_passive(p, subj, v, args);
    combine(p, v, args, out);
  }

  // --- the predicate ---------------------------------------------------------------------------

  // The clause headed by `top`: its predicate chain and whether it is embedded.
  Proposition clause_frame(int top) const {
    Proposition p;
    p.top = top;
    p.chain = c_.chain_from(top);
    p.pred = p.chain.back();
    std::string_view top_rel = t_.rel(top);
    p.embedded = top_rel != "root" && top_rel != "conj" && top_rel != "parataxis";
    if (top_rel == "conj") {
      int g = c_.chain_top(t_.head(top));
      std::string_view gr = t_.rel(g);
      p.embedded = gr != "root" && gr != "parataxis";
    }
    return p;
  }

  Voice voice_of(const Proposition& p, const SubjectInfo& subj) const {
    const int top = p.top;
    Voice v;
    v.copular = c_.has_cop(top);
    const bool acl_participle = t_.rel(top) == "acl" && subj.patient;
    // "to be killed or sent to camps": a bare participle coordinated with a passive.
    const bool conj_passive = t_.rel(top) == "conj" && t_.head(top) >= 0 &&
                              t_.is_passive(t_.head(top)) && t_.tok(top).xpos == "VBN" &&
                              !t_.has_child(top, "aux") && c_.own_subject(top) < 0;
    v.passive = (t_.is_passive(top) || acl_participle || conj_passive) && !v.copular;
    if (v.passive) {
      for (int m : p.chain) {
        for (int c : t_.children(m)) {
          if (t_.full_rel(c) == "obl:agent" ||
              (t_.rel(c) == "obl" && preposition_of(t_, c) == "by" && m == top &&
               !is_temporal(t_, c))) {
            v.agent = c;
          }
        }
      }
    }
    v.active_from_passive = v.passive && v.agent >= 0 && p.chain.size() == 1;
    return v;
  }

  // Relation label and surface words.
  void label_relation(Proposition& p, const Voice& v) const {
    const int top = p.top;
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
      if (k == 0 && v.copular) {
        add_part("be");
        if (t_.upos(m) == "ADJ" || t_.is_verb(m)) add_part(t_.lemma(m));
        int cs = t_.child(m, "case");
        if (cs >= 0 && t_.is_noun(m)) add_part(preposition_of(t_, m));
      } else if (k == 0 && v.passive && !v.active_from_passive) {
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
    if (v.copular && !t_.is_noun(top)) {
      rel_tokens.push_back(top);
    }
    std::sort(rel_tokens.begin(), rel_tokens.end());
    rel_tokens.erase(std::unique(rel_tokens.begin(), rel_tokens.end()), rel_tokens.end());
    p.rel_tokens = rel_tokens;
    p.label = label;
  }

  // --- qualifiers ------------------------------------------------------------------------------

  // Negation, modality and attribution.
  void qualify(Proposition& p) const {
    const int top = p.top;
    std::string_view top_rel = t_.rel(top);
    std::string modality;
    std::string hedges;
    auto scan_qualifiers = [&](int m, bool own_only) {
      for (int c : t_.children(m)) {
        std::string_view r = t_.rel(c);
        if (r == "advmod" && is_negation(t_.lemma(c))) p.negated = true;
        if (r == "aux" && is_modal(t_.lemma(c)))
          append_part(modality, normalize_modal(t_.lemma(c)));
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
      if (g >= 0 && c_.is_predicate(g)) scan_qualifiers(c_.chain_top(g), true);
    }
    if (!hedges.empty()) {
      if (modality.empty()) {
        modality = hedges;
      } else {
        modality += " " + hedges;
      }
    }
    conditions_of(top, modality);
    if (top_rel == "conj" && t_.head(top) >= 0) conditions_of(c_.chain_top(t_.head(top)), modality);
    append_part(modality, c_.modality(top));
    p.modality = modality;
    p.attribution = c_.attribution(top);
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
        const std::string marker = c_.condition_marker(clause);
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

  // --- arguments -------------------------------------------------------------------------------

  // Objects and obliques.
  Arguments arguments_of(Proposition& p, const Voice& v) const {
    const int top = p.top;
    Arguments args;
    std::vector<int>& objects = args.objects;
    for (auto it = p.chain.rbegin(); it != p.chain.rend() && objects.empty(); ++it) {
      for (int c : t_.children(*it)) {
        if (t_.rel(c) == "obj") objects.push_back(c);
      }
    }
    if (objects.empty()) {
      for (int c : t_.children(p.pred)) {
        if (t_.rel(c) == "ccomp" || (t_.rel(c) == "xcomp" && t_.is_noun(c))) {
          args.clause_obj = c;
          break;
        }
      }
    }
    // "..., she added": what was said is the clause the speech verb hangs on.
    if (objects.empty() && args.clause_obj < 0 && t_.rel(top) == "parataxis" && t_.head(top) >= 0 &&
        is_speech_verb(t_.lemma(p.pred))) {
      args.clause_obj = t_.head(top);
      p.reported_host = true;
    }
    auto add_oblique = [&](int a, int attach, bool from_object) {
      if (a == v.agent && v.active_from_passive) return;
      std::string prep = preposition_of(t_, a);
      if (prep == "according to") return;
      if (t_.upos(a) == "PRON" && is_relative_pronoun(t_.lower(a))) return;
      if (is_idiom_pp(prep, t_.lemma(a))) return;
      Arg arg;
      arg.head = a;
      arg.attach = attach;
      arg.prep = prep;
      arg.temporal = is_temporal(t_, a);
      arg.from_object = from_object;
      args.obliques.push_back(arg);
    };
    for (int m : p.chain) {
      for (int c : t_.children(m)) {
        std::string_view r = t_.rel(c);
        if (is_oblique_rel(r) || r == "iobj" ||
            ((v.copular && m == top) && r == "nmod" && t_.full_rel(c) != "nmod:poss")) {
          add_oblique(c, m, v.copular && t_.is_noun(top));
        }
      }
    }
    return args;
  }

  // Relative clauses: the modified noun fills the slot of the relative pronoun.
  void fill_relative_gap(const Proposition& p, const SubjectInfo& subj, const Voice& v,
                         Arguments& args) const {
    const int g = t_.head(p.top);
    const bool relcl = t_.full_rel(p.top) == "acl:relcl" && g >= 0;
    std::vector<int>& objects = args.objects;
    std::vector<Arg>& obliques = args.obliques;
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
      if (objects.empty() && subj.head >= 0 && t_.is_verb(p.pred) && !v.passive &&
          !is_temporal(t_, g) && !t_.has_child(p.pred, "obj") && obliques.empty() &&
          args.clause_obj < 0) {
        objects.push_back(g);  // "the book he bought"
      }
    } else {
      for (int& o : objects) {
        if (is_relative_pronoun(t_.lower(o)) && relcl) o = g;
      }
    }
  }

  // Subject and object after passive normalization.
  void normalize_passive(Proposition& p, const SubjectInfo& subj, const Voice& v,
                         Arguments& args) const {
    p.subject.head = subj.head;
    if (v.active_from_passive) {
      if (subj.head >= 0) args.objects.assign(1, subj.head);
      p.subject.head = v.agent;
      p.from_passive = true;
      p.agent_case = t_.child(v.agent, "case");
    }
    if (v.copular && t_.is_noun(p.top) && args.objects.empty()) {
      args.objects.push_back(p.top);
    }
  }

  // Nominal modifiers of the object ("a meeting *of the Council*"), for light-verb relations.
  std::vector<Arg> object_nmods(int o, int top) const {
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
      arg.temporal = is_temporal(t_, c);
      r.push_back(arg);
    }
    return r;
  }

  // --- propositions ----------------------------------------------------------------------------

  // One proposition per subject conjunct and object conjunct.
  void combine(Proposition& p, const Voice& v, const Arguments& args,
               std::vector<Proposition>& out) const {
    const int top = p.top;
    std::vector<int> subjects = conjuncts(t_, p.subject.head);
    if (args.clause_obj >= 0) {
      Arg obj;
      obj.head = args.clause_obj;
      obj.attach = p.pred;
      obj.kind = ArgKind::kClause;
      if (int mk = t_.child(args.clause_obj, "mark"); mk >= 0) p.clause_mark = t_.lower(mk);
      p.object = obj;
    }
    if (args.objects.empty()) {
      p.obliques = args.obliques;
      for (int sh : subjects) {
        Proposition q = p;
        q.subject.head = sh;
        out.push_back(std::move(q));
      }
      return;
    }
    std::vector<int> all_objects;
    for (int o : args.objects) {
      for (int x : conjuncts(t_, o)) all_objects.push_back(x);
    }
    for (int sh : subjects) {
      for (int o : all_objects) {
        Proposition q = p;
        q.subject.head = sh;
        q.object.head = o;
        q.object.attach = p.pred;
        q.object.kind = (v.copular && o == top && t_.upos(top) == "ADJ") ? ArgKind::kAdjective
                                                                         : ArgKind::kNominal;
        q.obliques = args.obliques;
        for (Arg& a : object_nmods(o, top)) q.obliques.push_back(a);
        out.push_back(std::move(q));
      }
    }
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
    p.attribution = c_.attribution(g);
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
  const ClauseStructure c_;
  const int n_;
};

}  // namespace

std::vector<Proposition> extract_propositions(const DepTree& t) { return Builder(t).run(); }

}  // namespace kg::extract
