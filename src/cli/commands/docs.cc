// `kg docs --db DIR [--since DATE] [--until DATE] [--limit N] [--json]`: the stored documents with
// their title, date and fact count.
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands/commands.h"
#include "query/query.h"
#include "store/store.h"

namespace kg::cli {

Action configure_docs(CLI::App& app) {
  struct Args {
    std::string db, since, until;
    size_t limit = 0;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  app.description(
      "List the stored documents in id order: id, date, facts and title. A document without a "
      "date is left out by --since and --until.");
  app.add_option("--db", args->db, "Database directory (opened read-only)")->required();
  app.add_option("--since", args->since, "Only documents dated on or after DATE (YYYY-MM-DD)")
      ->check(check_iso_date);
  app.add_option("--until", args->until, "Only documents dated on or before DATE (YYYY-MM-DD)")
      ->check(check_iso_date);
  app.add_option("--limit", args->limit, "At most N documents (0 = all)");
  app.add_flag("--json", args->json,
               "Print {\"documents\": [{\"id\", \"title\", \"date\", \"facts\"}]}");
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphReader> store, GraphReader::open(args->db));
    std::vector<DocumentInfo> docs;
    KG_RETURN_IF_ERROR(store->for_each_document([&](const DocumentInfo& d) {
      if (args->limit > 0 && docs.size() == args->limit) return;
      if (!date_in_range(d.date, args->since, args->until)) return;
      docs.push_back(d);
    }));
    if (args->json) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const DocumentInfo& d : docs) {
        nlohmann::ordered_json j;
        j["id"] = d.id;
        j["title"] = d.title;
        j["date"] = d.date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(d.date);
        j["facts"] = d.facts;
        list.push_back(std::move(j));
      }
      nlohmann::ordered_json root;
      root["documents"] = std::move(list);
      io.out << root.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return {};
    }
    for (const DocumentInfo& d : docs) {
      io.out << d.id << '\t' << (d.date.empty() ? "-" : d.date) << '\t' << d.facts << " facts\t"
             << d.title << '\n';
    }
    return {};
  };
}

}  // namespace kg::cli
