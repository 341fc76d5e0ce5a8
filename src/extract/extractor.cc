// The extractor: per sentence propositions, per document mentions and resolution, then triples.
#include "extract/extractor.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "extract/confidence.h"
#include "extract/dep_tree.h"
#include "extract/lexicon.h"
#include "extract/mention.h"
#include "extract/nary.h"
#include "extract/proposition.h"
#include "extract/repair.h"
#include "extract/resolver.h"

namespace kg {

using extract::Arg;
using extract::ArgKind;
using extract::DepTree;
using extract::Mention;
using extract::MentionKind;
using extract::PropKind;
using extract::Proposition;

namespace {

Status check_parsed(const Sentence& s, const std::string& where) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& tok = s.tokens[i];
    if (tok.head < 0 || tok.head > static_cast<int>(s.tokens.size()) || tok.deprel.empty() ||
        tok.deprel == "_") {
      return Status::invalid(where + ": word " + std::to_string(i + 1) + " \"" + tok.form +
                             "\" has no dependency parse");
    }
  }
  return Status::ok_status();
}

// Headlines in title case ("Biden Agrees To Summit With Putin") parse poorly and would invent
// names such as "Biden Agrees"; their facts are left out of the graph. A sentence is a headline
// when its words after the first are mostly capitalized and none of its lowercase words is a
// content word: "US President Joe Biden met Russian President Vladimir Putin in Geneva" is not
// one ("met"), "Biden Agrees to Summit with Putin" is.
bool is_headline_case(const Sentence& s) {
  static const std::set<std::string> kFunctionWords = {
      "a",   "an",   "the",  "and",  "or",   "but", "nor", "of",  "to",   "in",  "on",
      "at",  "for",  "with", "by",   "from", "as",  "vs",  "via", "into", "up",  "over",
      "off", "out",  "per",  "than", "amid", "after", "before", "about", "against"};
  int words = 0, capitalized = 0;
  bool first = true;
  for (const Token& t : s.tokens) {
    if (t.form.empty() || !std::isalpha(static_cast<unsigned char>(t.form[0]))) continue;
    if (first) {
      first = false;
      continue;
    }
    ++words;
    if (std::isupper(static_cast<unsigned char>(t.form[0]))) {
      ++capitalized;
      continue;
    }
    std::string low = t.form;
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kFunctionWords.count(low) == 0) return false;  // a lowercase content word
  }
  return words >= 4 && capitalized * 10 >= words * 6;
}

struct SentenceWork {
  std::unique_ptr<Sentence> repaired;  // the sentence with parse repairs, when any applied
  std::unique_ptr<DepTree> tree;
  std::vector<Proposition> props;
};

// The word naming an argument in the graph: "his Russian counterpart, Vladimir Putin" is named by
// its proper-noun apposition.
int graph_head(const DepTree& t, int head) {
  if (head < 0 || (t.upos(head) == "PROPN" && !extract::is_title_word(t.lower(head)))) return head;
  if (t.upos(head) != "NOUN" && t.upos(head) != "PROPN") return head;
  for (int c : t.children(head)) {
    if (t.rel(c) == "appos" && t.upos(c) == "PROPN") return c;
  }
  return head;
}

// Mentions of a document, one per (sentence, head word).
class MentionTable {
 public:
  int get(const DepTree& t, int sentence, int head, int avoid) {
    auto key = std::make_pair(sentence, head);
    auto it = index_.find(key);
    if (it != index_.end()) return it->second;
    Mention m = extract::analyze_mention(t, head, avoid);
    m.sentence = sentence;
    pending_.push_back(std::move(m));
    int id = static_cast<int>(pending_.size()) - 1;
    index_.emplace(key, id);
    return id;
  }
  Mention& at(int id) { return pending_[id]; }

  // Sorts mentions into text order (as resolution requires) and returns old id -> new id.
  std::vector<Mention>& sorted(std::vector<int>& remap) {
    std::vector<int> order(pending_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      return std::tie(pending_[a].sentence, pending_[a].head) <
             std::tie(pending_[b].sentence, pending_[b].head);
    });
    remap.assign(order.size(), -1);
    std::vector<Mention> out;
    out.reserve(order.size());
    for (size_t k = 0; k < order.size(); ++k) {
      remap[order[k]] = static_cast<int>(k);
      out.push_back(std::move(pending_[order[k]]));
    }
    pending_ = std::move(out);
    return pending_;
  }

 private:
  std::map<std::pair<int, int>, int> index_;
  std::vector<Mention> pending_;
};

bool is_graph_node(const Mention& m) {
  return m.kind != MentionKind::kOther && !m.name.empty();
}

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::create(const ExtractorOptions& options) {
  if (options.min_confidence < 0 || options.min_confidence > 1) {
    return Status::invalid("min_confidence must be in [0, 1]");
  }
  return std::unique_ptr<Extractor>(new Extractor(options));
}

Result<std::vector<NaryExtraction>> Extractor::extract_nary(const Sentence& sentence) const {
  KG_RETURN_IF_ERROR(check_parsed(sentence, "sentence \"" + sentence.text.substr(0, 40) + "\""));
  Sentence repaired;
  const bool fixed = extract::repair_parse(sentence, &repaired);
  DepTree t(fixed ? repaired : sentence);
  std::vector<Proposition> props = extract::extract_propositions(t);
  std::vector<NaryExtraction> out = extract::render_nary(t, props);
  std::vector<NaryExtraction> kept;
  for (NaryExtraction& e : out) {
    if (e.confidence >= options_.min_confidence) kept.push_back(std::move(e));
  }
  return kept;
}

Result<std::vector<Triple>> Extractor::extract(const Document& doc) const {
  std::vector<SentenceWork> work(doc.sentences.size());
  MentionTable table;
  // Per proposition: mention ids of subject, object, obliques and attribution.
  struct Slots {
    int subject = -1, object = -1, attribution = -1;
    std::vector<int> obliques;
  };
  std::vector<std::vector<Slots>> slots(doc.sentences.size());

  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    KG_RETURN_IF_ERROR(
        check_parsed(s, "document " + doc.id + " sentence " + std::to_string(si + 1)));
    auto repaired = std::make_unique<Sentence>();
    if (extract::repair_parse(s, repaired.get())) work[si].repaired = std::move(repaired);
    work[si].tree = std::make_unique<DepTree>(work[si].repaired ? *work[si].repaired : s);
    const DepTree& t = *work[si].tree;
    if (is_headline_case(s)) continue;
    work[si].props = extract::extract_propositions(t);
    const int sentence = static_cast<int>(si);
    for (Proposition& p : work[si].props) {
      Slots sl;
      const bool appos = p.kind == PropKind::kAppos;
      if (p.subject.present()) {
        const int h = appos ? p.subject.head : graph_head(t, p.subject.head);
        sl.subject = table.get(t, sentence, h, p.top);
        table.at(sl.subject).is_subject = true;
      }
      if (p.object.present() && p.object.kind == ArgKind::kNominal) {
        const int h = appos ? p.object.head : graph_head(t, p.object.head);
        sl.object = table.get(t, sentence, h, p.top);
        if (p.kind != PropKind::kVerbal) table.at(sl.object).predicative = true;
      }
      for (const Arg& a : p.obliques) {
        sl.obliques.push_back(table.get(t, sentence, graph_head(t, a.head), -1));
      }
      if (p.attribution >= 0) {
        sl.attribution = table.get(t, sentence, graph_head(t, p.attribution), -1);
      }
      slots[si].push_back(std::move(sl));
    }
    // Appositions describe their noun: "Crocker, U.S. Representative to ..." gives Crocker the
    // role words used to resolve "U.S. Ambassador to the UN".
    for (size_t k = 0; k < work[si].props.size(); ++k) {
      const Proposition& p = work[si].props[k];
      if (p.kind != PropKind::kAppos || slots[si][k].subject < 0 || slots[si][k].object < 0) continue;
      Mention& subj = table.at(slots[si][k].subject);
      const Mention& obj = table.at(slots[si][k].object);
      if (obj.kind == MentionKind::kRole || obj.kind == MentionKind::kConcept) {
        for (int w : obj.tokens) {
          std::string_view u = t.upos(w);
          if (u == "ADP" || u == "DET" || u == "PUNCT") continue;
          subj.role_words.push_back(std::string(t.lower(w)));
        }
        if (obj.kind == MentionKind::kRole) subj.person_cue = true;
      }
    }
  }

  std::vector<int> remap;
  std::vector<Mention>& mentions = table.sorted(remap);
  std::vector<extract::Entity> entities = extract::resolve_mentions(mentions);

  auto name_of = [&](int id) -> const std::string* {
    if (id < 0) return nullptr;
    const Mention& m = mentions[remap[id]];
    if (m.entity >= 0) return &entities[m.entity].name;
    if (m.kind == MentionKind::kPronoun && options_.keep_unresolved_pronouns) return &m.name;
    return nullptr;
  };
  auto type_of = [&](int id) -> std::string {
    const Mention& m = mentions[remap[id]];
    return m.entity >= 0 ? entities[m.entity].type : m.type;
  };
  auto mention = [&](int id) -> const Mention& { return mentions[remap[id]]; };

  std::vector<Triple> out;
  std::set<std::tuple<int, std::string, std::string, std::string>> seen;
  auto emit = [&](Triple tr) {
    if (tr.confidence < options_.min_confidence) return;
    if (tr.subject.empty() || tr.object.empty() || tr.relation.empty()) return;
    if (tr.subject == tr.object) return;
    auto key = std::make_tuple(tr.sentence, tr.subject, tr.relation, tr.object);
    if (!seen.insert(key).second) return;
    out.push_back(std::move(tr));
  };

  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    const DepTree& t = *work[si].tree;
    Triple base;
    base.doc = doc.id;
    base.sentence = static_cast<int>(si);
    base.text = s.text;
    if (s.end > s.start) base.span = std::make_pair(s.start, s.end);

    for (size_t k = 0; k < work[si].props.size(); ++k) {
      const Proposition& p = work[si].props[k];
      const Slots& sl = slots[si][k];
      const std::string* subj = name_of(sl.subject);
      if (subj == nullptr || !is_graph_node(mention(sl.subject))) continue;
      Triple tr = base;
      tr.subject = *subj;
      tr.subject_text = mention(sl.subject).text;
      tr.subject_type = type_of(sl.subject);
      tr.negated = p.negated;
      if (!p.modality.empty()) tr.modality = p.modality;
      if (sl.attribution >= 0) {
        const std::string* a = name_of(sl.attribution);
        tr.attribution = a != nullptr ? *a : mention(sl.attribution).text;
      }
      const Mention& sm = mention(sl.subject);
      extract::ConfidenceFeatures cf = extract::proposition_features(t, p);
      cf.arg1_words = static_cast<int>(sm.tokens.size());
      // Pronoun and role subjects rest on resolution, which can be wrong.
      const double resolution_penalty =
          (sm.kind == MentionKind::kPronoun || sm.kind == MentionKind::kRole) ? 0.05 : 0.0;
      auto graph_confidence = [&](const std::string& label, int object_id, size_t extras,
                                  bool prep) {
        extract::ConfidenceFeatures f = cf;
        f.rel_words = 1 + static_cast<int>(std::count(label.begin(), label.end(), ' '));
        f.args = 2 + static_cast<int>(extras);
        f.rest_words = object_id >= 0 ? static_cast<int>(mention(object_id).tokens.size()) : 1;
        f.prep_in_relation = prep;
        return std::max(0.01, extract::confidence(f) - resolution_penalty);
      };

      // Extra arguments: obliques that are not themselves turned into facts below.
      std::vector<ExtraArgument> extra;
      for (size_t a = 0; a < p.obliques.size(); ++a) {
        const Arg& arg = p.obliques[a];
        if (arg.from_object) continue;
        std::vector<int> w = extract::phrase_tokens(t, arg.head, p.top, false, true, false);
        extra.push_back({arg.prep, extract::surface_text(t, w)});
      }

      const std::string* obj = name_of(sl.object);
      const bool obj_node = obj != nullptr && is_graph_node(mention(sl.object));
      if (obj_node) {
        Triple f = tr;
        f.relation = p.label;
        f.object = *obj;
        f.object_text = mention(sl.object).text;
        f.object_type = type_of(sl.object);
        f.args = extra;
        f.confidence = graph_confidence(p.label, sl.object, extra.size(), false);
        emit(std::move(f));
      }
      for (size_t a = 0; a < p.obliques.size(); ++a) {
        const Arg& arg = p.obliques[a];
        if (arg.temporal || arg.prep.empty()) continue;
        const int mid = sl.obliques[a];
        const std::string* on = name_of(mid);
        if (on == nullptr || !is_graph_node(mention(mid))) continue;
        Triple f = tr;
        const Mention& om = mention(mid);
        std::string label;
        const bool object_noun = obj_node && mention(sl.object).kind == MentionKind::kConcept;
        if (arg.from_object && sl.object >= 0) {
          const std::string verb = p.kind == PropKind::kVerbal ? p.inner_label : "be";
          const Mention& objm = mention(sl.object);
          if (objm.kind != MentionKind::kConcept && !objm.predicative) continue;
          label = verb + " " + *obj + " " + arg.prep;
        } else if (object_noun && arg.attach == p.pred) {
          label = p.inner_label + " " + mention(sl.object).name + " " + arg.prep;
        } else if (!obj_node && (arg.attach == p.pred || arg.attach == p.top)) {
          label = p.label + " " + arg.prep;
        } else {
          continue;
        }
        f.relation = label;
        f.object = *on;
        f.object_text = om.text;
        f.object_type = type_of(mid);
        for (size_t b = 0; b < p.obliques.size(); ++b) {
          if (b == a || p.obliques[b].from_object) continue;
          std::vector<int> w =
              extract::phrase_tokens(t, p.obliques[b].head, p.top, false, true, false);
          f.args.push_back({p.obliques[b].prep, extract::surface_text(t, w)});
        }
        f.confidence = graph_confidence(label, mid, f.args.size(), true);
        emit(std::move(f));
      }
    }

    // Titles: "US President Joe Biden" -> Joe Biden - be - US President.
    if (options_.title_facts) {
      for (const Mention& m : mentions) {
        if (m.sentence != static_cast<int>(si) || m.kind != MentionKind::kName ||
            m.descriptor.empty() || !m.titled || m.entity < 0) {
          continue;
        }
        Triple f = base;
        f.subject = entities[m.entity].name;
        f.subject_text = m.text;
        f.subject_type = entities[m.entity].type;
        f.relation = "be";
        f.object = m.descriptor;
        f.object_text = m.descriptor;
        f.object_type = "CONCEPT";
        extract::ConfidenceFeatures tf;
        tf.kind = extract::FactKind::kTitle;
        tf.sentence_words = static_cast<int>(s.tokens.size());
        tf.subject_propn = true;
        tf.arg1_words = static_cast<int>(m.tokens.size());
        f.confidence = extract::confidence(tf);
        emit(std::move(f));
      }
    }
  }
  return out;
}

}  // namespace kg
