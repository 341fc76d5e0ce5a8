// kg extract and kg build driven in-process.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "common/file.h"
#include "doc/triples_jsonl.h"
#include "run_kg.h"

using kg::cli::run;

namespace {

const std::string kSample =
    std::string(KG_SOURCE_DIR) + "/tests/data/extract/ukraine-summit.conllu";

// The trained models shipped in models/ (committed: a missing one is a failure, not a skip).
std::string models_dir() {
  const std::string dir = std::string(KG_SOURCE_DIR) + "/models";
  return std::filesystem::exists(dir + "/parser.bin") &&
                 std::filesystem::exists(dir + "/tagger.bin")
             ? dir
             : "";
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> r;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) r.push_back(line);
  return r;
}

std::filesystem::path temp_dir(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() /
           ("kg-extract-cli-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p;
}

}  // namespace

TEST_CASE("kg extract writes triples JSONL from parsed CoNLL-U", "[cli]") {
  Ran r = kg_run({"extract", "--input-format", "conllu", kSample});
  INFO(r.err);
  REQUIRE(r.code == 0);
  bool found = false;
  for (const std::string& line : lines_of(r.out)) {
    auto t = kg::parse_triple_json(line);
    REQUIRE(t.ok());
    CHECK(t->doc == kSample);
    if (t->subject == "Joe Biden" && t->relation == "agree to hold" && t->object == "summit") {
      found = true;
      CHECK(t->subject_type == "PERSON");
      CHECK(t->sentence == 0);
    }
  }
  CHECK(found);
}

TEST_CASE("kg extract --format mentions writes every mention of a named entity", "[cli]") {
  Ran r = kg_run({"extract", "--input-format", "conllu", "--format", "mentions", kSample});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string text = kg::read_file(kSample).value();
  size_t biden = 0, named = 0;
  for (const std::string& line : lines_of(r.out)) {
    auto m = nlohmann::json::parse(line);
    CHECK(m.at("doc") == kSample);
    CHECK(m.at("end").get<size_t>() > m.at("start").get<size_t>());
    const std::string type = m.at("type");
    CHECK((type == "PERSON" || type == "ORG" || type == "LOC" || type == "MISC" ||
           type == "CONCEPT"));
    ++named;
    if (m.at("entity") == "Joe Biden") ++biden;
  }
  CHECK(biden >= 3);  // "US President Joe Biden", "Biden", "he", ...
  CHECK(named > biden);
}

TEST_CASE("kg extract --format carb writes sentence, confidence, relation and arguments", "[cli]") {
  Ran r = kg_run({"extract", "--input-format", "conllu", "--format", "carb", kSample});
  REQUIRE(r.code == 0);
  auto lines = lines_of(r.out);
  REQUIRE_FALSE(lines.empty());
  for (const std::string& line : lines) {
    std::vector<std::string> f;
    std::istringstream in(line);
    std::string field;
    while (std::getline(in, field, '\t')) f.push_back(field);
    REQUIRE(f.size() >= 4);
    double c = std::stod(f[1]);
    CHECK(c > 0.0);
    CHECK(c < 1.0);
  }
  CHECK(r.out.find("US President Joe Biden has agreed “in principle” to hold a summit with his "
                   "Russian counterpart Vladimir Putin to discuss the Ukraine crisis.\t") == 0);
}

TEST_CASE("kg extract names a missing model file and exits 1", "[cli]") {
  Ran r = kg_run({"extract", "--models", "/nonexistent-kg-models", "-"}, "Biden met Putin.\n");
  CHECK(r.code == 1);
  CHECK(r.err.find("/nonexistent-kg-models") != std::string::npos);
}

TEST_CASE("kg extract --sentence-per-line keeps each input line as the CaRB sentence", "[cli]") {
  const std::string models = models_dir();
  INFO("models/parser.bin and models/tagger.bin are committed; run scripts/train-models.sh");
  REQUIRE_FALSE(models.empty());
  const std::string input =
      "US President Joe Biden has agreed to hold a summit with Vladimir Putin .\n"
      "The Kremlin dismissed the allegation as an `` absolute lie '' .\n";
  Ran r = kg_run({"extract", "--models", models, "--format", "carb", "--sentence-per-line", "-"},
                 input);
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto in_lines = lines_of(input);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() >= 2);
  for (const std::string& line : lines) {
    const std::string sentence = line.substr(0, line.find('\t'));
    CHECK((sentence == in_lines[0] || sentence == in_lines[1]));
  }
}

TEST_CASE("kg build stores facts, is idempotent and reports skipped inputs", "[cli]") {
  const std::string models = models_dir();
  INFO("models/parser.bin and models/tagger.bin are committed; run scripts/train-models.sh");
  REQUIRE_FALSE(models.empty());
  auto dir = temp_dir("build");
  const std::string article = std::string(KG_SOURCE_DIR) + "/graphs/ukraine-summit/article.txt";
  std::filesystem::path in = dir / "in";
  std::filesystem::create_directories(in);
  std::filesystem::copy_file(article, in / "ukraine-summit.txt");
  const std::string db = (dir / "db").string();

  Ran first = kg_run({"build", "--models", models, "--threads", "2", "--db", db, in.string()});
  INFO(first.err);
  REQUIRE(first.code == 0);
  CHECK(first.out.find("documents: 1 (1 added") != std::string::npos);
  CHECK(first.out.find("skipped inputs: 0") != std::string::npos);

  Ran again = kg_run({"build", "--models", models, "--db", db, in.string()});
  REQUIRE(again.code == 0);
  CHECK(again.out.find("documents: 1 (0 added, 0 replaced, 1 skipped: already stored unchanged)") !=
        std::string::npos);

  {
    std::ofstream bad(in / "bad.txt", std::ios::binary);
    bad << "Invalid \xff bytes here.\n";
  }
  Ran skipped = kg_run({"build", "--models", models, "--db", db, in.string()});
  CHECK(skipped.code == 1);
  CHECK(skipped.out.find("skipped inputs: 1") != std::string::npos);
  CHECK(skipped.out.find("bad.txt") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("kg extract | kg ingest gives the graph kg build gives, surnames linked across documents",
          "[cli]") {
  const std::string models = models_dir();
  REQUIRE_FALSE(models.empty());
  auto dir = temp_dir("extract-ingest");
  // The second document names a person by surname only: kg extract keeps each document's own
  // names, and both paths link it to the full name of the first when storing (link_names).
  const std::string corpus =
      R"({"id": "a", "text": "Maria Lopez met Peter Novak in Paris on Monday."})"
      "\n"
      R"({"id": "b", "text": "Lopez criticized the plan. Novak praised Acme Corp."})"
      "\n"
      R"({"id": "c", "text": "John Carter visited Berlin. Carter thanked Lopez."})"
      "\n";
  const std::string input = (dir / "corpus.jsonl").string();
  std::ofstream(input, std::ios::binary) << corpus;

  const std::string built = (dir / "built").string(), ingested = (dir / "ingested").string();
  Ran b = kg_run({"build", "--models", models, "--threads", "2", "--db", built, input});
  INFO(b.err);
  REQUIRE(b.code == 0);
  Ran x = kg_run({"extract", "--models", models, input});
  INFO(x.err);
  REQUIRE(x.code == 0);
  // kg extract: "Lopez" in documents b and c, as those documents name her.
  CHECK(x.out.find(R"("subject":"Lopez")") != std::string::npos);
  Ran i = kg_run({"ingest", "--db", ingested, "-"}, x.out);
  INFO(i.err);
  REQUIRE(i.code == 0);

  Ran from_build = kg_run({"export", "--db", built, "--format", "json"});
  Ran from_ingest = kg_run({"export", "--db", ingested, "--format", "json"});
  REQUIRE(from_build.code == 0);
  // In the graph, "Lopez" of documents b and c is Maria Lopez of document a.
  CHECK(from_build.out.find("Maria Lopez") != std::string::npos);
  CHECK(from_build.out.find(R"("name": "Lopez")") == std::string::npos);
  CHECK(from_build.out.find(R"("name":"Lopez")") == std::string::npos);
  CHECK(from_ingest.out == from_build.out);
  std::filesystem::remove_all(dir);
}

TEST_CASE("kg docs lists the stored documents with their dates, dates filter neighbours",
          "[cli]") {
  const std::string models = models_dir();
  REQUIRE_FALSE(models.empty());
  auto dir = temp_dir("docs");
  const std::string feed = (dir / "feed.jsonl").string();
  std::ofstream(feed)
      << R"({"id": "w1", "title": "Summit", "date": "26-FEB-1987 15:01:11.79", "text": "Ronald Reagan visited Geneva."})"
      << "\n"
      << R"({"id": "w2", "title": "Talks", "date": "2021-12-07", "text": "Joe Biden visited Geneva."})"
      << "\n";
  const std::string db = (dir / "db").string();
  Ran b = kg_run({"build", "--models", models, "--db", db, feed});
  INFO(b.err);
  REQUIRE(b.code == 0);
  Ran d = kg_run({"docs", "--db", db, "--json"});
  REQUIRE(d.code == 0);
  auto j = nlohmann::json::parse(d.out);
  REQUIRE(j["documents"].size() == 2);
  CHECK(j["documents"][0]["id"] == "w1");
  CHECK(j["documents"][0]["title"] == "Summit");
  CHECK(j["documents"][0]["date"] == "1987-02-26");
  CHECK(j["documents"][0]["facts"].get<int>() >= 1);
  CHECK(j["documents"][1]["date"] == "2021-12-07");
  Ran since = kg_run({"docs", "--db", db, "--since", "2000-01-01"});
  CHECK(since.out.rfind("w2\t2021-12-07\t", 0) == 0);
  CHECK(since.out.find("w1") == std::string::npos);
  CHECK(kg_run({"docs", "--db", db, "--since", "1987"}).code == 2);
  // Geneva's facts, each with its document's date; --until keeps the 1987 one only.
  Ran n = kg_run({"neighbors", "--db", db, "Geneva", "--evidence", "--json"});
  INFO(n.out);
  REQUIRE(n.code == 0);
  std::set<std::string> dates;
  const auto nj = nlohmann::json::parse(n.out);
  for (const auto& e : nj["neighbors"]) {
    for (const auto& ev : e["evidence"]) dates.insert(ev["date"].get<std::string>());
  }
  CHECK(dates == std::set<std::string>{"1987-02-26", "2021-12-07"});
  Ran until = kg_run({"neighbors", "--db", db, "Geneva", "--until", "1999-12-31", "--json"});
  REQUIRE(until.code == 0);
  const auto uj = nlohmann::json::parse(until.out);
  REQUIRE(uj["neighbors"].size() == 1);
  for (const auto& e : uj["neighbors"]) {
    CHECK(e["entity"]["name"] != "Joe Biden");
  }
  // Export: each edge has its first and last date.
  Ran x = kg_run({"export", "--db", db, "--format", "json"});
  REQUIRE(x.code == 0);
  bool dated = false;
  const auto xj = nlohmann::json::parse(x.out);
  for (const auto& e : xj["edges"]) {
    if (e.contains("first_date")) dated = true;
  }
  CHECK(dated);
}

TEST_CASE("Texts piped in separate runs are separate documents, a replaced one is named",
          "[cli]") {
  const std::string models = models_dir();
  REQUIRE_FALSE(models.empty());
  auto dir = temp_dir("stdin-ids");
  const std::string db = (dir / "db").string();
  REQUIRE(kg_run({"build", "--models", models, "--db", db, "-"}, "Reagan met Gorbachev.").code == 0);
  Ran second = kg_run({"build", "--models", models, "--db", db, "-"}, "Baker met Shevardnadze.");
  REQUIRE(second.code == 0);
  CHECK(second.out.find("1 added") != std::string::npos);
  Ran d = kg_run({"docs", "--db", db, "--json"});
  REQUIRE(nlohmann::json::parse(d.out)["documents"].size() == 2);
  // With --doc-id the same id replaces, and says which.
  REQUIRE(kg_run({"build", "--models", models, "--db", db, "--doc-id", "wire", "-"},
                 "Reagan met Gorbachev.")
              .code == 0);
  Ran r = kg_run({"build", "--models", models, "--db", db, "--doc-id", "wire", "-"},
                 "Reagan met Thatcher.");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("replaced wire (its content changed)") != std::string::npos);
}
