// A RocksDB FileSystem that fails writes on demand, like a disk filling up: once armed, appends
// succeed until `budget` bytes are written (the last one only partly) and then fail with "no
// space", or the Nth sync fails with an I/O error.
#pragma once

#include <rocksdb/env.h>
#include <rocksdb/file_system.h>

#include <atomic>
#include <memory>
#include <string>

namespace kg::test {

struct FaultState {
  std::atomic<bool> armed{false};
  std::atomic<int64_t> budget{INT64_MAX};      // bytes still writable while armed
  std::atomic<int64_t> syncs_left{INT64_MAX};  // syncs that still succeed while armed
  std::atomic<int64_t> failures{0};            // failed calls so far
};

class FaultyFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultyFile(std::unique_ptr<rocksdb::FSWritableFile> f, std::shared_ptr<FaultState> st)
      : FSWritableFileOwnerWrapper(std::move(f)), st_(std::move(st)) {}

  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& o,
                           rocksdb::IODebugContext* dbg) override {
    if (!st_->armed) return target()->Append(data, o, dbg);
    const int64_t left = st_->budget.fetch_sub(static_cast<int64_t>(data.size()));
    if (left >= static_cast<int64_t>(data.size())) return target()->Append(data, o, dbg);
    if (left > 0) {  // the disk fills up in the middle of this write
      (void)target()->Append(rocksdb::Slice(data.data(), static_cast<size_t>(left)), o, dbg);
    }
    ++st_->failures;
    return rocksdb::IOStatus::NoSpace("injected: no space left on device");
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& o,
                           const rocksdb::DataVerificationInfo&,
                           rocksdb::IODebugContext* dbg) override {
    return Append(data, o, dbg);
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t,
                                     const rocksdb::IOOptions& o,
                                     rocksdb::IODebugContext* dbg) override {
    return Append(data, o, dbg);
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset,
                                     const rocksdb::IOOptions& o,
                                     const rocksdb::DataVerificationInfo&,
                                     rocksdb::IODebugContext* dbg) override {
    return PositionedAppend(data, offset, o, dbg);
  }
  rocksdb::IOStatus Sync(const rocksdb::IOOptions& o, rocksdb::IODebugContext* dbg) override {
    if (fail_sync()) return rocksdb::IOStatus::IOError("injected: sync failed");
    return target()->Sync(o, dbg);
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& o, rocksdb::IODebugContext* dbg) override {
    if (fail_sync()) return rocksdb::IOStatus::IOError("injected: fsync failed");
    return target()->Fsync(o, dbg);
  }

 private:
  bool fail_sync() {
    if (!st_->armed || st_->syncs_left.fetch_sub(1) > 0) return false;
    ++st_->failures;
    return true;
  }
  std::shared_ptr<FaultState> st_;
};

class FaultyFileSystem : public rocksdb::FileSystemWrapper {
 public:
  explicit FaultyFileSystem(std::shared_ptr<FaultState> st)
      : FileSystemWrapper(rocksdb::FileSystem::Default()), st_(std::move(st)) {}
  const char* Name() const override { return "KgFaultyFileSystem"; }

  rocksdb::IOStatus NewWritableFile(const std::string& f, const rocksdb::FileOptions& fo,
                                    std::unique_ptr<rocksdb::FSWritableFile>* r,
                                    rocksdb::IODebugContext* dbg) override {
    return wrap(target()->NewWritableFile(f, fo, r, dbg), r);
  }
  rocksdb::IOStatus ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& fo,
                                       std::unique_ptr<rocksdb::FSWritableFile>* r,
                                       rocksdb::IODebugContext* dbg) override {
    return wrap(target()->ReopenWritableFile(f, fo, r, dbg), r);
  }
  rocksdb::IOStatus ReuseWritableFile(const std::string& f, const std::string& old,
                                      const rocksdb::FileOptions& fo,
                                      std::unique_ptr<rocksdb::FSWritableFile>* r,
                                      rocksdb::IODebugContext* dbg) override {
    return wrap(target()->ReuseWritableFile(f, old, fo, r, dbg), r);
  }

 private:
  rocksdb::IOStatus wrap(rocksdb::IOStatus s, std::unique_ptr<rocksdb::FSWritableFile>* r) {
    if (s.ok()) *r = std::make_unique<FaultyFile>(std::move(*r), st_);
    return s;
  }
  std::shared_ptr<FaultState> st_;
};

// An Env whose files go through a FaultyFileSystem driven by `st`.
inline std::shared_ptr<rocksdb::Env> faulty_env(std::shared_ptr<FaultState> st) {
  return rocksdb::NewCompositeEnv(std::make_shared<FaultyFileSystem>(std::move(st)));
}

}  // namespace kg::test
