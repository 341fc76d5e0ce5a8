// Sorting, folding and ingesting a bulk batch as SST files.
#include "store/bulk_load.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include <rocksdb/sst_file_writer.h>

namespace kg::store {

void BulkBatch::add(int cf, Kind kind, std::string_view key, std::string_view value) {
  Family& f = families_[static_cast<size_t>(cf)];
  Entry e;
  unsigned char b[16] = {0};
  std::memcpy(b, key.data(), std::min<size_t>(16, key.size()));
  e.prefix[0] = e.prefix[1] = 0;
  for (int i = 0; i < 16; ++i) e.prefix[i / 8] = (e.prefix[i / 8] << 8) | b[i];
  e.seq = seq_++;
  e.kind = kind;
  e.key_off = static_cast<uint32_t>(f.arena.size());
  e.key_len = static_cast<uint32_t>(key.size());
  f.arena.append(key);
  e.val_off = static_cast<uint32_t>(f.arena.size());
  e.val_len = static_cast<uint32_t>(value.size());
  f.arena.append(value);
  f.entries.push_back(e);
}

void BulkBatch::merge_count(int cf, std::string_view key, int64_t n) {
  add(cf, kMerge, key, encode_count(n));
}

bool BulkBatch::empty() const {
  for (const auto& f : families_) {
    if (!f.entries.empty()) return false;
  }
  return true;
}

bool BulkBatch::is_bulk_file_name(std::string_view name) {
  return name.starts_with("kgbulk-") && name.ends_with(".sst");
}

rocksdb::Status BulkBatch::write_file(int cf, const rocksdb::Options& options,
                                      const std::string& path, bool* wrote) {
  Family& f = families_[static_cast<size_t>(cf)];
  *wrote = false;
  if (f.entries.empty()) return rocksdb::Status::OK();
  const char* base = f.arena.data();
  auto key = [base](const Entry& e) { return std::string_view(base + e.key_off, e.key_len); };
  std::sort(f.entries.begin(), f.entries.end(), [&](const Entry& a, const Entry& b) {
    if (a.prefix[0] != b.prefix[0]) return a.prefix[0] < b.prefix[0];
    if (a.prefix[1] != b.prefix[1]) return a.prefix[1] < b.prefix[1];
    if (a.key_len > 16 || b.key_len > 16) {
      int c = key(a).compare(key(b));
      if (c != 0) return c < 0;
    } else if (a.key_len != b.key_len) {
      return a.key_len < b.key_len;  // equal 16-byte prefixes: the shorter key is a prefix
    }
    return a.seq < b.seq;
  });
  auto same_key = [&](const Entry& a, const Entry& b) {
    return a.prefix[0] == b.prefix[0] && a.prefix[1] == b.prefix[1] && a.key_len == b.key_len &&
           (a.key_len <= 16 || key(a) == key(b));
  };
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
  rocksdb::Status s;
  bool opened = false;
  for (size_t i = 0; i < f.entries.size() && s.ok();) {
    size_t j = i + 1;
    while (j < f.entries.size() && same_key(f.entries[j], f.entries[i])) {
      ++j;
    }
    // Fold entries i..j-1 of one key, oldest first.
    size_t last_record = j;  // the last put or delete
    int64_t sum = 0;
    for (size_t k = i; k < j; ++k) {
      if (f.entries[k].kind != kMerge) last_record = k;
    }
    for (size_t k = (last_record == j ? i : last_record + 1); k < j; ++k) {
      sum += decode_count(std::string_view(base + f.entries[k].val_off, 8)).value_or(0);
    }
    if (last_record != j && last_record + 1 < j) {
      return rocksdb::Status::InvalidArgument("bulk batch: a counter merged onto a record");
    }
    if (!opened && (last_record != j || sum != 0)) {
      s = writer.Open(path);
      opened = true;
      if (!s.ok()) break;
    }
    if (last_record != j) {
      const Entry& e = f.entries[last_record];
      s = e.kind == kPut ? writer.Put(key(e), std::string_view(base + e.val_off, e.val_len))
                         : writer.Delete(key(e));
    } else if (sum != 0) {
      s = writer.Merge(key(f.entries[i]), encode_count(sum));
    }
    i = j;
  }
  if (opened && s.ok()) s = writer.Finish();
  *wrote = opened && s.ok();
  if (opened && !s.ok()) std::remove(path.c_str());
  return s;
}

rocksdb::Status BulkBatch::ingest(
    rocksdb::DB& db, const std::array<rocksdb::ColumnFamilyHandle*, kCfCount>& families,
    const std::function<rocksdb::Options(int cf)>& options, const std::string& dir, uint64_t tag) {
  std::vector<rocksdb::IngestExternalFileArg> args;
  std::vector<std::string> written;
  rocksdb::Status s;
  for (int cf = 0; cf < kCfCount && s.ok(); ++cf) {
    std::string path =
        dir + "/kgbulk-" + std::to_string(tag) + "-" + std::to_string(cf) + ".sst";
    bool wrote = false;
    s = write_file(cf, options(cf), path, &wrote);
    // The family's memory is no longer needed.
    families_[static_cast<size_t>(cf)] = Family();
    if (!wrote) continue;
    written.push_back(path);
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = families[static_cast<size_t>(cf)];
    arg.external_files = {path};
    arg.options.move_files = true;
    arg.options.write_global_seqno = false;
    arg.options.allow_blocking_flush = true;
    args.push_back(std::move(arg));
  }
  if (s.ok() && !args.empty()) s = db.IngestExternalFiles(args);
  for (const auto& path : written) std::remove(path.c_str());  // linked into the DB when ok
  return s;
}

}  // namespace kg::store
