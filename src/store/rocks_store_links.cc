// The links CF of RocksGraphStore: what the corpus-level name linking pass reads and clears
// (store.h GraphWriter, "Corpus-level name linking"; codec.h for the keys).
#include "store/batch.h"
#include "store/rocks_store.h"

namespace kg::store {

namespace {

// Calls fn(key, count) for each key of the links CF that starts with `prefix` and counts > 0.
template <typename Fn>
Status scan_links(RocksGraphStore& store, rocksdb::DB& db, rocksdb::ColumnFamilyHandle* family,
                  std::string_view prefix, Fn fn) {
  std::unique_ptr<rocksdb::Iterator> it(db.NewIterator(RocksGraphStore::full_scan(), family));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    const std::optional<int64_t> n = decode_count(it->value().ToStringView());
    if (!n) return Status::corruption("database " + store.dir() + ": a links counter is not 8 bytes");
    if (*n <= 0) continue;
    const LinkKey k = parse_link_key(it->key().ToStringView());
    if (k.kind == LinkKeyKind::kInvalid) {
      return Status::corruption("database " + store.dir() + ": malformed links key");
    }
    fn(k, *n);
  }
  return store.to_status(it->status(), "reading links");
}

}  // namespace

Result<std::vector<std::string>> RocksGraphStore::pending_links() {
  KG_RETURN_IF_ERROR(require_writable());
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<std::string> out;
  KG_RETURN_IF_ERROR(scan_links(*this, *db_, cf(kCfLinks), "p", [&](const LinkKey& k, int64_t) {
    out.emplace_back(k.surname);
  }));
  return out;
}

Result<std::vector<std::pair<std::string, uint64_t>>> RocksGraphStore::full_names(
    std::string_view surname) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<std::pair<std::string, uint64_t>> out;
  KG_RETURN_IF_ERROR(scan_links(*this, *db_, cf(kCfLinks), link_prefix(LinkKeyKind::kFull, surname),
                                [&](const LinkKey& k, int64_t n) {
                                  out.emplace_back(std::string(k.full_name),
                                                   static_cast<uint64_t>(n));
                                }));
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> RocksGraphStore::surname_uses(
    std::string_view surname) {
  KG_RETURN_IF_ERROR(prepare_read());
  std::vector<std::pair<std::string, std::string>> out;
  KG_RETURN_IF_ERROR(scan_links(*this, *db_, cf(kCfLinks), link_prefix(LinkKeyKind::kUse, surname),
                                [&](const LinkKey& k, int64_t) {
                                  out.emplace_back(std::string(k.doc), std::string(k.target));
                                }));
  return out;
}

Status RocksGraphStore::clear_pending_links(std::span<const std::string> surnames) {
  KG_RETURN_IF_ERROR(require_writable());
  KG_RETURN_IF_ERROR(sync());
  Batch batch(handles_, false);
  for (const std::string& s : surnames) batch.del(kCfLinks, link_pending_key(s));
  rocksdb::WriteOptions wo;
  unflushed_ = true;
  return after_write(db_->Write(wo, &batch.wb));
}

}  // namespace kg::store
