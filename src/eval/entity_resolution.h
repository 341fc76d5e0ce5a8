// How well a graph resolves named entities within and across documents: gold named mentions
// (gum_entities.h) are aligned to the graph nodes that the facts of the same documents name, and
// the resulting clusterings are scored (entity_scores.h) against the gold coreference chains
// (within a document) and Wikipedia identities (across documents), next to a baseline of one node
// per distinct name string.
//
// Alignment (docs/extraction.md, "Entity resolution on GUM dev"): every fact side (subject_text,
// object_text) is looked for in its sentence (Triple::span, else the first occurrence of
// Triple::text) in the document text, comparing letters and digits only (kg drops some punctuation
// from surface forms), from word boundary to word boundary. Each occurrence's syntactic head is
// read off the gold tree (phrase_head of the words it covers). An occurrence names the gold named
// mention with the same head word (of several, the one whose characters overlap it most), else
// the smallest named mention that contains it and whose head its head is attached to by `flat`
// (a surname inside a full name). A mention takes the node of the occurrence whose characters
// overlap its own most (shared over spanned), of equals the node of most occurrences, then the
// first seen; a mention without occurrence is unmatched, a singleton of the system.
// The mentions a system keeps apart from its facts (kg's stored EntityMention list) are
// occurrences too, at their own place in the text (when their text is there).
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "doc/triple.h"
#include "eval/entity_scores.h"
#include "eval/gum_entities.h"

namespace kg::eval {

// The graph node a fact side names, given its canonical entity name and type as stored (the
// caller knows the store's identity rule: same node <=> same string).
using NodeOf = std::function<std::string(std::string_view name, std::string_view type)>;

// A mention the system kept, at its place in the document text, with the node it names now
// (given as name and type, as fact sides are).
struct SystemMention {
  size_t start = 0, end = 0;
  std::string text;
  std::string name, type;
};

struct AlignmentStats {
  size_t arguments = 0;    // fact sides with a surface form
  size_t mentions = 0;     // system mentions
  size_t misplaced = 0;    // of those, whose text is not at their place in the text
  size_t unlocated = 0;    // of those, whose sentence or surface form is not in the text
  size_t occurrences = 0;  // distinct (place in the text, node) of the located ones
  size_t aligned = 0;      // occurrences that name a gold named mention
  size_t conflicting = 0;  // named mentions whose occurrences name more than one node
};

struct Alignment {
  std::vector<std::string> node;  // per gold mention: the node it is given, empty when none
  AlignmentStats stats;
};

// Aligns the facts and system mentions of each gold document (facts[d] and mentions[d] for
// gold.documents[d]) to its named mentions.
// Precondition: facts.size() == gold.documents.size(), and mentions.size() too unless empty.
Alignment align_mentions(const GoldEntities& gold, std::span<const std::vector<Triple>> facts,
                         const NodeOf& node_of,
                         std::span<const std::vector<SystemMention>> mentions = {});

// One clustering of the named mentions by a gold standard and by a system, as scored.
struct ResolutionLabels {
  std::vector<std::string> gold;
  std::vector<std::string> system;
};

enum class Scope {
  kWithinDocument,  // gold: the document's chain; system clusters never span documents
  kAcrossDocuments  // gold: the Wikipedia identity, else the document's chain
};

// The named mentions labelled by the gold of `scope` and by the aligned nodes (an unmatched
// mention is a singleton).
ResolutionLabels graph_labels(const GoldEntities& gold, const Alignment& alignment, Scope scope);
// The same gold, and as system one node per distinct name string: the mention's text, lower-cased
// (ASCII), within the document for kWithinDocument.
ResolutionLabels string_baseline_labels(const GoldEntities& gold, Scope scope);

// The graph and the baseline scored on the same mentions with the same gold.
struct ScoredPair {
  ResolutionScores graph;
  ResolutionScores baseline;
};

struct ResolutionEvaluation {
  size_t documents = 0;
  size_t named_mentions = 0;
  size_t with_identity = 0;  // named mentions with a Wikipedia identity
  size_t matched = 0;        // named mentions given a node
  AlignmentStats alignment;
  ScoredPair within, across;  // all named mentions (the unmatched as singletons)
  // Only the matched named mentions: how well the nodes the graph has are resolved, apart from
  // how many mentions it has a node for.
  ScoredPair within_matched, across_matched;
};

// Scores the aligned nodes and the baseline in both scopes.
ResolutionEvaluation evaluate_resolution(const GoldEntities& gold, const Alignment& alignment);

}  // namespace kg::eval
