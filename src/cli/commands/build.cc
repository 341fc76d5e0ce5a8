// `kg build --db DIR INPUT...`: reads documents and builds or updates the graph (pipeline.h
// build_graph: all cores, one atomic write per document, in input order).
#include <iomanip>
#include <memory>

#include "cli/commands/commands.h"
#include "input/reader.h"
#include "pipeline/pipeline.h"
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
  std::string aliases;
  std::string doc_id;
};

void print_summary(std::ostream& out, const BuildSummary& b, const StoreStats& stats) {
  out << "documents: " << b.documents << " (" << b.added << " added, " << b.replaced
      << " replaced, " << b.unchanged << " skipped: already stored unchanged)\n";
  // Which stored documents a new content replaced ("d1/a.txt", "stdin:…" with --doc-id).
  for (size_t i = 0; i < b.replaced_ids.size() && i < 20; ++i) {
    out << "  replaced " << b.replaced_ids[i] << " (its content changed)\n";
  }
  if (b.replaced_ids.size() > 20) out << "  and " << b.replaced_ids.size() - 20 << " more replaced\n";
  out
      << "sentences: " << b.sentences << "\n"
      << "facts: " << b.facts << "\n";
  if (b.over_limit > 0) {
    out << "facts dropped: " << b.over_limit << " (an entity or relation name over "
        << kMaxNameBytes << " bytes)\n";
  }
  out << "entities: " << stats.entities << " in the database (" << stats.edges << " edges, "
      << stats.facts << " facts)\n"
      << "skipped inputs: " << b.skipped.size() << "\n";
  if (b.linked.documents > 0) {
    out << std::fixed << std::setprecision(1) << "names linked across documents: "
        << b.linked.sides << " fact sides in " << b.linked.documents << " documents ("
        << b.linked.seconds << " s)\n";
  }
  for (const std::string& s : b.skipped) out << "  " << s << "\n";
  out << std::fixed << std::setprecision(1) << "time: " << b.seconds << " s ("
      << (b.seconds > 0 ? b.documents / b.seconds : 0.0) << " docs/s, " << b.threads
      << " threads)\n";
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
  app.add_option("inputs", o->inputs, "Input files, folders or - for standard input")->required();
  app.add_option("--models", o->models, "Folder with the trained models (default: models/)");
  app.add_option("--threads", o->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 256));
  app.add_option("--input-format", o->input_format, "Format of standard input")
      ->check(CLI::IsMember({"text", "jsonl"}));
  app.add_option("--doc-id", o->doc_id,
                 "Id of the text document read from - (default: stdin: and a hash of its text)");
  app.add_option("--on-invalid-utf8", o->invalid_utf8,
                 "Skip a document with invalid UTF-8, or repair it (U+FFFD)")
      ->check(CLI::IsMember({"skip", "repair"}));
  app.add_option("--min-confidence", o->min_confidence, "Drop facts below this confidence")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--aliases", o->aliases,
                 "TSV file of corrections, kept in the database for every later build: "
                 "ALIAS<TAB>CANONICAL NAME merges, !NAME keeps NAME its own entity")
      ->check(CLI::ExistingFile);
  return [o](Io& io) -> Status {
    ProcessorOptions po;
    po.models_dir = o->models;
    po.extractor.min_confidence = o->min_confidence;
    KG_ASSIGN_OR_RETURN(std::unique_ptr<DocumentProcessor> processor, DocumentProcessor::load(po));
    InputOptions in_opts;
    in_opts.stdin_format = o->input_format == "jsonl" ? InputFormat::kJsonl : InputFormat::kText;
    in_opts.stdin_doc_id = o->doc_id;
    in_opts.invalid_utf8 =
        o->invalid_utf8 == "repair" ? InvalidUtf8Policy::kRepair : InvalidUtf8Policy::kSkip;
    KG_ASSIGN_OR_RETURN(DocumentReader reader, DocumentReader::open(o->inputs, in_opts, &io.in));
    KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphWriter> store, GraphWriter::open(o->db));
    if (!o->aliases.empty()) {
      KG_ASSIGN_OR_RETURN(std::vector<MergeSummary> applied, apply_aliases(*store, o->aliases));
      size_t sides = 0;
      for (const MergeSummary& m : applied) sides += m.facts;
      io.out << "aliases: " << applied.size() << " corrections from " << o->aliases << " ("
             << sides << " stored fact sides renamed)\n";
    }
    KG_ASSIGN_OR_RETURN(BuildSummary summary, build_graph(*store, reader, *processor, o->threads));
    KG_ASSIGN_OR_RETURN(StoreStats stats, store->stats());
    print_summary(io.out, summary, stats);
    if (!summary.skipped.empty()) {
      return Status::invalid(std::to_string(summary.skipped.size()) + " input(s) skipped");
    }
    return {};
  };
}

}  // namespace kg::cli
