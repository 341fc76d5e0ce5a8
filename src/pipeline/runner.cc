// run_documents: a reader, worker threads and one ordered stage (corrections, then the sink),
// with bounded memory: a bounded queue of documents, a bounded queue of results, and a window of
// documents between the reader and the ordered stage.
#include <map>
#include <optional>
#include <thread>

#include "common/bounded_queue.h"
#include "pipeline/corrections.h"
#include "pipeline/pipeline.h"

namespace kg {
namespace {

// A document and its place in the input.
struct Sequenced {
  size_t seq = 0;
  Document doc;
};

struct Processed {
  size_t seq = 0;
  ProcessedDocument result;
};

// Hands out results in input order, whichever worker finished first.
class Reorder {
 public:
  Reorder(BoundedQueue<Processed>& results, BoundedQueue<char>& window)
      : results_(results), window_(window) {}

  std::optional<ProcessedDocument> next() {
    for (;;) {
      if (auto it = waiting_.find(next_seq_); it != waiting_.end()) {
        ProcessedDocument r = std::move(it->second);
        waiting_.erase(it);
        ++next_seq_;
        (void)window_.pop();
        return r;
      }
      std::optional<Processed> r = results_.pop();
      if (!r) return std::nullopt;
      waiting_.emplace(r->seq, std::move(r->result));
    }
  }

 private:
  BoundedQueue<Processed>& results_;
  BoundedQueue<char>& window_;
  std::map<size_t, ProcessedDocument> waiting_;  // finished before an earlier document
  size_t next_seq_ = 0;
};

}  // namespace

int worker_threads(int requested) {
  return requested > 0 ? requested
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

Status run_documents(DocumentReader& reader, const DocumentProcessor& processor,
                     const RunOptions& options,
                     const std::function<Status(ProcessedDocument&)>& sink) {
  KG_ASSIGN_OR_RETURN(const Corrections corrections, Corrections::load(options.database));
  const int threads = worker_threads(options.threads);
  BoundedQueue<Sequenced> docs(static_cast<size_t>(threads) * 2);
  BoundedQueue<Processed> results(static_cast<size_t>(threads) * 2);
  // One token per document between the reader and the ordered stage bounds how many wait there.
  BoundedQueue<char> window(static_cast<size_t>(threads) * 4);

  std::vector<std::thread> workers;
  for (int w = 0; w < threads; ++w) {
    workers.emplace_back([&] {
      while (std::optional<Sequenced> next = docs.pop()) {
        Processed p;
        p.seq = next->seq;
        Document& doc = next->doc;
        std::string hash = content_hash(doc);
        if (options.is_unchanged && options.is_unchanged(doc, hash)) {
          p.result.source = doc.source.empty() ? doc.id : doc.source;
          p.result.facts.id = doc.id;
          p.result.unchanged = true;
        } else {
          p.result = processor.process(std::move(doc), std::move(hash));
          if (!options.keep_documents) p.result.document = Document();
        }
        if (!results.push(std::move(p))) return;
      }
    });
  }

  // The ordered stage: the only thread that applies corrections and calls the sink.
  Status error;
  std::thread ordered([&] {
    Reorder reorder(results, window);
    while (std::optional<ProcessedDocument> r = reorder.next()) {
      if (r->error.ok() && !r->unchanged) corrections.apply(r->facts.triples);
      error = sink(*r);
      if (!error.ok()) {
        docs.close();
        results.close();
        window.close();
        return;
      }
    }
  });

  size_t seq = 0;
  while (std::optional<Document> doc = reader.next()) {
    if (!window.push(0) || !docs.push({seq++, std::move(*doc)})) break;
  }
  docs.close();
  for (std::thread& w : workers) w.join();
  results.close();
  ordered.join();
  return error;
}

}  // namespace kg
