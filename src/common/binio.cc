// Binary model file writer and reader.
#include "common/binio.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "common/file.h"

namespace kg {

BinaryWriter::BinaryWriter(std::string_view implementation, uint32_t version) {
  raw(kModelMagic.data(), kModelMagic.size());
  str(implementation);
  u32(version);
}

void BinaryWriter::varint(uint64_t v) {
  while (v >= 0x80) {
    u8(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  u8(static_cast<uint8_t>(v));
}

void BinaryWriter::str(std::string_view s) {
  varint(s.size());
  raw(s.data(), s.size());
}

Status BinaryWriter::save(const std::string& path) const {
  return write_file_atomically(path, std::string_view(buf_.data(), buf_.size()));
}

Result<BinaryReader> BinaryReader::open(const std::string& path, std::string_view implementation,
                                        uint32_t version) {
  return open(path, implementation, version, version);
}

Result<BinaryReader> BinaryReader::open(const std::string& path, std::string_view implementation,
                                        uint32_t oldest, uint32_t newest) {
  Result<std::string> bytes = read_file(path);
  if (!bytes.ok() && bytes.status().code() == ErrorCode::kNotFound) {
    return Status::not_found("model file not found: " + path);
  }
  if (!bytes.ok()) return bytes.status();
  return checked(std::move(bytes).value(), implementation, oldest, newest, path);
}

Result<BinaryReader> BinaryReader::from_bytes(std::string bytes, std::string_view implementation,
                                              uint32_t version, std::string name) {
  return checked(std::move(bytes), implementation, version, version, std::move(name));
}

Result<BinaryReader> BinaryReader::checked(std::string bytes, std::string_view implementation,
                                           uint32_t oldest, uint32_t newest, std::string name) {
  BinaryReader r(std::move(bytes), std::move(name));
  if (r.buf_.size() < kModelMagic.size() ||
      std::string_view(r.buf_).substr(0, kModelMagic.size()) != kModelMagic) {
    return Status::invalid(r.name_ + ": not a kg model file (bad magic)");
  }
  r.pos_ = kModelMagic.size();
  std::string impl = r.str();
  uint32_t ver = r.u32();
  if (!r.status_.ok()) return Status::invalid(r.name_ + ": truncated model header");
  if (impl != implementation) {
    return Status::version_mismatch(r.name_ + ": model is '" + impl + "', expected '" +
                                    std::string(implementation) + "'");
  }
  if (ver < oldest || ver > newest) {
    return Status::version_mismatch(r.name_ + ": model format version " + std::to_string(ver) +
                                    ", this build reads version " + std::to_string(newest));
  }
  r.version_ = ver;
  return r;
}

void BinaryReader::fail(const std::string& what) {
  if (status_.ok()) status_ = Status::corruption(name_ + ": " + what);
  pos_ = buf_.size();
}

bool BinaryReader::raw(void* out, size_t n) {
  if (!status_.ok() || n > remaining()) {
    fail("truncated model file");
    std::memset(out, 0, n);
    return false;
  }
  std::memcpy(out, buf_.data() + pos_, n);
  pos_ += n;
  return true;
}

std::string_view BinaryReader::view(size_t n) {
  if (!status_.ok() || n > remaining()) {
    fail("truncated model file");
    return {};
  }
  std::string_view v(buf_.data() + pos_, n);
  pos_ += n;
  return v;
}

uint8_t BinaryReader::u8() {
  uint8_t v;
  raw(&v, 1);
  return v;
}
uint32_t BinaryReader::u32() {
  uint32_t v;
  raw(&v, sizeof v);
  return v;
}
uint64_t BinaryReader::u64() {
  uint64_t v;
  raw(&v, sizeof v);
  return v;
}
int16_t BinaryReader::i16() {
  int16_t v;
  raw(&v, sizeof v);
  return v;
}
float BinaryReader::f32() {
  float v;
  raw(&v, sizeof v);
  return v;
}

uint64_t BinaryReader::varint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t b = u8();
    if (!status_.ok()) return 0;
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  fail("bad varint");
  return 0;
}

std::string BinaryReader::str() {
  uint64_t n = varint();
  if (n > remaining()) {
    fail("string length out of range");
    return {};
  }
  return std::string(view(n));
}

}  // namespace kg
