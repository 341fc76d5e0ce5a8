// The read methods of RocksGraphStore: entities, names, edges, evidence and totals. Zero counts
// are treated as absent everywhere.
#include <algorithm>
#include <unordered_set>

#include "store/fold.h"
#include "store/rocks_store.h"

namespace kg::store {
namespace {

int64_t count_of(const rocksdb::Slice& v) { return decode_count(v.ToStringView()).value_or(0); }

void sort_aliases(std::vector<std::pair<int64_t, std::string>>& aliases, EntityInfo& info) {
  std::sort(aliases.begin(), aliases.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (auto& a : aliases) info.aliases.push_back(std::move(a.second));
}

// A named entity's type is the one most of its mentions give it (ties: the order of
// kEntityTypes); the distribution is kept in type_votes. A concept is a CONCEPT.
void apply_type_votes(std::vector<std::pair<int64_t, std::string>>& votes, EntityInfo& info) {
  auto rank = [](const std::string& type) {
    for (size_t i = 0; i < std::size(kEntityTypes); ++i) {
      if (type == kEntityTypes[i]) return i;
    }
    return std::size(kEntityTypes);
  };
  std::sort(votes.begin(), votes.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    if (rank(a.second) != rank(b.second)) return rank(a.second) < rank(b.second);
    return a.second < b.second;  // value types: by name
  });
  for (auto& [n, type] : votes) {
    if (n > 0) info.type_votes.emplace_back(std::move(type), static_cast<uint64_t>(n));
  }
  if (info.type == "CONCEPT" || info.type_votes.empty()) return;
  info.type = info.type_votes[0].first;
  // MISC is the tagger's doubt: a person, organisation or place wins unless MISC has more than
  // twice its votes.
  if (info.type == "MISC" && info.type_votes.size() > 1 &&
      info.type_votes[0].second <= 2 * info.type_votes[1].second) {
    info.type = info.type_votes[1].first;
  }
}

// True when spelling `a`, used `na` times, is a better display name than `b`, used `nb` times: the
// most used; of equals, one not in capitals throughout (a headline's), then the smallest.
bool better_spelling(std::string_view a, int64_t na, std::string_view b, int64_t nb) {
  if (na != nb) return na > nb;
  auto shouting = [](std::string_view s) {
    bool upper = false;
    for (unsigned char c : s) {
      if (c >= 'a' && c <= 'z') return false;
      upper |= c >= 'A' && c <= 'Z';
    }
    return upper;
  };
  if (shouting(a) != shouting(b)) return !shouting(a);
  return a < b;
}

// The display name: the best spelling (better_spelling), else the record's.
void apply_spellings(std::vector<std::pair<int64_t, std::string>>& spellings, EntityInfo& info) {
  const std::pair<int64_t, std::string>* best = nullptr;
  for (const auto& s : spellings) {
    if (best == nullptr || better_spelling(s.second, s.first, best->second, best->first)) best = &s;
  }
  if (best != nullptr) info.name = best->second;
}

}  // namespace

Status RocksGraphStore::read_entity_record(EntityId id, const std::string& value,
                                           EntityInfo& info) const {
  pb::Entity e;
  if (!decode_message(value, &e)) {
    return Status::corruption("database " + dir_ + ": entity " + std::to_string(id) +
                              " does not decode");
  }
  info.id = id;
  info.name = e.name();
  info.type = e.type();
  return {};
}

Result<std::optional<EntityInfo>> RocksGraphStore::load_entity(EntityId id) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::string prefix = mentions_key(id);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(prefix_scan(), cf(kCfMentions)));
  int64_t mentions = 0;
  std::vector<std::pair<int64_t, std::string>> aliases, votes, spellings;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    MentionsKey k = parse_mentions_key(it->key().ToStringView());
    if (k.kind == MentionsKeyKind::kMentions) {
      mentions = count_of(it->value());
      if (mentions <= 0) break;
    } else if (int64_t n = count_of(it->value()); n > 0) {
      (k.kind == MentionsKeyKind::kTypeVote   ? votes
       : k.kind == MentionsKeyKind::kSpelling ? spellings
                                              : aliases)
          .emplace_back(n, std::string(k.alias));
    }
  }
  KG_RETURN_IF_ERROR(to_status(it->status(), "reading entity"));
  if (mentions <= 0) return std::optional<EntityInfo>();
  std::string value;
  auto s = db_->Get(rocksdb::ReadOptions(), cf(kCfEntities), entity_key(id), &value);
  if (s.IsNotFound()) {
    return Status::corruption("database " + dir_ + ": entity " + std::to_string(id) +
                              " has mentions but no record");
  }
  KG_RETURN_IF_ERROR(to_status(s, "reading entity"));
  EntityInfo info;
  KG_RETURN_IF_ERROR(read_entity_record(id, value, info));
  info.mentions = static_cast<uint64_t>(mentions);
  sort_aliases(aliases, info);
  apply_type_votes(votes, info);
  apply_spellings(spellings, info);
  return std::optional<EntityInfo>(std::move(info));
}

Result<EntityInfo> RocksGraphStore::entity(EntityId id) {
  KG_ASSIGN_OR_RETURN(auto info, load_entity(id));
  if (!info) return Status::not_found("no entity with id " + std::to_string(id));
  return std::move(*info);
}

Result<std::string> RocksGraphStore::relation_label(
    RelationId id, std::unordered_map<RelationId, std::string>& cache) {
  if (auto it = cache.find(id); it != cache.end()) return it->second;
  // The record, its count and its spellings are adjacent: the label is the most used spelling.
  const std::string prefix = relation_key(id);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfRelations)));
  it->Seek(prefix);
  if (!it->Valid() || it->key() != prefix) {
    KG_RETURN_IF_ERROR(to_status(it->status(), "reading relation"));
    return Status::corruption("database " + dir_ + ": edge names relation " + std::to_string(id) +
                              " that has no record");
  }
  pb::Relation r;
  if (!decode_message(it->value().ToStringView(), &r)) {
    return Status::corruption("database " + dir_ + ": relation " + std::to_string(id) +
                              " does not decode");
  }
  std::string label = r.label();
  int64_t best = 0;
  for (it->Next(); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    const std::string_view spelling = relation_spelling(it->key().ToStringView());
    const int64_t n = count_of(it->value());
    if (spelling.empty() || n <= 0) continue;
    if (best == 0 || better_spelling(spelling, n, label, best)) label = spelling, best = n;
  }
  KG_RETURN_IF_ERROR(to_status(it->status(), "reading relation"));
  cache.emplace(id, label);
  return label;
}

Status RocksGraphStore::scan_relations(
    const std::function<void(RelationId, const std::string&, int64_t)>& fn) {
  KG_RETURN_IF_ERROR(prepare_read());
  // Per id: the record, its count ('c') and its spellings ('v'), adjacent in key order.
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfRelations)));
  std::string label;
  int64_t count = 0, best = 0;
  std::optional<RelationId> current;
  auto emit = [&] {
    if (current) fn(*current, label, count);
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    RelationId id = 0;
    const RelationKeyKind kind = parse_relation_key(it->key().ToStringView(), &id);
    if (kind == RelationKeyKind::kRecord) {
      emit();
      current = id;
      count = best = 0;
      pb::Relation r;
      if (!decode_message(it->value().ToStringView(), &r)) {
        return Status::corruption("database " + dir_ + ": relation " + std::to_string(id) +
                                  " does not decode");
      }
      label = r.label();
    } else if (kind == RelationKeyKind::kCount && current == id) {
      count = count_of(it->value());
    } else if (kind == RelationKeyKind::kSpelling && current == id) {
      const std::string_view spelling = relation_spelling(it->key().ToStringView());
      const int64_t n = count_of(it->value());
      if (!spelling.empty() && n > 0 && (best == 0 || better_spelling(spelling, n, label, best))) {
        label = spelling;
        best = n;
      }
    }
  }
  emit();
  return to_status(it->status(), "reading relations");
}

Status RocksGraphStore::for_each_relation(
    const std::function<void(const std::string&, uint64_t)>& fn) {
  return scan_relations([&](RelationId, const std::string& label, int64_t count) {
    if (count > 0) fn(label, static_cast<uint64_t>(count));
  });
}

Result<StoreStats> RocksGraphStore::stats() {
  KG_RETURN_IF_ERROR(prepare_read());
  StoreStats st;
  rocksdb::ReadOptions ro;
  for (auto [key, field] : {std::pair{kMetaDocuments, &st.documents}, {kMetaFacts, &st.facts}}) {
    std::string v;
    auto s = db_->Get(ro, cf(kCfMeta), key, &v);
    if (s.IsNotFound()) continue;
    KG_RETURN_IF_ERROR(to_status(s, "reading stats"));
    *field = static_cast<uint64_t>(std::max<int64_t>(0, count_of(v)));
  }
  // `is_counted` says whether a key counts, and whether as a value's (the second total).
  auto count_keys = [&](int family, auto is_counted, uint64_t* total, uint64_t* values) -> Status {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(family)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      bool value = false;
      if (is_counted(it->key().ToStringView(), &value) && count_of(it->value()) > 0) {
        ++*(value ? values : total);
      }
    }
    return to_status(it->status(), "reading stats");
  };
  KG_RETURN_IF_ERROR(count_keys(
      kCfMentions,
      [](std::string_view k, bool* value) {
        const MentionsKey key = parse_mentions_key(k);
        *value = is_value_id(key.id);
        return key.kind == MentionsKeyKind::kMentions;
      },
      &st.entities, &st.values));
  KG_RETURN_IF_ERROR(count_keys(
      kCfRelations,
      [](std::string_view k, bool*) {
        RelationId id;
        return parse_relation_key(k, &id) == RelationKeyKind::kCount;
      },
      &st.relations, &st.relations));
  KG_RETURN_IF_ERROR(count_keys(
      kCfOutEdges,
      [](std::string_view k, bool* value) {
        EdgeKey e;
        *value = parse_out_edge_key(k, &e) && is_value_id(e.object);
        return true;
      },
      &st.edges, &st.value_edges));
  return st;
}

Result<std::optional<EntityInfo>> RocksGraphStore::find_entity(std::string_view name) {
  KG_ASSIGN_OR_RETURN(std::vector<EntityInfo> all, find_entities(name));
  if (all.empty()) return std::optional<EntityInfo>();
  return std::optional<EntityInfo>(std::move(all.front()));
}

Result<std::vector<EntityInfo>> RocksGraphStore::find_entities(std::string_view name) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::string folded = fold(name);
  if (folded.empty()) return std::vector<EntityInfo>();
  std::string prefix = name_prefix(folded);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(prefix_scan(), cf(kCfNames)));
  std::vector<EntityId> ids;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    std::string_view f;
    EntityId id;
    if (parse_name_key(it->key().ToStringView(), &f, &id) && f == folded &&
        is_live_name(it->value().ToStringView())) {
      ids.push_back(id);
    }
  }
  KG_RETURN_IF_ERROR(to_status(it->status(), "looking up a name"));
  std::vector<EntityInfo> out;
  for (EntityId id : ids) {
    KG_ASSIGN_OR_RETURN(auto info, load_entity(id));
    if (info) out.push_back(std::move(*info));
  }
  std::sort(out.begin(), out.end(), [](const EntityInfo& a, const EntityInfo& b) {
    return a.mentions != b.mentions ? a.mentions > b.mentions : a.id < b.id;
  });
  return out;
}

Result<std::vector<std::string>> RocksGraphStore::suggest(std::string_view name, size_t k) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::string folded = fold(name);
  std::vector<std::string> out;
  if (folded.empty() || k == 0) return out;
  const size_t bound = std::max<size_t>(2, folded.size() / 3);
  std::unordered_map<EntityId, size_t> best;  // entity -> smallest distance of its names
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfNames)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view f;
    EntityId id;
    if (!parse_name_key(it->key().ToStringView(), &f, &id) ||
        !is_live_name(it->value().ToStringView())) {
      continue;
    }
    size_t d = edit_distance(folded, f, bound);
    // A name that contains the query as a word ("biden" in "joe biden") is a good suggestion.
    if (d > 1 && folded.size() >= 3) {
      size_t pos = f.find(folded);
      if (pos != std::string_view::npos && (pos == 0 || f[pos - 1] == ' ')) d = 1;
    }
    if (d > bound) continue;
    auto [slot, inserted] = best.emplace(id, d);
    if (!inserted) slot->second = std::min(slot->second, d);
  }
  KG_RETURN_IF_ERROR(to_status(it->status(), "reading names"));
  struct Candidate {
    size_t distance;
    EntityInfo info;
  };
  std::vector<Candidate> candidates;
  for (auto [id, d] : best) {
    KG_ASSIGN_OR_RETURN(auto info, load_entity(id));
    if (info) candidates.push_back({d, std::move(*info)});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.info.mentions != b.info.mentions) return a.info.mentions > b.info.mentions;
    return a.info.name < b.info.name;
  });
  std::unordered_set<std::string> seen;
  for (auto& c : candidates) {
    if (out.size() >= k) break;
    if (seen.insert(c.info.name).second) out.push_back(c.info.name);
  }
  return out;
}

Status RocksGraphStore::for_each_entity(const std::function<void(const EntityInfo&)>& fn) {
  KG_RETURN_IF_ERROR(prepare_read());
  // Walks the mentions family in id order and the entity records alongside it.
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfMentions)));
  std::unique_ptr<rocksdb::Iterator> rec(db_->NewIterator(full_scan(), cf(kCfEntities)));
  std::optional<EntityId> current;
  int64_t mentions = 0;
  std::vector<std::pair<int64_t, std::string>> aliases, votes, spellings;
  auto emit = [&]() -> Status {
    if (current && mentions > 0) {
      std::string key = entity_key(*current);
      rec->Seek(key);
      if (!rec->Valid() || rec->key() != key) {
        KG_RETURN_IF_ERROR(to_status(rec->status(), "reading entities"));
        return Status::corruption("database " + dir_ + ": entity " + std::to_string(*current) +
                                  " has mentions but no record");
      }
      EntityInfo info;
      KG_RETURN_IF_ERROR(read_entity_record(*current, rec->value().ToString(), info));
      info.mentions = static_cast<uint64_t>(mentions);
      sort_aliases(aliases, info);
      apply_type_votes(votes, info);
      apply_spellings(spellings, info);
      fn(info);
    }
    current.reset();
    mentions = 0;
    aliases.clear();
    votes.clear();
    spellings.clear();
    return {};
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    MentionsKey k = parse_mentions_key(it->key().ToStringView());
    if (k.kind == MentionsKeyKind::kMentions) {
      KG_RETURN_IF_ERROR(emit());
      current = k.id;
      mentions = count_of(it->value());
    } else if (k.kind != MentionsKeyKind::kInvalid && current && k.id == *current) {
      if (int64_t n = count_of(it->value()); n > 0) {
        (k.kind == MentionsKeyKind::kTypeVote   ? votes
         : k.kind == MentionsKeyKind::kSpelling ? spellings
                                                : aliases)
            .emplace_back(n, std::string(k.alias));
      }
    }
  }
  KG_RETURN_IF_ERROR(emit());
  return to_status(it->status(), "reading entities");
}

Result<std::vector<EntityInfo>> RocksGraphStore::entities(std::string_view match, size_t limit) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<EntityInfo> out;
  std::string folded = fold(match);
  if (folded.empty()) {
    KG_RETURN_IF_ERROR(for_each_entity([&](const EntityInfo& e) { out.push_back(e); }));
  } else {
    std::unordered_set<EntityId> ids;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfNames)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string_view f;
      EntityId id;
      if (parse_name_key(it->key().ToStringView(), &f, &id) &&
          f.find(folded) != std::string_view::npos && is_live_name(it->value().ToStringView())) {
        ids.insert(id);
      }
    }
    KG_RETURN_IF_ERROR(to_status(it->status(), "reading names"));
    for (EntityId id : ids) {
      KG_ASSIGN_OR_RETURN(auto info, load_entity(id));
      if (info) out.push_back(std::move(*info));
    }
  }
  std::sort(out.begin(), out.end(), [](const EntityInfo& a, const EntityInfo& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    if (a.name != b.name) return a.name < b.name;
    return a.id < b.id;
  });
  if (limit > 0 && out.size() > limit) out.resize(limit);
  return out;
}

Result<std::vector<EdgeInfo>> RocksGraphStore::edges_of(EntityId id, Direction dir) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<EdgeInfo> out;
  std::unordered_map<RelationId, std::string> labels;
  std::string prefix = id_prefix(id);
  for (int family : {kCfOutEdges, kCfInEdges}) {
    if (family == kCfOutEdges && dir == Direction::kIn) continue;
    if (family == kCfInEdges && dir == Direction::kOut) continue;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(prefix_scan(), cf(family)));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      EdgeKey e;
      bool ok = family == kCfOutEdges ? parse_out_edge_key(it->key().ToStringView(), &e)
                                      : parse_in_edge_key(it->key().ToStringView(), &e);
      if (!ok) return Status::corruption("database " + dir_ + ": malformed edge key");
      int64_t n = count_of(it->value());
      if (n <= 0) continue;
      // With kBoth a self-loop is listed once, from the out-edge index.
      if (family == kCfInEdges && dir == Direction::kBoth && e.subject == e.object) continue;
      KG_ASSIGN_OR_RETURN(std::string label, relation_label(e.relation, labels));
      out.push_back({e.subject, e.relation, e.object, e.negated, std::move(label),
                     static_cast<uint64_t>(n)});
    }
    KG_RETURN_IF_ERROR(to_status(it->status(), "reading edges"));
  }
  return out;
}

Status RocksGraphStore::for_each_edge(const std::function<void(const EdgeInfo&)>& fn) {
  KG_RETURN_IF_ERROR(prepare_read());
  // Every label in one pass over the relations (a seek per relation cost as much as the edges).
  std::unordered_map<RelationId, std::string> labels;
  KG_RETURN_IF_ERROR(scan_relations([&](RelationId id, const std::string& label, int64_t) {
    labels.emplace(id, label);
  }));
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfOutEdges)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    EdgeKey e;
    if (!parse_out_edge_key(it->key().ToStringView(), &e)) {
      return Status::corruption("database " + dir_ + ": malformed edge key");
    }
    int64_t n = count_of(it->value());
    if (n <= 0) continue;
    KG_ASSIGN_OR_RETURN(std::string label, relation_label(e.relation, labels));
    fn({e.subject, e.relation, e.object, e.negated, std::move(label), static_cast<uint64_t>(n)});
  }
  return to_status(it->status(), "reading edges");
}

Result<std::vector<Evidence>> RocksGraphStore::evidence(const EdgeInfo& edge, size_t limit) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<Evidence> out;
  std::string prefix = out_edge_key({edge.subject, edge.relation, edge.object, edge.negated});
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(prefix_scan(), cf(kCfEvidence)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    if (limit > 0 && out.size() >= limit) break;
    EdgeKey e;
    std::string_view doc;
    uint32_t fact;
    pb::Evidence ev;
    if (!parse_evidence_key(it->key().ToStringView(), &e, &doc, &fact) ||
        !decode_message(it->value().ToStringView(), &ev)) {
      return Status::corruption("database " + dir_ + ": evidence record does not decode");
    }
    out.push_back(evidence_from_pb(ev, doc));
  }
  KG_RETURN_IF_ERROR(to_status(it->status(), "reading evidence"));
  return out;
}

}  // namespace kg::store
