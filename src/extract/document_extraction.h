// One document's extraction as steps that Extractor::extract runs in order: collect_mentions()
// finds each sentence's propositions and the mentions in their slots, resolve() links the
// mentions to the document's entities, then per sentence emit_facts() writes the propositions'
// triples and emit_titles() the "Joe Biden - be - US President" ones.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "common/status.h"
#include "doc/document.h"
#include "doc/triple.h"
#include "extract/acronyms.h"
#include "extract/confidence.h"
#include "extract/dep_tree.h"
#include "extract/extractor.h"
#include "extract/mention.h"
#include "extract/proposition.h"
#include "extract/resolver.h"

namespace kg::extract {

// An error naming `where` and the first word of `s` that has no dependency parse.
Status check_parsed(const Sentence& s, const std::string& where);

// Mentions of a document, one per (sentence, head word).
class MentionTable {
 public:
  // The id of the mention headed by `head` in `sentence`, analyzed on first use.
  int get(const DepTree& t, int sentence, int head, int avoid);
  Mention& at(int id) { return pending_[id]; }
  // Moves the mentions out in text order (as resolution requires); `remap` gets id -> index.
  std::vector<Mention> take_sorted(std::vector<int>& remap);

 private:
  std::map<std::pair<int, int>, int> index_;
  std::vector<Mention> pending_;
};

// Not thread-safe; one per document and call.
class DocumentExtraction {
 public:
  // `doc` and `options` must outlive the extraction.
  DocumentExtraction(const Document& doc, const ExtractorOptions& options);

  // Step 1: checks and repairs each sentence's parse, finds its propositions (a headline has
  // none) and the mentions of their subjects, objects, obliques and speakers. Fails on a
  // sentence without a parse.
  Status collect_mentions();
  // Step 2: resolves the mentions to the document's entities.
  void resolve();
  // Step 3: the facts of sentence `si`'s propositions whose subject is a graph node.
  void emit_facts(size_t si);
  // Step 4: a "be" fact for each titled name of sentence `si`.
  void emit_titles(size_t si);
  // The facts emitted so far, each (sentence, subject, relation, object) once, in order.
  std::vector<Triple> take_triples() { return std::move(out_); }
  // After resolve(): the document's mentions of named entities (EntityMention), in text order.
  std::vector<EntityMention> named_mentions() const;

 private:
  struct SentenceWork {
    std::unique_ptr<Sentence> repaired;  // the sentence with parse repairs, when any applied
    std::unique_ptr<DepTree> tree;
    std::vector<Proposition> props;
  };
  // Mention ids of one proposition's subject, object, obliques and attribution (-1: none).
  struct Slots {
    int subject = -1, object = -1, attribution = -1;
    std::vector<int> obliques;
  };
  // What the confidence of one proposition's facts starts from.
  struct FactScore {
    ConfidenceFeatures features;      // the proposition's, with its subject's word count
    double resolution_penalty = 0.0;  // for a subject that rests on resolution
  };

  void names_first();
  void add_name_mentions(size_t si);
  bool is_identity(const DepTree& t, const Proposition& p, const Slots& sl) const;
  Slots fill_slots(const DepTree& t, int sentence, const Proposition& p);
  void describe_by_appositions(size_t si);

  Triple sentence_base(size_t si) const;
  void emit_proposition(const DepTree& t, const Proposition& p, const Slots& sl,
                        const Triple& base);
  void emit_oblique_fact(const DepTree& t, const Proposition& p, const Slots& sl, size_t a,
                         const Triple& tr, const FactScore& score, const std::string* obj,
                         bool obj_node);
  std::optional<std::string> oblique_label(const Proposition& p, const Slots& sl, const Arg& arg,
                                           const std::string* obj, bool obj_node) const;
  double fact_confidence(const FactScore& score, const std::string& label, int object_id,
                         size_t extras, bool prep) const;
  void emit(Triple tr);

  const Mention& mention(int id) const { return mentions_[remap_[id]]; }
  // Where a mention's words are in the document text ([start, end) bytes); none when it has none.
  std::optional<std::pair<size_t, size_t>> place_of(const Mention& m) const;
  // The graph name of a mention: its entity's, or an unresolved pronoun's own when kept; null
  // for none (and for id -1).
  const std::string* name_of(int id) const;
  std::string type_of(int id) const;

  const Document& doc_;
  const ExtractorOptions& options_;
  std::vector<SentenceWork> work_;
  std::vector<std::vector<Slots>> slots_;  // per sentence, per proposition
  MentionTable table_;
  std::vector<int> remap_;  // table id -> index into mentions_
  std::vector<Mention> mentions_;
  std::vector<Entity> entities_;
  std::vector<Mention> nested_;  // names inside longer names (add_name_mentions)
  std::vector<AcronymDefinition> acronyms_;  // defined in the document's sentences
  std::vector<Triple> out_;
  std::set<std::tuple<int, std::string, std::string, std::string>> seen_;
};

}  // namespace kg::extract
