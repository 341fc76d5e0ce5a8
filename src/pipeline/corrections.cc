// The user's corrections: applying them (corrections.h) and the commands that record them
// (pipeline.h merge_entities, rename_entity, split_entity, apply_aliases).
#include "pipeline/corrections.h"

#include <algorithm>
#include <fstream>
#include <functional>

#include "common/utf8.h"
#include "pipeline/name_linker.h"
#include "pipeline/pipeline.h"

namespace kg {

Corrections::Corrections(const UserCorrections& c) {
  for (const auto& [from, into] : c.merges) into_[fold_name(from)] = into;
  for (const std::string& b : c.blocked) blocked_.insert(fold_name(b));
  // Follow chains to their end (a cycle stops where it would repeat).
  for (auto& [from, into] : into_) {
    std::set<std::string> seen{from};
    for (auto next = into_.find(fold_name(into));
         next != into_.end() && seen.insert(next->first).second; next = into_.find(fold_name(into))) {
      into = next->second;
    }
  }
}

Result<Corrections> Corrections::load(GraphReader* store) {
  if (store == nullptr) return Corrections();
  KG_ASSIGN_OR_RETURN(UserCorrections c, store->corrections());
  return Corrections(c);
}

const std::string* Corrections::merged(std::string_view name) const {
  if (into_.empty()) return nullptr;
  auto it = into_.find(fold_name(name));
  return it == into_.end() ? nullptr : &it->second;
}

bool Corrections::blocked(std::string_view name) const {
  return !blocked_.empty() && blocked_.count(fold_name(name)) > 0;
}

std::string Corrections::resolve(const std::string& name) const {
  const std::string* m = merged(name);
  return m != nullptr ? *m : name;
}

size_t Corrections::apply(std::vector<Triple>& triples) const {
  if (into_.empty()) return 0;
  size_t changed = 0;
  auto side = [&](std::string& name, std::string& local) {
    const std::string* into = merged(name);
    if (into == nullptr || name == *into) return;
    if (local.empty()) local = name;
    name = *into;
    if (local == name) local.clear();
    ++changed;
  };
  for (Triple& t : triples) {
    side(t.subject, t.subject_local);
    side(t.object, t.object_local);
  }
  return changed;
}

namespace {

// The documents with a fact naming entity `id`, each once, sorted.
Result<std::vector<std::string>> documents_of(GraphReader& store, EntityId id) {
  std::set<std::string> docs;
  KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> edges, store.edges_of(id, Direction::kBoth));
  for (const EdgeInfo& e : edges) {
    KG_ASSIGN_OR_RETURN(std::vector<Evidence> evidence, store.evidence(e, 0));
    for (Evidence& ev : evidence) docs.insert(std::move(ev.doc));
  }
  return std::vector<std::string>(docs.begin(), docs.end());
}

// Rewrites the stored documents of entity `id` with `change` applied (rewrite_stored), adding
// the documents and sides to `sum`. The correction stays applied: a later build skips them.
Status rewrite_entity(GraphWriter& store, EntityId id,
                      const std::function<size_t(std::vector<Triple>&)>& change,
                      MergeSummary& sum) {
  KG_ASSIGN_OR_RETURN(std::vector<std::string> docs, documents_of(store, id));
  KG_ASSIGN_OR_RETURN(Rewritten done,
                      rewrite_stored(store, docs, [&](const std::string&, std::vector<Triple>& t) {
                        return change(t);
                      }));
  sum.documents += done.documents;
  sum.facts += done.sides;
  return {};
}

// Adds `name` to the blocked names unless it is there (as the store folds names); returns
// whether it added it.
bool add_block(UserCorrections& c, const std::string& name) {
  const std::string folded = fold_name(name);
  if (std::any_of(c.blocked.begin(), c.blocked.end(),
                  [&](const std::string& b) { return fold_name(b) == folded; })) {
    return false;
  }
  c.blocked.push_back(name);
  return true;
}

// Records the merge of `from` into `into` (and unblocks `from`), unless recorded already.
Status record_merge(GraphWriter& store, const std::string& from, const std::string& into) {
  KG_ASSIGN_OR_RETURN(UserCorrections c, store.corrections());
  const std::string folded = fold_name(from);
  std::erase_if(c.blocked, [&](const std::string& b) { return fold_name(b) == folded; });
  const std::pair<std::string, std::string> m{from, into};
  if (std::find(c.merges.begin(), c.merges.end(), m) == c.merges.end()) c.merges.push_back(m);
  return store.set_corrections(c);
}

// Makes every stored side naming `from` (an entity, or nothing yet) name `into`.
Result<MergeSummary> merge_into(GraphWriter& store, const std::optional<EntityInfo>& from,
                                const std::string& from_name, const std::string& into) {
  MergeSummary sum;
  sum.from = from ? from->name : from_name;
  sum.into = into;
  // Recorded first: a merge killed half-way is finished by running it again.
  KG_RETURN_IF_ERROR(record_merge(store, sum.from, into));
  if (from) {
    UserCorrections one;
    one.merges.emplace_back(sum.from, into);
    const Corrections c(one);
    KG_RETURN_IF_ERROR(
        rewrite_entity(store, from->id, [&](std::vector<Triple>& t) { return c.apply(t); }, sum));
  }
  KG_ASSIGN_OR_RETURN(sum.linked, link_names(store));
  return sum;
}

}  // namespace

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
  return merge_into(store, a, from, b->name);
}

Result<MergeSummary> rename_entity(GraphWriter& store, const std::string& name,
                                   const std::string& new_name) {
  if (fold_name(new_name).empty()) return Status::invalid("the new name is empty");
  KG_ASSIGN_OR_RETURN(std::optional<EntityInfo> a, store.find_entity(name));
  if (!a) return Status::not_found("unknown entity '" + name + "'");
  if (a->name == new_name) return Status::invalid("'" + a->name + "' has that name already");
  KG_ASSIGN_OR_RETURN(std::optional<EntityInfo> b, store.find_entity(new_name));
  if (b && b->id != a->id) {
    return Status::invalid("'" + new_name + "' names another entity (" + b->name + ", " +
                           std::to_string(b->mentions) +
                           " mentions): kg merge makes two entities one");
  }
  return merge_into(store, a, name, new_name);
}

Result<MergeSummary> split_entity(GraphWriter& store, const std::string& name) {
  if (fold_name(name).empty()) return Status::invalid("the name is empty");
  KG_ASSIGN_OR_RETURN(std::optional<EntityInfo> e, store.find_entity(name));
  if (!e) return Status::not_found("unknown entity '" + name + "'");
  const std::string folded = fold_name(name);
  MergeSummary sum;
  sum.from = name;
  sum.into = e->name;
  // Recorded first: the merges of `name` go, and `name` is blocked from linking.
  KG_ASSIGN_OR_RETURN(UserCorrections c, store.corrections());
  std::erase_if(c.merges, [&](const auto& m) { return fold_name(m.first) == folded; });
  add_block(c, name);
  KG_RETURN_IF_ERROR(store.set_corrections(c));
  // Sides that named `name` before a merge or a link name it again.
  auto restore = [&](std::vector<Triple>& triples) {
    size_t n = 0;
    for (Triple& t : triples) {
      for (auto [side, local] : {std::pair{&t.subject, &t.subject_local}, {&t.object, &t.object_local}}) {
        if (local->empty() || fold_name(*local) != folded) continue;
        *side = std::move(*local);
        local->clear();
        ++n;
      }
    }
    return n;
  };
  KG_RETURN_IF_ERROR(rewrite_entity(store, e->id, restore, sum));
  KG_ASSIGN_OR_RETURN(sum.linked, link_names(store));
  return sum;
}

Result<std::vector<MergeSummary>> apply_aliases(GraphWriter& store, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io("cannot read aliases file " + path);
  struct Line {
    size_t number;
    std::string alias, canonical;  // canonical empty: "!alias", a block
  };
  std::vector<Line> lines;
  std::string text;
  for (size_t n = 1; std::getline(in, text); ++n) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (fold_name(text).empty() || text[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(n) + ": ";
    if (utf8::find_invalid(text)) return Status::invalid(where + "not valid UTF-8");
    if (text[0] == '!') {
      if (fold_name(text.substr(1)).empty()) return Status::invalid(where + "'!' without a name");
      lines.push_back({n, text.substr(1), ""});
      continue;
    }
    const size_t tab = text.find('\t');
    if (tab == std::string::npos || text.find('\t', tab + 1) != std::string::npos ||
        fold_name(text.substr(0, tab)).empty() || fold_name(text.substr(tab + 1)).empty()) {
      return Status::invalid(where + "expected 'ALIAS<TAB>CANONICAL NAME' or '!NAME'");
    }
    lines.push_back({n, text.substr(0, tab), text.substr(tab + 1)});
  }
  std::vector<MergeSummary> out;
  for (const Line& l : lines) {
    KG_ASSIGN_OR_RETURN(std::optional<EntityInfo> a, store.find_entity(l.alias));
    if (l.canonical.empty()) {
      if (a) {
        KG_ASSIGN_OR_RETURN(MergeSummary s, split_entity(store, l.alias));
        out.push_back(std::move(s));
        continue;
      }
      KG_ASSIGN_OR_RETURN(UserCorrections c, store.corrections());
      if (add_block(c, l.alias)) KG_RETURN_IF_ERROR(store.set_corrections(c));
      out.push_back({l.alias, l.alias, 0, 0, {}});
      continue;
    }
    KG_ASSIGN_OR_RETURN(std::optional<EntityInfo> b, store.find_entity(l.canonical));
    if (a && b && a->id == b->id) {
      out.push_back({a->name, b->name, 0, 0, {}});  // one entity already
      continue;
    }
    KG_ASSIGN_OR_RETURN(MergeSummary s, merge_into(store, a, l.alias, b ? b->name : l.canonical));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace kg
