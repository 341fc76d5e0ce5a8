// Within-document entity resolution: names, surnames and titled names to one person, roles to
// the person who holds them, acronyms to expansions, pronouns to their antecedents.
#pragma once

#include <string>
#include <vector>

#include "extract/acronyms.h"
#include "extract/mention.h"

namespace kg::extract {

struct Entity {
  std::string name;  // canonical name
  std::string type;  // PERSON, ORG, LOC, MISC, CONCEPT
  Gender gender = Gender::kUnknown;
  std::vector<std::string> role_words;  // lowercased words of titles and roles seen for it
  int mentions = 0;
  bool plural = false;
};

// Resolves `mentions` (sorted by sentence, then head word) in place: sets Mention::entity for
// every mention that denotes an entity; unresolved pronouns, first/second person pronouns and
// demonstratives keep -1. `definitions` are the document's acronym definitions: an acronym
// defined there names its expansion's entity, whose name is the expansion. Returns the entities.
std::vector<Entity> resolve_mentions(std::vector<Mention>& mentions,
                                     const std::vector<AcronymDefinition>& definitions = {});

}  // namespace kg::extract
