// `kg export --db DIR --format dot|graphml|ntriples|json|csv [--around ENTITY --hops N]
//  [--min-count N] [--since DATE] [--until DATE] [--min-confidence X] [--base-iri IRI] [-o FILE]`.
#include "export/export.h"

#include <memory>
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/commands/export_options.h"

namespace kg::cli {
namespace {

struct ExportArgs {
  std::string db, format, output, base_iri = "http://example.org/kg/";
  SubgraphArgs subgraph;
};

// "out.csv" -> "out", so that -o out.csv writes out-nodes.csv and out-edges.csv.
std::string csv_stem(const std::string& path) {
  const std::string ext = ".csv";
  bool has_ext =
      path.size() > ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  return has_ext ? path.substr(0, path.size() - ext.size()) : path;
}

void write_format(ExportFormat format, const Subgraph& g, const std::string& base_iri,
                  std::ostream& out) {
  switch (format) {
    case ExportFormat::kDot:
      write_dot(g, out);
      break;
    case ExportFormat::kGraphml:
      write_graphml(g, out);
      break;
    case ExportFormat::kNtriples:
      write_ntriples(g, base_iri, out);
      break;
    case ExportFormat::kJson:
      write_json(g, out);
      break;
    case ExportFormat::kCsv:
      write_csv_nodes(g, out);
      out << '\n';
      write_csv_edges(g, out);
      break;
  }
}

}  // namespace

Action configure_export(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  app.description(
      "Write the graph (or a neighbourhood) as DOT, GraphML, N-Triples, JSON (the graph JSON of "
      "the docs) or Neo4j neo4j-admin import CSV. Without -o the output goes to standard output "
      "(CSV: the nodes table, a blank line, the relationships table). With -o the file is written "
      "atomically (a temporary file renamed into place), so a failure leaves no partial file; "
      "for CSV, -o out.csv writes out-nodes.csv and out-edges.csv. With --since, --until or "
      "--min-confidence only the facts kept count: each edge's count, documents and dates are "
      "theirs, and an edge without any is left out.");
  app.add_option("--db", args->db, "Database directory (opened read-only)")->required();
  app.add_option("--format", args->format,
                 "Output format (default: the one -o's extension names: .dot/.gv, .graphml, .nt, "
                 ".json, .csv)")
      ->check(CLI::IsMember({"dot", "graphml", "ntriples", "json", "csv"}));
  add_subgraph_options(app, args->subgraph);
  app.add_option("--base-iri", args->base_iri, "N-Triples: base of every minted IRI")
      ->capture_default_str();
  app.add_option("-o,--output", args->output, "Output file (default: standard output)");
  return [args](Io& io) -> Status {
    std::optional<ExportFormat> chosen = args->format.empty()
                                             ? export_format_for(args->output)
                                             : parse_export_format(args->format);
    if (!chosen) {
      return Status::usage(args->output.empty()
                               ? "give --format (dot, graphml, ntriples, json, csv) or an -o file"
                               : "cannot tell the format of '" + args->output +
                                     "': give --format (dot, graphml, ntriples, json, csv)");
    }
    const ExportFormat format = *chosen;
    if (format == ExportFormat::kNtriples) {
      Status iri = check_base_iri(args->base_iri);
      if (!iri.ok()) return Status::usage(iri.message());
    }
    KG_ASSIGN_OR_RETURN(auto store, GraphReader::open(args->db));
    std::string note;
    KG_ASSIGN_OR_RETURN(Subgraph g,
                        collect_for_cli(*store, args->subgraph, format != ExportFormat::kDot,
                                        !args->subgraph.around.empty(), &note));
    if (!note.empty()) io.err << "kg export: " << note << '\n';
    if (args->output.empty()) {
      write_format(format, g, args->base_iri, io.out);
      io.out.flush();
      return io.out ? Status() : Status::io("cannot write to standard output");
    }
    if (format == ExportFormat::kCsv) {
      std::string stem = csv_stem(args->output);
      KG_RETURN_IF_ERROR(write_file_atomically(stem + "-nodes.csv", [&](std::ostream& out) {
        write_csv_nodes(g, out);
        return Status();
      }));
      return write_file_atomically(stem + "-edges.csv", [&](std::ostream& out) {
        write_csv_edges(g, out);
        return Status();
      });
    }
    return write_file_atomically(args->output, [&](std::ostream& out) {
      write_format(format, g, args->base_iri, out);
      return Status();
    });
  };
}

}  // namespace kg::cli
