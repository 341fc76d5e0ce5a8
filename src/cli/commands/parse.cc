// `kg parse [--input-format text|conllu] [FILE|-]`: tokenize (text input), tag and parse, and
// write CoNLL-U. Models default to the models/ folder next to the build (build/bin/../../models)
// or under the current directory.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>

#include "cli/commands/commands.h"
#include "common/file.h"
#include "common/utf8.h"
#include "doc/conllu.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/tokenizer.h"

namespace kg::cli {
namespace {

struct ParseOptions {
  std::string input = "-";
  std::string format = "text";
  std::string tokenizer, tagger, parser;
  bool stats = false;
};

// Time spent tagging and parsing, and the words done (for --stats).
struct Stats {
  size_t sentences = 0;
  size_t words = 0;
  double cpu_seconds = 0;
  double wall_seconds = 0;
};

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// The folder of the running executable, or empty.
std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

// `name` in build/bin/../../models, else in ./models; the first candidate when neither exists
// (so that the error names where it was looked for).
std::string default_model(const std::string& name) {
  std::vector<std::filesystem::path> candidates;
  if (auto dir = executable_dir(); !dir.empty()) {
    candidates.push_back(dir / ".." / ".." / "models" / name);
  }
  candidates.push_back(std::filesystem::path("models") / name);
  for (const auto& c : candidates) {
    std::error_code ec;
    if (std::filesystem::exists(c, ec)) return c.lexically_normal().string();
  }
  return candidates.front().lexically_normal().string();
}

struct Models {
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<Parser> parser;

  // Tags and parses one sentence, adding to `stats`.
  void analyze(Sentence& s, Stats& stats) const {
    double cpu = thread_cpu_seconds();
    auto wall = std::chrono::steady_clock::now();
    tagger->tag(s);
    parser->parse(s);
    stats.cpu_seconds += thread_cpu_seconds() - cpu;
    stats.wall_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    ++stats.sentences;
    stats.words += s.tokens.size();
  }
};

Result<Models> load_models(const ParseOptions& o) {
  Models m;
  const std::string hint =
      " (train the models with scripts/train-models.sh or pass --tagger/--parser)";
  auto tagger = Tagger::load(o.tagger.empty() ? default_model("tagger.bin") : o.tagger);
  if (!tagger.ok()) {
    Status s = tagger.status();
    return s.code() == ErrorCode::kNotFound ? Status(s.code(), s.message() + hint) : s;
  }
  auto parser = Parser::load(o.parser.empty() ? default_model("parser.bin") : o.parser);
  if (!parser.ok()) {
    Status s = parser.status();
    return s.code() == ErrorCode::kNotFound ? Status(s.code(), s.message() + hint) : s;
  }
  m.tagger = std::move(tagger).value();
  m.parser = std::move(parser).value();
  return m;
}

Status parse_conllu(std::istream& in, const std::string& name, const Models& m, Stats& stats,
                    Io& io) {
  ConlluReader reader(in, name);
  reader.require_tree(false);
  for (;;) {
    KG_ASSIGN_OR_RETURN(auto sentence, reader.next());
    if (!sentence) break;
    m.analyze(*sentence, stats);
    write_conllu(io.out, *sentence);
  }
  return {};
}

Status parse_text(std::istream& in, const std::string& name, const ParseOptions& o, const Models& m,
                  Stats& stats, Io& io) {
  Document doc;
  KG_ASSIGN_OR_RETURN(doc.text, read_stream(in, name));
  if (auto bad = utf8::find_invalid(doc.text)) {
    return Status::invalid(name + ":" + std::to_string(utf8::line_of(doc.text, *bad)) +
                           ": invalid UTF-8");
  }
  std::string tokenizer_path =
      o.tokenizer.empty() ? default_model(Tokenizer::kModelFileName) : o.tokenizer;
  Tokenizer tokenizer = Tokenizer::create();
  std::error_code ec;
  if (!o.tokenizer.empty() || std::filesystem::exists(tokenizer_path, ec)) {
    KG_ASSIGN_OR_RETURN(tokenizer, Tokenizer::load(tokenizer_path));
  }
  tokenizer.tokenize(doc);
  int id = 0;
  for (Sentence& s : doc.sentences) {
    if (s.tokens.empty()) continue;
    s.id = std::to_string(++id);
    m.analyze(s, stats);
    write_conllu(io.out, s);
  }
  return {};
}

}  // namespace

Action configure_parse(CLI::App& app) {
  auto o = std::make_shared<ParseOptions>();
  app.description(
      "Tag and parse text or CoNLL-U and write CoNLL-U. With conllu input the tokenization is kept "
      "exactly (multiword ranges included) and UPOS, XPOS, LEMMA, HEAD and DEPREL are filled in; "
      "with text input sentences and tokens are split first and # sent_id, # text and "
      "SpaceAfter=No are written. Models are read from the models/ folder of the source tree "
      "(found as <kg binary>/../../models, else ./models) unless given.");
  app.add_option("input", o->input, "Input file, or - for standard input")->capture_default_str();
  app.add_option("--input-format", o->format, "Input format")
      ->check(CLI::IsMember({"text", "conllu"}))
      ->capture_default_str();
  app.add_option("--tagger", o->tagger, "Tagger model (default: models/tagger.bin)");
  app.add_option("--parser", o->parser, "Parser model (default: models/parser.bin)");
  app.add_flag("--stats", o->stats,
               "Print to stderr the model load time and the tagging+parsing speed (words/s of "
               "one thread's CPU time, and of wall time)");
  app.add_option("--tokenizer", o->tokenizer,
                 "Tokenizer model for text input (default: models/tokenizer.kgm if present, "
                 "else punctuation rules only)");
  return [o](Io& io) -> Status {
    std::ifstream file;
    std::istream* in = &io.in;
    std::string name = "<stdin>";
    if (o->input != "-") {
      file.open(o->input, std::ios::binary);
      if (!file) return Status::not_found("cannot open " + o->input);
      in = &file;
      name = o->input;
    }
    auto load_start = std::chrono::steady_clock::now();
    KG_ASSIGN_OR_RETURN(Models models, load_models(*o));
    double load_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
    Stats stats;
    KG_RETURN_IF_ERROR(o->format == "conllu" ? parse_conllu(*in, name, models, stats, io)
                                             : parse_text(*in, name, *o, models, stats, io));
    if (o->stats) {
      char line[256];
      std::snprintf(line, sizeof line,
                    "%zu sentences, %zu words; tagging+parsing %.0f words/s (thread CPU), "
                    "%.0f words/s (wall); models loaded in %.0f ms\n",
                    stats.sentences, stats.words,
                    stats.cpu_seconds > 0 ? stats.words / stats.cpu_seconds : 0.0,
                    stats.wall_seconds > 0 ? stats.words / stats.wall_seconds : 0.0,
                    load_seconds * 1000);
      io.err << line;
    }
    return {};
  };
}

}  // namespace kg::cli
