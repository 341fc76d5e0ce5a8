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

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "pipeline/corrections.h"
#include "pipeline/pipeline.h"

namespace kg {

std::string link_target(const std::vector<std::pair<std::string, uint64_t>>& full_names) {
  // A full name that ends with a shorter one is the same person with a title or first names
  // before it ("Fed Chairman Alan Greenspan", "Alan Greenspan"): grouped under the shorter one.
  std::vector<std::pair<std::string, const std::pair<std::string, uint64_t>*>> by_words;
  for (const auto& f : full_names) by_words.emplace_back(fold_name(f.first), &f);
  std::sort(by_words.begin(), by_words.end(), [](const auto& a, const auto& b) {
    const auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' '); };
    return words(a.first) != words(b.first) ? words(a.first) < words(b.first) : a.first < b.first;
  });
  std::map<std::string, std::pair<std::string, uint64_t>> people;  // base (folded) -> its spelling
  for (const auto& [folded, f] : by_words) {
    auto base = std::find_if(people.begin(), people.end(), [&](const auto& p) {
      return folded == p.first || (folded.size() > p.first.size() &&
                                   folded.ends_with(p.first) &&
                                   folded[folded.size() - p.first.size() - 1] == ' ');
    });
    if (base == people.end()) {
      people.emplace(folded, *f);
      continue;
    }
    // The base's own spellings compete for its name; longer names only join it.
    auto& best = base->second;
    if (folded == base->first &&
        (f->second > best.second || (f->second == best.second && f->first < best.first))) {
      best = *f;
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
  const auto start = std::chrono::steady_clock::now();
  LinkSummary sum;
  KG_ASSIGN_OR_RETURN(std::vector<std::string> pending, store.pending_links());
  if (pending.empty()) return sum;
  std::map<std::string, std::map<std::string, std::string>> fixes;  // doc -> surname -> target
  // The user's word first: a surname merged (kg merge, an aliases file) goes where the user said,
  // a blocked one (kg split) nowhere; a linked one goes where its full name was merged.
  KG_ASSIGN_OR_RETURN(const Corrections corrections, Corrections::load(&store));
  auto target_of = [&](const GraphWriter::SurnameLinks& s) -> std::string {
    if (const std::string* m = corrections.merged(s.surname)) return *m;
    if (corrections.blocked(s.surname)) return "";
    std::vector<std::pair<std::string, uint64_t>> full = s.full_names;
    for (auto& f : full) f.first = corrections.resolve(f.first);  // "Jim Baker" merged: one man
    return link_target(full);
  };
  KG_ASSIGN_OR_RETURN(auto links, store.surname_links(pending));
  for (const GraphWriter::SurnameLinks& s : links) {
    if (s.uses.empty()) continue;
    const std::string target = target_of(s);
    for (const auto& [doc, now] : s.uses) {
      if (now != target) fixes[doc][s.surname] = target;
    }
  }
  sum.surnames = pending.size();
  // Documents are read in groups and each group rewritten in one write: a read after a write
  // costs the store a flush.
  constexpr size_t kGroup = 512;
  std::vector<DocumentFacts> group;
  auto rewrite = [&]() -> Status {
    KG_RETURN_IF_ERROR(store.rewrite_documents(group));
    group.clear();
    return {};
  };
  for (const auto& [id, targets] : fixes) {
    KG_ASSIGN_OR_RETURN(std::optional<DocumentFacts> doc, store.document(id));
    if (!doc) continue;
    const size_t changed = relink(doc->triples, targets);
    if (changed == 0) continue;
    group.push_back(std::move(*doc));
    sum.documents += 1;
    sum.sides += changed;
    if (group.size() == kGroup) KG_RETURN_IF_ERROR(rewrite());
  }
  if (!group.empty()) KG_RETURN_IF_ERROR(rewrite());
  KG_RETURN_IF_ERROR(store.clear_pending_links(pending));
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return sum;
}

}  // namespace kg
