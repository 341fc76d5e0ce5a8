// Creating a database atomically: a directory either holds no database or one that opens.
//
// The database is made in a sibling temporary directory (".NAME.kg-creating.PID"), its format
// version record written with a synced write, the store closed and the directory synced, then
// renamed into place (over an empty directory the user may have made) and the parent synced. A
// process killed at any moment leaves either nothing at `dir` or the finished database; the
// temporary directory it leaves is removed by the next creation of the same database once its
// process is gone. docs/reliability.md ("Creating a database").
#include <errno.h>
#include <fcntl.h>
#include <rocksdb/db.h>
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "common/test_hooks.h"
#include "store/rocks_store.h"

namespace kg::store {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCreatingInfix = ".kg-creating.";

// fsync of a directory, so that the names it holds (a new file, a rename) are durable.
bool sync_dir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// The pid in a temporary directory name ".NAME.kg-creating.PID" of `name`, or 0.
pid_t creating_pid(const std::string& entry, const std::string& name) {
  const std::string prefix = "." + name + std::string(kCreatingInfix);
  if (!entry.starts_with(prefix) || entry.size() == prefix.size()) return 0;
  pid_t pid = 0;
  for (char c : entry.substr(prefix.size())) {
    if (c < '0' || c > '9' || pid > 100000000) return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

// Removes the temporary directories that killed creations of `name` left in `parent` (their
// process is gone; a live one's is left alone).
void remove_abandoned(const fs::path& parent, const std::string& name) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const pid_t pid = creating_pid(e.path().filename().string(), name);
    if (pid == 0 || !e.is_directory(ec)) continue;
    if (pid == ::getpid() || (::kill(pid, 0) != 0 && errno == ESRCH)) fs::remove_all(e.path(), ec);
  }
}

}  // namespace

Status RocksGraphStore::create_if_absent(const std::string& dir, const StoreOptions& options) {
  std::error_code ec;
  fs::path target = fs::path(dir).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // "db/" -> "db"
  if (fs::exists(target / "CURRENT", ec)) return {};
  if (fs::exists(target, ec) && !fs::is_directory(target, ec)) {
    return Status::invalid(dir + " is a file, not a kg database directory");
  }
  if (fs::is_directory(target, ec) && !fs::is_empty(target, ec)) {
    return Status::invalid(dir + " exists, is not empty and holds no kg database");
  }
  fs::path parent = target.parent_path();
  if (parent.empty()) parent = ".";
  fs::create_directories(parent, ec);
  if (ec) return Status::io("cannot create " + parent.string() + ": " + ec.message());
  const std::string name = target.filename().string();
  remove_abandoned(parent, name);

  test_kill_point("before-create");
  const fs::path tmp =
      parent / ("." + name + std::string(kCreatingInfix) + std::to_string(::getpid()));
  {
    auto created = open_once(tmp.string(), OpenMode::kReadWrite, options);
    if (!created.ok()) {
      fs::remove_all(tmp, ec);
      // Name the database the user asked for, not the temporary directory.
      std::string m = created.status().message();
      for (size_t at; (at = m.find(tmp.string())) != std::string::npos;) {
        m.replace(at, tmp.string().size(), dir);
      }
      return Status(created.status().code(), m);
    }
  }  // closed: memtables flushed, lock released
  if (!sync_dir(tmp)) {
    fs::remove_all(tmp, ec);
    return Status::io("cannot sync " + tmp.string());
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    fs::remove_all(tmp, ec);
    // Another process created it first: open what it made.
    if ((err == ENOTEMPTY || err == EEXIST) && fs::exists(target / "CURRENT", ec)) return {};
    return Status::io("cannot create database " + dir + ": " + std::strerror(err));
  }
  (void)sync_dir(parent);
  test_kill_point("after-create");
  return {};
}

Status RocksGraphStore::finish_creation() {
  for (int family = 0; family < kCfCount; ++family) {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(full_scan(), cf(family)));
    it->SeekToFirst();
    if (it->Valid() || !it->status().ok()) {
      return Status::corruption("database " + dir_ + " has no format version record");
    }
  }
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return to_status(db_->Put(wo, cf(kCfMeta), kMetaFormat, encode_message(make_format_info())),
                   "writing the format version");
}

}  // namespace kg::store
