// The N-Triples writer: entities, their labels and types, asserted edges, and every edge reified
// with its count, negation and documents.
#include <cctype>
#include <map>
#include <ostream>
#include <set>
#include <unordered_map>

#include "export/escape.h"
#include "export/export.h"

namespace kg {
namespace {

constexpr const char* kRdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr const char* kLabel = "<http://www.w3.org/2000/01/rdf-schema#label>";
constexpr const char* kAltLabel = "<http://www.w3.org/2004/02/skos/core#altLabel>";
constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";

}  // namespace

Status check_base_iri(std::string_view iri) {
  size_t colon = iri.find(':');
  bool scheme_ok = colon != std::string_view::npos && colon > 0 &&
                   std::isalpha(static_cast<unsigned char>(iri[0]));
  for (size_t i = 0; scheme_ok && i < colon; ++i) {
    char c = iri[i];
    scheme_ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  }
  if (!scheme_ok) {
    return Status::invalid("base IRI '" + std::string(iri) + "' is not absolute (no scheme:)");
  }
  for (char ch : iri) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || std::string_view("<>\"{}|^`\\").find(ch) != std::string_view::npos) {
      return Status::invalid("base IRI '" + std::string(iri) +
                             "' contains a character N-Triples forbids in an IRI");
    }
  }
  return {};
}

void write_ntriples(const Subgraph& graph, std::string_view base_iri, std::ostream& out) {
  using export_internal::iri_segment;
  using export_internal::ntriples_literal;
  const std::string base(base_iri);
  auto iri = [&](const char* kind, std::string_view name) {
    return "<" + base + kind + "/" + iri_segment(name) + ">";
  };
  auto integer = [&](uint64_t v) { return "\"" + std::to_string(v) + "\"^^<" + kXsd + "integer>"; };
  const std::string mentions = iri("vocab", "mentions"), count = iri("vocab", "count"),
                    negated = iri("vocab", "negated"), doc = iri("vocab", "doc");

  // Entities are named by their canonical name; a name shared by two nodes gets the id appended.
  std::map<std::string, int> name_uses;
  for (const EntityInfo& n : graph.nodes) ++name_uses[n.name];
  std::unordered_map<EntityId, std::string> entity_iri;
  for (const EntityInfo& n : graph.nodes) {
    std::string local = name_uses[n.name] > 1 ? n.name + "~" + node_id(n.id) : n.name;
    const std::string& e = entity_iri[n.id] = iri("entity", local);
    if (!n.type.empty()) out << e << ' ' << kRdfType << ' ' << iri("type", n.type) << " .\n";
    out << e << ' ' << kLabel << ' ' << ntriples_literal(n.name) << " .\n";
    for (const auto& a : n.aliases)
      out << e << ' ' << kAltLabel << ' ' << ntriples_literal(a) << " .\n";
    out << e << ' ' << mentions << ' ' << integer(n.mentions) << " .\n";
  }
  std::set<std::string> relations;
  size_t statement = 0;
  // An asserted triple (unless negated) and its reification with count, negation and documents.
  const std::string first = iri("vocab", "firstDate"), last = iri("vocab", "lastDate");
  auto date = [&](const std::string& d) { return "\"" + d + "\"^^<" + kXsd + "date>"; };
  // The reified statement carries the first and last date of its documents (kg:firstDate,
  // kg:lastDate, xsd:date): a dated statement without changing the asserted triple.
  auto fact = [&](const EdgeInfo& e, const std::string& o, const std::vector<std::string>& docs,
                  const std::string& first_date, const std::string& last_date) {
    const std::string& s = entity_iri.at(e.subject);
    std::string p = iri("relation", e.relation_label);
    if (relations.insert(e.relation_label).second) {
      out << p << ' ' << kLabel << ' ' << ntriples_literal(e.relation_label) << " .\n";
    }
    if (!e.negated) out << s << ' ' << p << ' ' << o << " .\n";
    std::string b = "_:edge" + std::to_string(++statement);
    out << b << ' ' << kRdfType << " <" << kRdf << "Statement> .\n";
    out << b << " <" << kRdf << "subject> " << s << " .\n";
    out << b << " <" << kRdf << "predicate> " << p << " .\n";
    out << b << " <" << kRdf << "object> " << o << " .\n";
    out << b << ' ' << negated << " \"" << (e.negated ? "true" : "false") << "\"^^<" << kXsd
        << "boolean> .\n";
    out << b << ' ' << count << ' ' << integer(e.count) << " .\n";
    for (const auto& d : docs) out << b << ' ' << doc << ' ' << ntriples_literal(d) << " .\n";
    if (!first_date.empty()) {
      out << b << ' ' << first << ' ' << date(first_date) << " .\n";
      out << b << ' ' << last << ' ' << date(last_date) << " .\n";
    }
  };
  for (const ExportEdge& x : graph.edges) {
    fact(x.edge, entity_iri.at(x.edge.object), x.docs, x.first_date, x.last_date);
  }
  // A value is a literal typed by its value type: "5 pct"^^<base type/PERCENT>.
  for (const ExportValue& v : graph.values) {
    const std::string type = iri("type", v.type);
    fact(v.edge, ntriples_literal(v.value) + "^^" + type, v.docs, v.first_date, v.last_date);
  }
}

}  // namespace kg
