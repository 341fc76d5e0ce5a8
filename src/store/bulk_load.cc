// Sorting, folding and ingesting a bulk batch as SST files.
#include "store/bulk_load.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include <rocksdb/sst_file_writer.h>

namespace kg::store {
namespace {

constexpr size_t kArenaBlock = size_t{4} << 20;

std::string_view key_of(const auto& e) { return std::string_view(e.key, e.key_len); }

}  // namespace

const char* BulkBatch::Arena::copy(std::string_view s) {
  if (used_ + s.size() > size_) {
    size_ = std::max(kArenaBlock, s.size());
    blocks_.push_back(std::make_unique<char[]>(size_));
    used_ = 0;
  }
  char* p = blocks_.back().get() + used_;
  std::memcpy(p, s.data(), s.size());
  used_ += s.size();
  return p;
}

void BulkBatch::add(int cf, Kind kind, std::string_view key, std::string_view value,
                    int64_t count) {
  Family& f = families_[static_cast<size_t>(cf)];
  if (f.entries.empty()) f.entries.reserve(4096);
  Entry e;
  unsigned char b[8 * kPrefixWords] = {0};
  std::memcpy(b, key.data(), std::min(sizeof b, key.size()));
  for (int w = 0; w < kPrefixWords; ++w) {
    uint64_t v;
    std::memcpy(&v, b + 8 * w, 8);
    e.prefix[w] = __builtin_bswap64(v);  // big-endian: numeric order is byte order
  }
  e.key = f.arena.copy(key);
  e.key_len = static_cast<uint32_t>(key.size());
  e.value = value.empty() ? nullptr : f.arena.copy(value);
  e.value_len = static_cast<uint32_t>(value.size());
  e.count = count;
  e.seq = seq_++;
  e.kind = kind;
  f.entries.push_back(e);
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
  constexpr uint32_t kPrefixBytes = 8 * kPrefixWords;
  auto same_prefix = [](const Entry& a, const Entry& b) {
    for (int w = 0; w < kPrefixWords; ++w) {
      if (a.prefix[w] != b.prefix[w]) return false;
    }
    return true;
  };
  // Sort compact (prefix, index) records; entries are appended in seq order, so the index
  // breaks ties between equal keys oldest first.
  struct Order {
    uint64_t prefix[kPrefixWords];
    uint32_t index;
  };
  std::vector<Order> order(f.entries.size());
  for (size_t i = 0; i < f.entries.size(); ++i) {
    const Entry& e = f.entries[i];
    order[i] = Order{{e.prefix[0], e.prefix[1], e.prefix[2]}, static_cast<uint32_t>(i)};
  }
  std::sort(order.begin(), order.end(), [&](const Order& oa, const Order& ob) {
    for (int w = 0; w < kPrefixWords; ++w) {
      if (oa.prefix[w] != ob.prefix[w]) return oa.prefix[w] < ob.prefix[w];
    }
    const Entry& a = f.entries[oa.index];
    const Entry& b = f.entries[ob.index];
    if (a.key_len > kPrefixBytes || b.key_len > kPrefixBytes) {
      int c = key_of(a).compare(key_of(b));
      if (c != 0) return c < 0;
    } else if (a.key_len != b.key_len) {
      return a.key_len < b.key_len;  // equal padded prefixes: the shorter key is a prefix
    }
    return oa.index < ob.index;
  });
  {
    std::vector<Entry> sorted;
    sorted.reserve(f.entries.size());
    for (const Order& o : order) sorted.push_back(f.entries[o.index]);
    f.entries.swap(sorted);
  }
  auto same_key = [&](const Entry& a, const Entry& b) {
    return same_prefix(a, b) && a.key_len == b.key_len &&
           (a.key_len <= kPrefixBytes || key_of(a) == key_of(b));
  };
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
  rocksdb::Status s;
  bool opened = false;
  for (size_t i = 0; i < f.entries.size() && s.ok();) {
    // Entries are in key order, their bytes anywhere: load those a few entries ahead.
    if (i + 8 < f.entries.size()) {
      __builtin_prefetch(f.entries[i + 8].key);
      if (f.entries[i + 8].value != nullptr) __builtin_prefetch(f.entries[i + 8].value);
    }
    // Fold the entries of one key, oldest first: a put or delete replaces what came before,
    // counts add up.
    size_t j = i + 1;
    while (j < f.entries.size() && same_key(f.entries[j], f.entries[i])) ++j;
    const Entry* record = nullptr;
    int64_t sum = 0;
    for (size_t k = i; k < j; ++k) {
      const Entry& e = f.entries[k];
      if (e.kind == kMerge) {
        if (record != nullptr) {
          return rocksdb::Status::InvalidArgument("bulk batch: a counter merged onto a record");
        }
        sum += e.count;
      } else {
        record = &e;
        sum = 0;
      }
    }
    if (record != nullptr || sum != 0) {
      if (!opened) {
        s = writer.Open(path);
        opened = true;
        if (!s.ok()) break;
      }
      if (record == nullptr) {
        s = writer.Merge(key_of(f.entries[i]), encode_count(sum));
      } else if (record->kind == kPut) {
        s = writer.Put(key_of(*record),
                       rocksdb::Slice(record->value == nullptr ? "" : record->value,
                                      record->value_len));
      } else {
        s = writer.Delete(key_of(*record));
      }
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
    families_[static_cast<size_t>(cf)] = Family();  // its memory is no longer needed
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
