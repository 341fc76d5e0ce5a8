// `kg render --db DIR [--around ENTITY --hops N] [--min-count N] [--since DATE] [--until DATE]
//  [--min-confidence X] -o FILE.svg|png|pdf`.
#include <memory>
#include <sstream>

#include "cli/commands/commands.h"
#include "cli/commands/export_options.h"
#include "export/export.h"

namespace kg::cli {

Action configure_render(CLI::App& app) {
  struct Args {
    std::string db, output;
    SubgraphArgs subgraph;
  };
  auto args = std::make_shared<Args>();
  app.description(
      "Draw the graph (or a neighbourhood) with Graphviz `dot`, which must be on PATH. The image "
      "format follows the output's extension (.svg, .png or .pdf); the file is written "
      "atomically. With --since, --until or --min-confidence only the facts kept count.");
  app.add_option("--db", args->db, "Database directory (opened read-only)")->required();
  add_subgraph_options(app, args->subgraph);
  app.add_option("-o,--output", args->output, "Image file: .svg, .png or .pdf")->required();
  return [args](Io& io) -> Status {
    if (!render_format_for(args->output)) {
      return Status::usage("cannot tell the image format of '" + args->output +
                           "': use a .svg, .png or .pdf file name");
    }
    KG_ASSIGN_OR_RETURN(auto store, GraphReader::open(args->db));
    std::string note;
    KG_ASSIGN_OR_RETURN(Subgraph g, collect_for_cli(*store, args->subgraph, false, true, &note));
    if (!note.empty()) io.err << "kg render: " << note << '\n';
    std::ostringstream dot;
    write_dot(g, dot);
    return render_with_graphviz(dot.str(), args->output);
  };
}

}  // namespace kg::cli
