// eval_entities: entity resolution of a kg graph against GUM's gold entities
// (scripts/eval-entities.sh; docs/extraction.md, "Entity resolution on GUM dev").
//
//   eval_entities text GUM.conllu > docs.jsonl    the documents' raw text, {"id", "text"} a line
//   kg build --db DB docs.jsonl
//   eval_entities score GUM.conllu --db DB        B-cubed, MUC, splits and wrong merges of the
//                                                 graph and of a one-node-per-name baseline
//                  [--details]                    then every named mention with its node, and
//                                                 every mention kg stored with the node it names
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/file.h"
#include "eval/entity_resolution.h"
#include "eval/gum_entities.h"
#include "store/codec.h"  // the store's identity of a node: its canonical key
#include "store/fold.h"
#include "store/store.h"

namespace {

using kg::Result;
using kg::Status;
namespace eval = kg::eval;

Result<eval::GoldEntities> read_gold(const std::string& path) {
  KG_ASSIGN_OR_RETURN(std::string conllu, kg::read_file(path));
  return eval::read_gold_entities(conllu, path);
}

Status write_text(const std::string& gold_path) {
  KG_ASSIGN_OR_RETURN(eval::GoldEntities gold, read_gold(gold_path));
  for (const kg::Document& d : gold.documents) {
    std::cout << nlohmann::json{{"id", d.id}, {"text", d.text}}.dump() << '\n';
  }
  std::cout.flush();
  return std::cout ? Status() : Status::io("cannot write standard output");
}

void print_rows(const char* scope, const eval::ScoredPair& pair) {
  for (auto [system, s] : {std::pair{"kg", &pair.graph}, std::pair{"baseline", &pair.baseline}}) {
    std::printf("%-17s %-9s %6.3f %6.3f %6.3f  %6.3f %6.3f %6.3f  %7zu %7zu %9zu\n", scope, system,
                s->b_cubed.precision, s->b_cubed.recall, s->b_cubed.f1(), s->muc.precision,
                s->muc.recall, s->muc.f1(), s->splits, s->wrong_merges, s->system_entities);
  }
}

void print_table(const std::string& gold_path, const eval::ResolutionEvaluation& r) {
  const auto& a = r.alignment;
  std::printf(
      "gold: %s, %zu documents, %zu named mentions (%zu with a Wikipedia identity), "
      "%zu entities within documents, %zu across\n",
      gold_path.c_str(), r.documents, r.named_mentions, r.with_identity,
      r.within.graph.gold_entities, r.across.graph.gold_entities);
  std::printf(
      "kg: %zu fact sides (%zu not found in their sentence), %zu stored mentions (%zu not at "
      "their place), %zu occurrences, %zu on a named mention\n",
      a.arguments, a.unlocated, a.mentions, a.misplaced, a.occurrences, a.aligned);
  std::printf(
      "named mentions matched to a node: %zu, unmatched (singletons): %zu, matched to "
      "more than one node: %zu\n\n",
      r.matched, r.named_mentions - r.matched, a.conflicting);
  std::printf("%-17s %-9s %6s %6s %6s  %6s %6s %6s  %7s %7s %9s\n", "scope", "system", "B3 P",
              "B3 R", "B3 F1", "MUC P", "MUC R", "MUC F1", "splits", "merges", "clusters");
  print_rows("within-document", r.within);
  print_rows("across-documents", r.across);
  std::printf("only the %zu named mentions matched to a node:\n", r.matched);
  print_rows("within-document", r.within_matched);
  print_rows("across-documents", r.across_matched);
  std::fflush(stdout);
}

// One line per named mention: document, sentence (1-based), text, type, identity or chain, and
// the node it was given ("-" when none).
void print_details(const eval::GoldEntities& gold, const eval::Alignment& alignment) {
  std::printf("\ndocument\tsentence\tmention\ttype\tgold\tnode\n");
  for (size_t i = 0; i < gold.mentions.size(); ++i) {
    const eval::GoldMention& m = gold.mentions[i];
    if (!m.named) continue;
    std::string node = alignment.node[i].empty() ? "-" : alignment.node[i];
    std::replace(node.begin(), node.end(), '\x1f', '/');
    std::printf("%s\t%zu\t%s\t%s\t%s\t%s\n", gold.documents[m.doc].id.c_str(), m.sentence + 1,
                m.text.c_str(), m.type.c_str(),
                (m.identity.empty() ? "chain " + m.chain : m.identity).c_str(), node.c_str());
  }
}

Status score(const std::string& gold_path, const std::string& db, bool details) {
  KG_ASSIGN_OR_RETURN(eval::GoldEntities gold, read_gold(gold_path));
  KG_ASSIGN_OR_RETURN(auto reader, kg::GraphReader::open(db));
  std::vector<std::vector<kg::Triple>> facts(gold.documents.size());
  std::vector<std::vector<eval::SystemMention>> mentions(gold.documents.size());
  for (size_t d = 0; d < gold.documents.size(); ++d) {
    KG_ASSIGN_OR_RETURN(auto stored, reader->document(gold.documents[d].id));
    if (!stored) continue;
    const std::vector<std::string> nodes = kg::mention_nodes(*stored);
    for (size_t i = 0; i < stored->mentions.size(); ++i) {
      const kg::EntityMention& m = stored->mentions[i];
      mentions[d].push_back({m.start, m.end, m.text, nodes[i], m.type});
    }
    facts[d] = std::move(stored->triples);
  }
  auto node_of = [](std::string_view name, std::string_view type) {
    return kg::store::entity_canonical_key(kg::store::fold(name), type.empty() ? "MISC" : type);
  };
  eval::Alignment alignment = eval::align_mentions(gold, facts, node_of, mentions);
  print_table(gold_path, eval::evaluate_resolution(gold, alignment));
  if (details) {
    print_details(gold, alignment);
    // The mentions kg stored, with the node each names now.
    std::printf("\ndocument\tstart\tstored mention\tnode\n");
    for (size_t d = 0; d < mentions.size(); ++d) {
      for (const eval::SystemMention& m : mentions[d]) {
        std::printf("%s\t%zu\t%s\t%s\n", gold.documents[d].id.c_str(), m.start, m.text.c_str(),
                    m.name.c_str());
      }
    }
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Entity resolution of a kg graph against GUM's gold entities (Entity= MISC)"};
  app.require_subcommand(1);
  std::string gold, db;
  bool details = false;
  auto* text = app.add_subcommand("text", "Write the gold documents' raw text as JSONL");
  text->add_option("gold", gold, "GUM CoNLL-U file")->required();
  auto* scoring = app.add_subcommand("score", "Score the graph in --db against the gold entities");
  scoring->add_option("gold", gold, "GUM CoNLL-U file")->required();
  scoring->add_option("--db", db, "kg database built from `eval_entities text GOLD`")->required();
  scoring->add_flag("--details", details,
                    "Also list every named mention with its node, and every stored mention");
  CLI11_PARSE(app, argc, argv);
  Status st = text->parsed() ? write_text(gold) : score(gold, db, details);
  if (!st.ok()) {
    std::cerr << "eval_entities: " << st.message() << '\n';
    return 1;
  }
  return 0;
}
