// The KG_WRITER holder file: written after the writer takes RocksDB's LOCK, read to name it.
#include "store/holder.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/file.h"

namespace kg::store {
namespace {

namespace fs = std::filesystem;

std::string path_of(const std::string& dir) { return (fs::path(dir) / kHolderFile).string(); }

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

struct Holder {
  long pid = 0;
  std::string command, since;
};

bool read_holder(const std::string& dir, Holder& h) {
  std::ifstream in(path_of(dir));
  std::string line;
  while (std::getline(in, line)) {
    const size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    const std::string key = line.substr(0, space), value = line.substr(space + 1);
    if (key == "pid") h.pid = std::strtol(value.c_str(), nullptr, 10);
    if (key == "command") h.command = value;
    if (key == "since") h.since = value;
  }
  return h.pid > 0 && !h.command.empty();
}

}  // namespace

std::string this_command() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string program, sub;
  std::getline(in, program, '\0');
  std::getline(in, sub, '\0');
  program = fs::path(program).filename().string();
  if (program.empty()) return "unknown";
  if (program == "kg" && !sub.empty() && sub[0] != '-') return program + " " + sub;
  return program;
}

void write_holder(const std::string& dir) {
  std::ostringstream s;
  s << "pid " << ::getpid() << "\ncommand " << this_command() << "\nsince " << utc_now() << "\n";
  (void)write_file_atomically(path_of(dir), s.str());
}

void remove_holder(const std::string& dir) {
  Holder h;
  if (!read_holder(dir, h) || h.pid != ::getpid()) return;
  std::error_code ec;
  fs::remove(path_of(dir), ec);
}

std::string describe_holder(const std::string& dir) {
  Holder h;
  if (!read_holder(dir, h)) return "";
  // A holder that has died left its file behind; whoever holds the lock now has not yet
  // replaced it.
  if (::kill(static_cast<pid_t>(h.pid), 0) != 0 && errno == ESRCH) return "";
  std::ostringstream s;
  s << h.command << " (pid " << h.pid;
  if (!h.since.empty()) s << ", since " << h.since;
  s << ")";
  return s.str();
}

bool writer_active(const std::string& dir) {
  const int fd = ::open((fs::path(dir) / "LOCK").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock lock {};
  lock.l_type = F_WRLCK;  // RocksDB's writer holds a write lock on the whole file
  lock.l_whence = SEEK_SET;
  const bool held = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

}  // namespace kg::store
