// The KG_WRITER holder file: written by a writer, removed on close, stale ones ignored.
#include "store/holder.h"

#include <catch2/catch.hpp>

#include "child.h"
#include "store/rocks_store.h"

namespace kg::test {

TEST_CASE(
    "A writer records itself in KG_WRITER and removes it on close, and a dead holder is ignored",
    "[reliability]") {
  const fs::path dir = scratch("holder");
  const std::string db = (dir / "db").string();
  {
    auto s = store::RocksGraphStore::open(db, OpenMode::kReadWrite);
    REQUIRE(s.ok());
    const std::string holder = store::describe_holder(db);
    CHECK(holder.rfind("test_reliability (pid " + std::to_string(::getpid()) + ", since ", 0) == 0);
    CHECK(holder.find(" UTC)") != std::string::npos);
    CHECK_FALSE(store::writer_active(db));  // this process's own lock does not count
    // Readers leave it alone.
    CHECK(store::RocksGraphStore::open(db, OpenMode::kReadOnly).ok());
    CHECK(fs::exists(fs::path(db) / store::kHolderFile));
  }
  CHECK_FALSE(fs::exists(fs::path(db) / store::kHolderFile));
  CHECK(store::describe_holder(db).empty());

  // Left behind by a process that has ended: ignored, and replaced by the next writer.
  Child gone = spawn_kg({"version"});
  wait_child(gone.pid);
  {
    std::ofstream stale(fs::path(db) / store::kHolderFile);
    stale << "pid " << gone.pid << "\ncommand kg build\nsince 2026-01-01 00:00:00 UTC\n";
  }
  CHECK(store::describe_holder(db).empty());
  auto s = store::RocksGraphStore::open(db, OpenMode::kReadWrite);
  REQUIRE(s.ok());
  CHECK(slurp(fs::path(db) / store::kHolderFile)
            .rfind("pid " + std::to_string(::getpid()) + "\n", 0) == 0);
}

TEST_CASE("A kg process holding the database shows as an active writer to other processes",
          "[reliability]") {
  const fs::path dir = scratch("holder_child");
  const std::string db = (dir / "db").string();
  ChildOptions piped;
  piped.stdin_pipe = true;
  // kg build reading standard input holds the database until its input ends.
  Child c = spawn_kg({"build", "--db", db, "--input-format", "jsonl", "-"}, piped);
  while (running(c.pid) && store::describe_holder(db).empty()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  CHECK(store::describe_holder(db).rfind("kg build (pid " + std::to_string(c.pid) + ", since ",
                                         0) == 0);
  CHECK(store::writer_active(db));
  ::close(c.stdin_fd);
  CHECK(wait_child(c.pid).code == 0);
  CHECK_FALSE(store::writer_active(db));
  CHECK(store::describe_holder(db).empty());
}

}  // namespace kg::test
