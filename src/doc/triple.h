// A subject-relation-object fact with its provenance: what `kg extract` produces, `kg ingest` reads
// and the store keeps. Field meanings follow the triples JSONL contract in docs/interfaces.md.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kg {

// Entity types of the graph.
inline constexpr const char* kEntityTypes[] = {"PERSON", "ORG", "LOC", "MISC", "CONCEPT"};

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
  std::string object_type;
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

}  // namespace kg
