// `kg merge --db DIR FROM INTO`: one entity where the graph has two (pipeline.h merge_entities).
#include <memory>
#include <ostream>

#include "cli/commands/commands.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace kg::cli {

Action configure_merge(CLI::App& app) {
  struct Args {
    std::string db, from, into;
  };
  auto args = std::make_shared<Args>();
  app.description(
      "Merge the entity FROM into the entity INTO (names or aliases): every stored fact naming "
      "FROM names INTO, and kg build and kg ingest apply the merge to every document stored "
      "later. Running it again after an interruption finishes it.");
  app.add_option("--db", args->db, "Database directory")->required();
  app.add_option("from", args->from, "The entity that disappears (a name or alias)")->required();
  app.add_option("into", args->into, "The entity that stays (a name or alias)")->required();
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphWriter> store, GraphWriter::open(args->db));
    KG_ASSIGN_OR_RETURN(MergeSummary m, merge_entities(*store, args->from, args->into));
    io.out << "merged '" << m.from << "' into '" << m.into << "': " << m.documents
           << " documents rewritten, " << m.facts << " fact sides renamed\n";
    return {};
  };
}

}  // namespace kg::cli
