// Exporting the graph (or an entity's neighbourhood) as DOT, GraphML, N-Triples, JSON or Neo4j CSV,
// and rendering it to SVG/PNG/PDF with Graphviz.
//
// Contract:
// - Export only writes formats: the graph to write (query.h collect_subgraph) is given.
// - The writers are pure functions of a Subgraph: the same graph gives byte-identical output
//   (nodes sorted by name then id, edges by source name, relation, target name, negation).
// - Text is written as UTF-8 and escaped for the format: DOT quoted strings, XML character
//   entities (GraphML), N-Triples ECHAR/UCHAR escapes and percent-encoded IRIs, JSON, RFC 4180 CSV.
// - Files are written with common/file.h write_file_atomically(): the complete new file or nothing.
// - Errors are a Status (kIo for files and Graphviz failures, kNotFound when Graphviz is missing).
//   Thread-compatible: no shared state.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/file.h"
#include "common/status.h"
#include "query/query.h"

namespace kg {

enum class ExportFormat { kDot, kGraphml, kNtriples, kJson, kCsv };

// "dot", "graphml", "ntriples", "json", "csv"; nullopt otherwise.
std::optional<ExportFormat> parse_export_format(std::string_view name);
// The format a file name's extension says: .dot/.gv, .graphml, .nt, .json, .csv; nullopt
// otherwise.
std::optional<ExportFormat> export_format_for(std::string_view path);

// Values (Subgraph::values, "profit -[rise]-> 5 pct") are literals: JSON lists them in their
// subject node's "values", N-Triples writes typed literals ("5 pct"^^<base type/PERCENT>),
// GraphML and CSV a node's "values" text ("rise: 5 pct (PERCENT)"); DOT leaves them out.
//
// DOT: a digraph, nodes shaped and coloured by entity type, edges labelled by relation, negated
// edges dashed.
void write_dot(const Subgraph& graph, std::ostream& out);
// GraphML via boost::write_graphml: node keys name/type/aliases/mentions, edge keys
// relation/negated/count/docs (lists joined with "; ").
void write_graphml(const Subgraph& graph, std::ostream& out);
// N-Triples. Entities are <base>entity/<name>, relations <base>relation/<label>, types
// <base>type/<TYPE>, properties <base>vocab/<name>, all percent-encoded. An asserted edge is a
// triple; every edge is also a reified rdf:Statement with its count, negation and documents
// (a negated edge only as the statement, with kg:negated true).
void write_ntriples(const Subgraph& graph, std::string_view base_iri, std::ostream& out);
// The graph JSON of docs/interfaces.md, one node or edge per line.
void write_json(const Subgraph& graph, std::ostream& out);
// Neo4j `neo4j-admin import` CSV: nodes
// `id:ID,name,:LABEL,type,aliases:string[],mentions:long,values:string[]`,
// relationships
// `:START_ID,:END_ID,:TYPE,relation,negated:boolean,count:long,docs:string[],first_date:date,last_date:date`
// (arrays joined with ';', the neo4j-admin default). :TYPE is the relation label upper-cased with
// every other character than a letter or digit as '_' ("agree to" -> AGREE_TO).
void write_csv_nodes(const Subgraph& graph, std::ostream& out);
void write_csv_edges(const Subgraph& graph, std::ostream& out);

// Fails with kInvalidInput unless `iri` is an absolute IRI (scheme ':' ...) that N-Triples accepts
// inside <...> (no spaces, controls or <>"{}|^`\).
Status check_base_iri(std::string_view iri);

// Graphviz output format from a file name: "svg", "png" or "pdf"; nullopt otherwise.
std::optional<std::string> render_format_for(std::string_view path);

// The executable `program` found on `search_path` (a PATH-style list), or nullopt.
std::optional<std::string> find_on_path(std::string_view program, std::string_view search_path);

// Runs Graphviz `dot` (looked up on $PATH) on `dot_source` and writes `output` atomically in the
// format its extension names. Errors: kNotFound "Graphviz 'dot' not found on PATH; install
// graphviz"; kIo "Graphviz dot failed: <its first stderr line>"; kInvalidInput for an unknown
// extension.
Status render_with_graphviz(const std::string& dot_source, const std::string& output);

}  // namespace kg
