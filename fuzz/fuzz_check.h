// What the fuzz targets share: an invariant check that aborts (libFuzzer then keeps the input) and
// the repository path the targets find models through.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#ifndef KG_SOURCE_DIR
#define KG_SOURCE_DIR "."
#endif

// Aborts with the failed condition when `cond` is false. Used for the properties a target checks
// beyond "no crash, no sanitizer report".
#define KG_FUZZ_CHECK(cond)                                                              \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

namespace kg::fuzz {

// A file of the repository: $KG_SOURCE_DIR (environment) or the configured source folder.
inline std::string source_path(const std::string& relative) {
  const char* env = std::getenv("KG_SOURCE_DIR");
  return std::string(env && *env ? env : KG_SOURCE_DIR) + "/" + relative;
}

}  // namespace kg::fuzz
