// Runs the kg tool in-process for CLI tests and captures its exit code and output.
#pragma once

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
