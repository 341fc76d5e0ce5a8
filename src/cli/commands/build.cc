// `kg build --db DIR INPUT...`: reads documents, extracts their facts on all cores with bounded
// memory (a bounded queue of documents, worker threads, one writer thread) and stores them.
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iomanip>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "cli/commands/commands.h"
#include "common/bounded_queue.h"
#include "common/hash.h"
#include "common/progress.h"
#include "common/test_hooks.h"
#include "extract/annotator.h"
#include "extract/extractor.h"
#include "input/reader.h"
#include "store/store.h"

namespace kg::cli {
namespace {

struct BuildOptions {
  std::string db;
  std::vector<std::string> inputs;
  std::string models;
  int threads = 0;
  std::string input_format = "text";
  std::string invalid_utf8 = "skip";
  double min_confidence = 0.0;
};

// A document and its place in the input: the writer stores documents in input order.
struct Sequenced {
  size_t seq = 0;
  Document doc;
};

// What a worker hands to the writer.
struct WorkResult {
  size_t seq = 0;
  DocumentFacts facts;
  size_t sentences = 0;
  bool unchanged = false;  // already stored with this content hash: nothing to write
  size_t over_limit = 0;   // facts dropped for a name over kMaxNameBytes
  std::string skipped;     // a reason when the document could not be processed
  std::string source;
};

std::string content_hash(const Document& d) {
  std::string key = std::string(Extractor::kVersion) + '\0' + d.id + '\0' + d.title + '\0' +
                    d.url + '\0' + d.date + '\0' + d.text;
  std::ostringstream s;
  s << std::hex << std::setw(16) << std::setfill('0') << hash64(key);
  return s.str();
}

// A fact naming an entity or relation longer than the store accepts (a run-away noun phrase).
bool over_name_limit(const Triple& t) {
  for (const std::string* s :
       {&t.subject, &t.object, &t.relation, &t.subject_text, &t.object_text}) {
    if (s->size() > kMaxNameBytes) return true;
  }
  return false;
}

}  // namespace

Action configure_build(CLI::App& app) {
  auto o = std::make_shared<BuildOptions>();
  app.description(
      "Build or update a graph database from news articles (.txt files, folders, .jsonl, - for "
      "stdin): tokenize, tag, parse, extract facts and store them. Documents already stored with "
      "the same content are skipped, so running it twice changes nothing. Exit status 1 when any "
      "input was skipped.");
  app.add_option("--db", o->db, "Database folder (created if missing)")->required();
  app.add_option("inputs", o->inputs, "Input files, folders or - for standard input")
      ->required();
  app.add_option("--models", o->models, "Folder with the trained models (default: models/)");
  app.add_option("--threads", o->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 256));
  app.add_option("--input-format", o->input_format, "Format of standard input")
      ->check(CLI::IsMember({"text", "jsonl"}));
  app.add_option("--on-invalid-utf8", o->invalid_utf8,
                 "Skip a document with invalid UTF-8, or repair it (U+FFFD)")
      ->check(CLI::IsMember({"skip", "repair"}));
  app.add_option("--min-confidence", o->min_confidence, "Drop facts below this confidence")
      ->check(CLI::Range(0.0, 1.0));
  return [o](Io& io) -> Status {
    const std::string models = o->models.empty() ? Annotator::default_models_dir() : o->models;
    KG_ASSIGN_OR_RETURN(std::unique_ptr<Annotator> ann, Annotator::load(models));
    ExtractorOptions eo;
    eo.min_confidence = o->min_confidence;
    KG_ASSIGN_OR_RETURN(std::unique_ptr<Extractor> ex, Extractor::create(eo));

    InputOptions in_opts;
    in_opts.stdin_format = o->input_format == "jsonl" ? InputFormat::kJsonl : InputFormat::kText;
    in_opts.invalid_utf8 =
        o->invalid_utf8 == "repair" ? InvalidUtf8Policy::kRepair : InvalidUtf8Policy::kSkip;
    KG_ASSIGN_OR_RETURN(DocumentReader reader, DocumentReader::open(o->inputs, in_opts, &io.in));
    KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphStore> store,
                        GraphStore::open(o->db, OpenMode::kReadWrite));
    // "Putin" -> "Vladimir Putin" across documents: full names already stored, then new ones.
    NameLinker linker;
    KG_RETURN_IF_ERROR(
        store->for_each_entity([&](const EntityInfo& e) { linker.observe(e.name, e.type); }));

    const int threads =
        o->threads > 0 ? o->threads : std::max(1u, std::thread::hardware_concurrency());
    BoundedQueue<Sequenced> docs(static_cast<size_t>(threads) * 2);
    BoundedQueue<WorkResult> results(static_cast<size_t>(threads) * 2);
    // The writer stores documents in input order, whichever worker finishes first, so that a
    // build is the same with any number of threads and the documents stored when a build is
    // interrupted are a prefix of its input: what the name linker has seen when a resumed build
    // starts (the stored full names) is what a clean build had seen at that document. One token
    // per document between the reader and the writer bounds how many wait to be stored.
    BoundedQueue<char> window(static_cast<size_t>(threads) * 4);

    std::vector<std::thread> workers;
    for (int w = 0; w < threads; ++w) {
      workers.emplace_back([&] {
        while (std::optional<Sequenced> next = docs.pop()) {
          Document* doc = &next->doc;
          WorkResult r;
          r.seq = next->seq;
          r.source = doc->source.empty() ? doc->id : doc->source;
          r.facts.id = doc->id;
          r.facts.title = doc->title;
          r.facts.url = doc->url;
          r.facts.date = doc->date;
          r.facts.content_hash = content_hash(*doc);
          auto stored = store->has_document(doc->id, r.facts.content_hash);
          if (stored.ok() && *stored) {
            r.unchanged = true;
          } else {
            ann->annotate(*doc);
            r.sentences = doc->sentences.size();
            auto ts = ex->extract(*doc);
            if (ts.ok()) {
              r.facts.triples = std::move(ts).value();
              r.over_limit = std::erase_if(r.facts.triples, over_name_limit);
            } else {
              r.skipped = ts.status().message();
            }
          }
          if (!results.push(std::move(r))) return;
        }
      });
    }

    // The writer: the only thread that writes to the store.
    struct Totals {
      size_t documents = 0, added = 0, replaced = 0, unchanged = 0, sentences = 0, facts = 0;
      size_t over_limit = 0;
      std::vector<std::string> skipped;
      Status error;
    } totals;
    std::thread writer([&] {
      Progress progress("build", 0, "docs");
      const size_t abort_after = test_kill_after_docs();
      const std::chrono::microseconds delay = test_commit_delay();
      size_t committed = 0;
      std::map<size_t, WorkResult> waiting;  // finished before an earlier document
      size_t next_seq = 0;
      auto next_in_order = [&]() -> std::optional<WorkResult> {
        for (;;) {
          if (auto it = waiting.find(next_seq); it != waiting.end()) {
            WorkResult r = std::move(it->second);
            waiting.erase(it);
            ++next_seq;
            (void)window.pop();
            return r;
          }
          std::optional<WorkResult> r = results.pop();
          if (!r) return std::nullopt;
          const size_t seq = r->seq;
          waiting.emplace(seq, std::move(*r));
        }
      };
      while (std::optional<WorkResult> r = next_in_order()) {
        if (!r->skipped.empty()) {
          totals.skipped.push_back(r->source + ": " + r->skipped);
          continue;
        }
        ++totals.documents;
        if (r->unchanged) {
          ++totals.unchanged;
        } else {
          linker.link(r->facts.triples);
          auto put = store->put_document(r->facts);
          if (!put.ok()) {
            totals.error = put.status();  // names the database
            docs.close();
            results.close();
            window.close();
            return;
          }
          if (*put == PutOutcome::kAdded) ++totals.added;
          if (*put == PutOutcome::kReplaced) ++totals.replaced;
          if (*put == PutOutcome::kUnchanged) ++totals.unchanged;
          if (*put != PutOutcome::kUnchanged) {
            if (++committed == abort_after) std::abort();
            if (committed == 1) test_kill_point("first-commit");
            if (delay.count() > 0) std::this_thread::sleep_for(delay);
          }
          totals.sentences += r->sentences;
          totals.facts += r->facts.triples.size();
          totals.over_limit += r->over_limit;
        }
        progress.update(totals.documents, std::to_string(totals.facts) + " facts");
      }
      progress.finish();
    });

    const auto start = std::chrono::steady_clock::now();
    size_t seq = 0;
    while (std::optional<Document> doc = reader.next()) {
      if (!window.push(0) || !docs.push({seq++, std::move(*doc)})) break;
    }
    docs.close();
    for (std::thread& w : workers) w.join();
    results.close();
    writer.join();
    KG_RETURN_IF_ERROR(totals.error);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::vector<std::string> skipped;
    for (const InputIssue& issue : reader.issues()) {
      if (issue.skipped) skipped.push_back(issue.to_string());
    }
    for (const std::string& s : totals.skipped) skipped.push_back(s + "; skipped");
    KG_ASSIGN_OR_RETURN(StoreStats stats, store->stats());
    io.out << "documents: " << totals.documents << " (" << totals.added << " added, "
           << totals.replaced << " replaced, " << totals.unchanged
           << " skipped: already stored unchanged)\n"
           << "sentences: " << totals.sentences << "\n"
           << "facts: " << totals.facts << "\n";
    if (totals.over_limit > 0) {
      io.out << "facts dropped: " << totals.over_limit << " (an entity or relation name over "
             << kMaxNameBytes << " bytes)\n";
    }
    io.out << "entities: " << stats.entities << " in the database (" << stats.edges << " edges, "
           << stats.facts << " facts)\n"
           << "skipped inputs: " << skipped.size() << "\n";
    for (const std::string& s : skipped) io.out << "  " << s << "\n";
    io.out << std::fixed << std::setprecision(1) << "time: " << secs << " s ("
           << (secs > 0 ? totals.documents / secs : 0.0) << " docs/s, " << threads
           << " threads)\n";
    if (!skipped.empty()) {
      return Status::invalid(std::to_string(skipped.size()) + " input(s) skipped");
    }
    return {};
  };
}

}  // namespace kg::cli
