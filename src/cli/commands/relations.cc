// `kg relations --db DIR [--top N] [--match TEXT] [--json]`: canonical relations with their fact
// counts and the labels (surface forms) each groups.
#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands/commands.h"
#include "query/relations.h"
#include "store/store.h"

namespace kg::cli {

Action configure_relations(CLI::App& app) {
  struct Args {
    std::string db, match;
    size_t top = 0;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  app.description(
      "List the canonical relations, most facts first, each with the labels it groups (\"meet\": "
      "meet, meet with, hold talk with, ...; modal lead-ins such as \"agree to\" are folded into "
      "the relation they lead).");
  app.add_option("--db", args->db, "Database directory (opened read-only)")->required();
  app.add_option("--top", args->top, "At most N relations (0 = all)");
  app.add_option("--match", args->match,
                 "Only the relation a user's text means, in any form (\"met\", \"bought\")");
  app.add_flag("--json", args->json,
               "Print {\"relations\": [{\"relation\", \"facts\", \"labels\": [{\"label\", "
               "\"facts\"}]}]}");
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphReader> store, GraphReader::open(args->db));
    struct Group {
      uint64_t facts = 0;
      std::vector<std::pair<uint64_t, std::string>> labels;
    };
    std::map<std::string, Group> groups;
    const std::string want = args->match.empty() ? "" : canonical_relation_query(args->match);
    KG_RETURN_IF_ERROR(store->for_each_relation([&](const std::string& label, uint64_t facts) {
      const std::string c = canonical_relation(label).relation;
      if (!want.empty() && c != want) return;
      Group& g = groups[c];
      g.facts += facts;
      g.labels.emplace_back(facts, label);
    }));
    std::vector<std::pair<std::string, Group>> list(groups.begin(), groups.end());
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.second.facts > b.second.facts; });
    if (args->top > 0 && list.size() > args->top) list.resize(args->top);
    for (auto& [name, g] : list) {
      std::stable_sort(g.labels.begin(), g.labels.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
    }
    if (args->json) {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const auto& [name, g] : list) {
        nlohmann::ordered_json labels = nlohmann::ordered_json::array();
        for (const auto& [n, label] : g.labels) labels.push_back({{"label", label}, {"facts", n}});
        out.push_back({{"relation", name}, {"facts", g.facts}, {"labels", std::move(labels)}});
      }
      io.out << nlohmann::ordered_json{{"relations", out}}.dump(
                    -1, ' ', false, nlohmann::json::error_handler_t::replace)
             << '\n';
      return {};
    }
    for (const auto& [name, g] : list) {
      io.out << g.facts << '\t' << name;
      if (g.labels.size() > 1 || g.labels[0].second != name) {
        io.out << "\t(";
        for (size_t i = 0; i < g.labels.size() && i < 10; ++i) {
          io.out << (i ? ", " : "") << g.labels[i].second << ' ' << g.labels[i].first;
        }
        if (g.labels.size() > 10) io.out << ", +" << g.labels.size() - 10 << " more";
        io.out << ')';
      }
      io.out << '\n';
    }
    return {};
  };
}

}  // namespace kg::cli
