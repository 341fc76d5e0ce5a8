// Crash safety of bulk ingest: kg ingest writes batches of whole documents, as one WriteBatch or
// as SST files added in one atomic call. Killed at random moments, it leaves whole documents only,
// and running it again gives the clean graph. Readers run kg stats --check while it ingests.
#include <catch2/catch.hpp>

#include "child.h"
#include "graph_check.h"

namespace kg::test {
namespace {

constexpr size_t kIngestDocs = 2000;
// The writer sleeps this long per document after each batch (test hook KG_TEST_COMMIT_DELAY_US),
// so an ingest writes for at least kIngestDocs * 0.5 ms = 1 s however fast or loaded the machine
// is, and random kills within that time land while the database is partly written.
constexpr int64_t kCommitDelayUs = 500;
const std::string kDelayEnv = "KG_TEST_COMMIT_DELAY_US=" + std::to_string(kCommitDelayUs);

std::string ingest_id(size_t i) { return "d" + std::to_string(i); }

}  // namespace

TEST_CASE("kg ingest killed at random points keeps whole documents and resumes to the clean graph",
          "[reliability]") {
  const fs::path dir = scratch("ingest_crash");
  const fs::path input = dir / "triples.jsonl";
  write_triples(input, 0, kIngestDocs, 17);
  std::vector<std::string> ids;
  for (size_t i = 0; i < kIngestDocs; ++i) ids.push_back(ingest_id(i));

  // The clean ingest (slowed down like the killed ones, so that many checks overlap it), with
  // readers checking the database while it writes.
  ChildOptions delayed;
  delayed.env = {kDelayEnv};
  const std::string clean = (dir / "clean").string();
  Child c = spawn_kg(
      {"ingest", "--db", clean, "--batch", "1000", "--window", "500", input.string()}, delayed);
  REQUIRE(wait_for_writer(clean, c.pid));
  const auto t0 = std::chrono::steady_clock::now();
  size_t checks_while_writing = 0;
  while (running(c.pid)) {
    InProcess st = kg_here({"stats", "--db", clean, "--check"});
    INFO(st.err);
    REQUIRE(st.code == 0);
    ++checks_while_writing;
  }
  const auto writing = std::chrono::steady_clock::now() - t0;
  Exit e = wait_child(c.pid);
  REQUIRE(e.code == 0);
  auto clean_docs = stored_documents(clean, ids);
  REQUIRE(clean_docs.ok());
  REQUIRE(clean_docs->size() == kIngestDocs);
  const auto clean_json = export_lines(clean, "json");

  const fs::path db = dir / "db";
  std::mt19937 rng(9);
  // Kills aim at the first three quarters of the delayed writing time (the readers slowed the
  // clean ingest down: at most the first half of its time).
  const auto window = std::max<int64_t>(
      static_cast<int64_t>(kIngestDocs) * kCommitDelayUs * 3 / 4,
      std::chrono::duration_cast<std::chrono::microseconds>(writing).count() / 2);
  double scale = 1.0;  // wider after a kill that stored nothing new, narrower after a full run
  size_t kills = 0, partial = 0, attempts = 0;
  size_t stored = 0;
  while ((kills < 10 || partial < 4) && attempts < 80) {
    ++attempts;
    // Small batches through WriteBatches, or ones large enough for the SST ingestion path.
    const std::string batch = attempts % 2 ? "1000" : "8192";
    Child k = spawn_kg(
        {"ingest", "--db", db.string(), "--batch", batch, "--window", "500", input.string()},
        delayed);
    if (wait_for_writer(db, k.pid)) {
      const auto w = std::max<int64_t>(1000, static_cast<int64_t>(scale * window));
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % w));
      ::kill(k.pid, SIGKILL);
    }
    Exit x = wait_child(k.pid);
    DbCheck check = check_db(db.string(), ids, *clean_docs);
    INFO("attempt " << attempts << ": " << check.problem);
    REQUIRE(check.problem.empty());
    CHECK(check.documents >= stored);  // an ingest never loses what an earlier one stored
    if (x.signaled) {
      ++kills;
      if (check.documents > 0 && check.documents < kIngestDocs) ++partial;
      if (check.documents == stored) scale = std::min(scale * 1.3, 8.0);
      stored = check.documents;
    } else {
      REQUIRE(x.code == 0);
      CHECK(export_lines(db.string(), "json") == clean_json);
      fs::remove_all(db);
      stored = 0;
      scale = std::max(scale * 0.7, 0.25);
    }
  }
  CAPTURE(kills, partial, attempts, checks_while_writing);
  CHECK(kills >= 10);
  CHECK(partial >= 4);

  Ran resumed = run_kg_child({"ingest", "--db", db.string(), input.string()}, dir);
  INFO(resumed.out << resumed.err);
  REQUIRE(resumed.exit.code == 0);
  CHECK(resumed.out.find("(" + std::to_string(kIngestDocs - stored) + " added, " +
                         std::to_string(stored) + " unchanged, 0 replaced)") != std::string::npos);
  CHECK(check_db(db.string(), ids, *clean_docs).problem.empty());
  CHECK(export_lines(db.string(), "json") == clean_json);
  WARN("ingest crash test: " << kills << " SIGKILLs (" << partial << " with the database partly "
                             << "written) in " << attempts << " runs; " << checks_while_writing
                             << " kg stats --check runs during the clean ingest");
}

}  // namespace kg::test
