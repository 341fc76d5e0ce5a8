// Reading and writing whole files: the one reader and the one atomic writer that every stage uses.
//
// Contract: read_file() fails with kNotFound "cannot open PATH" or kIo "cannot read PATH".
// write_file_atomically() leaves either the complete new file or nothing (an old file at `path`
// stays untouched): it writes a temporary file beside the target (.NAME.tmpXXXXXX), fsyncs it and
// renames it into place; errors are kIo naming the file. Thread-compatible.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "common/status.h"

namespace kg {

Result<std::string> read_file(const std::string& path);

// The rest of `in`, whole (`name` names it in the kIo error "cannot read NAME").
Result<std::string> read_stream(std::istream& in, const std::string& name);

// Writes `path` through `write` (which may fail: nothing is then written).
Status write_file_atomically(const std::string& path,
                             const std::function<Status(std::ostream&)>& write);
Status write_file_atomically(const std::string& path, std::string_view bytes);

// The two halves of an atomic write, for a file another program writes (Graphviz): a new empty
// file beside `path` named .NAME.<tag>XXXXXX, and moving a finished one into place (fsync, mode
// 0644, rename; the temporary file is left for the caller to remove on error).
Result<std::string> temp_file_beside(const std::string& path, const char* tag);
Status publish_file(const std::string& tmp, const std::string& path);

}  // namespace kg
