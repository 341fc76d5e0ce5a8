// Test hooks of the crash-safety tests (tests/reliability, docs/reliability.md), set through the
// environment of a kg child process. Unset (or 0) they change nothing.
#pragma once

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <string_view>

namespace kg {

// KG_TEST_COMMIT_DELAY_US=N: the writer of kg build and kg ingest sleeps N microseconds per
// document it commits, so that the writing phase lasts a known minimum time and random kills
// land while it writes.
inline std::chrono::microseconds test_commit_delay() {
  const char* v = std::getenv("KG_TEST_COMMIT_DELAY_US");
  return std::chrono::microseconds(v == nullptr ? 0 : std::strtoll(v, nullptr, 10));
}

// KG_TEST_KILL_AFTER_DOCS=N: kg build's writer abort()s right after committing its Nth document.
inline size_t test_kill_after_docs() {
  const char* v = std::getenv("KG_TEST_KILL_AFTER_DOCS");
  return v == nullptr ? 0 : std::strtoull(v, nullptr, 10);
}

// KG_TEST_KILL_AT=POINT: the process SIGKILLs itself when it reaches the named point, as if killed
// from outside at exactly that moment (the kill-point sweep of
// tests/reliability/kill_points_test.cc; docs/reliability.md lists the points). Points:
// before-create, after-rocksdb-open, after-version-record, after-create (database creation,
// store/create.cc); first-commit (after the first document or batch kg build or kg ingest commits);
// mid-flush, after-flush and after-compaction (RocksDB's flush and compaction events); before-exit
// (the command's work done, the database closed). POINT:N kills at the Nth time the point is
// reached (mid-flush:2 is the second flush).
inline void test_kill_point(std::string_view point) {
  static const char* env = std::getenv("KG_TEST_KILL_AT");
  if (env == nullptr) return;
  static const std::string_view want(env);
  static const size_t colon = want.find(':');
  static const std::string_view name = want.substr(0, colon);
  static const long nth = colon == std::string_view::npos ? 1 : std::atol(env + colon + 1);
  static std::atomic<long> reached{0};
  if (point == name && reached.fetch_add(1) + 1 == nth) ::raise(SIGKILL);
}

// KG_TEST_L0_COMPACTION_TRIGGER=N: a writer compacts level 0 after N files instead of 12, so that
// a small test build reaches a compaction (and the after-compaction kill point).
inline int test_l0_compaction_trigger() {
  const char* v = std::getenv("KG_TEST_L0_COMPACTION_TRIGGER");
  return v == nullptr ? 0 : static_cast<int>(std::strtol(v, nullptr, 10));
}

}  // namespace kg
