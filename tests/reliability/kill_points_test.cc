// Kills at every named point and at every moment, database creation included: kg build and
// kg ingest SIGKILL themselves at each kill point (test hook KG_TEST_KILL_AT, common/test_hooks.h)
// and are killed from outside after delays from 0 to the end of a run on a fresh database. After
// each kill the database is absent or passes `kg stats --check`, no temporary directory is left
// once a later run has created it, and running the command again, with no manual step, gives the
// clean run's graph.
#include <catch2/catch.hpp>

#include "child.h"
#include "graph_check.h"

namespace kg::test {
namespace {

// What one command needs: its arguments for a database, and the environment of every run.
struct Job {
  std::string name;
  std::vector<std::string> (*args)(const fs::path& db, const fs::path& input);
  fs::path input;
  std::vector<std::string> env;
};

std::vector<std::string> build_args(const fs::path& db, const fs::path& input) {
  return {"build", "--db", db.string(), "--threads", "2", input.string()};
}

std::vector<std::string> ingest_args(const fs::path& db, const fs::path& input) {
  // Batches big enough for the SST path: several level-0 files, so a compaction runs.
  return {"ingest", "--db", db.string(), "--batch", "8192", input.string()};
}

// Entries of `dir` other than the database `db` itself (temporary directories left behind).
std::vector<std::string> litter(const fs::path& dir, const fs::path& db) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename() != db.filename()) names.push_back(e.path().filename().string());
  }
  return names;
}

// After a kill: the database is absent or consistent; a re-run succeeds, leaves nothing beside
// the database, and gives the clean graph. Returns whether the database existed after the kill.
bool check_recovers(const Job& job, const fs::path& dir, const fs::path& db,
                    const std::vector<std::string>& clean_json) {
  const bool present = fs::exists(db);
  if (present) {
    InProcess st = kg_here({"stats", "--db", db.string(), "--check"});
    INFO(st.err);
    REQUIRE(st.code == 0);
    REQUIRE(st.out.find("check       ok") != std::string::npos);
  } else {
    InProcess st = kg_here({"stats", "--db", db.string()});
    CHECK(st.code == 1);
    CHECK(st.err.find("no kg database at") != std::string::npos);
  }
  ChildOptions o;
  o.env = job.env;
  o.out = dir / "rerun.out";
  o.err = dir / "rerun.err";
  Child c = spawn_kg(job.args(db, job.input), o);
  Exit e = wait_child(c.pid);
  INFO(slurp(o.out) << slurp(o.err));
  REQUIRE_FALSE(e.signaled);
  REQUIRE(e.code == 0);
  fs::remove(o.out);
  fs::remove(o.err);
  CHECK(litter(dir, db).empty());
  CHECK(export_lines(db.string(), "json") == clean_json);
  return present;
}

Job make_build_job(const fs::path& dir) {
  fs::create_directories(dir);
  Job job{"build", build_args, dir / "corpus.jsonl", {"KG_TEST_L0_COMPACTION_TRIGGER=2"}};
  write_lines(job.input, news_corpus(24, 20261207));
  return job;
}

Job make_ingest_job(const fs::path& dir) {
  fs::create_directories(dir);
  Job job{"ingest", ingest_args, dir / "triples.jsonl", {"KG_TEST_L0_COMPACTION_TRIGGER=2"}};
  write_triples(job.input, 0, 3000, 7);  // 30,000 triples: four SST batches
  return job;
}

// The clean run's export, from a database under `dir`.
std::vector<std::string> clean_export(const Job& job, const fs::path& dir) {
  const fs::path db = dir / "clean" / "db";
  fs::create_directories(db.parent_path());
  ChildOptions o;
  o.env = job.env;
  Child c = spawn_kg(job.args(db, job.input), o);
  Exit e = wait_child(c.pid);
  REQUIRE_FALSE(e.signaled);
  REQUIRE(e.code == 0);
  auto lines = export_lines(db.string(), "json");
  REQUIRE(lines.size() > 50);
  return lines;
}

void sweep_kill_points(const Job& job, const fs::path& dir) {
  const std::vector<std::string> clean = clean_export(job, dir);
  // Points every run reaches, and points a run may end before (a flush or a compaction that the
  // command happens not to need). The ingest's SST batches always start a compaction.
  const std::vector<std::pair<std::string, bool>> points = {
      {"before-create", true},        {"after-rocksdb-open", true},
      {"after-version-record", true}, {"mid-flush:1", true},
      {"after-flush:1", true},        {"after-create", true},
      {"first-commit", true},         {"mid-flush:2", true},
      {"after-flush:2", true},        {"mid-flush:3", false},
      {"after-flush:3", false},       {"after-compaction", job.name == "ingest"},
      {"after-compaction:2", false},  {"before-exit", true}};
  const fs::path work = dir / "kill";
  const fs::path db = work / "db";
  size_t fired = 0;
  std::string missed;
  for (const auto& [point, always] : points) {
    fs::remove_all(work);
    fs::create_directories(work);
    ChildOptions o;
    o.env = job.env;
    o.env.push_back("KG_TEST_KILL_AT=" + point);
    o.err = work / "killed.err";
    Child c = spawn_kg(job.args(db, job.input), o);
    Exit e = wait_child(c.pid);
    INFO(job.name << " killed at " << point << ": " << slurp(o.err));
    fs::remove(o.err);
    const bool killed = e.signaled && e.signal == SIGKILL;
    if (always) REQUIRE(killed);
    if (!killed) REQUIRE(e.code == 0);
    fired += killed;
    if (!killed) missed += " " + point;
    check_recovers(job, work, db, clean);
  }
  WARN("kg " << job.name << ": " << fired << " of " << points.size()
             << " kill points reached; not reached:" << missed);
}

// Kills from outside after delays spread from 0 to the clean run's length, on a fresh database.
void sweep_delays(const Job& job, const fs::path& dir) {
  const std::vector<std::string> clean = clean_export(job, dir);
  const auto t0 = std::chrono::steady_clock::now();
  (void)run_kg_child(job.args(dir / "timed" / "db", job.input), dir);
  const auto length =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
  const fs::path work = dir / "delay";
  const fs::path db = work / "db";
  constexpr int kSteps = 16;
  size_t absent = 0, present = 0;
  for (int step = 0; step <= kSteps; ++step) {
    fs::remove_all(work);
    fs::create_directories(work);
    ChildOptions o;
    o.env = job.env;
    Child c = spawn_kg(job.args(db, job.input), o);
    std::this_thread::sleep_for(length * step / kSteps);
    ::kill(c.pid, SIGKILL);
    (void)wait_child(c.pid);
    INFO(job.name << " killed after " << step << "/" << kSteps << " of " << length.count()
                  << " us");
    (check_recovers(job, work, db, clean) ? present : absent)++;
  }
  WARN("kg " << job.name << ": killed at " << kSteps + 1 << " delays, database absent after "
             << absent << ", present after " << present);
}

}  // namespace

TEST_CASE("kg build killed at every kill point recovers to the clean graph", "[reliability]") {
  const fs::path dir = scratch("kill-points-build");
  sweep_kill_points(make_build_job(dir), dir);
}

TEST_CASE("kg ingest killed at every kill point recovers to the clean graph", "[reliability]") {
  const fs::path dir = scratch("kill-points-ingest");
  sweep_kill_points(make_ingest_job(dir), dir);
}

TEST_CASE(
    "kg build and kg ingest killed at any delay on a fresh database recover with no manual step",
    "[reliability]") {
  const fs::path dir = scratch("kill-delays");
  sweep_delays(make_build_job(dir / "build"), dir / "build");
  sweep_delays(make_ingest_job(dir / "ingest"), dir / "ingest");
}

TEST_CASE("a directory an older kg left half created is finished, a foreign one refused",
          "[reliability]") {
  const fs::path dir = scratch("half-created");
  const fs::path db = dir / "db";
  // Column families made, no format record: what a kg killed during creation used to leave.
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    o.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (int cf = 0; cf < store::kCfCount; ++cf) {
      descs.emplace_back(store::cf_name(cf), rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(o, db.string(), descs, &handles, &raw).ok());
    for (auto* h : handles) (void)raw->DestroyColumnFamilyHandle(h);
    delete raw;
  }
  InProcess built = kg_here({"ingest", "--db", db.string(), "-"});
  CHECK(built.code == 0);
  InProcess st = kg_here({"stats", "--db", db.string(), "--check"});
  INFO(st.err);
  CHECK(st.code == 0);

  // A directory with a user's file is never touched.
  const fs::path other = dir / "other";
  fs::create_directories(other);
  { std::ofstream(other / "notes.txt") << "mine\n"; }
  InProcess refused = kg_here({"ingest", "--db", other.string(), "-"});
  CHECK(refused.code == 1);
  CHECK(refused.err ==
        "kg ingest: " + other.string() + " exists, is not empty and holds no kg database\n");
  CHECK(slurp(other / "notes.txt") == "mine\n");
  CHECK(litter(dir, db) == std::vector<std::string>{"other"});
}

}  // namespace kg::test
