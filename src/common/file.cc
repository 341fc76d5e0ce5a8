// Whole-file reads and atomic writes (file.h).
#include "common/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kg {
namespace {

std::string error_text() { return std::strerror(errno); }

Status sync_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::io("cannot reopen '" + path + "': " + error_text());
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::io("cannot sync '" + path + "': " + error_text());
  return {};
}

}  // namespace

Result<std::string> temp_file_beside(const std::string& path, const char* tag) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string tmpl = dir + "." + name + "." + tag + "XXXXXX";
  int fd = mkstemp(tmpl.data());
  if (fd < 0) {
    return Status::io("cannot create a file in '" + (dir.empty() ? "." : dir) +
                      "': " + error_text());
  }
  ::close(fd);
  return tmpl;
}

Status publish_file(const std::string& tmp, const std::string& path) {
  KG_RETURN_IF_ERROR(sync_file(tmp));
  ::chmod(tmp.c_str(), 0644);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::io("cannot write '" + path + "': " + error_text());
  }
  return {};
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot open " + path);
  return read_stream(in, path);
}

Result<std::string> read_stream(std::istream& in, const std::string& name) {
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return Status::io("cannot read " + name);
  return std::move(s).str();
}

Status write_file_atomically(const std::string& path,
                             const std::function<Status(std::ostream&)>& write) {
  KG_ASSIGN_OR_RETURN(std::string tmp, temp_file_beside(path, "tmp"));
  Status status;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      status = Status::io("cannot write '" + tmp + "': " + error_text());
    } else {
      status = write(out);
      out.flush();
      if (status.ok() && !out) status = Status::io("cannot write '" + path + "': " + error_text());
    }
  }
  if (status.ok()) status = publish_file(tmp, path);
  if (!status.ok()) std::remove(tmp.c_str());
  return status;
}

Status write_file_atomically(const std::string& path, std::string_view bytes) {
  return write_file_atomically(path, [&](std::ostream& out) -> Status {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return {};
  });
}

}  // namespace kg
