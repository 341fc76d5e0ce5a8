// The links CF of RocksGraphStore: what the corpus-level name linking pass reads and clears
// (store.h GraphWriter, "Corpus-level name linking"; codec.h for the keys).
#include <map>

#include "store/batch.h"
#include "store/rocks_store.h"

namespace kg::store {

namespace {

// Calls fn(key, count) for each key of `it`'s column family that starts with `prefix` and counts
// more than 0.
template <typename Fn>
Status scan_links(const RocksGraphStore& store, rocksdb::Iterator& it, std::string_view prefix,
                  Fn fn) {
  for (it.Seek(prefix); it.Valid() && it.key().starts_with(prefix); it.Next()) {
    const std::optional<int64_t> n = decode_count(it.value().ToStringView());
    if (!n) return Status::corruption("database " + store.dir() + ": a links counter is not 8 bytes");
    if (*n <= 0) continue;
    const LinkKey k = parse_link_key(it.key().ToStringView());
    if (k.kind == LinkKeyKind::kInvalid) {
      return Status::corruption("database " + store.dir() + ": malformed links key");
    }
    fn(k, *n);
  }
  return store.to_status(it.status(), "reading links");
}

}  // namespace

Result<std::vector<std::string>> RocksGraphStore::pending_links() {
  KG_RETURN_IF_ERROR(require_writable());
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<std::string> out;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfLinks)));
  KG_RETURN_IF_ERROR(
      scan_links(*this, *it, "p", [&](const LinkKey& k, int64_t) { out.emplace_back(k.surname); }));
  return out;
}

Result<std::vector<GraphWriter::SurnameLinks>> RocksGraphStore::surname_links(
    std::span<const std::string> surnames) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<SurnameLinks> out;
  out.reserve(surnames.size());
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(kCfLinks)));
  for (const std::string& surname : surnames) {
    SurnameLinks& s = out.emplace_back();
    s.surname = surname;
    std::map<std::string, uint64_t> counts;
    KG_RETURN_IF_ERROR(scan_links(*this, *it, link_prefix(LinkKeyKind::kFull, surname),
                                  [&](const LinkKey& k, int64_t n) {
                                    counts[std::string(k.full_name)] += static_cast<uint64_t>(n);
                                    s.full_name_docs.emplace_back(std::string(k.full_name),
                                                                  std::string(k.doc));
                                  }));
    s.full_names.assign(counts.begin(), counts.end());
    KG_RETURN_IF_ERROR(scan_links(*this, *it, link_prefix(LinkKeyKind::kUse, surname),
                                  [&](const LinkKey& k, int64_t) {
                                    s.uses.emplace_back(std::string(k.doc), std::string(k.target));
                                  }));
  }
  return out;
}

Status RocksGraphStore::clear_pending_links(std::span<const std::string> surnames) {
  KG_RETURN_IF_ERROR(require_writable());
  KG_RETURN_IF_ERROR(sync());
  Batch batch(handles_, false);
  for (const std::string& s : surnames) batch.del(kCfLinks, link_pending_key(s));
  return after_write(db_->Write(rocksdb::WriteOptions(), &batch.wb));
}

}  // namespace kg::store
