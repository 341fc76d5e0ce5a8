// Test hooks of the crash-safety tests (tests/reliability, docs/reliability.md), set through the
// environment of a kg child process. Unset (or 0) they change nothing.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdlib>

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

}  // namespace kg
