// An in-memory GraphReader for query and export tests: the same contract as the RocksDB store
// (ids derived from names, case-insensitive lookup by name or alias, counts from evidence),
// without the disk. Build a graph with add(...).
#pragma once

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "common/hash.h"
#include "store/store.h"

namespace kg::testing {

class FakeStore : public GraphReader {
 public:
  struct Fact {
    std::string doc = "d1";
    bool negated = false;
    std::string subject_type = "CONCEPT", object_type = "CONCEPT";
    std::string subject_text, object_text;
    std::string text;
    std::string date;  // the document's, "YYYY-MM-DD"
    double confidence = 1.0;
  };

  // As the store's: a value's id has the top bit set, an entity's not (store.h is_value_id).
  static EntityId id_of(std::string_view name, std::string_view type = "") {
    // Concepts are not tagged here: the fake's paths walk every entity, as PathOptions with
    // via_concepts does.
    const EntityId id = hash64(name, 1) & ~(kValueIdBit | kConceptIdBit);
    return is_value_type(type) ? id | kValueIdBit : id;
  }
  static RelationId relation_id_of(std::string_view label) { return hash64(label, 2); }

  // Adds one fact `subject -relation-> object`.
  void add(const std::string& subject, const std::string& relation, const std::string& object,
           const Fact& fact) {
    EntityInfo& s = touch(subject, fact.subject_type, fact.subject_text);
    EntityInfo& o = touch(object, fact.object_type, fact.object_text);
    ++s.mentions;
    if (&o != &s) ++o.mentions;
    EdgeKey key{s.id, relation_id_of(relation), o.id, fact.negated};
    EdgeInfo& e = edges_[key];
    e.subject = s.id;
    e.object = o.id;
    e.relation = std::get<1>(key);
    e.negated = fact.negated;
    e.relation_label = relation;
    ++e.count;
    Evidence ev;
    ev.doc = fact.doc;
    ev.sentence = 0;
    ev.text = fact.text.empty() ? subject + " " + relation + " " + object + "." : fact.text;
    ev.date = fact.date;
    ev.confidence = fact.confidence;
    evidence_[key].push_back(ev);
  }
  void add(const std::string& subject, const std::string& relation, const std::string& object) {
    add(subject, relation, object, Fact{});
  }

  // Adds a document's facts (not a GraphWriter: queries and exports only read).
  void put_document(const DocumentFacts& doc) {
    for (const Triple& t : doc.triples) {
      Fact f;
      f.doc = doc.id;
      f.negated = t.negated;
      f.subject_type = t.subject_type;
      f.object_type = t.object_type;
      f.subject_text = t.subject_text;
      f.object_text = t.object_text;
      f.text = t.text;
      add(t.subject, t.relation, t.object, f);
    }
  }
  Result<bool> has_document(const std::string&, const std::string&) override { return false; }

  Result<StoreStats> stats() override {
    StoreStats s;
    s.entities = entities_.size();
    s.edges = edges_.size();
    for (const auto& [k, e] : edges_) s.facts += e.count;
    return s;
  }

  Result<std::optional<EntityInfo>> find_entity(std::string_view name) override {
    const EntityInfo* best = nullptr;
    for (const auto& [id, e] : entities_) {
      bool match = lower(e.name) == lower(name);
      for (const auto& a : e.aliases) match = match || lower(a) == lower(name);
      if (match && (!best || e.mentions > best->mentions)) best = &e;
    }
    if (!best) return std::optional<EntityInfo>();
    return std::optional<EntityInfo>(*best);
  }

  Result<std::vector<std::string>> suggest(std::string_view name, size_t k) override {
    std::vector<std::pair<size_t, std::string>> scored;
    for (const auto& [id, e] : entities_)
      scored.emplace_back(distance(lower(name), lower(e.name)), e.name);
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (size_t i = 0; i < scored.size() && i < k; ++i) out.push_back(scored[i].second);
    return out;
  }

  Result<EntityInfo> entity(EntityId id) override {
    auto it = entities_.find(id);
    if (it == entities_.end()) return Status::not_found("no entity " + std::to_string(id));
    return it->second;
  }

  Result<std::vector<EntityInfo>> entities(std::string_view match, size_t limit) override {
    std::vector<EntityInfo> out;
    for (const auto& [id, e] : entities_) {
      if (lower(e.name).find(lower(match)) != std::string::npos) out.push_back(e);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.mentions > b.mentions; });
    if (limit && out.size() > limit) out.resize(limit);
    return out;
  }

  Result<std::vector<EdgeInfo>> edges_of(EntityId id, Direction dir) override {
    ++edges_of_calls;
    std::vector<EdgeInfo> out;
    if (dir != Direction::kIn) {
      for (const auto& [k, e] : edges_) {
        if (e.subject == id) out.push_back(e);
      }
    }
    if (dir != Direction::kOut) {
      for (const auto& [k, e] : edges_) {
        if (e.object == id) out.push_back(e);
      }
    }
    return out;
  }

  Status for_each_edge(const std::function<void(const EdgeInfo&)>& fn) override {
    ++edge_scans;
    for (const auto& [k, e] : edges_) fn(e);
    return {};
  }
  Status for_each_entity(const std::function<void(const EntityInfo&)>& fn) override {
    for (const auto& [id, e] : entities_) fn(e);
    return {};
  }
  Result<std::vector<Evidence>> evidence(const EdgeInfo& edge, size_t limit) override {
    ++evidence_calls;
    auto it = evidence_.find({edge.subject, edge.relation, edge.object, edge.negated});
    if (it == evidence_.end()) return std::vector<Evidence>();
    std::vector<Evidence> out = it->second;
    if (limit && out.size() > limit) out.resize(limit);
    return out;
  }

  // How often each read was called (tests of what a query reads).
  size_t edges_of_calls = 0, edge_scans = 0, evidence_calls = 0;

 private:
  using EdgeKey = std::tuple<EntityId, RelationId, EntityId, bool>;

  EntityInfo& touch(const std::string& name, const std::string& type, const std::string& alias) {
    const EntityId id = id_of(name, type);
    EntityInfo& e = entities_[id];
    e.id = id;
    e.name = name;
    if (e.type.empty()) e.type = type;
    if (!alias.empty() && alias != name &&
        std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end()) {
      e.aliases.push_back(alias);
    }
    return e;
  }
  static std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  static size_t distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t diag = row[0];
      row[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
        diag = up;
      }
    }
    return row[b.size()];
  }

  std::map<EntityId, EntityInfo> entities_;
  std::map<EdgeKey, EdgeInfo> edges_;
  std::map<EdgeKey, std::vector<Evidence>> evidence_;
};

}  // namespace kg::testing
