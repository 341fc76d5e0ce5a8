// A subject-relation-object fact with its provenance: what `kg extract` produces, `kg ingest` reads
// and the store keeps. Field meanings follow the triples JSONL contract in docs/interfaces.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

// Entity types of the graph.
inline constexpr const char* kEntityTypes[] = {"PERSON", "ORG", "LOC", "MISC", "CONCEPT"};

// Types of a literal value: a fact's object that is a number ("31"), an amount of money ("1.5 mln
// dlrs"), a percentage ("5 pct"), a quantity ("500 tonnes") or a date ("March 31", "1986"). A
// value is an attribute of its subject, never a node: queries, paths and exports show it as the
// fact's literal object (docs/extraction.md, "Values").
inline constexpr const char* kValueTypes[] = {"NUMBER", "AMOUNT", "PERCENT", "QUANTITY", "DATE"};
inline bool is_value_type(std::string_view type) {
  for (const char* t : kValueTypes) {
    if (type == t) return true;
  }
  return false;
}

struct ExtraArgument {
  std::string prep;
  std::string text;
};

struct Triple {
  std::string doc;         // document id
  std::string subject;     // canonical entity name
  std::string relation;    // normalized label ("agree to")
  std::string object;      // canonical entity name
  std::string subject_text;
  std::string object_text;
  std::string subject_type;  // one of kEntityTypes or empty
  std::string object_type;   // one of kEntityTypes, one of kValueTypes (a literal), or empty
  // The side's name before corpus-level linking renamed it ("Baker" for "James Baker"), empty when
  // it was not renamed. Set by the store's linking pass (pipeline.h); extraction leaves it empty.
  std::string subject_local;
  std::string object_local;
  int sentence = -1;       // index of the sentence in the document, -1 unknown
  std::string text;        // the sentence
  std::optional<std::pair<size_t, size_t>> span;  // sentence's [start, end) in the document
  bool negated = false;
  std::optional<std::string> modality;
  std::optional<std::string> attribution;
  double confidence = 1.0;
  std::vector<ExtraArgument> args;
};

// A named entity's mention in a document, as extraction resolved it within the document: every
// name, and every role or pronoun that resolution gave a named entity ("he" -> "James Baker"),
// whether or not a fact has it as a side. The store keeps them with the document
// (DocumentFacts::mentions); the node a mention names now is the one the document's facts give
// `entity` after corpus-level linking (store.h, mention_nodes).
struct EntityMention {
  int sentence = -1;           // index of the sentence in the document
  size_t start = 0, end = 0;   // the mention's words, [start, end) bytes of the document text
  std::string text;            // its surface text
  std::string entity;          // the document's name of its entity (as extraction named it)
  std::string type;            // PERSON, ORG, LOC, MISC, or CONCEPT for a generic name ("the Senate")
};

}  // namespace kg
