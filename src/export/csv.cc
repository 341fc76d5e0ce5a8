// Neo4j `neo4j-admin import` CSV: a nodes file and a relationships file.
#include <ostream>

#include "export/escape.h"
#include "export/export.h"

namespace kg {
namespace {

using export_internal::csv_field;

// Array elements joined with neo4j-admin's default array delimiter.
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ";" : "") + items[i];
  return out;
}

std::string relationship_type(std::string_view label) {
  std::string out;
  for (char c : label) {
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 'a' + 'A');
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (out.empty() || out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  while (!out.empty() && out.front() == '_') out.erase(out.begin());
  return out.empty() ? "RELATED_TO" : out;
}

}  // namespace

void write_csv_nodes(const Subgraph& graph, std::ostream& out) {
  out << "id:ID,name,:LABEL,type,aliases:string[],mentions:long,values:string[]\n";
  const auto values = export_internal::values_by_subject(graph);
  for (const EntityInfo& n : graph.nodes) {
    std::vector<std::string> facts;
    if (auto it = values.find(n.id); it != values.end()) {
      for (const ExportValue* v : it->second) facts.push_back(export_internal::value_text(*v));
    }
    out << node_id(n.id) << ',' << csv_field(n.name) << ','
        << csv_field(n.type.empty() ? "Entity" : "Entity;" + n.type) << ',' << csv_field(n.type)
        << ',' << csv_field(joined(n.aliases)) << ',' << n.mentions << ','
        << csv_field(joined(facts)) << '\n';
  }
}

void write_csv_edges(const Subgraph& graph, std::ostream& out) {
  out << ":START_ID,:END_ID,:TYPE,relation,negated:boolean,count:long,docs:string[],"
         "first_date:date,last_date:date\n";
  for (const ExportEdge& x : graph.edges) {
    const EdgeInfo& e = x.edge;
    out << node_id(e.subject) << ',' << node_id(e.object) << ','
        << csv_field(relationship_type(e.relation_label)) << ',' << csv_field(e.relation_label)
        << ',' << (e.negated ? "true" : "false") << ',' << e.count << ','
        << csv_field(joined(x.docs)) << ',' << x.first_date << ',' << x.last_date << '\n';
  }
}

}  // namespace kg
