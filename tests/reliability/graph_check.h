// Checks of the reliability tests on a database left by a killed or failed kg: it opens, its counts
// agree with its evidence, every document is wholly present or absent, and its exports.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "doc/triples_jsonl.h"
#include "store/rocks_store.h"
#include "store/verify.h"

namespace kg::test {

// A document's facts as sorted JSON lines, with the names extraction gave them (before the
// corpus-level linking that a killed build leaves to the next run): comparable across databases.
using FactLines = std::vector<std::string>;

inline FactLines fact_lines(const DocumentFacts& d) {
  FactLines lines;
  for (Triple t : d.triples) {
    if (!t.subject_local.empty()) t.subject = t.subject_local;
    if (!t.object_local.empty()) t.object = t.object_local;
    lines.push_back(triple_to_json(t));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Documents d<first> .. d<first + docs - 1> of 10 facts each, their lines together, as triples
// JSONL (300 people, 100 organisations, 8 relations, drawn from `seed`).
inline void write_triples(const std::filesystem::path& p, size_t first, size_t docs,
                          uint32_t seed) {
  std::mt19937 rng(seed);
  static const char* relations[] = {"meet", "criticize", "praise", "visit",
                                    "join", "sue",       "thank",  "warn"};
  std::ofstream out(p, std::ios::binary);
  for (size_t d = first; d < first + docs; ++d) {
    for (int k = 0; k < 10; ++k) {
      Triple t;
      t.doc = "d" + std::to_string(d);
      t.subject = "Person " + std::to_string(rng() % 300);
      t.subject_type = "PERSON";
      t.relation = relations[rng() % 8];
      t.object = "Org " + std::to_string(rng() % 100);
      t.object_type = "ORG";
      t.sentence = k;
      t.text = "Sentence " + std::to_string(k) + " of document " + t.doc + ".";
      t.confidence = 0.9;
      out << triple_to_json(t) << '\n';
    }
  }
}

// `kg args...` in this process: exit code, with stdout and stderr.
struct InProcess {
  int code;
  std::string out, err;
};
inline InProcess kg_here(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  int code = kg::cli::run(args, in, out, err);
  return {code, out.str(), err.str()};
}

// `kg export --format <format>` as sorted lines (list separators dropped), for comparing graphs.
inline std::vector<std::string> export_lines(const std::string& db, const std::string& format) {
  InProcess r = kg_here({"export", "--db", db, "--format", format});
  std::vector<std::string> lines;
  std::istringstream s(r.out);
  for (std::string line; std::getline(s, line);) {
    while (!line.empty() && (line.back() == ',' || line.back() == ' ')) line.pop_back();
    lines.push_back(line);
  }
  if (r.code != 0) lines.push_back("export failed: " + r.err);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Every stored document's facts, by id.
inline Result<std::map<std::string, FactLines>> stored_documents(
    const std::string& db, const std::vector<std::string>& ids) {
  KG_ASSIGN_OR_RETURN(auto store, store::RocksGraphStore::open(db, OpenMode::kReadOnly));
  std::map<std::string, FactLines> docs;
  for (const std::string& id : ids) {
    KG_ASSIGN_OR_RETURN(auto d, store->document(id));
    if (d) docs[id] = fact_lines(*d);
  }
  return docs;
}

struct DbCheck {
  std::string problem;   // empty when every check passed
  size_t documents = 0;  // documents stored
};

// Opens `db` read-only, runs `kg stats --check`, and compares every stored document with its facts
// in `clean` (a clean build of the same corpus): each is wholly there, or not at all.
inline DbCheck check_db(const std::string& db, const std::vector<std::string>& ids,
                        const std::map<std::string, FactLines>& clean) {
  DbCheck c;
  InProcess st = kg_here({"stats", "--db", db, "--check"});
  if (st.code != 0 || st.out.find("check       ok") == std::string::npos) {
    c.problem = "kg stats --check failed: " + st.err;
    return c;
  }
  auto docs = stored_documents(db, ids);
  if (!docs.ok()) {
    c.problem = "reading documents: " + docs.status().message();
    return c;
  }
  uint64_t facts = 0;
  for (const auto& [id, lines] : *docs) {
    auto it = clean.find(id);
    if (it == clean.end() || it->second != lines) {
      c.problem = "document " + id + " is stored with other facts than a clean build's (" +
                  std::to_string(lines.size()) + " facts)";
      return c;
    }
    facts += lines.size();
  }
  c.documents = docs->size();
  auto store = store::RocksGraphStore::open(db, OpenMode::kReadOnly);
  if (!store.ok()) {
    c.problem = store.status().message();
    return c;
  }
  auto stats = (*store)->stats();
  if (!stats.ok() || stats->documents != c.documents || stats->facts != facts) {
    c.problem = "totals disagree with the stored documents";
  }
  return c;
}

}  // namespace kg::test
