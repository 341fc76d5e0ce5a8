// `kg stats --db DIR [--json] [--check]`: totals of the graph store.
#include <iomanip>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands/commands.h"
#include "store/store.h"

namespace kg::cli {
namespace {

void print_text(std::ostream& out, const StoreStats& s) {
  const std::pair<const char*, uint64_t> rows[] = {
      {"documents", s.documents}, {"entities", s.entities}, {"values", s.values},
      {"relations", s.relations}, {"edges", s.edges},       {"value edges", s.value_edges},
      {"facts", s.facts}};
  for (const auto& [label, n] : rows) out << std::left << std::setw(12) << label << n << "\n";
}

void print_json(std::ostream& out, const StoreStats& s) {
  nlohmann::json j = {{"documents", s.documents},
                      {"entities", s.entities},
                      {"values", s.values},
                      {"relations", s.relations},
                      {"edges", s.edges},
                      {"value_edges", s.value_edges},
                      {"facts", s.facts}};
  out << j.dump() << '\n';
}

}  // namespace

Action configure_stats(CLI::App& app) {
  struct Args {
    std::string db;
    bool json = false;
    bool check = false;
  };
  auto args = std::make_shared<Args>();
  app.description("Print how many documents, entities, relations, edges and facts are stored.");
  app.add_option("--db", args->db, "Database directory")->required();
  app.add_flag("--json", args->json, "Print one JSON object");
  app.add_flag("--check", args->check,
               "Also recompute every count and index from the evidence and compare (slow)");
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphReader> store, GraphReader::open(args->db));
    KG_ASSIGN_OR_RETURN(StoreStats s, store->stats());
    if (args->check) KG_RETURN_IF_ERROR(store->verify());
    if (args->json) {
      print_json(io.out, s);
    } else {
      print_text(io.out, s);
      if (args->check) io.out << "check       ok\n";
    }
    return {};
  };
}

}  // namespace kg::cli
