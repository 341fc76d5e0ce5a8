// `kg extract [INPUT...]`: facts of documents as triples JSONL, CaRB n-ary extractions, or the
// documents' mentions of named entities.
#include <chrono>
#include <fstream>
#include <iomanip>
#include <memory>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands/commands.h"
#include "common/file.h"
#include "doc/conllu.h"
#include "doc/triples_jsonl.h"
#include "extract/extractor.h"
#include "input/reader.h"
#include "pipeline/pipeline.h"

namespace kg::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  bool sentence_per_line = false;
  std::string output;
  std::string models;
  std::string input_format = "text";
  double min_confidence = 0.0;
  bool stats = false;
  std::string invalid_utf8 = "skip";
  std::string doc_id;
};

// Time spent in extraction alone, for --stats.
struct Stats {
  size_t sentences = 0;
  size_t facts = 0;
  double seconds = 0;
};

template <typename F>
auto timed(Stats& st, F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  auto r = f();
  st.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

// Tabs and line breaks inside a CaRB field would break the format.
std::string carb_field(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string confidence_text(double c) {
  std::ostringstream s;
  s << std::setprecision(6) << c;
  return s.str();
}

void write_carb(std::ostream& out, const std::string& sentence,
                const std::vector<NaryExtraction>& ex) {
  for (const NaryExtraction& e : ex) {
    out << sentence << '\t' << confidence_text(e.confidence) << '\t' << carb_field(e.relation);
    for (const std::string& a : e.args) out << '\t' << carb_field(a);
    out << '\n';
  }
}

void write_triples(std::ostream& out, const std::vector<Triple>& ts) {
  for (const Triple& t : ts) out << triple_to_json(t) << '\n';
}

// --format mentions: one JSON object per mention of a named entity (EntityMention).
void write_mentions(std::ostream& out, const std::string& doc,
                    const std::vector<EntityMention>& mentions) {
  for (const EntityMention& m : mentions) {
    out << nlohmann::json{{"doc", doc},       {"sentence", m.sentence}, {"start", m.start},
                          {"end", m.end},     {"text", m.text},         {"entity", m.entity},
                          {"type", m.type}}
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  }
}

// One document's output: its triples, or with --format mentions its mentions.
void write_output(const ExtractOptions& o, std::ostream& out, const std::string& doc,
                  const std::vector<Triple>& triples, const std::vector<EntityMention>& mentions) {
  if (o.format == "mentions") {
    write_mentions(out, doc, mentions);
  } else {
    write_triples(out, triples);
  }
}

// One sentence per line: each non-empty line is annotated as exactly one sentence.
Status run_lines(const ExtractOptions& o, const Annotator& ann, const Extractor& ex,
                 const std::string& name, const std::string& text, std::ostream& out, Stats& st) {
  Document doc;
  doc.id = name;
  doc.source = name;
  size_t pos = 0;
  std::vector<std::string> lines;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    lines.push_back(line);
  }
  for (const std::string& line : lines) {
    Sentence s = ann.annotate_line(line);
    ++st.sentences;
    if (o.format == "carb") {
      KG_ASSIGN_OR_RETURN(std::vector<NaryExtraction> n,
                          timed(st, [&] { return ex.extract_nary(s); }));
      st.facts += n.size();
      write_carb(out, line, n);
      continue;
    }
    const size_t base = doc.text.size();
    for (Token& t : s.tokens) {
      t.start += base;
      t.end += base;
    }
    s.start = base;
    s.end = base + line.size();
    s.text = line;
    doc.text += line;
    doc.text += '\n';
    doc.sentences.push_back(std::move(s));
  }
  if (o.format != "carb") {
    std::vector<EntityMention> mentions;
    KG_ASSIGN_OR_RETURN(std::vector<Triple> ts,
                        timed(st, [&] { return ex.extract(doc, &mentions); }));
    st.facts += ts.size();
    write_output(o, out, doc.id, ts, mentions);
  }
  return {};
}

// Extracts from an annotated document (CoNLL-U input).
Status extract_document(const ExtractOptions& o, const Extractor& ex, const Document& doc,
                        std::ostream& out, Stats& st) {
  st.sentences += doc.sentences.size();
  if (o.format == "carb") {
    for (const Sentence& s : doc.sentences) {
      KG_ASSIGN_OR_RETURN(std::vector<NaryExtraction> n,
                          timed(st, [&] { return ex.extract_nary(s); }));
      st.facts += n.size();
      write_carb(out, s.text, n);
    }
    return {};
  }
  std::vector<EntityMention> mentions;
  auto ts = timed(st, [&] { return ex.extract(doc, &mentions); });
  if (!ts.ok()) return ts.status().with_context(doc.source.empty() ? doc.id : doc.source);
  st.facts += ts->size();
  write_output(o, out, doc.id, *ts, mentions);
  return {};
}

// A document the pipeline processed (annotated, extracted, names linked across documents).
Status write_processed(const ExtractOptions& o, const Extractor& ex, ProcessedDocument& r,
                       std::ostream& out, Stats& st) {
  if (o.format == "carb") return extract_document(o, ex, r.document, out, st);
  if (!r.error.ok()) return r.error.with_context(r.source);
  st.sentences += r.sentences;
  st.seconds += r.extract_seconds;
  st.facts += r.facts.triples.size();
  write_output(o, out, r.facts.id, r.facts.triples, r.facts.mentions);
  return {};
}

// Parsed CoNLL-U: a "# newdoc" comment starts a new document; the whole input is one otherwise.
Status run_conllu(const ExtractOptions& o, const Extractor& ex, const std::string& name,
                  const std::string& text, std::ostream& out, Stats& st) {
  std::istringstream in(text);
  ConlluReader reader(in, name);
  Document doc;
  doc.id = name;
  doc.source = name;
  int docs = 0;
  while (true) {
    KG_ASSIGN_OR_RETURN(std::optional<Sentence> s, reader.next());
    if (!s) break;
    bool newdoc = false;
    for (const std::string& c : s->comments) newdoc |= c.rfind("newdoc", 0) == 0;
    if (newdoc && !doc.sentences.empty()) {
      KG_RETURN_IF_ERROR(extract_document(o, ex, doc, out, st));
      doc.sentences.clear();
      doc.id = name + "#" + std::to_string(++docs);
    }
    doc.sentences.push_back(std::move(*s));
  }
  if (!doc.sentences.empty()) KG_RETURN_IF_ERROR(extract_document(o, ex, doc, out, st));
  return {};
}

}  // namespace

Action configure_extract(CLI::App& app) {
  auto o = std::make_shared<ExtractOptions>();
  app.description(
      "Extract facts from documents: triples JSONL (canonical entity names, one JSON object per "
      "line), with --format carb, CaRB n-ary extractions (sentence, confidence, relation, "
      "arguments; tab-separated), or with --format mentions, every mention of a named entity "
      "(JSONL: doc, sentence, start, end, text, entity, type).");
  app.add_option("inputs", o->inputs, "Input .txt files or - for standard input (default -)");
  app.add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "carb", "mentions"}));
  app.add_flag("--sentence-per-line", o->sentence_per_line,
               "Each input line is one sentence, not split further");
  app.add_option("-o,--output", o->output, "Write to this file instead of standard output");
  app.add_option("--models", o->models, "Folder with the trained models (default: models/)");
  app.add_option("--input-format", o->input_format,
                 "Input format: text, jsonl, or conllu (already parsed; no models needed)")
      ->check(CLI::IsMember({"text", "jsonl", "conllu"}));
  app.add_option("--on-invalid-utf8", o->invalid_utf8,
                 "Skip a document with invalid UTF-8, or repair it (U+FFFD)")
      ->check(CLI::IsMember({"skip", "repair"}));
  app.add_option("--doc-id", o->doc_id,
                 "Id of the text document read from - (default: stdin: and a hash of its text)");
  app.add_flag("--stats", o->stats,
               "Print sentences, facts and extraction speed (extraction alone) to stderr");
  app.add_option("--min-confidence", o->min_confidence, "Drop facts below this confidence")
      ->check(CLI::Range(0.0, 1.0));
  return [o](Io& io) -> Status {
    ExtractorOptions eo;
    eo.min_confidence = o->min_confidence;
    std::unique_ptr<DocumentProcessor> processor;
    std::unique_ptr<Extractor> conllu_extractor;  // parsed input needs no models
    if (o->input_format != "conllu") {
      ProcessorOptions po;
      po.models_dir = o->models;
      po.extractor = eo;
      KG_ASSIGN_OR_RETURN(processor, DocumentProcessor::load(po));
    } else {
      KG_ASSIGN_OR_RETURN(conllu_extractor, Extractor::create(eo));
    }
    const Extractor& ex = processor ? processor->extractor() : *conllu_extractor;
    std::ofstream file;
    std::ostream* out = &io.out;
    if (!o->output.empty()) {
      file.open(o->output, std::ios::binary);
      if (!file) return Status::io(o->output + ": cannot write");
      out = &file;
    }
    std::vector<std::string> inputs = o->inputs;
    if (inputs.empty()) inputs.push_back("-");
    Stats st;
    for (const std::string& path : inputs) {
      if (o->input_format != "conllu" && !o->sentence_per_line) break;
      KG_ASSIGN_OR_RETURN(std::string text,
                          path == "-" ? read_stream(io.in, "stdin") : read_file(path));
      const std::string name = path == "-" ? "stdin" : path;
      if (o->input_format == "conllu") {
        KG_RETURN_IF_ERROR(run_conllu(*o, ex, name, text, *out, st));
      } else if (o->sentence_per_line) {
        KG_RETURN_IF_ERROR(run_lines(*o, processor->annotator(), ex, name, text, *out, st));
      }
    }
    size_t skipped = 0;
    if (o->input_format != "conllu" && !o->sentence_per_line) {
      InputOptions in_opts;
      in_opts.stdin_format = o->input_format == "jsonl" ? InputFormat::kJsonl : InputFormat::kText;
      in_opts.stdin_doc_id = o->doc_id;
      in_opts.invalid_utf8 =
          o->invalid_utf8 == "repair" ? InvalidUtf8Policy::kRepair : InvalidUtf8Policy::kSkip;
      in_opts.on_issue = [&](const InputIssue& issue) {
        io.err << issue.to_string() << '\n';
        if (issue.skipped) ++skipped;
      };
      KG_ASSIGN_OR_RETURN(DocumentReader reader, DocumentReader::open(inputs, in_opts, &io.in));
      RunOptions run;
      run.keep_documents = o->format == "carb";  // its extractions are per sentence
      KG_RETURN_IF_ERROR(run_documents(reader, *processor, run, [&](ProcessedDocument& r) {
        return write_processed(*o, ex, r, *out, st);
      }));
    }
    if (o->stats) {
      io.err << st.sentences << " sentences, " << st.facts << " extractions, extraction "
             << std::fixed << std::setprecision(3) << st.seconds << " s (" << std::setprecision(0)
             << (st.seconds > 0 ? st.sentences / st.seconds : 0.0) << " sentences/s)\n";
    }
    out->flush();
    if (!*out) return Status::io((o->output.empty() ? "stdout" : o->output) + ": write failed");
    if (skipped > 0) {
      return Status::invalid(std::to_string(skipped) +
                             " input(s) skipped (see the messages above)");
    }
    return {};
  };
}

}  // namespace kg::cli
