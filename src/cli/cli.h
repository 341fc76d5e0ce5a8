// Entry point of the `kg` tool. main() is one call to run().
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace kg::cli {

// Parses arguments, runs one subcommand and returns the process exit code: 0 success, 1 a user
// error (one line on `err`), 2 a usage error.
int run(int argc, char** argv);

// The same with explicit streams; args exclude the program name. For in-process tests.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace kg::cli
