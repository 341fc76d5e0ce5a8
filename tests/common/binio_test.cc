#include <catch2/catch.hpp>

#include "common/binio.h"

using namespace kg;

TEST_CASE("binio round-trips fields after the model header", "[common]") {
  BinaryWriter w("kg-test", 3);
  w.u32(7);
  w.varint(300);
  w.str("héllo");
  w.f32(1.5f);
  auto r = BinaryReader::from_bytes(w.bytes(), "kg-test", 3);
  REQUIRE(r.ok());
  CHECK(r->u32() == 7u);
  CHECK(r->varint() == 300u);
  CHECK(r->str() == "héllo");
  CHECK(r->f32() == 1.5f);
  CHECK(r->at_end());
  CHECK(r->status().ok());
}

TEST_CASE("binio refuses another implementation or version with a clear message", "[common]") {
  BinaryWriter w("kg-tagger", 2);
  auto other = BinaryReader::from_bytes(w.bytes(), "kg-parser", 2, "m.bin");
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().code() == ErrorCode::kVersionMismatch);
  CHECK(other.status().message().find("kg-tagger") != std::string::npos);
  auto newer = BinaryReader::from_bytes(w.bytes(), "kg-tagger", 1, "m.bin");
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.status().message().find("version 2") != std::string::npos);
  auto garbage = BinaryReader::from_bytes("not a model", "kg-tagger", 2);
  CHECK_FALSE(garbage.ok());
}

TEST_CASE("binio reports truncation instead of reading past the end", "[common]") {
  BinaryWriter w("kg-test", 1);
  w.str("abcdef");
  std::string bytes = w.bytes();
  bytes.resize(bytes.size() - 3);
  auto r = BinaryReader::from_bytes(bytes, "kg-test", 1);
  REQUIRE(r.ok());
  CHECK(r->str().empty());
  CHECK(r->status().code() == ErrorCode::kCorruption);
  CHECK(r->u64() == 0u);
}
