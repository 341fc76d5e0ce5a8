// Applying and recording the user's merges (corrections.h, pipeline.h merge_entities).
#include "pipeline/corrections.h"

#include <algorithm>
#include <set>

#include "common/utf8.h"
#include "pipeline/pipeline.h"

namespace kg {

using utf8::ascii_lower;

void Corrections::add(const std::string& from, const std::string& into) {
  into_[ascii_lower(from)] = into;
}

Result<Corrections> Corrections::load(GraphReader* store) {
  Corrections c;
  if (store == nullptr) return c;
  KG_ASSIGN_OR_RETURN(auto merges, store->merges());
  for (const auto& [from, into] : merges) c.add(from, into);
  // Follow chains to their end (a cycle stops where it would repeat).
  for (auto& [from, into] : c.into_) {
    std::set<std::string> seen{from};
    for (auto next = c.into_.find(ascii_lower(into));
         next != c.into_.end() && seen.insert(next->first).second;
         next = c.into_.find(ascii_lower(into))) {
      into = next->second;
    }
  }
  return c;
}

size_t Corrections::apply(std::vector<Triple>& triples) const {
  if (into_.empty()) return 0;
  size_t changed = 0;
  for (Triple& t : triples) {
    for (std::string* side : {&t.subject, &t.object}) {
      auto it = into_.find(ascii_lower(*side));
      if (it != into_.end() && *side != it->second) {
        *side = it->second;
        ++changed;
      }
    }
  }
  return changed;
}

Result<MergeSummary> merge_entities(GraphWriter& store, const std::string& from,
                                    const std::string& into) {
  KG_ASSIGN_OR_RETURN(std::optional<EntityInfo> a, store.find_entity(from));
  if (!a) return Status::not_found("unknown entity '" + from + "'");
  KG_ASSIGN_OR_RETURN(std::optional<EntityInfo> b, store.find_entity(into));
  if (!b) return Status::not_found("unknown entity '" + into + "'");
  if (a->id == b->id) {
    return Status::invalid("'" + from + "' and '" + into + "' are already one entity (" + b->name +
                           ")");
  }
  // Recorded first: a merge killed half-way is finished by running it again.
  KG_ASSIGN_OR_RETURN(auto merges, store.merges());
  if (std::find(merges.begin(), merges.end(), std::pair{a->name, b->name}) == merges.end()) {
    KG_RETURN_IF_ERROR(store.add_merge(a->name, b->name));
  }
  std::set<std::string> docs;
  KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> edges, store.edges_of(a->id, Direction::kBoth));
  for (const EdgeInfo& e : edges) {
    KG_ASSIGN_OR_RETURN(std::vector<Evidence> evidence, store.evidence(e, 0));
    for (Evidence& ev : evidence) docs.insert(std::move(ev.doc));
  }
  Corrections one;
  one.add(a->name, b->name);
  MergeSummary sum;
  sum.from = a->name;
  sum.into = b->name;
  for (const std::string& id : docs) {
    KG_ASSIGN_OR_RETURN(std::optional<DocumentFacts> doc, store.document(id));
    if (!doc) continue;
    sum.facts += one.apply(doc->triples);
    // Its content is the same: a later build skips it, and the merge stays applied.
    KG_RETURN_IF_ERROR(store.rewrite_document(*doc).status());
    ++sum.documents;
  }
  KG_ASSIGN_OR_RETURN(sum.linked, link_names(store));
  return sum;
}

}  // namespace kg
