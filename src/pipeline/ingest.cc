// Bulk ingest: a reader thread parses and groups triples into documents, the calling thread
// writes them in WriteBatches of several whole documents.
#include <chrono>
#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "common/bounded_queue.h"
#include "common/test_hooks.h"
#include "doc/fast_triples.h"
#include "doc/triples_jsonl.h"
#include "pipeline/pipeline.h"

#include "pipeline/corrections.h"

namespace kg {
namespace {

// What the reader hands the writer, in input order.
struct Op {
  enum Kind { kPut, kAppend, kRemove } kind = kPut;
  DocumentFacts doc;      // for kRemove only doc.id is set
  size_t first_line = 0;  // first input line of the document (for messages)
  size_t bytes = 0;       // of its input lines
};

struct Chunk {
  std::vector<std::string> messages;  // problems, reported before the ops are written
  std::vector<Op> ops;
  size_t triples = 0, bytes = 0;
  size_t bad_lines = 0, skipped_documents = 0, skipped_lines = 0;
  Status error;  // the input stream failed
};

using ChunkQueue = BoundedQueue<Chunk>;

bool blank(std::string_view s) {
  for (unsigned char c : s) {
    if (c > 0x20 && c != 0x7F) return false;
  }
  return true;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// Written documents, handed back to be freed on the reader thread (which allocated them and
// has time to spare).
class Trash {
 public:
  void put(std::vector<DocumentFacts>&& docs) {
    std::lock_guard lock(mu_);
    bins_.push_back(std::move(docs));
  }
  void empty() {
    std::vector<std::vector<DocumentFacts>> bins;
    {
      std::lock_guard lock(mu_);
      bins.swap(bins_);
    }
  }

 private:
  std::mutex mu_;
  std::vector<std::vector<DocumentFacts>> bins_;
};

// Runs on the reader thread: lines -> triples -> documents -> chunks.
class Reader {
 public:
  Reader(std::istream& in, const std::string& name, const IngestOptions& options, ChunkQueue& q,
         Trash& trash)
      : in_(in), name_(name), options_(options), queue_(q), trash_(trash) {}

  void run() {
    std::string data;
    const size_t block = size_t{1} << 20;
    size_t line_no = 0;
    bool ok = true;
    while (ok && in_) {
      size_t keep = data.size();
      data.resize(keep + block);
      in_.read(data.data() + keep, static_cast<std::streamsize>(block));
      data.resize(keep + static_cast<size_t>(in_.gcount()));
      size_t start = 0;
      for (size_t nl; (nl = data.find('\n', start)) != std::string::npos; start = nl + 1) {
        ok = on_line(std::string_view(data).substr(start, nl - start), ++line_no);
        if (!ok) break;
      }
      data.erase(0, start);
    }
    if (ok && in_.bad()) {
      // The documents still gathered may be incomplete: write none of them.
      chunk_.error = Status::io(name_ + ": read error after line " + std::to_string(line_no));
      (void)ship();
    } else if (ok) {
      if (!data.empty()) ok = on_line(data, ++line_no);
      while (ok && !pending_.empty()) evict_oldest();
      if (ok) (void)ship();
    }
    queue_.close();
  }

 private:
  bool on_line(std::string_view line, size_t line_no) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return true;
    Triple t;
    if (!fast_parse_triple(line, t)) {
      auto slow = parse_triple_json(line);
      if (!slow.ok()) {
        on_bad_line(line, line_no, slow.status().message());
        return flow();
      }
      t = std::move(slow).value();
    }
    for (auto [field, value] :
         {std::pair{"subject", &t.subject}, {"relation", &t.relation}, {"object", &t.object}}) {
      if (blank(*value)) {
        on_bad_line(line, line_no, std::string("field \"") + field + "\" is blank");
        return flow();
      }
      if (value->size() > kMaxNameBytes) {
        on_bad_line(line, line_no,
                    std::string("field \"") + field + "\" is " + std::to_string(value->size()) +
                        " bytes, over the limit of " + std::to_string(kMaxNameBytes));
        return flow();
      }
    }
    on_triple(std::move(t), line_no, line.size());
    return flow();
  }

  void on_triple(Triple&& t, size_t line_no, size_t bytes) {
    if (poison_next_) {
      poison_next_ = false;
      if (t.doc != last_doc_ && !poisoned_.count(t.doc)) {
        chunk_.messages.push_back(name_ + ":" + std::to_string(line_no) + ": document " +
                                  quoted(t.doc) + " skipped: it follows line " +
                                  std::to_string(unknown_line_) + ", whose document is unknown");
        poison(t.doc);
      }
    }
    last_doc_ = t.doc;
    if (poisoned_.count(t.doc)) {
      ++chunk_.skipped_lines;
      return;
    }
    auto it = index_.find(t.doc);
    if (it == index_.end()) {
      Op op;
      op.kind = emitted_.count(t.doc) ? Op::kAppend : Op::kPut;
      op.doc.id = t.doc;
      op.first_line = line_no;
      pending_.push_back(std::move(op));
      it = index_.emplace(t.doc, std::prev(pending_.end())).first;
    } else if (it->second != std::prev(pending_.end())) {
      pending_.splice(pending_.end(), pending_, it->second);  // most recently touched last
    }
    it->second->doc.triples.push_back(std::move(t));
    it->second->bytes += bytes;
    ++pending_triples_;
    pending_bytes_ += bytes;
    // Documents whose last line is more than a window behind are complete.
    while (pending_.size() > 1 &&
           (pending_triples_ - pending_.back().doc.triples.size() > options_.window_triples ||
            pending_bytes_ - pending_.back().bytes > options_.window_bytes)) {
      evict_oldest();
    }
  }

  void on_bad_line(std::string_view line, size_t line_no, const std::string& what) {
    ++chunk_.bad_lines;
    std::string where = name_ + ":" + std::to_string(line_no) + ": " + what;
    std::string doc;
    if (find_doc_id(line, doc)) {
      chunk_.messages.push_back(where + "; document " + quoted(doc) + " skipped");
      last_doc_ = doc;
      poison(doc);
    } else if (!last_doc_.empty()) {
      chunk_.messages.push_back(where + "; its document is unknown: skipping " + quoted(last_doc_) +
                                " (the line before) and the next line's");
      poison(last_doc_);
      poison_next_ = true;
      unknown_line_ = line_no;
    } else {
      chunk_.messages.push_back(where + "; its document is unknown: skipping the next line's");
      poison_next_ = true;
      unknown_line_ = line_no;
    }
  }

  void poison(const std::string& doc) {
    if (!poisoned_.insert(doc).second) return;
    ++chunk_.skipped_documents;
    if (auto it = index_.find(doc); it != index_.end()) {
      chunk_.skipped_lines += it->second->doc.triples.size();
      pending_triples_ -= it->second->doc.triples.size();
      pending_bytes_ -= it->second->bytes;
      pending_.erase(it->second);
      index_.erase(it);
    }
    if (emitted_.count(doc)) {
      // Its earlier lines were written more than a window ago: take them out again.
      Op op;
      op.kind = Op::kRemove;
      op.doc.id = doc;
      chunk_.ops.push_back(std::move(op));
    }
  }

  void evict_oldest() {
    Op op = std::move(pending_.front());
    pending_.pop_front();
    index_.erase(op.doc.id);
    pending_triples_ -= op.doc.triples.size();
    pending_bytes_ -= op.bytes;
    emitted_.insert(op.doc.id);
    if (op.kind == Op::kPut) op.doc.content_hash = facts_content_hash(op.doc);
    chunk_.triples += op.doc.triples.size();
    chunk_.bytes += op.bytes;
    chunk_.ops.push_back(std::move(op));
  }

  // Ships the chunk when it is big enough; false when the writer gave up.
  bool flow() {
    if (chunk_.triples < options_.batch_triples && chunk_.bytes < options_.batch_bytes &&
        chunk_.messages.size() < 64) {
      return true;
    }
    return ship();
  }
  bool ship() {
    Chunk c = std::move(chunk_);
    chunk_ = Chunk();
    trash_.empty();
    return queue_.push(std::move(c));
  }

  std::istream& in_;
  const std::string& name_;
  const IngestOptions& options_;
  ChunkQueue& queue_;
  Trash& trash_;
  std::list<Op> pending_;  // documents being gathered, least recently touched first
  std::unordered_map<std::string, std::list<Op>::iterator> index_;
  size_t pending_triples_ = 0, pending_bytes_ = 0;
  std::unordered_set<std::string> emitted_, poisoned_;
  std::string last_doc_;
  bool poison_next_ = false;
  size_t unknown_line_ = 0;  // the bad line that set poison_next_
  Chunk chunk_;
};

// Runs on the calling thread: writes the documents of the chunks.
class Writer {
 public:
  Writer(GraphWriter& store, const std::string& name, const IngestOptions& options,
         const IngestReport& report, IngestSummary& sum, Trash& trash,
         const Corrections& corrections)
      : store_(store),
        name_(name),
        options_(options),
        report_(report),
        sum_(sum),
        trash_(trash),
        corrections_(corrections) {}

  // Waits for the last pipelined write.
  Status sync() { return store_.sync(); }

  Status take(Chunk&& c) {
    for (const auto& m : c.messages) report_(m);
    sum_.bad_lines += c.bad_lines;
    sum_.skipped_documents += c.skipped_documents;
    sum_.skipped_lines += c.skipped_lines;
    for (Op& op : c.ops) {
      if (op.kind == Op::kPut) {
        if (group_ids_.count(op.doc.id)) KG_RETURN_IF_ERROR(flush());
        group_ids_.insert(op.doc.id);
        group_triples_ += op.doc.triples.size();
        group_bytes_ += op.bytes;
        group_.push_back(std::move(op));
        if (group_triples_ >= options_.batch_triples || group_bytes_ >= options_.batch_bytes) {
          KG_RETURN_IF_ERROR(flush());
        }
        continue;
      }
      KG_RETURN_IF_ERROR(flush());
      if (op.kind == Op::kRemove) {
        KG_ASSIGN_OR_RETURN(bool removed, store_.remove_document(op.doc.id));
        (void)removed;
      } else {
        KG_RETURN_IF_ERROR(append(std::move(op)));
      }
    }
    return c.error;
  }

  Status flush() {
    if (group_.empty()) return {};
    std::vector<DocumentFacts> docs;
    docs.reserve(group_.size());
    for (auto& op : group_) {
      corrections_.apply(op.doc.triples);
      docs.push_back(std::move(op.doc));
    }
    // The RocksDB store writes a big batch in the background while the next one is built.
    auto outcomes = store_.put_documents_pipelined(docs);
    if (outcomes.ok()) {
      for (size_t i = 0; i < docs.size(); ++i) count(outcomes.value()[i], docs[i]);
    } else if (outcomes.status().code() == ErrorCode::kInvalidInput) {
      // One document the store refuses: write the others one by one.
      for (size_t i = 0; i < docs.size(); ++i) {
        auto one = store_.put_document(docs[i]);
        if (one.ok()) {
          count(one.value(), docs[i]);
        } else if (one.status().code() == ErrorCode::kInvalidInput) {
          report_(name_ + ":" + std::to_string(group_[i].first_line) + ": " +
                  one.status().message() + "; document skipped");
          ++sum_.skipped_documents;
          sum_.skipped_lines += docs[i].triples.size();
        } else {
          return one.status();
        }
      }
    } else {
      return outcomes.status();
    }
    if (++batches_ == 1) test_kill_point("first-commit");
    group_.clear();
    group_ids_.clear();
    group_triples_ = group_bytes_ = 0;
    if (const auto delay = test_commit_delay(); delay.count() > 0) {
      std::this_thread::sleep_for(delay * static_cast<int64_t>(docs.size()));
    }
    trash_.put(std::move(docs));
    return {};
  }

 private:
  void count(PutOutcome o, const DocumentFacts& d) {
    (o == PutOutcome::kAdded      ? sum_.added
     : o == PutOutcome::kReplaced ? sum_.replaced
                                  : sum_.unchanged)++;
    sum_.triples += d.triples.size();
  }

  // Later lines of a document written more than a window ago: merged with what is stored.
  Status append(Op&& op) {
    KG_ASSIGN_OR_RETURN(auto stored, store_.document(op.doc.id));
    size_t added = op.doc.triples.size();
    corrections_.apply(op.doc.triples);
    DocumentFacts merged = stored ? std::move(*stored) : DocumentFacts{};
    merged.id = op.doc.id;
    merged.content_hash.clear();
    for (auto& t : op.doc.triples) merged.triples.push_back(std::move(t));
    auto r = store_.put_document(merged);
    if (!r.ok()) {
      if (r.status().code() != ErrorCode::kInvalidInput) return r.status();
      report_(name_ + ":" + std::to_string(op.first_line) + ": " + r.status().message() +
              "; these lines skipped");
      sum_.skipped_lines += added;
      return {};
    }
    sum_.triples += added;
    return {};
  }

  GraphWriter& store_;
  const std::string& name_;
  const IngestOptions& options_;
  const IngestReport& report_;
  IngestSummary& sum_;
  Trash& trash_;
  const Corrections& corrections_;
  std::vector<Op> group_;
  std::unordered_set<std::string> group_ids_;
  size_t group_triples_ = 0, group_bytes_ = 0;
  size_t batches_ = 0;
};

}  // namespace

void IngestSummary::add(const IngestSummary& s) {
  added += s.added;
  unchanged += s.unchanged;
  replaced += s.replaced;
  triples += s.triples;
  bad_lines += s.bad_lines;
  skipped_documents += s.skipped_documents;
  skipped_lines += s.skipped_lines;
}

Result<IngestSummary> ingest_triples(GraphWriter& store, std::istream& in, const std::string& name,
                                     const IngestOptions& options, const IngestReport& report,
                                     const IngestProgress& progress) {
  IngestSummary sum;
  ChunkQueue queue(3);
  Trash trash;
  std::thread reader([&] { Reader(in, name, options, queue, trash).run(); });
  KG_ASSIGN_OR_RETURN(const Corrections corrections, Corrections::load(&store));
  Writer writer(store, name, options, report, sum, trash, corrections);
  Status status;
  while (auto chunk = queue.pop()) {
    status = writer.take(std::move(*chunk));
    if (!status.ok()) break;
    if (progress) progress(sum);
  }
  if (status.ok()) status = writer.flush();
  Status synced = writer.sync();
  if (status.ok()) status = synced;
  queue.close();         // the reader's next push fails
  while (queue.pop()) {  // frees what it had queued already
  }
  reader.join();
  if (!status.ok()) return status;
  KG_ASSIGN_OR_RETURN(sum.linked, link_names(store));
  if (progress) progress(sum);
  return sum;
}

}  // namespace kg
