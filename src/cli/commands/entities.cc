// `kg entities --db DIR [--match TEXT] [--type T[,T]] [--all] [--top N] [--json]`: list stored
// entities (named ones unless asked otherwise).
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands/commands.h"
#include "query/query.h"
#include "store/store.h"

namespace kg::cli {
namespace {

void print_text(std::ostream& out, const std::vector<EntityInfo>& list) {
  for (const auto& e : list) {
    out << e.mentions << '\t' << e.type << '\t' << e.name;
    if (!e.aliases.empty()) {
      out << "\t(";
      for (size_t i = 0; i < e.aliases.size(); ++i) out << (i ? ", " : "") << e.aliases[i];
      out << ')';
    }
    out << '\n';
  }
}

void print_json(std::ostream& out, const std::vector<EntityInfo>& list) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& e : list) {
    arr.push_back({{"id", node_id(e.id)},
                   {"name", e.name},
                   {"type", e.type},
                   {"aliases", e.aliases},
                   {"mentions", e.mentions}});
  }
  out << nlohmann::json{{"entities", arr}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace)
      << '\n';
}

}  // namespace

Action configure_entities(CLI::App& app) {
  struct Args {
    std::string db;
    EntityListOptions options;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  app.description(
      "List entities, most mentioned first: mentions, type, name and aliases (surface forms). "
      "Named entities (PERSON, ORG, LOC, MISC) unless --type or --all says otherwise.");
  app.add_option("--db", args->db, "Database directory")->required();
  app.add_option("--match", args->options.match,
                 "Only entities whose name or an alias contains TEXT (case-insensitive)");
  app.add_option("--type", args->options.types,
                 "Only these types, comma-separated (PERSON, ORG, LOC, MISC, CONCEPT; or the value "
                 "types NUMBER, AMOUNT, PERCENT, QUANTITY, DATE to list facts' literal values)")
      ->delimiter(',')
      ->transform(CLI::IsMember({"PERSON", "ORG", "LOC", "MISC", "CONCEPT", "NUMBER", "AMOUNT",
                                 "PERCENT", "QUANTITY", "DATE"},
                                CLI::ignore_case));
  app.add_flag("--all", args->options.all, "Every entity type, concepts included (not values)");
  app.add_option("--top", args->options.limit, "At most N entities (0 = all)");
  app.add_flag("--json", args->json,
               "Print {\"entities\": [{\"id\", \"name\", \"type\", \"aliases\", \"mentions\"}]}");
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(auto store, GraphReader::open(args->db));
    KG_ASSIGN_OR_RETURN(auto list, list_entities(*store, args->options));
    if (args->json) {
      print_json(io.out, list);
    } else {
      print_text(io.out, list);
    }
    return {};
  };
}

}  // namespace kg::cli
