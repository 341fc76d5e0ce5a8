// The graph JSON writer (docs/interfaces.md), one node or edge object per line.
#include <nlohmann/json.hpp>
#include <ostream>

#include "export/escape.h"
#include "export/export.h"

namespace kg {
namespace {

std::string dumped(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void write_json(const Subgraph& graph, std::ostream& out) {
  out << "{\"nodes\": [";
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    const EntityInfo& n = graph.nodes[i];
    nlohmann::ordered_json j;
    j["id"] = node_id(n.id);
    j["name"] = n.name;
    j["type"] = n.type;
    j["aliases"] = n.aliases;
    j["mentions"] = n.mentions;
    out << (i ? ",\n  " : "\n  ") << dumped(j);
  }
  out << (graph.nodes.empty() ? "],\n" : "\n ],\n") << " \"edges\": [";
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    const ExportEdge& x = graph.edges[i];
    nlohmann::ordered_json j;
    j["source"] = node_id(x.edge.subject);
    j["target"] = node_id(x.edge.object);
    j["relation"] = x.edge.relation_label;
    j["negated"] = x.edge.negated;
    j["count"] = x.edge.count;
    j["docs"] = x.docs;
    out << (i ? ",\n  " : "\n  ") << dumped(j);
  }
  out << (graph.edges.empty() ? "]}\n" : "\n ]}\n");
}

}  // namespace kg
