// `kg evaluate GOLD SYSTEM`: the CoNLL 2018 shared-task metrics of a system CoNLL-U file against
// a gold one. `kg evaluate --tokenize GOLD`: rebuilds the raw text of GOLD (documents, paragraphs),
// tokenizes it with kg's tokenizer and scores that (Tokens, Sentences, Words).
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli/commands/commands.h"
#include "common/file.h"
#include "doc/conllu.h"
#include "eval/conll18.h"
#include "eval/raw_text.h"
#include "text/tokenizer.h"

namespace kg::cli {
namespace {

struct EvaluateOptions {
  std::vector<std::string> files;
  bool json = false;
  bool counts = false;
  bool tokenize = false;
  std::string tokenizer;  // model path; empty: models/tokenizer.kgm if present
  bool rules = false;     // no model
  std::string docs;       // keep gold documents whose id contains this
  std::string save_system;
};

// models/<name> next to the build (build/bin/../../models), else under the current folder.
std::string default_model_path(const std::string& name) {
  std::vector<std::filesystem::path> candidates;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path() / ".." / ".." / "models" / name);
  candidates.push_back(std::filesystem::path("models") / name);
  for (const auto& c : candidates) {
    if (std::filesystem::exists(c, ec)) return c.lexically_normal().string();
  }
  return {};
}

void print_json(std::ostream& out, const eval::Conll18Result& r) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [metric, s] : r.metrics) {
    nlohmann::ordered_json m;
    m["precision"] = 100 * s.precision();
    m["recall"] = 100 * s.recall();
    m["f1"] = 100 * s.f1();
    if (auto acc = s.aligned_accuracy()) {
      m["aligned_accuracy"] = 100 * *acc;
    } else {
      m["aligned_accuracy"] = nullptr;
    }
    m["correct"] = s.correct;
    m["gold"] = s.gold_total;
    m["system"] = s.system_total;
    j[metric] = m;
  }
  out << j.dump(2) << '\n';
}

Result<Tokenizer> load_tokenizer(const EvaluateOptions& o, std::string& description) {
  if (o.rules) {
    Tokenizer t = Tokenizer::create();
    description = t.describe();
    return t;
  }
  std::string path =
      o.tokenizer.empty() ? default_model_path(Tokenizer::kModelFileName) : o.tokenizer;
  if (path.empty()) {
    Tokenizer t = Tokenizer::create();
    description = t.describe() + " (no models/" + Tokenizer::kModelFileName + " found)";
    return t;
  }
  KG_ASSIGN_OR_RETURN(Tokenizer t, Tokenizer::load(path));
  description = t.describe() + " (" + path + ")";
  return t;
}

Status run_tokenize(const EvaluateOptions& o, Io& io) {
  const std::string& gold_path = o.files[0];
  KG_ASSIGN_OR_RETURN(std::string gold_text, read_file(gold_path));
  KG_ASSIGN_OR_RETURN(eval::GoldText gold,
                      eval::gold_text_from_conllu(gold_text, gold_path, o.docs));
  if (gold.documents.empty()) {
    return Status::invalid(
        gold_path + ": no documents" +
        (o.docs.empty() ? std::string() : " whose id contains '" + o.docs + "'"));
  }
  std::string description;
  KG_ASSIGN_OR_RETURN(Tokenizer tokenizer, load_tokenizer(o, description));
  std::ostringstream system;
  for (Document& doc : gold.documents) {
    tokenizer.tokenize(doc);
    for (const Sentence& s : doc.sentences) write_conllu(system, s);
  }
  if (!o.save_system.empty()) {
    std::ofstream out(o.save_system, std::ios::binary);
    out << system.str();
    if (!out) return Status::io("cannot write " + o.save_system);
  }
  KG_ASSIGN_OR_RETURN(
      eval::Conll18Result r,
      eval::evaluate_conll18(gold.conllu, gold_path, system.str(), "tokenizer output"));
  // The tokenizer fills no tags or trees: only the segmentation metrics mean something.
  r.metrics.resize(3);  // Tokens, Sentences, Words
  if (o.json) {
    print_json(io.out, r);
    return {};
  }
  io.out << "Tokenizer: " << description << '\n'
         << "Gold: " << gold_path << ", " << gold.documents.size() << " documents"
         << (o.docs.empty() ? "" : " (id contains '" + o.docs + "')") << ", " << gold.sentences
         << " sentences\n";
  eval::print_conll18_table(io.out, r, o.counts);
  return {};
}

}  // namespace

Action configure_evaluate(CLI::App& app) {
  auto o = std::make_shared<EvaluateOptions>();
  app.description(
      "Score a system CoNLL-U file against a gold one with the CoNLL 2018 shared-task metrics "
      "(conll18_ud_eval.py): Tokens, Sentences, Words, UPOS, XPOS, UFeats, AllTags, Lemmas, UAS, "
      "LAS, CLAS, MLAS, BLEX. With --tokenize, rebuild the raw text of GOLD (# newdoc, # newpar, "
      "# text) and score kg's own tokenizer and sentence splitter on it.");
  app.add_option("files", o->files, "GOLD.conllu SYSTEM.conllu (only GOLD with --tokenize)")
      ->required()
      ->expected(1, 2);
  app.add_flag("--json", o->json, "Print the metrics as JSON");
  app.add_flag("--counts", o->counts, "Print correct/gold/system/aligned counts, not percentages");
  app.add_flag("--tokenize", o->tokenize, "Tokenize the raw text of GOLD and score the result");
  app.add_option("--tokenizer", o->tokenizer,
                 "Tokenizer model for --tokenize (default: models/tokenizer.kgm if present)");
  app.add_flag("--rules", o->rules, "With --tokenize: punctuation rules only, no model");
  app.add_option("--docs", o->docs,
                 "With --tokenize: only documents whose '# newdoc id' contains this text");
  app.add_option("--save-system", o->save_system,
                 "With --tokenize: also write the tokenizer's CoNLL-U to this file");
  return [o](Io& io) -> Status {
    if (o->tokenize) {
      if (o->files.size() != 1) return Status::usage("--tokenize takes one file: GOLD.conllu");
      return run_tokenize(*o, io);
    }
    if (o->files.size() != 2) return Status::usage("expected GOLD.conllu SYSTEM.conllu");
    if (o->rules || !o->tokenizer.empty() || !o->docs.empty() || !o->save_system.empty()) {
      return Status::usage("--tokenizer, --rules, --docs and --save-system need --tokenize");
    }
    KG_ASSIGN_OR_RETURN(eval::Conll18Result r,
                        eval::evaluate_conll18_files(o->files[0], o->files[1]));
    if (o->json) {
      print_json(io.out, r);
    } else {
      eval::print_conll18_table(io.out, r, o->counts);
    }
    return {};
  };
}

}  // namespace kg::cli
