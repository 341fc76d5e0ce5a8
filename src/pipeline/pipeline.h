// kg_pipeline: the layer that runs the stages over documents, above the NLP stages, extraction and
// the store. It annotates (tokenizer -> tagger -> parser -> entity tagger), extracts facts, links
// names across documents in input order, and hands each document's facts to a store or a stream,
// on all cores. `kg build`, `kg extract` and `kg ingest` are thin shells over it.
//
// Decided here, once:
// - What identifies a document's content: content_hash(). A document read as text (kg build,
//   kg extract) is identified by its id, title, url, date and text together with the extractor's
//   version, so a stored document is skipped before it is annotated and re-extracted when the
//   extractor changes. A document that arrives as facts (kg ingest) is identified by those facts
//   (store::content_hash of DocumentFacts, used when DocumentFacts::content_hash is empty).
// - Where entity linking across documents runs: in the store, after the documents are stored
//   (link_names: "Putin" -> the one full name "Vladimir Putin" of the corpus), at the end of
//   kg build, kg ingest, kg merge and kg remove alike. Extraction gives each document's own names
//   (kg extract prints them), so `kg extract | kg ingest` into an empty database gives the graph
//   `kg build` gives, and any order of the same documents, in one run or several, gives the same
//   graph.
// - The limits: a fact naming an entity or relation over kMaxNameBytes is dropped and counted.
//
// Contract: DocumentProcessor is immutable after load() and thread-safe; run_documents() calls
// its sink on one thread, in input order, whatever the number of workers, so a run's output does
// not depend on the thread count and an interrupted build leaves a prefix of its input stored.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "doc/document.h"
#include "extract/extractor.h"
#include "input/reader.h"
#include "store/store.h"

namespace kg {

class Tokenizer;
class Tagger;
class Parser;
class EntityTagger;

// The NLP stages that run before extraction, loaded from one models folder: tokenizer
// (tokenizer.kgm; the punctuation rules alone when absent), tagger (tagger.bin), parser
// (parser.bin) and, when present, the entity tagger (ner.bin; without it entity types come from
// cues alone). load() fails with a message naming the missing or unreadable model file. Immutable
// after load(); annotate() and annotate_line() are thread-safe.
class Annotator {
 public:
  static constexpr const char* kTaggerFile = "tagger.bin";
  static constexpr const char* kParserFile = "parser.bin";
  static constexpr const char* kNerFile = "ner.bin";

  static Result<std::unique_ptr<Annotator>> load(const std::string& models_dir);
  ~Annotator();

  // Splits doc.text into sentences and tokens, then tags, parses and entity-tags them.
  void annotate(Document& doc) const;
  // One line as exactly one sentence (CaRB input), with offsets into `line`.
  Sentence annotate_line(std::string_view line) const;
  // Tags, parses and entity-tags an already tokenized sentence.
  void annotate_sentence(Sentence& s) const;

  bool has_ner() const { return ner_ != nullptr; }
  // The models folder used when none is given: $KG_MODELS, else models/ two levels above the
  // running binary (build/bin/kg -> models/), else share/kg/models beside an installed binary's
  // bin/ (cmake --install), else ./models.
  static std::string default_models_dir();

 private:
  Annotator();
  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Parser> parser_;
  std::unique_ptr<EntityTagger> ner_;
};

// The content hash of a document read as text: 16 hex digits over the extractor's version, id,
// title, url, date and text.
std::string content_hash(const Document& doc);

// A fact naming an entity, surface form or relation longer than the store accepts (a run-away
// noun phrase): kMaxNameBytes.
bool over_name_limit(const Triple& t);

// What one document gives.
struct ProcessedDocument {
  Document document;    // the annotated document, when kept (RunOptions::keep_documents)
  DocumentFacts facts;  // id, title, url, date, content hash and the triples
  std::string source;   // where it came from, for messages (file:line, or the id)
  size_t sentences = 0;
  size_t words = 0;
  size_t over_limit = 0;       // facts dropped by over_name_limit
  bool unchanged = false;      // already stored with this content: not annotated, no facts
  Status error;                // why it could not be processed; it is then skipped
  double extract_seconds = 0;  // time spent in extraction alone
};

struct ProcessorOptions {
  std::string models_dir;  // "" = Annotator::default_models_dir()
  ExtractorOptions extractor;
};

// One document from text to facts: annotate, extract, apply the limits.
class DocumentProcessor {
 public:
  static Result<std::unique_ptr<DocumentProcessor>> load(const ProcessorOptions& options);
  ~DocumentProcessor();

  // Annotates `doc` and extracts its facts. Thread-safe.
  ProcessedDocument process(Document doc) const;
  // The same, for a document whose content_hash() the caller has computed already.
  ProcessedDocument process(Document doc, std::string hash) const;

  const Annotator& annotator() const { return *annotator_; }
  const Extractor& extractor() const { return *extractor_; }

 private:
  DocumentProcessor() = default;
  std::unique_ptr<Annotator> annotator_;
  std::unique_ptr<Extractor> extractor_;
};

// The number of workers for `requested` (0 = all cores).
int worker_threads(int requested);

struct RunOptions {
  int threads = 0;  // workers; 0 = all cores
  // The database whose corrections (kg merge) apply to the documents, when there is one.
  GraphReader* database = nullptr;
  // When set and true for a document, it is not processed (ProcessedDocument::unchanged): kg build
  // asks whether it is stored with this content hash. Called from the workers.
  std::function<bool(const Document& doc, const std::string& content_hash)> is_unchanged;
  // Hand each annotated document to the sink (ProcessedDocument::document); otherwise it is
  // freed on its worker, not on the ordered thread.
  bool keep_documents = false;
};

// Reads every document of `reader`, processes them on the workers, applies the database's
// corrections and calls `sink` with each, in input order, on one thread. Stops at the first
// error `sink` returns (or the reader's), and returns it.
Status run_documents(DocumentReader& reader, const DocumentProcessor& processor,
                     const RunOptions& options,
                     const std::function<Status(ProcessedDocument&)>& sink);

// --- corpus-level name linking ----------------------------------------------------------------

struct LinkSummary {
  size_t surnames = 0;   // surnames looked at (pending)
  size_t documents = 0;  // documents rewritten
  size_t sides = 0;      // fact sides renamed
  double seconds = 0;
};

// Links every fact side that names a person by one word ("Baker", its name before linking) to the
// one full name of the stored corpus that ends with that word ("James Baker"), and unlinks it when
// there is no longer exactly one; a document's own full names were linked by extraction. Looks
// only at the surnames of documents stored, rewritten or removed since the last pass
// (GraphWriter::pending_links) and rewrites only the documents whose sides change, keeping their
// content hashes. The result depends on the stored documents alone, not on their order.
Result<LinkSummary> link_names(GraphWriter& store);

// --- kg build ---------------------------------------------------------------------------------

struct BuildSummary {
  size_t documents = 0, added = 0, replaced = 0, unchanged = 0, sentences = 0, facts = 0;
  size_t words = 0;
  std::vector<std::string> replaced_ids;  // documents stored before with another content
  size_t over_limit = 0;             // facts dropped for a name over kMaxNameBytes
  LinkSummary linked;                // the name linking pass after the documents were stored
  std::vector<std::string> skipped;  // "source: why; skipped", inputs and documents
  int threads = 0;
  double seconds = 0;
};

// Builds or updates the graph in `store` from `reader`'s documents: skips those stored with the
// same content, stores the others one atomic write each, in input order. Errors of the store stop
// the build; a document that cannot be processed is listed in the summary's `skipped`.
Result<BuildSummary> build_graph(GraphWriter& store, DocumentReader& reader,
                                 const DocumentProcessor& processor, int threads);

// --- corrections ------------------------------------------------------------------------------

struct MergeSummary {
  std::string from, into;  // the two entities' canonical names (split: the name, its entity)
  size_t documents = 0;    // documents rewritten
  size_t facts = 0;        // fact sides renamed
  LinkSummary linked;      // the name linking pass after them
};

// `kg merge`: makes the entity named `from` (a name or alias) part of the one named `into`: every
// stored fact side naming it is renamed (each document rewritten atomically, the side keeping its
// name before for kg split) and the merge is recorded in the database, so that kg build, kg ingest
// and every linking pass apply it to every document stored later. Running it again after a crash
// finishes it. Errors: kNotFound for an unknown name,
// kInvalidInput when both names are one entity already.
Result<MergeSummary> merge_entities(GraphWriter& store, const std::string& from,
                                    const std::string& into);

// `kg rename`: the entity named `name` (a name or alias) is called `new_name` from now on, in the
// stored facts and in every document stored later (a merge into a name no entity has). Errors:
// kNotFound for an unknown name, kInvalidInput when `new_name` names another entity (that is a
// merge).
Result<MergeSummary> rename_entity(GraphWriter& store, const std::string& name,
                                   const std::string& new_name);

// `kg split` / `kg unmerge`: `name` names its own entity again. The user's merges of `name` are
// dropped, the name is blocked from linking (a surname stays itself), and every stored fact side
// that named `name` before a merge or a link names it again. Errors: kNotFound for an unknown name.
Result<MergeSummary> split_entity(GraphWriter& store, const std::string& name);

// `kg build --aliases FILE`: applies and records each line of a TSV file: `ALIAS<TAB>CANONICAL`
// merges (or renames) ALIAS into CANONICAL, `!NAME` splits NAME off (see split_entity); empty
// lines and lines starting with '#' are skipped. A malformed line fails the whole file before
// anything is recorded, with FILE:LINE and what is wrong.
Result<std::vector<MergeSummary>> apply_aliases(GraphWriter& store, const std::string& path);

// --- kg ingest --------------------------------------------------------------------------------

struct IngestOptions {
  // Triples per write: whole documents are grouped until a batch holds at least this many, or
  // this many bytes of input lines.
  size_t batch_triples = 65536;
  size_t batch_bytes = size_t{48} << 20;
  // A document is written once this many triples (or bytes of lines) of other documents followed
  // its last line, so the lines of one document may be spread over that distance and are still
  // gathered. Together these bound the memory of an ingest.
  size_t window_triples = 100000;
  size_t window_bytes = size_t{64} << 20;
};

struct IngestSummary {
  size_t added = 0;
  size_t unchanged = 0;
  size_t replaced = 0;
  size_t triples = 0;            // triples of the documents written or found unchanged
  LinkSummary linked;            // the name linking pass after the documents were stored
  size_t bad_lines = 0;          // lines that did not parse
  size_t skipped_documents = 0;  // documents not written because one of their lines was bad
  size_t skipped_lines = 0;      // good lines of those documents
  size_t documents() const { return added + unchanged + replaced; }
  bool anything_skipped() const { return bad_lines + skipped_documents + skipped_lines > 0; }
  void add(const IngestSummary& other);
};

// Problems are reported one line each ("file:12: not valid JSON; document \"d3\" skipped").
using IngestReport = std::function<void(const std::string& line)>;
// Called from the calling thread after each write with the running totals.
using IngestProgress = std::function<void(const IngestSummary& so_far)>;

// Reads triples JSONL from `in` (`name` is used in messages), groups the triples by document and
// writes each document atomically (several documents per batch). A bad line is reported and
// nothing of its document is written; a line whose document cannot be told (not JSON, or no
// "doc" string) spoils the documents of the lines just before and after it. The lines of one
// document may be interleaved with others within `window_triples`; lines that come later than
// that are merged into the already written document (which then counts once, as first written).
// Parsing runs on a second thread. Errors of the store (I/O, corruption) stop the ingest and are
// returned; bad input never is (see the summary).
Result<IngestSummary> ingest_triples(GraphWriter& store, std::istream& in, const std::string& name,
                                     const IngestOptions& options, const IngestReport& report,
                                     const IngestProgress& progress = {});

}  // namespace kg
