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

bool ends_with_word(std::string_view name, std::string_view word) {
  return name == word || (name.size() > word.size() && name.ends_with(word) &&
                          name[name.size() - word.size() - 1] == ' ');
}

Result<Rewritten> rewrite_stored(
    GraphWriter& store, const std::vector<std::string>& ids,
    const std::function<size_t(const std::string& id, std::vector<Triple>& triples)>& change) {
  constexpr size_t kGroup = 512;
  Rewritten done;
  std::vector<DocumentFacts> group;
  for (const std::string& id : ids) {
    KG_ASSIGN_OR_RETURN(std::optional<DocumentFacts> doc, store.document(id));
    if (!doc) continue;
    const size_t n = change(id, doc->triples);
    if (n == 0) continue;
    done.sides += n;
    ++done.documents;
    group.push_back(std::move(*doc));
    if (group.size() == kGroup) {
      KG_RETURN_IF_ERROR(store.rewrite_documents(group));
      group.clear();
    }
  }
  if (!group.empty()) KG_RETURN_IF_ERROR(store.rewrite_documents(group));
  return done;
}

std::vector<Person> people_of(const std::vector<std::pair<std::string, uint64_t>>& full_names) {
  std::vector<std::pair<std::string, const std::pair<std::string, uint64_t>*>> by_words;
  for (const auto& f : full_names) by_words.emplace_back(fold_name(f.first), &f);
  std::sort(by_words.begin(), by_words.end(), [](const auto& a, const auto& b) {
    const auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' '); };
    return words(a.first) != words(b.first) ? words(a.first) < words(b.first) : a.first < b.first;
  });
  struct Group {
    std::string base;  // folded
    Person person;
    uint64_t uses = 0;  // of the base's spelling chosen
  };
  std::vector<Group> groups;
  for (const auto& [folded, f] : by_words) {
    auto g = std::find_if(groups.begin(), groups.end(),
                          [&](const Group& g) { return ends_with_word(folded, g.base); });
    if (g == groups.end()) {
      groups.push_back({folded, {f->first, {folded}}, f->second});
      continue;
    }
    g->person.full_names.insert(folded);
    // The base's own spellings compete for its name; longer names only join it.
    if (folded == g->base &&
        (f->second > g->uses || (f->second == g->uses && f->first < g->person.name))) {
      g->person.name = f->first;
      g->uses = f->second;
    }
  }
  std::vector<Person> people;
  for (Group& g : groups) people.push_back(std::move(g.person));
  return people;
}

namespace {

// Renames the sides of `triples` that name a person by one of `targets`' surnames alone to that
// surname's target in this document (their name before linking when the target is empty).
// Returns the sides changed.
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
  // The named entities of a document as extraction named them (folded), and a person's surname
  // too ("Robert Dole" is also "dole", as later stories call him), read once per pass.
  std::map<std::string, std::set<std::string>> names_cache;
  auto names_of = [&](const std::string& id) -> Result<const std::set<std::string>*> {
    auto it = names_cache.find(id);
    if (it == names_cache.end()) {
      std::set<std::string> names;
      KG_ASSIGN_OR_RETURN(std::optional<DocumentFacts> d, store.document_names(id));
      auto add = [&](const std::string& name, const std::string& local, const std::string& type) {
        if (type == "CONCEPT") return;
        std::string folded = fold_name(local.empty() ? name : local);
        const size_t space = folded.rfind(' ');
        if (type == "PERSON" && space != std::string::npos) names.insert(folded.substr(space + 1));
        names.insert(std::move(folded));
      };
      for (const Triple& t : d ? d->triples : std::vector<Triple>{}) {
        add(t.subject, t.subject_local, t.subject_type);
        add(t.object, t.object_local, t.object_type);
      }
      it = names_cache.emplace(id, std::move(names)).first;
    }
    return &it->second;
  };
  KG_ASSIGN_OR_RETURN(auto links, store.surname_links(pending));
  for (const GraphWriter::SurnameLinks& s : links) {
    if (s.uses.empty()) continue;
    // The user's word, else the corpus's one person of that name.
    std::vector<std::pair<std::string, uint64_t>> full = s.full_names;
    for (auto& f : full) f.first = corrections.resolve(f.first);  // "Jim Baker" merged: one man
    const std::vector<Person> people = people_of(full);
    const std::string* merged = corrections.merged(s.surname);
    const bool blocked = corrections.blocked(s.surname);
    if (merged != nullptr || blocked || people.size() < 2) {
      const std::string target = merged != nullptr ? *merged
                                 : !blocked && people.size() == 1 ? people[0].name
                                                                  : std::string();
      for (const auto& [doc, now] : s.uses) {
        if (now != target) fixes[doc][s.surname] = target;
      }
      continue;
    }
    // Several people: each document's surname goes to the person whose own documents (those with
    // the full name) share the most other names with it, at least two and twice the next one's;
    // else to the dominant person, if any and no other has two; else it stays itself. Only names
    // as extraction gave them count, so the result does not depend on earlier links.
    std::vector<std::set<std::string>> context(people.size());
    std::vector<std::set<std::string>> stories(people.size());  // documents with the full name
    for (const auto& [name, doc] : s.full_name_docs) {
      const std::string folded = fold_name(corrections.resolve(name));
      for (size_t p = 0; p < people.size(); ++p) {
        if (!people[p].full_names.count(folded)) continue;
        stories[p].insert(doc);
        KG_ASSIGN_OR_RETURN(const std::set<std::string>* names, names_of(doc));
        context[p].insert(names->begin(), names->end());
      }
    }
    // A person the corpus names ten times as often as anyone else of that name ("Ronald Reagan"
    // in 800 stories, "Michael Reagan" in 4) is who a story means when its context decides
    // nothing; "James Baker" and "Howard Baker" (591 and 62 stories) are left to context.
    size_t dominant = people.size();
    for (size_t p = 0; p < people.size(); ++p) {
      bool all = stories[p].size() >= 10;
      for (size_t q = 0; q < people.size() && all; ++q) {
        all = q == p || stories[p].size() >= 10 * stories[q].size();
      }
      if (all) dominant = p;
    }
    for (const auto& [doc, now] : s.uses) {
      KG_ASSIGN_OR_RETURN(const std::set<std::string>* mine, names_of(doc));
      size_t best = people.size(), best_score = 0, second_score = 0;
      for (size_t p = 0; p < people.size(); ++p) {
        size_t score = 0;
        for (const std::string& n : *mine) {
          if (!ends_with_word(n, s.surname) && context[p].count(n)) ++score;
        }
        if (score > best_score) {
          second_score = best_score;
          best_score = score;
          best = p;
        } else if (score > second_score) {
          second_score = score;
        }
      }
      std::string chosen;
      if (best < people.size() && best_score >= 2 && best_score >= 2 * second_score) {
        chosen = people[best].name;
      } else if (dominant < people.size() && (best_score < 2 || best == dominant)) {
        chosen = people[dominant].name;
      }
      if (now != chosen) fixes[doc][s.surname] = chosen;
    }
  }
  sum.surnames = pending.size();
  std::vector<std::string> ids;
  for (const auto& [id, targets] : fixes) ids.push_back(id);
  auto change = [&](const std::string& id, std::vector<Triple>& t) {
    return relink(t, fixes.at(id));
  };
  KG_ASSIGN_OR_RETURN(const Rewritten done, rewrite_stored(store, ids, change));
  sum.documents = done.documents;
  sum.sides = done.sides;
  KG_RETURN_IF_ERROR(store.clear_pending_links(pending));
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return sum;
}

}  // namespace kg
