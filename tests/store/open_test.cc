#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "store/rocks_store.h"
#include "test_util.h"

using namespace kg;
using kg::test::doc_of;
using kg::test::fact;
using kg::test::TempDir;

namespace fs = std::filesystem;

TEST_CASE("Opening a missing database read-only is kNotFound and creates nothing", "[store]") {
  TempDir dir;
  auto g = GraphReader::open(dir.str());
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().code() == ErrorCode::kNotFound);
  CHECK(g.status().message() == "no kg database at " + dir.str());
  CHECK_FALSE(fs::exists(dir.path()));
}

TEST_CASE("A read-only open reads what a writer wrote and writes nothing", "[store]") {
  TempDir dir;
  {
    auto g = GraphWriter::open(dir.str()).value();
    REQUIRE(g->put_document(doc_of("d1", {fact("d1", "A", "r", "B")})).ok());
  }
  std::map<std::string, fs::file_time_type> before;
  for (const auto& f : fs::directory_iterator(dir.path())) before[f.path().string()] = f.last_write_time();
  {
    auto g = GraphReader::open(dir.str()).value();
    CHECK(g->stats().value().facts == 1);
  }
  std::map<std::string, fs::file_time_type> after;
  for (const auto& f : fs::directory_iterator(dir.path())) after[f.path().string()] = f.last_write_time();
  CHECK(before == after);
}

TEST_CASE("A second writer gets kBusy naming the lock holder", "[store]") {
  TempDir dir;
  auto first = GraphWriter::open(dir.str());
  REQUIRE(first.ok());
  auto second = GraphWriter::open(dir.str());
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().code() == ErrorCode::kBusy);
  CHECK(second.status().message().find(dir.str()) != std::string::npos);
  CHECK(second.status().message().find("is in use by test_store (pid " +
                                       std::to_string(::getpid()) + ", since ") !=
        std::string::npos);
  // Readers are still welcome.
  CHECK(GraphReader::open(dir.str()).ok());
}

TEST_CASE("A database of another format version is refused", "[store]") {
  TempDir dir;
  {
    auto g = store::RocksGraphStore::open(dir.str(), OpenMode::kReadWrite).value();
    pb::FormatInfo info;
    info.set_version(store::kFormatVersion + 98);
    info.set_writer("kg 9.9");
    REQUIRE(g->db()
                ->Put(rocksdb::WriteOptions(), g->cf(store::kCfMeta),
                      std::string(store::kMetaFormat), store::encode_message(info))
                .ok());
  }
  for (auto mode : {OpenMode::kReadWrite, OpenMode::kReadOnly}) {
    auto g = store::RocksGraphStore::open(dir.str(), mode);
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().code() == ErrorCode::kVersionMismatch);
    CHECK(g.status().message().find("format version " + std::to_string(store::kFormatVersion + 98)) !=
          std::string::npos);
    CHECK(g.status().message().find(dir.str()) != std::string::npos);
  }
}

TEST_CASE("A RocksDB database that is not a kg database is refused", "[store]") {
  TempDir dir;
  {
    rocksdb::DB* raw = nullptr;
    rocksdb::Options o;
    o.create_if_missing = true;
    REQUIRE(rocksdb::DB::Open(o, dir.str(), &raw).ok());
    delete raw;
  }
  auto g = GraphWriter::open(dir.str());
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().code() == ErrorCode::kVersionMismatch);
}

TEST_CASE("A corrupt database ends in kCorruption, not a crash", "[store]") {
  TempDir dir;
  {
    auto g = GraphWriter::open(dir.str()).value();
    REQUIRE(g->put_document(doc_of("d1", {fact("d1", "A", "r", "B")})).ok());
  }
  SECTION("garbage CURRENT file") {
    std::ofstream(dir.path() / "CURRENT", std::ios::trunc) << "garbage";
  }
  SECTION("table files overwritten with junk") {
    int n = 0;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (f.path().extension() == ".sst") {
        auto size = fs::file_size(f.path());
        std::ofstream(f.path(), std::ios::trunc) << std::string(size, 'x');
        ++n;
      }
    }
    REQUIRE(n > 0);
  }
  for (auto mode : {OpenMode::kReadOnly, OpenMode::kReadWrite}) {
    auto g = store::RocksGraphStore::open(dir.str(), mode);
    REQUIRE_FALSE(g.ok());
    INFO(g.status().message());
    CHECK(g.status().code() == ErrorCode::kCorruption);
    CHECK(g.status().message().find(dir.str()) != std::string::npos);
  }
}

TEST_CASE("A non-empty directory without a database is not taken over", "[store]") {
  TempDir dir;
  fs::create_directories(dir.path());
  std::ofstream(dir.path() / "notes.txt") << "mine";
  auto g = GraphWriter::open(dir.str());
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().code() == ErrorCode::kInvalidInput);
}
