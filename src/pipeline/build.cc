// build_graph: run_documents into a GraphWriter, one atomic write per document, with the crash
// tests' hooks (common/test_hooks.h).
#include <chrono>
#include <cstdlib>
#include <thread>

#include "common/progress.h"
#include "common/test_hooks.h"
#include "pipeline/pipeline.h"

namespace kg {

Result<BuildSummary> build_graph(GraphWriter& store, DocumentReader& reader,
                                 const DocumentProcessor& processor, int threads) {
  BuildSummary sum;
  sum.threads = worker_threads(threads);
  RunOptions run;
  run.threads = sum.threads;
  run.database = &store;
  run.is_unchanged = [&store](const Document& doc, const std::string& hash) {
    auto stored = store.has_document(doc.id, hash);
    return stored.ok() && *stored;
  };
  Progress progress("build", 0, "docs");
  const auto start = std::chrono::steady_clock::now();
  const size_t abort_after = test_kill_after_docs();
  const std::chrono::microseconds delay = test_commit_delay();
  size_t committed = 0;
  auto store_one = [&](ProcessedDocument& r) -> Status {
    if (!r.error.ok()) {
      sum.skipped.push_back(r.source + ": " + r.error.message() + "; skipped");
      return {};
    }
    ++sum.documents;
    if (r.unchanged) {
      ++sum.unchanged;
    } else {
      KG_ASSIGN_OR_RETURN(PutOutcome put, store.put_document(r.facts));
      if (put == PutOutcome::kAdded) ++sum.added;
      if (put == PutOutcome::kReplaced) {
        ++sum.replaced;
        sum.replaced_ids.push_back(r.facts.id);
      }
      if (put == PutOutcome::kUnchanged) ++sum.unchanged;
      if (put != PutOutcome::kUnchanged) {
        if (++committed == abort_after) std::abort();
        if (committed == 1) test_kill_point("first-commit");
        if (delay.count() > 0) std::this_thread::sleep_for(delay);
      }
      sum.sentences += r.sentences;
      sum.words += r.words;
      sum.facts += r.facts.triples.size();
      sum.over_limit += r.over_limit;
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double fraction =
        reader.input_bytes() > 0
            ? static_cast<double>(reader.bytes_read()) / static_cast<double>(reader.input_bytes())
            : -1;
    progress.update(sum.documents,
                    std::to_string(secs > 0 ? static_cast<long>(sum.words / secs) : 0) +
                        " words/s  " + std::to_string(sum.facts) + " facts",
                    fraction);
    return {};
  };
  KG_RETURN_IF_ERROR(run_documents(reader, processor, run, store_one));
  progress.finish();
  KG_ASSIGN_OR_RETURN(sum.linked, link_names(store));
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<std::string> skipped;
  for (const InputIssue& issue : reader.issues()) {
    if (issue.skipped) skipped.push_back(issue.to_string());
  }
  skipped.insert(skipped.end(), sum.skipped.begin(), sum.skipped.end());
  sum.skipped = std::move(skipped);
  return sum;
}

}  // namespace kg
