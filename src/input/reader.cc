// DocumentReader: lists inputs, then reads .txt, .jsonl and stdin documents one at a time.
#include "input/reader.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <istream>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "common/dates.h"
#include "common/hash.h"
#include "common/utf8.h"
#include "input/html.h"

namespace kg {
namespace fs = std::filesystem;

std::string InputIssue::to_string() const {
  return source + ": " + message + (skipped ? "; skipped" : "; repaired");
}

namespace {

enum class SourceKind { kTextFile, kJsonlFile, kStdinText, kStdinJsonl };

struct Source {
  SourceKind kind;
  std::string path;  // as shown in messages
  std::string id;    // document id for text files
};

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string format_size(size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

// CR LF and lone CR become LF; a leading BOM is dropped.
void normalize_newlines(std::string& s) {
  if (s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.erase(0, 3);
  if (s.find('\r') == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  s = std::move(out);
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// The title rule: the first non-empty line, when a blank line follows it.
std::string title_of(const std::string& text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) return {};
    std::string_view line(text.data() + pos, nl - pos);
    if (!is_blank(line)) {
      size_t next_end = text.find('\n', nl + 1);
      if (next_end == std::string::npos) next_end = text.size();
      std::string_view next(text.data() + nl + 1, next_end - nl - 1);
      if (nl + 1 >= text.size() || !is_blank(next)) return {};
      size_t b = line.find_first_not_of(" \t\f\v");
      size_t e = line.find_last_not_of(" \t\f\v");
      return std::string(line.substr(b, e - b + 1));
    }
    pos = nl + 1;
  }
  return {};
}

}  // namespace

struct DocumentReader::Impl {
  InputOptions options;
  std::istream* stdin_stream = nullptr;
  std::vector<Source> sources;
  size_t next_source = 0;
  std::vector<InputIssue> issues;
  size_t documents = 0;
  std::unordered_map<std::string, std::string> seen_ids;  // id -> where it was first read
  uint64_t total_bytes = 0;               // of the input files listed
  std::atomic<uint64_t> read_bytes{0};    // of those read so far

  void add_bytes(const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec) total_bytes += size;
  }

  // The JSONL source being read.
  std::unique_ptr<std::ifstream> jsonl_file;
  std::istream* jsonl = nullptr;
  std::string jsonl_name;
  size_t jsonl_line = 0;

  void report(std::string source, std::string message, bool skipped) {
    InputIssue issue{std::move(source), std::move(message), skipped};
    if (options.on_issue) options.on_issue(issue);
    issues.push_back(std::move(issue));
  }

  // UTF-8 check and repair. Returns false when the document must be skipped.
  bool check_utf8(std::string& text, const std::string& source, size_t line_base) {
    auto bad = utf8::find_invalid(text);
    if (!bad) return true;
    std::string byte = "byte " + hex_byte(static_cast<unsigned char>(text[*bad]));
    std::string msg = line_base ? "invalid UTF-8 (" + byte + " at column " +
                                      std::to_string(*bad + 1) + ")"
                                : "invalid UTF-8 at line " +
                                      std::to_string(utf8::line_of(text, *bad)) + " (" + byte + ")";
    if (options.invalid_utf8 == InvalidUtf8Policy::kSkip) {
      report(source, msg, true);
      return false;
    }
    text = utf8::repair(text);
    report(source, msg + ", replaced with U+FFFD", false);
    return true;
  }

  // Shared last steps: HTML, size, emptiness, duplicate ids. False when skipped.
  bool finish(Document& doc, bool apply_title_rule) {
    normalize_newlines(doc.text);
    bool html = options.html == HtmlPolicy::kStrip ||
                (options.html == HtmlPolicy::kAuto && input::looks_like_html(doc.text));
    std::string html_title;
    if (html) doc.text = input::html_to_text(doc.text, &html_title);
    if (doc.text.size() > options.max_document_bytes) {
      report(doc.source,
             "document is " + format_size(doc.text.size()) + ", over the limit of " +
                 format_size(options.max_document_bytes),
             true);
      return false;
    }
    if (doc.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
      report(doc.source, "empty document", true);
      return false;
    }
    if (apply_title_rule) doc.title = title_of(doc.text);
    if (doc.title.empty()) doc.title = html_title;
    auto [it, inserted] = seen_ids.emplace(doc.id, doc.source);
    if (!inserted) {
      report(doc.source, "duplicate document id '" + doc.id + "' (first read from " + it->second + ")",
             true);
      return false;
    }
    ++documents;
    return true;
  }

  // Reads a whole stream up to the limit; false (and reported) when it is larger.
  bool read_bounded(std::istream& in, const std::string& source, std::string& out) {
    out.clear();
    char buf[1 << 16];
    size_t limit = options.max_document_bytes + 3;  // a BOM does not count
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
      out.append(buf, static_cast<size_t>(in.gcount()));
      if (out.size() > limit) {
        size_t total = out.size();
        while (in.read(buf, sizeof buf) || in.gcount() > 0) total += static_cast<size_t>(in.gcount());
        report(source,
               "document is " + format_size(total) + ", over the limit of " +
                   format_size(options.max_document_bytes),
               true);
        return false;
      }
    }
    if (in.bad()) {
      report(source, "read error", true);
      return false;
    }
    return true;
  }

  std::optional<Document> read_text(const Source& src) {
    Document doc;
    doc.id = src.id;
    doc.source = src.path;
    if (src.kind == SourceKind::kStdinText) {
      if (!read_bounded(*stdin_stream, src.path, doc.text)) return std::nullopt;
      // Two different texts piped in two runs are two documents.
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash64(doc.text)));
      doc.id = options.stdin_doc_id.empty() ? "stdin:" + std::string(hex) : options.stdin_doc_id;
    } else {
      std::error_code ec;
      auto size = fs::file_size(src.path, ec);
      if (!ec && size > options.max_document_bytes + 3) {
        report(src.path,
               "document is " + format_size(size) + ", over the limit of " +
                   format_size(options.max_document_bytes),
               true);
        return std::nullopt;
      }
      std::ifstream in(src.path, std::ios::binary);
      if (!in) {
        report(src.path, "cannot open file", true);
        return std::nullopt;
      }
      if (!read_bounded(in, src.path, doc.text)) return std::nullopt;
      read_bytes += doc.text.size();
    }
    if (!check_utf8(doc.text, src.path, 0)) return std::nullopt;
    if (!finish(doc, true)) return std::nullopt;
    return doc;
  }

  // Reads one line of at most max_document_bytes * 2 bytes; longer lines are consumed and
  // reported. Returns false at the end of the stream.
  bool read_line(std::istream& in, std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    size_t limit = options.max_document_bytes * 2 + 1024;
    std::streambuf* sb = in.rdbuf();
    bool any = false;
    for (;;) {
      int c = sb->sbumpc();
      if (c == std::char_traits<char>::eof()) {
        in.setstate(std::ios::eofbit);
        return any;
      }
      any = true;
      if (c == '\n') return true;
      if (line.size() < limit) {
        line += static_cast<char>(c);
      } else {
        too_long = true;
      }
    }
  }

  bool string_field(const nlohmann::json& j, const char* key, std::string& out, bool required,
                    const std::string& where) {
    auto it = j.find(key);
    if (it == j.end() || (!required && it->is_null())) {
      if (required) report(where, std::string("missing \"") + key + "\"", true);
      return !required;
    }
    if (!it->is_string()) {
      report(where, std::string("\"") + key + "\" is not a string", true);
      return false;
    }
    out = it->get<std::string>();
    return true;
  }

  std::optional<Document> next_jsonl_line() {
    std::string line;
    bool too_long;
    while (read_line(*jsonl, line, too_long)) {
      ++jsonl_line;
      if (jsonl != stdin_stream) read_bytes += line.size() + 1;
      std::string where = jsonl_name + ":" + std::to_string(jsonl_line);
      if (too_long) {
        report(where, "line is over the limit of " + format_size(options.max_document_bytes * 2),
               true);
        continue;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (jsonl_line == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
      if (is_blank(line)) continue;
      if (!check_utf8(line, where, jsonl_line)) continue;
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::parse_error& e) {
        report(where, "not valid JSON (at byte " + std::to_string(e.byte) + ")", true);
        continue;
      } catch (const nlohmann::json::exception&) {  // out_of_range: a number like 1e999
        report(where, "not valid JSON (a number out of range)", true);
        continue;
      }
      if (!j.is_object()) {
        report(where, "not a JSON object", true);
        continue;
      }
      Document doc;
      doc.source = where;
      if (!string_field(j, "id", doc.id, true, where) ||
          !string_field(j, "text", doc.text, true, where) ||
          !string_field(j, "title", doc.title, false, where) ||
          !string_field(j, "url", doc.url, false, where) ||
          !string_field(j, "date", doc.date, false, where)) {
        continue;
      }
      if (doc.id.empty()) {
        report(where, "empty \"id\"", true);
        continue;
      }
      // The date as an ISO calendar date, whatever format the feed writes.
      if (!doc.date.empty()) {
        if (std::optional<std::string> iso = parse_date(doc.date)) {
          doc.date = std::move(*iso);
        } else {
          report(where, "unrecognised \"date\" \"" + doc.date.substr(0, 40) + "\"; read without a date",
                 false);
          doc.date.clear();
        }
      }
      if (!finish(doc, false)) continue;
      return doc;
    }
    jsonl = nullptr;
    jsonl_file.reset();
    return std::nullopt;
  }

  std::optional<Document> next() {
    for (;;) {
      if (jsonl) {
        if (auto doc = next_jsonl_line()) return doc;
        continue;
      }
      if (next_source >= sources.size()) return std::nullopt;
      const Source& src = sources[next_source++];
      switch (src.kind) {
        case SourceKind::kTextFile:
        case SourceKind::kStdinText:
          if (auto doc = read_text(src)) return doc;
          break;
        case SourceKind::kJsonlFile:
          jsonl_file = std::make_unique<std::ifstream>(src.path, std::ios::binary);
          if (!*jsonl_file) {
            report(src.path, "cannot open file", true);
            jsonl_file.reset();
            break;
          }
          jsonl = jsonl_file.get();
          jsonl_name = src.path;
          jsonl_line = 0;
          break;
        case SourceKind::kStdinJsonl:
          jsonl = stdin_stream;
          jsonl_name = src.path;
          jsonl_line = 0;
          break;
      }
    }
  }
};

DocumentReader::DocumentReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DocumentReader::DocumentReader(DocumentReader&&) noexcept = default;
DocumentReader& DocumentReader::operator=(DocumentReader&&) noexcept = default;
DocumentReader::~DocumentReader() = default;

Result<DocumentReader> DocumentReader::open(const std::vector<std::string>& paths,
                                            InputOptions options, std::istream* stdin_stream) {
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  impl->stdin_stream = stdin_stream;
  bool stdin_used = false;
  for (const std::string& p : paths) {
    if (p == "-") {
      if (stdin_used) return Status::usage("standard input (-) given more than once");
      if (!stdin_stream) return Status::usage("standard input (-) is not available here");
      stdin_used = true;
      bool jsonl = impl->options.stdin_format == InputFormat::kJsonl;
      impl->sources.push_back(
          {jsonl ? SourceKind::kStdinJsonl : SourceKind::kStdinText, "stdin", "stdin"});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::not_found("no such file or folder: " + p);
    if (fs::is_directory(st)) {
      std::vector<std::pair<std::string, std::string>> found;  // relative id, full path
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
      if (ec) return Status::io("cannot read folder " + p + ": " + ec.message());
      for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
          impl->report(p, "cannot list part of the folder: " + ec.message(), true);
          break;
        }
        std::error_code fec;
        if (!it->is_regular_file(fec)) continue;
        std::string name = it->path().filename().string();
        if (!ends_with(name, ".txt") && !ends_with(name, ".jsonl")) continue;
        std::string rel = it->path().lexically_relative(p).generic_string();
        found.emplace_back(rel, it->path().string());
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) impl->report(p, "folder has no .txt or .jsonl files", true);
      for (auto& [rel, full] : found) {
        bool jsonl = ends_with(rel, ".jsonl");
        // The id: the folder as given joined with the path below it ("d1/a.txt"), so two runs
        // over different folders never collide.
        const std::string id = (fs::path(p) / rel).lexically_normal().generic_string();
        impl->add_bytes(full);
        impl->sources.push_back({jsonl ? SourceKind::kJsonlFile : SourceKind::kTextFile, full, id});
      }
      continue;
    }
    bool jsonl = ends_with(p, ".jsonl");
    impl->add_bytes(p);
    impl->sources.push_back({jsonl ? SourceKind::kJsonlFile : SourceKind::kTextFile, p,
                             fs::path(p).lexically_normal().generic_string()});
  }
  return DocumentReader(std::move(impl));
}

std::optional<Document> DocumentReader::next() { return impl_->next(); }
const std::vector<InputIssue>& DocumentReader::issues() const { return impl_->issues; }
size_t DocumentReader::documents_read() const { return impl_->documents; }
uint64_t DocumentReader::input_bytes() const { return impl_->total_bytes; }
uint64_t DocumentReader::bytes_read() const { return impl_->read_bytes.load(); }

Result<std::vector<Document>> read_documents(const std::vector<std::string>& paths,
                                             InputOptions options, std::vector<InputIssue>* issues,
                                             std::istream* stdin_stream) {
  KG_ASSIGN_OR_RETURN(DocumentReader reader,
                      DocumentReader::open(paths, std::move(options), stdin_stream));
  std::vector<Document> docs;
  while (auto doc = reader.next()) docs.push_back(std::move(*doc));
  if (issues) issues->insert(issues->end(), reader.issues().begin(), reader.issues().end());
  return docs;
}

}  // namespace kg
