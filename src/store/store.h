// The graph store: documents' facts in RocksDB, values as Protobuf messages
// (docs/storage-format.md).
//
// Contract:
// - put_document() lands all of a document's facts in one atomic write (a WriteBatch; a bulk
//   put_documents() ingests SST files of several whole documents in one atomic call). The same
//   document id with the same content hash changes nothing; a new content hash replaces the old
//   facts; counts (edge counts, entity mentions) and indexes always agree exactly with the stored
//   evidence.
// - Entity and relation ids are derived deterministically from their canonical keys, so graphs
//   built separately merge without coordination.
// - Readers and the writer are different objects: a GraphReader never writes; one GraphWriter per
//   database (RocksDB's LOCK); a second writer gets ErrorCode::kBusy naming the holder (its
//   KG_WRITER file: command, pid, start time).
// - Every failure is a Status: a database of another format version (kVersionMismatch), a corrupt
//   one (kCorruption), a missing one opened read-only (kNotFound), a lock held (kBusy).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "doc/triple.h"

namespace kg {

using EntityId = uint64_t;
using RelationId = uint64_t;

// A literal value's record ("5 pct", a kValueTypes type, doc/triple.h) has an id with the top bit
// set; an entity's id never has: queries tell a value from an entity by its id alone. A value is
// stored like an entity (dictionary-encoded, with counts and evidence) but is never a node: listings,
// paths and exports show it as its facts' literal object.
inline constexpr EntityId kValueIdBit = EntityId{1} << 63;
inline bool is_value_id(EntityId id) { return (id & kValueIdBit) != 0; }
// A concept's id ("summit", CONCEPT) has the next bit set and the top one clear; a named entity's
// has neither: paths tell a generic noun from a name by the id alone.
inline constexpr EntityId kConceptIdBit = EntityId{1} << 62;
inline bool is_concept_id(EntityId id) { return (id & (kValueIdBit | kConceptIdBit)) == kConceptIdBit; }

struct EntityInfo {
  EntityId id = 0;
  std::string name;                  // canonical name
  std::string type;                  // PERSON, ORG, LOC, MISC, CONCEPT
  std::vector<std::string> aliases;  // surface forms seen, canonical name excluded
  uint64_t mentions = 0;             // number of facts (subject or object) that name it
  // How many fact sides gave a named entity each type, most first: `type` is the first. One name
  // is one named entity whatever types its mentions carry (a concept is another entity).
  std::vector<std::pair<std::string, uint64_t>> type_votes;
};

// A directed, labelled edge aggregated over all documents.
struct EdgeInfo {
  EntityId subject = 0;
  RelationId relation = 0;
  EntityId object = 0;
  bool negated = false;
  std::string relation_label;  // "agree to"
  uint64_t count = 0;          // number of supporting facts
};

// One fact supporting an edge.
struct Evidence {
  std::string doc;
  int sentence = -1;
  std::string text;
  std::optional<std::pair<size_t, size_t>> span;
  double confidence = 1.0;
  std::optional<std::string> modality;
  std::optional<std::string> attribution;
  std::string date;  // the document's date, "YYYY-MM-DD", empty when it has none
};

// A stored document's metadata (kg docs).
struct DocumentInfo {
  std::string id, title, url;
  std::string date;  // "YYYY-MM-DD", empty when it has none
  uint64_t facts = 0;
};

struct StoreStats {
  uint64_t documents = 0;
  uint64_t entities = 0;     // nodes: named entities and concepts (values aside)
  uint64_t values = 0;       // distinct literal values ("5 pct") that facts have as object
  uint64_t relations = 0;    // distinct relation labels
  uint64_t edges = 0;        // distinct (subject, relation, object, negated) between entities
  uint64_t value_edges = 0;  // distinct (subject, relation, value, negated)
  uint64_t facts = 0;        // evidence records (sum of edge and value-edge counts)
};

// What one document contributes. content_hash may be left empty: the store then hashes the facts.
struct DocumentFacts {
  std::string id;
  std::string title;
  std::string url;
  std::string date;
  std::string content_hash;
  std::vector<Triple> triples;  // every triple's doc equals id
  // Its mentions of named entities, when it was built from text (kg ingest gives none).
  std::vector<EntityMention> mentions;
};

// The graph name each of `doc.mentions` names now: the name the document's facts give the
// mention's entity after linking and corrections (a side whose name before linking, or own
// name, is the mention's entity), else the entity's own name.
std::vector<std::string> mention_nodes(const DocumentFacts& doc);

// The content hash of a document given as facts (kg ingest), and the one put_document uses when
// DocumentFacts::content_hash is empty: 32 hex digits over the document's metadata and every
// field of every triple, in order.
std::string facts_content_hash(const DocumentFacts& doc);

// The longest entity name, surface form (subject_text, object_text) or relation label a store
// accepts, in bytes: put_document refuses a document with a longer one (kInvalidInput naming the
// document, the triple and the field). docs/reliability.md lists every limit.
inline constexpr size_t kMaxNameBytes = 200;

enum class PutOutcome { kAdded, kUnchanged, kReplaced };

// The user's corrections of entity resolution, kept in the database.
struct UserCorrections {
  // (name, the name it becomes), oldest first: kg merge, kg rename, an aliases file's line.
  std::vector<std::pair<std::string, std::string>> merges;
  // Names that stay their own entity, never linked to another (kg split, an aliases file's !name).
  std::vector<std::string> blocked;
};
enum class Direction { kOut, kIn, kBoth };

// A read-only view of a graph database: what queries, exports and checks use.
//
// Thread safety: every method may be called from several threads at once (also while the
// database's writer writes, through its own GraphWriter).
class GraphReader {
 public:
  // Opens the database in `dir` read-only: nothing is written, and the view holds the documents
  // committed when it opens. Errors: kNotFound "no kg database at DIR", kVersionMismatch,
  // kCorruption, kIo.
  static Result<std::unique_ptr<GraphReader>> open(const std::string& dir);
  virtual ~GraphReader() = default;

  virtual Result<StoreStats> stats() = 0;
  // Finds an entity by canonical name or alias, case-insensitively. When several match, the one
  // with most mentions. nullopt when none.
  virtual Result<std::optional<EntityInfo>> find_entity(std::string_view name) = 0;
  // Every entity (and value) whose canonical name or an alias is `name`, case-insensitively, most
  // mentioned first (ties: id).
  virtual Result<std::vector<EntityInfo>> find_entities(std::string_view name) {
    KG_ASSIGN_OR_RETURN(std::optional<EntityInfo> one, find_entity(name));
    std::vector<EntityInfo> out;
    if (one) out.push_back(std::move(*one));
    return out;
  }
  // Up to `k` stored names closest to `name` (edit distance / prefix), for "did you mean".
  virtual Result<std::vector<std::string>> suggest(std::string_view name, size_t k) = 0;
  virtual Result<EntityInfo> entity(EntityId id) = 0;
  // Entities whose name or alias contains `match` (case-insensitive; empty matches all), most
  // mentioned first, at most `limit` (0 = no limit).
  virtual Result<std::vector<EntityInfo>> entities(std::string_view match, size_t limit) = 0;
  // Edges touching `id`, from the out-edge and/or in-edge index.
  virtual Result<std::vector<EdgeInfo>> edges_of(EntityId id, Direction dir) = 0;
  // Calls `fn` for every edge (from the out-edge index), in key order.
  virtual Status for_each_edge(const std::function<void(const EdgeInfo&)>& fn) = 0;
  // Calls `fn` for every entity, in id order.
  virtual Status for_each_entity(const std::function<void(const EntityInfo&)>& fn) = 0;
  // Up to `limit` (0 = all) pieces of evidence for an edge.
  virtual Result<std::vector<Evidence>> evidence(const EdgeInfo& edge, size_t limit) = 0;
  // True when `doc_id` is stored with this content hash (for resumable builds).
  virtual Result<bool> has_document(const std::string& doc_id, const std::string& content_hash) = 0;
  // The stored document with its facts rebuilt from the evidence (types as stored, e.g. the
  // default MISC), nullopt when the id is not stored.
  virtual Result<std::optional<DocumentFacts>> document(const std::string& doc_id);
  // The same without the evidence: each triple's names, types, names before linking and
  // negation only, from the document record alone (what the linking pass compares stories by).
  virtual Result<std::optional<DocumentFacts>> document_names(const std::string& doc_id) {
    return document(doc_id);
  }
  // Recomputes every count and index from the evidence and compares (`kg stats --check`): ok, or
  // kCorruption listing the first differences. Reads the whole database.
  virtual Status verify();
  // The user's corrections (kg merge, kg rename, kg split, kg build --aliases).
  virtual Result<UserCorrections> corrections() { return UserCorrections{}; }
  // Calls `fn` for every relation label with facts: its display label and fact count, in id order.
  virtual Status for_each_relation(const std::function<void(const std::string&, uint64_t)>& fn) {
    (void)fn;
    return Status::internal("this store does not list relations");
  }
  // Calls `fn` for every stored document, in id order (byte-wise).
  virtual Status for_each_document(const std::function<void(const DocumentInfo&)>& fn) {
    (void)fn;
    return Status::internal("this store does not list documents");
  }
};

// The one writer of a graph database: it adds, replaces and removes whole documents. It is also a
// reader of what it has written.
//
// Thread safety: writes (put_*, remove_document, sync) come from one thread; reads may run on
// other threads at the same time (kg build asks has_document from its workers).
class GraphWriter : public GraphReader {
 public:
  // Opens the database in `dir` for writing, creating it when absent (atomically: a killed
  // creation leaves no database, docs/reliability.md). Errors: kBusy naming the process that
  // holds it, kInvalidInput for a directory that holds something else, and those of
  // GraphReader::open.
  static Result<std::unique_ptr<GraphWriter>> open(const std::string& dir);

  virtual Result<PutOutcome> put_document(const DocumentFacts& doc) = 0;
  // Writes several whole documents in one atomic batch (the fast path of bulk ingest); the
  // outcomes are in input order. A document id may appear only once. On error nothing is written.
  virtual Result<std::vector<PutOutcome>> put_documents(std::span<const DocumentFacts> docs);
  // Like put_documents, but a store may write a big batch in the background while the caller
  // builds the next one; its failure is returned by the next write or by sync(). Reads wait for
  // it first.
  virtual Result<std::vector<PutOutcome>> put_documents_pipelined(
      std::span<const DocumentFacts> docs) {
    return put_documents(docs);
  }
  // Waits for a pipelined write and returns its status.
  virtual Status sync() { return {}; }
  // Retracts a document's facts. Returns false when the id is not stored.
  virtual Result<bool> remove_document(const std::string& doc_id) = 0;
  // Replaces the user's corrections (durable when it returns); the pipeline applies them to the
  // documents stored later and in every linking pass.
  virtual Status set_corrections(const UserCorrections& corrections) = 0;
  // Stores each document in place of the stored document of its id, even when the content hash is
  // the same (the pipeline's corpus-level passes change a stored document's facts, not its
  // content), in one atomic write.
  virtual Status rewrite_documents(std::span<const DocumentFacts> docs) = 0;

  // --- Corpus-level name linking (pipeline.h link_names) -------------------------------------
  // The store indexes, per folded surname, the PERSON fact sides whose name before linking
  // (Triple::subject_local, else the name) is a full name ending in it, and the documents naming
  // a person by it alone; every document stored, rewritten or removed marks its surnames pending.
  //
  // The surnames marked pending since they were last cleared, sorted.
  virtual Result<std::vector<std::string>> pending_links() = 0;
  struct SurnameLinks {
    std::string surname;  // folded
    // The full names ending in it, as written, with their fact sides.
    std::vector<std::pair<std::string, uint64_t>> full_names;
    // (full name, document) for each document that has one.
    std::vector<std::pair<std::string, std::string>> full_name_docs;
    // The documents that name a person by it alone, with the name those sides have now (empty:
    // not linked).
    std::vector<std::pair<std::string, std::string>> uses;
  };
  // What the store indexes for each of `surnames` (sorted), in their order.
  virtual Result<std::vector<SurnameLinks>> surname_links(
      std::span<const std::string> surnames) = 0;
  virtual Status clear_pending_links(std::span<const std::string> surnames) = 0;
};

// The folded form of a name, by which the store compares names and surnames: lower case,
// whitespace runs as one space, trimmed.
std::string fold_name(std::string_view name);

}  // namespace kg
