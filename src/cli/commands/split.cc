// `kg split --db DIR NAME` (also `kg unmerge`): NAME names its own entity again
// (pipeline.h split_entity).
#include <memory>
#include <ostream>

#include "cli/commands/commands.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace kg::cli {

Action configure_split(CLI::App& app) {
  struct Args {
    std::string db, name;
  };
  auto args = std::make_shared<Args>();
  app.description(
      "Make NAME its own entity again: undo kg merge of NAME, and stop linking NAME to a full name "
      "(\"Baker\" to \"James Baker\"). Stored facts that named NAME before name it again, and "
      "every later build keeps it apart.");
  app.add_option("--db", args->db, "Database directory")->required();
  app.add_option("name", args->name, "The name to split off (a name or alias)")->required();
  return [args](Io& io) -> Status {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphWriter> store, GraphWriter::open(args->db));
    KG_ASSIGN_OR_RETURN(MergeSummary m, split_entity(*store, args->name));
    io.out << "split '" << m.from << "' off '" << m.into << "': " << m.documents
           << " documents rewritten, " << m.facts << " fact sides renamed\n";
    return {};
  };
}

}  // namespace kg::cli
