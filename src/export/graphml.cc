// The GraphML writer: the subgraph copied into a Boost adjacency_list and written by
// boost::write_graphml through dynamic_properties.
#include <boost/graph/adjacency_list.hpp>
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"  // boost::optional inside edge iterators
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <ostream>
#include <unordered_map>

#include "export/escape.h"
#include "export/export.h"

namespace kg {
namespace {

struct NodeProps {
  std::string entity_id, name, type, aliases;
  long mentions = 0;
  std::string values;  // its facts' literal objects, "rise to: 5 pct (PERCENT); ..."
};

struct EdgeProps {
  std::string relation, docs, first_date, last_date;
  bool negated = false;
  long count = 0;
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, NodeProps, EdgeProps>;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "; " : "") + items[i];
  return export_internal::xml_safe(out);
}

}  // namespace

void write_graphml(const Subgraph& graph, std::ostream& out) {
  using export_internal::xml_safe;
  Graph g;
  std::unordered_map<EntityId, Graph::vertex_descriptor> vertex;
  const auto values = export_internal::values_by_subject(graph);
  for (const EntityInfo& n : graph.nodes) {
    std::vector<std::string> facts;
    if (auto it = values.find(n.id); it != values.end()) {
      for (const ExportValue* v : it->second) facts.push_back(export_internal::value_text(*v));
    }
    vertex[n.id] = boost::add_vertex(NodeProps{node_id(n.id), xml_safe(n.name), xml_safe(n.type),
                                               joined(n.aliases), static_cast<long>(n.mentions),
                                               joined(facts)},
                                     g);
  }
  for (const ExportEdge& x : graph.edges) {
    boost::add_edge(vertex.at(x.edge.subject), vertex.at(x.edge.object),
                    EdgeProps{xml_safe(x.edge.relation_label), joined(x.docs), x.first_date,
                              x.last_date, x.edge.negated, static_cast<long>(x.edge.count)},
                    g);
  }
  boost::dynamic_properties dp;
  dp.property("entity_id", boost::get(&NodeProps::entity_id, g));
  dp.property("name", boost::get(&NodeProps::name, g));
  dp.property("type", boost::get(&NodeProps::type, g));
  dp.property("aliases", boost::get(&NodeProps::aliases, g));
  dp.property("mentions", boost::get(&NodeProps::mentions, g));
  dp.property("values", boost::get(&NodeProps::values, g));
  dp.property("relation", boost::get(&EdgeProps::relation, g));
  dp.property("negated", boost::get(&EdgeProps::negated, g));
  dp.property("count", boost::get(&EdgeProps::count, g));
  dp.property("docs", boost::get(&EdgeProps::docs, g));
  dp.property("first_date", boost::get(&EdgeProps::first_date, g));
  dp.property("last_date", boost::get(&EdgeProps::last_date, g));
  boost::write_graphml(out, g, dp, true);
}
#pragma GCC diagnostic pop

}  // namespace kg
