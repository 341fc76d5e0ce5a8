// JSON printers for neighbours and paths.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/print/query_print.h"
#include "export/export.h"

namespace kg::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string dumped(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Json evidence_json(const Evidence& ev) {
  Json j;
  j["doc"] = ev.doc;
  j["sentence"] = ev.sentence;
  j["text"] = ev.text;
  j["span"] = ev.span ? Json::array({ev.span->first, ev.span->second}) : Json();
  j["confidence"] = ev.confidence;
  j["modality"] = ev.modality ? Json(*ev.modality) : Json();
  j["attribution"] = ev.attribution ? Json(*ev.attribution) : Json();
  j["date"] = ev.date.empty() ? Json() : Json(ev.date);
  return j;
}

Json cell_json(const MatchCell& cell) {
  return std::visit(
      [](const auto& x) -> Json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return Json();
        } else if constexpr (std::is_same_v<T, MatchNode>) {
          return {{"id", x.id}, {"name", x.name}, {"type", x.type}};
        } else if constexpr (std::is_same_v<T, MatchRelationship>) {
          return {{"relation", x.relation}, {"label", x.label}, {"negated", x.negated},
                  {"count", x.count}, {"docs", x.docs}};
        } else {
          return Json(x);
        }
      },
      cell);
}

}  // namespace

void print_match_json(std::ostream& out, const MatchResult& result, bool with_evidence) {
  Json root;
  root["columns"] = result.columns;
  Json rows = Json::array();
  for (const auto& row : result.rows) {
    Json line = Json::array();
    for (const MatchCell& c : row) line.push_back(cell_json(c));
    rows.push_back(std::move(line));
  }
  root["rows"] = std::move(rows);
  if (with_evidence) {
    Json all = Json::array();
    for (const auto& row : result.evidence) {
      Json list = Json::array();
      for (const MatchEvidence& ev : row) {
        Json j = evidence_json(ev.fact);
        j["relationship"] = ev.relationship;
        list.push_back(std::move(j));
      }
      all.push_back(std::move(list));
    }
    root["evidence"] = std::move(all);
  }
  out << dumped(root) << '\n';
}

void print_neighbors_json(std::ostream& out, const EntityInfo& entity,
                          const std::vector<Neighbor>& neighbors, bool with_evidence) {
  Json root;
  root["entity"] = {{"id", node_id(entity.id)},
                    {"name", entity.name},
                    {"type", entity.type},
                    {"aliases", entity.aliases},
                    {"mentions", entity.mentions}};
  Json list = Json::array();
  for (const Neighbor& n : neighbors) {
    Json j;
    j["direction"] = n.outgoing ? "out" : "in";
    j["relation"] = n.edge.relation_label;
    j["negated"] = n.edge.negated;
    j["count"] = n.edge.count;
    if (is_value_id(n.other.id)) {  // a literal, not a node
      j["value"] = {{"text", n.other.name}, {"type", n.other.type}};
    } else {
      j["entity"] = {{"id", node_id(n.other.id)}, {"name", n.other.name}, {"type", n.other.type}};
    }
    if (with_evidence) {
      Json evidence = Json::array();
      for (const Evidence& ev : n.evidence) evidence.push_back(evidence_json(ev));
      j["evidence"] = std::move(evidence);
    }
    list.push_back(std::move(j));
  }
  root["neighbors"] = std::move(list);
  out << dumped(root) << '\n';
}

void print_paths_json(std::ostream& out, const std::vector<NamedPath>& paths) {
  Json list = Json::array();
  for (const NamedPath& p : paths) {
    Json relations = Json::array();
    for (const PathStep& s : p.steps) relations.push_back((s.backward ? "<" : "") + s.relation);
    list.push_back({{"nodes", p.nodes}, {"relations", std::move(relations)}});
  }
  out << dumped(Json{{"paths", std::move(list)}}) << '\n';
}

}  // namespace kg::cli
