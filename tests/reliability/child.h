// Helpers of the reliability tests: run bin/kg as a child process (optionally killed, fed through a
// pipe or under a file size limit), and a generated corpus of short news-like documents.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace kg::test {

namespace fs = std::filesystem;

inline std::string kg_binary() { return std::string(KG_BINARY_DIR) + "/bin/kg"; }
inline std::string models_dir() { return std::string(KG_SOURCE_DIR) + "/models"; }

// A fresh, empty directory <build>/reliability/<name> (removed first).
inline fs::path scratch(const std::string& name) {
  fs::path dir = fs::path(KG_BINARY_DIR) / "reliability" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct ChildOptions {
  std::vector<std::string> env;  // extra "NAME=value" entries
  fs::path out, err;             // where stdout and stderr go (/dev/null when empty)
  bool stdin_pipe = false;       // give the child a pipe on standard input (Child::stdin_fd)
  rlim_t max_file_bytes = RLIM_INFINITY;  // RLIMIT_FSIZE: writes past it fail with EFBIG
};

struct Child {
  pid_t pid = -1;
  int stdin_fd = -1;
};

// Starts `kg args...`. Everything the child needs is prepared before fork().
inline Child spawn_kg(const std::vector<std::string>& args, const ChildOptions& o = {}) {
  std::vector<std::string> argv_s{kg_binary()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s{"KG_MODELS=" + models_dir()};
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::string(*e).rfind("KG_", 0) != 0) env_s.emplace_back(*e);
  }
  env_s.insert(env_s.end(), o.env.begin(), o.env.end());
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string out = o.out.empty() ? "/dev/null" : o.out.string();
  const std::string err = o.err.empty() ? "/dev/null" : o.err.string();
  int pipe_fds[2] = {-1, -1};
  if (o.stdin_pipe && ::pipe(pipe_fds) != 0) return {};
  Child c;
  c.pid = ::fork();
  if (c.pid == 0) {
    int in_fd = o.stdin_pipe ? pipe_fds[0] : ::open("/dev/null", O_RDONLY);
    int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in_fd < 0 || out_fd < 0 || err_fd < 0) ::_exit(127);
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    if (o.stdin_pipe) ::close(pipe_fds[1]);
    if (o.max_file_bytes != RLIM_INFINITY) {
      ::signal(SIGXFSZ, SIG_IGN);  // ignored across exec: writes fail with EFBIG instead
      struct rlimit lim {
        o.max_file_bytes, o.max_file_bytes
      };
      ::setrlimit(RLIMIT_FSIZE, &lim);
    }
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  if (o.stdin_pipe) {
    ::close(pipe_fds[0]);
    c.stdin_fd = pipe_fds[1];
  }
  return c;
}

struct Exit {
  bool signaled = false;
  int code = -1;   // exit code when !signaled
  int signal = 0;  // terminating signal when signaled
};

inline Exit wait_child(pid_t pid) {
  int st = 0;
  while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
  }
  Exit e;
  if (WIFSIGNALED(st)) {
    e.signaled = true;
    e.signal = WTERMSIG(st);
  } else if (WIFEXITED(st)) {
    e.code = WEXITSTATUS(st);
  }
  return e;
}

// True while the child runs (it is not reaped).
inline bool running(pid_t pid) {
  int st = 0;
  return ::waitpid(pid, &st, WNOHANG) == 0;
}

struct Ran {
  Exit exit;
  std::string out, err;
};

// Waits until the writer `pid` has the database open (its KG_WRITER holder file names it), or
// has ended; true in the first case.
inline bool wait_for_writer(const fs::path& db, pid_t pid) {
  const std::string want = "pid " + std::to_string(pid) + "\n";
  while (running(pid)) {
    if (slurp(db / "KG_WRITER").rfind(want, 0) == 0) return true;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return false;
}

// Runs `kg args...` to the end; stdout and stderr are captured through files in `dir`.
inline Ran run_kg_child(const std::vector<std::string>& args, const fs::path& dir,
                        ChildOptions o = {}) {
  o.out = dir / "child.out";
  o.err = dir / "child.err";
  Child c = spawn_kg(args, o);
  Ran r;
  r.exit = wait_child(c.pid);
  r.out = slurp(o.out);
  r.err = slurp(o.err);
  return r;
}

// Writes all of `s` to a file descriptor.
inline bool write_all(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// The id of the i-th document of news_corpus.
inline std::string doc_id(size_t i) {
  std::string n = std::to_string(i);
  return "doc" + std::string(n.size() < 4 ? 4 - n.size() : 0, '0') + n;
}

// `n` short news-like documents as JSONL lines (ids doc0000, doc0001, ...), the same for a seed.
// Entity names keep one spelling, so that the display name of an entity never depends on which
// document is stored first; people are also named by their surname alone, so that the facts of a
// document depend on the full names stored before it (kg build's name linking).
inline std::vector<std::string> news_corpus(size_t n, uint32_t seed) {
  static const char* people[] = {"Maria Lopez",   "John Carter", "Aiko Tanaka", "Peter Novak",
                                 "Fatima Hassan", "Chen Wei",    "Sofia Rossi", "David Miller",
                                 "Anna Schmidt",  "Omar Haddad"};
  static const char* orgs[] = {"Acme Corp",      "Globex",         "Initech",
                               "Umbrella Group", "Northwind Bank", "Red Cross Society"};
  static const char* places[] = {"Paris", "Berlin", "Nairobi", "Tokyo",
                                 "Lima",  "Cairo",  "Oslo",    "Toronto"};
  static const char* verbs[] = {"met",     "criticized", "praised", "visited",
                                "thanked", "warned",     "called",  "interviewed"};
  static const char* days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
  std::mt19937 rng(seed);
  auto pick = [&](const auto& list) {
    return std::string(list[rng() % (sizeof(list) / sizeof(list[0]))]);
  };
  std::vector<std::string> docs;
  for (size_t i = 0; i < n; ++i) {
    std::string text;
    const int sentences = 2 + static_cast<int>(rng() % 4);
    for (int k = 0; k < sentences; ++k) {
      std::string s;
      // A surname alone: kg build links it to the one full name of the corpus (link_names).
      auto surname = [&] {
        const std::string p = pick(people);
        return p.substr(p.rfind(' ') + 1);
      };
      switch (rng() % 7) {
        case 0:
          s = pick(people) + " " + pick(verbs) + " " + pick(people) + " in " + pick(places) +
              " on " + pick(days) + ".";
          break;
        case 1:
          s = pick(people) + " said that " + pick(orgs) + " will open an office in " +
              pick(places) + ".";
          break;
        case 2:
          s = pick(orgs) + " signed an agreement with " + pick(orgs) + " in " + pick(places) + ".";
          break;
        case 3:
          s = pick(people) + " " + pick(verbs) + " " + pick(orgs) + " after the talks.";
          break;
        case 4:
          s = surname() + " criticized " + pick(orgs) + " on " + pick(days) + ".";
          break;
        case 5:
          s = pick(orgs) + " praised " + surname() + " after the talks.";
          break;
        default:
          s = pick(people) + ", who leads " + pick(orgs) + ", arrived in " + pick(places) + " on " +
              pick(days) + ".";
      }
      text += (k ? " " : "") + s;
    }
    docs.push_back("{\"id\": \"" + doc_id(i) + "\", \"title\": \"Report " + std::to_string(i) +
                   "\", \"text\": \"" + text + "\"}");
  }
  return docs;
}

inline void write_lines(const fs::path& p, const std::vector<std::string>& lines, size_t from = 0,
                        size_t to = SIZE_MAX) {
  std::ofstream out(p, std::ios::binary);
  for (size_t i = from; i < std::min(to, lines.size()); ++i) out << lines[i] << '\n';
}

}  // namespace kg::test
