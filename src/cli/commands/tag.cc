// `kg tag [--model M] [--eval] FILE|-`: tags gold-tokenized CoNLL-U (UPOS, XPOS, LEMMA) and
// writes it, or with --eval compares with the file's own columns and prints accuracy and speed.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <ostream>

#include "cli/commands/commands.h"
#include "doc/conllu.h"
#include "tag/tagger.h"

namespace kg::cli {
namespace {

struct TagOptions {
  std::string input = "-";
  std::string model = "models/tagger.bin";
  bool eval = false;
};

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

Status read_all(const TagOptions& o, Io& io, std::vector<Sentence>& out) {
  std::ifstream file;
  std::istream* in = &io.in;
  std::string name = "<stdin>";
  if (o.input != "-") {
    file.open(o.input, std::ios::binary);
    if (!file) return Status::not_found("cannot open " + o.input);
    in = &file;
    name = o.input;
  }
  ConlluReader reader(*in, name);
  reader.require_tree(false);
  for (;;) {
    KG_ASSIGN_OR_RETURN(auto s, reader.next());
    if (!s) return {};
    out.push_back(std::move(*s));
  }
}

}  // namespace

Action configure_tag(CLI::App& app) {
  auto o = std::make_shared<TagOptions>();
  app.description(
      "Tag CoNLL-U whose tokenization is given: fill in UPOS, XPOS and LEMMA and write CoNLL-U. "
      "With --eval, print the accuracy against the input's own columns and the speed instead.");
  app.add_option("input", o->input, "CoNLL-U file, or - for standard input")->capture_default_str();
  app.add_option("--model", o->model, "Tagger model")->capture_default_str();
  app.add_flag("--eval", o->eval, "Score against the gold columns of the input");
  return [o](Io& io) -> Status {
    auto start = std::chrono::steady_clock::now();
    KG_ASSIGN_OR_RETURN(auto tagger, Tagger::load(o->model));
    double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<Sentence> sentences;
    KG_RETURN_IF_ERROR(read_all(*o, io, sentences));
    if (!o->eval) {
      for (Sentence& s : sentences) {
        tagger->tag(s);
        write_conllu(io.out, s);
      }
      return {};
    }
    TagAccuracy a = evaluate_tagger(*tagger, sentences);
    // Speed: tagging alone on one thread, by the thread's CPU time (other processes on the
    // machine do not count) and by the wall clock.
    std::vector<Sentence> copies = sentences;
    start = std::chrono::steady_clock::now();
    double cpu_start = thread_cpu_seconds();
    for (Sentence& s : copies) tagger->tag(s);
    double cpu = thread_cpu_seconds() - cpu_start;
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char line[300];
    std::snprintf(line, sizeof line,
                  "%s: UPOS %.2f  XPOS %.2f  UPOS+XPOS %.2f  lemma %.2f  words %zu  "
                  "%.0f words/s (thread CPU), %.0f words/s (wall)  model load %.0f ms\n",
                  o->input.c_str(), a.pct(a.upos), a.pct(a.xpos), a.pct(a.upos_xpos),
                  a.pct(a.lemma), a.words, cpu > 0 ? a.words / cpu : 0.0,
                  wall > 0 ? a.words / wall : 0.0, load_s * 1000);
    io.out << line;
    return {};
  };
}

}  // namespace kg::cli
