// kg build stores documents in input order, whichever worker finishes first: facts that depend on
// earlier documents (a surname linked to the full name seen before) come out the same with any
// number of threads, and a build resumed after an interruption gives the clean build's graph.
#include <catch2/catch.hpp>

#include "child.h"
#include "graph_check.h"

namespace kg::test {

TEST_CASE("kg build gives the same graph with 1 and 4 threads, and resumed from any prefix",
          "[reliability]") {
  const fs::path dir = scratch("order");
  // Pairs: a long document naming a person by surname only, then a short one with the full name
  // for the first time. A worker finishes the short one first; stored in input order, the surname
  // is not linked (the full name comes later); stored as finished, it would be.
  static const char* people[] = {"Maria Lopez",   "John Carter", "Aiko Tanaka",  "Peter Novak",
                                 "Fatima Hassan", "Sofia Rossi", "David Miller", "Anna Schmidt"};
  std::vector<std::string> lines;
  for (size_t j = 0; j < std::size(people); ++j) {
    const std::string full = people[j];
    const std::string surname = full.substr(full.rfind(' ') + 1);
    std::string text;
    for (int k = 0; k < 12; ++k) {
      text += surname + " criticized Acme Corp in Paris on Monday. Globex praised " + surname +
              " after the long talks in Berlin. ";
    }
    lines.push_back("{\"id\": \"s" + std::to_string(j) + "\", \"text\": \"" + text + "\"}");
    lines.push_back("{\"id\": \"f" + std::to_string(j) + "\", \"text\": \"" + full +
                    " met John Smith.\"}");
  }
  write_lines(dir / "all.jsonl", lines);
  auto build = [&](const std::string& db, const std::string& threads, const fs::path& input) {
    Ran r = run_kg_child({"build", "--db", db, "--threads", threads, input.string()}, dir);
    INFO(r.out << r.err);
    REQUIRE(r.exit.code == 0);
  };
  const std::string one = (dir / "one").string(), four = (dir / "four").string();
  build(one, "1", dir / "all.jsonl");
  build(four, "4", dir / "all.jsonl");
  const auto graph = export_lines(one, "json");
  CHECK(export_lines(four, "json") == graph);

  // Interrupted after any prefix of the input, then resumed with all of it: the same graph.
  for (size_t prefix : {3, 8, 11}) {
    const std::string db = (dir / ("prefix" + std::to_string(prefix))).string();
    write_lines(dir / "prefix.jsonl", lines, 0, prefix);
    build(db, "4", dir / "prefix.jsonl");
    build(db, "4", dir / "all.jsonl");
    CHECK(export_lines(db, "json") == graph);
  }
}

}  // namespace kg::test
