// Crash safety and resumable builds: kg build is killed (SIGKILL at random moments, abort() right
// after its Nth commit) over and over; after each crash the database must open, pass
// `kg stats --check` and hold every document wholly or not at all, and running the build to the
// end must give exactly the graph of a clean build.
#include <catch2/catch.hpp>

#include "child.h"
#include "graph_check.h"

namespace kg::test {
namespace {

constexpr size_t kDocs = 400;
// The writer sleeps this long after each commit (test hook KG_TEST_COMMIT_DELAY_US), so writing
// the whole corpus takes at least kDocs * 2 ms = 0.8 s however fast or loaded the machine is, and
// random kills within that time land while the database is partly built.
constexpr int64_t kCommitDelayUs = 2000;
const std::string kDelayEnv = "KG_TEST_COMMIT_DELAY_US=" + std::to_string(kCommitDelayUs);

std::vector<std::string> build_args(const fs::path& db, const fs::path& corpus) {
  return {"build", "--db", db.string(), "--threads", "2", corpus.string()};
}

}  // namespace

TEST_CASE(
    "kg build killed at 20+ random points keeps whole documents and resumes to the clean graph",
    "[reliability]") {
  const fs::path dir = scratch("crash");
  const std::vector<std::string> corpus = news_corpus(kDocs, 20261128);
  const fs::path input = dir / "corpus.jsonl";
  write_lines(input, corpus);
  std::vector<std::string> ids;
  for (size_t i = 0; i < kDocs; ++i) {
    ids.push_back(doc_id(i));
  }

  // The reference: a clean build, and how long its writing phase takes (to spread the kills).
  const fs::path clean_db = dir / "clean";
  ChildOptions to_file;
  to_file.out = dir / "clean.out";
  to_file.env = {kDelayEnv};
  Child clean = spawn_kg(build_args(clean_db, input), to_file);
  REQUIRE(wait_for_writer(clean_db, clean.pid));
  const auto t0 = std::chrono::steady_clock::now();
  Exit clean_exit = wait_child(clean.pid);
  const auto writing = std::chrono::steady_clock::now() - t0;
  INFO(slurp(dir / "clean.out"));
  REQUIRE_FALSE(clean_exit.signaled);
  REQUIRE(clean_exit.code == 0);
  auto clean_docs = stored_documents(clean_db.string(), ids);
  REQUIRE(clean_docs.ok());
  REQUIRE(clean_docs->size() == kDocs);
  const auto clean_json = export_lines(clean_db.string(), "json");
  const auto clean_nt = export_lines(clean_db.string(), "ntriples");
  REQUIRE(clean_json.size() > 100);

  const fs::path db = dir / "db";
  std::mt19937 rng(5);
  const auto max_delay_us = std::max<int64_t>(
      static_cast<int64_t>(kDocs) * kCommitDelayUs,
      std::chrono::duration_cast<std::chrono::microseconds>(writing).count());
  size_t sigkills = 0, partial = 0, aborts = 0, completed = 0, attempts = 0;
  // Adapts the kill window to the machine's load: wider after a kill that stored nothing new,
  // narrower after a build that ended first.
  double scale = 1.0;
  size_t stored = 0;  // documents in `db` now
  while ((sigkills < 24 || partial < 12 || aborts < 6) && attempts < 200) {
    ++attempts;
    const bool finish = stored + 1 >= kDocs;  // (almost) complete: run to the end
    const bool abort_mode = !finish && aborts < 6 && attempts % 4 == 0;
    Exit e;
    size_t abort_after = 0;
    if (abort_mode) {
      abort_after = 1 + rng() % std::min<size_t>(60, kDocs - stored - 1);
      ChildOptions o;
      o.env = {"KG_TEST_KILL_AFTER_DOCS=" + std::to_string(abort_after)};
      Child c = spawn_kg(build_args(db, input), o);
      e = wait_child(c.pid);
      INFO("abort after " << abort_after << " commits, " << stored << " stored before");
      REQUIRE(e.signaled);
      REQUIRE(e.signal == SIGABRT);
    } else {
      ChildOptions o;
      o.env = {kDelayEnv};
      Child c = spawn_kg(build_args(db, input), o);
      const bool opened = !finish && wait_for_writer(db, c.pid);
      if (opened) {
        // Stored documents are skipped quickly: aim at the time the rest takes.
        const int64_t window = std::max<int64_t>(
            1000, static_cast<int64_t>(scale * static_cast<double>(max_delay_us) *
                                       static_cast<double>(std::max(kDocs - stored, kDocs / 4)) /
                                       static_cast<double>(kDocs)));
        std::this_thread::sleep_for(std::chrono::microseconds(rng() % window));
        ::kill(c.pid, SIGKILL);
      }
      e = wait_child(c.pid);
    }

    DbCheck check = check_db(db.string(), ids, *clean_docs);
    INFO("attempt " << attempts << ": " << check.problem);
    REQUIRE(check.problem.empty());
    if (abort_mode) {
      // Every document committed before the crash is there: none lost, none half written.
      CHECK(check.documents == stored + abort_after);
      ++aborts;
    } else if (e.signaled && e.signal == SIGKILL) {
      ++sigkills;
      if (check.documents > 0 && check.documents < kDocs) ++partial;
      if (check.documents == stored) scale = std::min(scale * 1.3, 8.0);
    } else {
      // The build ended before the kill: it must be the clean graph. Start a new round.
      REQUIRE(e.code == 0);
      REQUIRE(check.documents == kDocs);
      CHECK(export_lines(db.string(), "json") == clean_json);
      ++completed;
      if (!finish) scale = std::max(scale * 0.7, 0.25);
      fs::remove_all(db);
      check.documents = 0;
    }
    stored = check.documents;
  }
  CAPTURE(attempts, sigkills, partial, aborts, completed);
  CHECK(sigkills >= 24);
  CHECK(partial >= 12);
  CHECK(aborts >= 6);

  // Resuming: the stored documents are skipped, the rest added, and the graph is the clean one.
  Ran resumed = run_kg_child(build_args(db, input), dir);
  INFO(resumed.out << resumed.err);
  REQUIRE_FALSE(resumed.exit.signaled);
  REQUIRE(resumed.exit.code == 0);
  CHECK(resumed.out.find("documents: " + std::to_string(kDocs) + " (" +
                         std::to_string(kDocs - stored) + " added, 0 replaced, " +
                         std::to_string(stored) + " skipped: already stored unchanged)") !=
        std::string::npos);
  CHECK(check_db(db.string(), ids, *clean_docs).problem.empty());
  CHECK(export_lines(db.string(), "json") == clean_json);
  CHECK(export_lines(db.string(), "ntriples") == clean_nt);

  // Once complete, another run changes nothing.
  Ran again = run_kg_child(build_args(db, input), dir);
  CHECK(again.exit.code == 0);
  CHECK(again.out.find("(0 added, 0 replaced, " + std::to_string(kDocs) +
                       " skipped: already stored unchanged)") != std::string::npos);
  CHECK(export_lines(db.string(), "json") == clean_json);
  WARN("crash test: " << sigkills << " SIGKILLs while writing (" << partial
                      << " with the database partly built), " << aborts << " aborts after the Nth "
                      << "commit, " << completed << " builds that ended first, " << attempts
                      << " runs");
}

}  // namespace kg::test
