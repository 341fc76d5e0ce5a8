// The DOT writer: one node statement per entity, styled by type; one edge statement per edge.
#include <cmath>
#include <ostream>

#include "export/escape.h"
#include "export/export.h"

namespace kg {
namespace {

struct NodeStyle {
  const char* shape;
  const char* fill;
};

NodeStyle style_for(std::string_view type) {
  if (type == "PERSON") return {"ellipse", "#a6cee3"};
  if (type == "ORG") return {"box", "#b2df8a"};
  if (type == "LOC") return {"hexagon", "#fdbf6f"};
  if (type == "MISC") return {"octagon", "#cab2d6"};
  if (type == "CONCEPT") return {"note", "#eeeeee"};
  return {"ellipse", "#ffffff"};
}

}  // namespace

void write_dot(const Subgraph& graph, std::ostream& out) {
  using export_internal::dot_quoted;
  out << "digraph kg {\n"
         "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];\n"
         "  node [style=filled, fontname=\"Helvetica\", fontsize=11];\n"
         "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n";
  for (const EntityInfo& n : graph.nodes) {
    NodeStyle style = style_for(n.type);
    out << "  \"" << node_id(n.id) << "\" [label=" << dot_quoted(n.name)
        << ", shape=" << style.shape << ", fillcolor=\"" << style.fill << "\", tooltip="
        << dot_quoted((n.type.empty() ? "" : n.type + ", ") + std::to_string(n.mentions) +
                      (n.mentions == 1 ? " mention" : " mentions"))
        << "];\n";
  }
  for (const ExportEdge& x : graph.edges) {
    const EdgeInfo& e = x.edge;
    out << "  \"" << node_id(e.subject) << "\" -> \"" << node_id(e.object)
        << "\" [label=" << dot_quoted(e.relation_label);
    if (e.negated) out << ", style=dashed";
    if (e.count > 1) {
      double width = std::min(4.0, 1.0 + std::log2(static_cast<double>(e.count)) / 2);
      char buf[16];
      std::snprintf(buf, sizeof buf, "%.2f", width);
      out << ", penwidth=" << buf;
    }
    out << ", tooltip="
        << dot_quoted(std::string(e.negated ? "negated, " : "") + std::to_string(e.count) +
                      (e.count == 1 ? " fact" : " facts"))
        << "];\n";
  }
  out << "}\n";
}

}  // namespace kg
