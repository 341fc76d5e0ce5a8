// The subcommand table. Add a subcommand: write commands/<name>.cc defining configure_<name>,
// declare it in commands/commands.h and add one row here.
#include "cli/command.h"
#include "cli/commands/commands.h"

namespace kg::cli {

std::span<const CommandSpec> commands() {
  static const CommandSpec kTable[] = {
      {"version", "Print version and build information", configure_version},
      {"extract", "Extract facts from articles as triples JSONL (or CaRB extractions)",
       configure_extract},
      {"build", "Build or update the graph database from articles", configure_build},
      {"carb", "Score Open IE extractions against CaRB gold tuples", configure_carb},
      {"evaluate", "Score CoNLL-U (or kg's tokenizer) with the CoNLL 2018 UD metrics",
       configure_evaluate},
      {"train", "Train a model (tokenizer, tagger, parser, ner) from treebank files",
       configure_train},
      {"tag", "Tag tokenized CoNLL-U with UPOS, XPOS and lemmas, or score the tagger",
       configure_tag},
      {"parse", "Tag and parse text or CoNLL-U into CoNLL-U", configure_parse},
      {"ingest", "Load triples JSONL into the graph database", configure_ingest},
      {"remove", "Remove documents' facts from the graph database", configure_remove},
      {"merge", "Merge two entities into one, for this and every later build", configure_merge},
      {"rename", "Give an entity another name, for this and every later build", configure_rename},
      {"split", "Make a merged or linked name its own entity again (also: unmerge)",
       configure_split},
      {"unmerge", "The same as split", configure_split},
      {"stats", "Print the graph database's totals", configure_stats},
      {"entities", "List the graph's entities, most mentioned first", configure_entities},
      {"docs", "List the stored documents: id, date, facts, title", configure_docs},
      {"relations", "List the canonical relations with their labels and fact counts",
       configure_relations},
      {"neighbors", "List an entity's edges, with evidence on request", configure_neighbors},
      {"path", "Shortest paths between two entities", configure_path},
      {"match", "Ask the graph a question in a subset of Cypher (MATCH ... RETURN ...)",
       configure_match},
      {"export", "Write the graph as DOT, GraphML, N-Triples, JSON or Neo4j CSV",
       configure_export},
      {"render", "Draw the graph to SVG/PNG/PDF with Graphviz", configure_render},
  };
  return kTable;
}

}  // namespace kg::cli
