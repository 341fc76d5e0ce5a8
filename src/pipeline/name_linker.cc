// link_names: a person named by one word ("Baker") linked to the one full name of the corpus that
// ends with it ("James Baker"), whatever order the documents came in.
//
// The store keeps, per surname, the full names of every stored document and the documents that
// use the surname alone, with the name those sides have now, and marks a surname pending when a
// document that has it is stored, rewritten or removed. The pass decides each pending surname's
// target from the full names stored now and rewrites only the documents whose sides differ from
// it. The decision depends on the stored documents alone, so any order of the same documents, in
// one run or several, ends in the same graph. A pass killed half-way leaves the marks, and the
// next one finishes it.
#include "pipeline/name_linker.h"

#include <map>
#include <set>

#include "common/utf8.h"
#include "pipeline/pipeline.h"

namespace kg {

std::string link_target(const std::vector<std::pair<std::string, uint64_t>>& full_names) {
  std::map<std::string, std::pair<std::string, uint64_t>> people;  // folded -> best spelling
  for (const auto& [name, n] : full_names) {
    auto [it, inserted] = people.try_emplace(fold_name(name), name, n);
    auto& best = it->second;
    if (!inserted && (n > best.second || (n == best.second && name < best.first))) {
      best = {name, n};
    }
  }
  return people.size() == 1 ? people.begin()->second.first : std::string();
}

namespace {

// Renames the sides of `triples` that name a person by one of `targets`' surnames alone to that
// surname's target (their name before linking when the target is empty). Returns the sides changed.
size_t relink(std::vector<Triple>& triples, const std::map<std::string, std::string>& targets) {
  size_t changed = 0;
  auto side = [&](std::string& name, std::string& local, const std::string& type) {
    if (type != "PERSON" && type != "MISC") return;  // as the store indexes them (codec.h)
    const std::string& before = local.empty() ? name : local;
    if (before.find(' ') != std::string::npos) return;
    auto it = targets.find(fold_name(before));
    if (it == targets.end()) return;
    std::string want = it->second.empty() ? before : it->second;
    if (want == name) return;
    if (local.empty()) local = name;
    name = std::move(want);
    if (local == name) local.clear();
    ++changed;
  };
  for (Triple& t : triples) {
    side(t.subject, t.subject_local, t.subject_type);
    side(t.object, t.object_local, t.object_type);
  }
  return changed;
}

}  // namespace

Result<LinkSummary> link_names(GraphWriter& store) {
  LinkSummary sum;
  KG_ASSIGN_OR_RETURN(std::vector<std::string> pending, store.pending_links());
  if (pending.empty()) return sum;
  std::map<std::string, std::map<std::string, std::string>> fixes;  // doc -> surname -> target
  for (const std::string& surname : pending) {
    KG_ASSIGN_OR_RETURN(auto full, store.full_names(surname));
    const std::string target = link_target(full);
    KG_ASSIGN_OR_RETURN(auto uses, store.surname_uses(surname));
    for (const auto& [doc, now] : uses) {
      if (now != target) fixes[doc][surname] = target;
    }
  }
  sum.surnames = pending.size();
  for (const auto& [id, targets] : fixes) {
    KG_ASSIGN_OR_RETURN(std::optional<DocumentFacts> doc, store.document(id));
    if (!doc) continue;
    const size_t changed = relink(doc->triples, targets);
    if (changed == 0) continue;
    KG_RETURN_IF_ERROR(store.rewrite_document(*doc).status());
    sum.documents += 1;
    sum.sides += changed;
  }
  KG_RETURN_IF_ERROR(store.clear_pending_links(pending));
  return sum;
}

}  // namespace kg
