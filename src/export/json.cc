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
  const auto values = export_internal::values_by_subject(graph);
  out << "{\"nodes\": [";
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    const EntityInfo& n = graph.nodes[i];
    nlohmann::ordered_json j;
    j["id"] = node_id(n.id);
    j["name"] = n.name;
    j["type"] = n.type;
    j["aliases"] = n.aliases;
    j["mentions"] = n.mentions;
    // The literal objects of its facts ("5 pct"): values are properties, never nodes.
    if (auto it = values.find(n.id); it != values.end()) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const ExportValue* v : it->second) {
        nlohmann::ordered_json x;
        x["relation"] = v->edge.relation_label;
        x["value"] = v->value;
        x["type"] = v->type;
        x["negated"] = v->edge.negated;
        x["count"] = v->edge.count;
        x["docs"] = v->docs;
        if (!v->first_date.empty()) {
          x["first_date"] = v->first_date;
          x["last_date"] = v->last_date;
        }
        list.push_back(std::move(x));
      }
      j["values"] = std::move(list);
    }
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
    if (!x.first_date.empty()) {  // the dates of its documents
      j["first_date"] = x.first_date;
      j["last_date"] = x.last_date;
    }
    out << (i ? ",\n  " : "\n  ") << dumped(j);
  }
  out << (graph.edges.empty() ? "]}\n" : "\n ]}\n");
}

}  // namespace kg
