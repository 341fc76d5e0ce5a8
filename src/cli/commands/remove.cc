// `kg remove --db DIR --doc ID...`: retract documents' facts from the graph store.
#include <memory>
#include <ostream>

#include "cli/commands/commands.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace kg::cli {

Action configure_remove(CLI::App& app) {
  struct Args {
    std::string db;
    std::vector<std::string> docs;
  };
  auto args = std::make_shared<Args>();
  app.description("Remove documents and every fact they contributed from the graph database.");
  app.add_option("--db", args->db, "Database directory")->required();
  app.add_option("--doc", args->docs, "Document id (repeatable)")->required();
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(auto store, GraphWriter::open(args->db));
    std::vector<std::string> unknown;
    for (const std::string& id : args->docs) {
      KG_ASSIGN_OR_RETURN(bool removed, store->remove_document(id));
      if (removed) {
        io.out << "removed document \"" << id << "\"\n";
      } else {
        unknown.push_back(id);
      }
    }
    // A surname that named one person may now name one again ("Baker" -> "James Baker").
    KG_RETURN_IF_ERROR(link_names(*store).status());
    if (unknown.empty()) return {};
    std::string list;
    for (const auto& id : unknown) list += (list.empty() ? "\"" : ", \"") + id + "\"";
    return Status::not_found("no document " + list + " in " + args->db);
  };
}

}  // namespace kg::cli
