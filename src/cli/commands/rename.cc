// `kg rename --db DIR NAME NEW`: an entity gets another name (pipeline.h rename_entity).
#include <memory>
#include <ostream>

#include "cli/commands/commands.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace kg::cli {

Action configure_rename(CLI::App& app) {
  struct Args {
    std::string db, name, new_name;
  };
  auto args = std::make_shared<Args>();
  app.description(
      "Call the entity NAME (a name or alias) NEW from now on: every stored fact naming it names "
      "NEW, and kg build and kg ingest apply the rename to every document stored later. When NEW "
      "is another entity's name, use kg merge.");
  app.add_option("--db", args->db, "Database directory")->required();
  app.add_option("name", args->name, "The entity (a name or alias)")->required();
  app.add_option("new", args->new_name, "Its new name")->required();
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphWriter> store, GraphWriter::open(args->db));
    KG_ASSIGN_OR_RETURN(MergeSummary m, rename_entity(*store, args->name, args->new_name));
    io.out << "renamed '" << m.from << "' to '" << m.into << "': " << m.documents
           << " documents rewritten, " << m.facts << " fact sides renamed\n";
    return {};
  };
}

}  // namespace kg::cli
