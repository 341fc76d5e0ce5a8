// `kg ingest --db DIR FILE.jsonl|- ...`: load triples JSONL into the graph store.

#include <fstream>
#include <memory>
#include <ostream>

#include "cli/commands/commands.h"
#include "common/progress.h"
#include "pipeline/pipeline.h"

namespace kg::cli {
namespace {

struct IngestArgs {
  std::string db;
  std::vector<std::string> files;
  IngestOptions options;
};

void print_summary(std::ostream& out, const IngestSummary& s) {
  out << "ingested " << s.documents() << " documents (" << s.added << " added, " << s.unchanged
      << " unchanged, " << s.replaced << " replaced), " << s.triples << " triples; skipped "
      << s.skipped_documents << " documents (" << s.bad_lines << " bad lines, " << s.skipped_lines
      << " other lines)\n";
}

}  // namespace

Action configure_ingest(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  app.description(
      "Load triples JSONL (what `kg extract` writes) into the graph database, one atomic write "
      "per document. A document already stored with the same content is left alone; a changed "
      "one is replaced. A bad line is reported (file:line) and its whole document skipped; the "
      "exit code is then 1.");
  app.add_option("--db", args->db, "Database directory (created if missing)")->required();
  app.add_option("files", args->files, "Triples JSONL files, or - for standard input")->required();
  app.add_option("--batch", args->options.batch_triples,
                 "Triples per database write (whole documents are grouped)")
      ->check(CLI::PositiveNumber);
  app.add_option("--window", args->options.window_triples,
                 "How many triples apart the lines of one document may be and still be gathered")
      ->check(CLI::PositiveNumber);
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(auto store, GraphWriter::open(args->db));
    IngestSummary total;
    Progress progress("ingest", 0, "triples");
    size_t done_before = 0;
    for (const std::string& file : args->files) {
      std::ifstream f;
      std::istream* in = &io.in;
      std::string name = file == "-" ? "<stdin>" : file;
      if (file != "-") {
        f.open(file, std::ios::binary);
        if (!f) return Status::not_found(file + ": cannot open");
        in = &f;
      }
      auto report = [&](const std::string& line) {
        progress.finish();
        io.err << line << '\n';
      };
      auto on_progress = [&](const IngestSummary& s) {
        progress.update(done_before + s.triples,
                        std::to_string(total.documents() + s.documents()) + " docs");
      };
      KG_ASSIGN_OR_RETURN(IngestSummary s,
                          ingest_triples(*store, *in, name, args->options, report, on_progress));
      total.add(s);
      done_before = total.triples;
    }
    progress.finish();
    print_summary(io.out, total);
    if (total.anything_skipped()) {
      return Status::invalid("skipped " + std::to_string(total.bad_lines) + " bad lines and " +
                             std::to_string(total.skipped_documents) +
                             " documents (reported above)");
    }
    return {};
  };
}

}  // namespace kg::cli
