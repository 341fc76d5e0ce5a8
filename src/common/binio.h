// Binary model files: a fixed header (magic, implementation name, format version) followed by
// little-endian fields. Shared by every trained model (tagger, parser, NER) so that an old binary
// refuses a new model with one clear message instead of misreading it.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kg {

inline constexpr std::string_view kModelMagic = "KGMODEL1";

// Accumulates a model file in memory; write it with save(). Not thread-safe.
class BinaryWriter {
 public:
  // Starts the file with the magic, `implementation` (e.g. "kg-tagger-ap") and `version`.
  BinaryWriter(std::string_view implementation, uint32_t version);

  void u8(uint8_t v) { buf_.push_back(static_cast<char>(v)); }
  void u32(uint32_t v) { raw(&v, sizeof v); }
  void u64(uint64_t v) { raw(&v, sizeof v); }
  void i16(int16_t v) { raw(&v, sizeof v); }
  void f32(float v) { raw(&v, sizeof v); }
  void varint(uint64_t v);
  void str(std::string_view s);
  void raw(const void* data, size_t n) { buf_.append(static_cast<const char*>(data), n); }

  const std::string& bytes() const { return buf_; }
  // Writes atomically (temporary file + rename): a crash never leaves half a model.
  Status save(const std::string& path) const;

 private:
  std::string buf_;
};

// Reads a model file. Every read checks bounds; after the first failure all reads return zero
// and status() reports the error (so loaders can read a whole block and check once).
class BinaryReader {
 public:
  // Loads `path` and checks magic, implementation name and version.
  static Result<BinaryReader> open(const std::string& path, std::string_view implementation,
                                   uint32_t version);
  // The same for a loader that reads format versions oldest..newest (version() says which the
  // file has); a file of another version is refused naming `newest`.
  static Result<BinaryReader> open(const std::string& path, std::string_view implementation,
                                   uint32_t oldest, uint32_t newest);
  // Same over bytes already in memory (for tests and fuzzers); `name` is used in messages.
  static Result<BinaryReader> from_bytes(std::string bytes, std::string_view implementation,
                                         uint32_t version, std::string name = "<memory>");

  // The format version in the file's header.
  uint32_t version() const { return version_; }

  uint8_t u8();
  uint32_t u32();
  uint64_t u64();
  int16_t i16();
  float f32();
  uint64_t varint();
  std::string str();
  bool raw(void* out, size_t n);
  // Consumes n bytes and returns a view of them (valid while the reader lives), or empty view.
  std::string_view view(size_t n);

  bool at_end() const { return pos_ == buf_.size(); }
  size_t remaining() const { return buf_.size() - pos_; }
  Status status() const { return status_; }

 private:
  BinaryReader(std::string buf, std::string name) : buf_(std::move(buf)), name_(std::move(name)) {}
  static Result<BinaryReader> checked(std::string bytes, std::string_view implementation,
                                      uint32_t oldest, uint32_t newest, std::string name);
  void fail(const std::string& what);

  std::string buf_;
  std::string name_;
  size_t pos_ = 0;
  uint32_t version_ = 0;
  Status status_;
};

}  // namespace kg
