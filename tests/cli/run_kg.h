// Runs the kg tool in-process for CLI tests and captures its exit code and output.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

struct Ran {
  int code;
  std::string out, err;
};

// `kg args...` with `input` on standard input.
inline Ran kg_run(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  int code = kg::cli::run(args, in, out, err);
  return {code, out.str(), err.str()};
}

// The whole file as bytes (empty if it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh, empty directory <build>/<suite>/<name> for one test case (cases may run in parallel
// processes, so each gets its own).
inline std::filesystem::path scratch_dir(const std::string& suite, const std::string& name) {
  std::filesystem::path dir = std::filesystem::path(KG_BINARY_DIR) / suite / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}
