// Writing output files atomically, and running Graphviz `dot` to render one.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "export/export.h"

extern char** environ;

namespace kg {
namespace {

std::string error_text() { return std::strerror(errno); }

}  // namespace

std::optional<std::string> render_format_for(std::string_view path) {
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) {
    return std::nullopt;
  }
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "svg" || ext == "png" || ext == "pdf") return ext;
  return std::nullopt;
}

std::optional<std::string> find_on_path(std::string_view program, std::string_view search_path) {
  size_t start = 0;
  while (start <= search_path.size()) {
    size_t end = search_path.find(':', start);
    if (end == std::string_view::npos) end = search_path.size();
    std::string dir(search_path.substr(start, end - start));
    std::string candidate = (dir.empty() ? "." : dir) + "/" + std::string(program);
    struct stat st;
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

Status render_with_graphviz(const std::string& dot_source, const std::string& output) {
  std::optional<std::string> format = render_format_for(output);
  if (!format) {
    return Status::invalid("cannot tell the image format of '" + output +
                           "': use a .svg, .png or .pdf file name");
  }
  const char* path_env = std::getenv("PATH");
  std::optional<std::string> dot = find_on_path("dot", path_env ? path_env : "");
  if (!dot) return Status::not_found("Graphviz 'dot' not found on PATH; install graphviz");

  KG_ASSIGN_OR_RETURN(std::string input, temp_file_beside(output, "dot"));
  KG_ASSIGN_OR_RETURN(std::string image, temp_file_beside(output, "img"));
  KG_ASSIGN_OR_RETURN(std::string errors, temp_file_beside(output, "err"));
  auto cleanup = [&] {
    std::remove(input.c_str());
    std::remove(image.c_str());
    std::remove(errors.c_str());
  };
  {
    std::ofstream in(input, std::ios::binary | std::ios::trunc);
    in << dot_source;
    if (!in.flush()) {
      cleanup();
      return Status::io("cannot write '" + input + "': " + error_text());
    }
  }
  std::string type_flag = "-T" + *format;
  std::vector<std::string> args = {*dot, type_flag, "-o", image, input};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(), O_WRONLY | O_TRUNC, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, dot->c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    cleanup();
    return Status::io("cannot run '" + *dot + "': " + std::strerror(rc));
  }
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    std::ifstream err(errors);
    std::string line;
    std::getline(err, line);
    cleanup();
    std::string why = WIFEXITED(wstatus) ? "exit code " + std::to_string(WEXITSTATUS(wstatus))
                                         : "killed by signal " + std::to_string(WTERMSIG(wstatus));
    return Status::io("Graphviz dot failed (" + why + ")" + (line.empty() ? "" : ": " + line));
  }
  Status status = publish_file(image, output);
  cleanup();
  return status;
}

}  // namespace kg
