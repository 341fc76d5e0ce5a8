// Who holds a database's write lock: a small KG_WRITER file (pid, command, start time) written by
// the writer after RocksDB's LOCK is taken, so that a refused second writer can name the holder.
#pragma once

#include <string>

namespace kg::store {

// The holder file's name inside a database directory.
inline constexpr const char* kHolderFile = "KG_WRITER";

// Records this process as the writer of `dir` (written to a temporary file, then renamed).
// Best effort: failing to write it never fails an open (RocksDB's LOCK is what excludes).
void write_holder(const std::string& dir);

// Removes the holder file when it names this process.
void remove_holder(const std::string& dir);

// "kg build (pid 123, since 2026-11-28 03:40:01 UTC)" when the holder file names a live process,
// else "" (no file, unreadable, or left behind by a process that has died: stale files are
// ignored, they never block anything).
std::string describe_holder(const std::string& dir);

// True when another process holds the database's RocksDB LOCK (a writer is at work), without
// taking it. A reader uses it to tell a database still being created from a foreign one.
bool writer_active(const std::string& dir);

// What this process is, as recorded: "kg build" for the kg tool (program and subcommand), else
// the program's file name.
std::string this_command();

}  // namespace kg::store
