// Reading news articles: .txt files, folders, JSONL files and standard input, as docs/interfaces.md
// "Input documents" specifies. Inputs that cannot be used are skipped and reported, never
// silently dropped or mangled.
//
// - A .txt file is one document; its id is its path relative to the folder argument it was found
//   in, or its file name when the file itself was the argument. If the first non-empty line is
//   followed by a blank line, that line is the title; Document::text keeps it (offsets point into
//   the text as read), Document::title is a copy without surrounding whitespace.
// - A folder: every .txt and .jsonl file below it, recursively, in sorted (byte) order of their
//   relative paths. Any other file named as an argument is read as text.
// - A .jsonl file: one document per line, {"id": str, "text": str, "title"?, "url"?, "date"?};
//   the date is read in the formats common/dates.h lists and kept as "YYYY-MM-DD" (another is
//   reported and the document read without a date);
//   other fields are ignored; blank lines are skipped. A line that is not a JSON object, lacks
//   "id" or "text", or has a non-string field among those five (null counts as absent) is
//   reported with file and line and skipped. Document::text is the "text" field as given.
// - "-" reads standard input: one text document with id "stdin:" + 16 hex digits of a hash of
//   its text (InputOptions::stdin_doc_id instead when given), or JSONL lines.
// - Text is UTF-8. Invalid bytes are reported with file and line, and the document is skipped
//   or repaired (each invalid byte replaced by U+FFFD) as InvalidUtf8Policy says. A UTF-8 BOM
//   is dropped; CR LF and lone CR line ends become LF.
// - HTML: a document that looks like HTML (it has <html>, <body> or <!DOCTYPE html>, or at least
//   two tags such as <p>, <br>, <div>, <a href=...>, <h1>) is converted to text: scripts, styles
//   and comments dropped, block elements become line breaks (paragraphs a blank line), other tags
//   removed, entities (&amp; &#8217; ...) decoded, runs of spaces collapsed. Offsets then point
//   into the converted text; the page's <title> is the title when no other title is known.
//   HtmlPolicy::kKeep turns this off, kStrip forces it.
// - A document over max_document_bytes, an empty (all-whitespace) document, and a second
//   document with an id already read are reported and skipped.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "doc/document.h"

namespace kg {

enum class InvalidUtf8Policy { kSkip, kRepair };
enum class InputFormat { kText, kJsonl };
enum class HtmlPolicy { kAuto, kKeep, kStrip };

// Something the reader reports about one input.
struct InputIssue {
  std::string source;   // "news/a.txt", "feed.jsonl:12", "stdin"
  std::string message;  // "invalid UTF-8 at line 3 (byte 0xFF)"
  bool skipped = true;  // false: the document was still read (repaired)

  // "feed.jsonl:12: missing \"text\"; skipped"
  std::string to_string() const;
};

struct InputOptions {
  InvalidUtf8Policy invalid_utf8 = InvalidUtf8Policy::kSkip;
  InputFormat stdin_format = InputFormat::kText;  // how "-" is read
  std::string stdin_doc_id;  // the id of a text document read from "-" ("" = "stdin:" + hash)
  HtmlPolicy html = HtmlPolicy::kAuto;
  size_t max_document_bytes = size_t{10} << 20;
  // Called for each issue as it happens (also kept in issues()); may be empty.
  std::function<void(const InputIssue&)> on_issue;
};

// Yields documents one at a time from files, folders and stdin. Holds at most one file open.
// Not thread-safe; movable.
class DocumentReader {
 public:
  // Lists the inputs. `paths` are files, folders or "-"; `stdin_stream` is read for "-" (required
  // when "-" is given). Errors: kNotFound (a path does not exist), kUsage ("-" given twice or
  // without a stream).
  static Result<DocumentReader> open(const std::vector<std::string>& paths,
                                     InputOptions options = {},
                                     std::istream* stdin_stream = nullptr);

  DocumentReader(DocumentReader&&) noexcept;
  DocumentReader& operator=(DocumentReader&&) noexcept;
  ~DocumentReader();

  // The next document (id, title, url, date, text and source filled, no sentences), or nullopt
  // when all inputs are read. Unusable inputs are skipped and reported in issues().
  std::optional<Document> next();

  const std::vector<InputIssue>& issues() const;
  size_t documents_read() const;
  // The bytes of the input files listed (standard input is not counted), and of those read so
  // far: the share of the work done, for a progress bar. bytes_read() may be called from another
  // thread than next().
  uint64_t input_bytes() const;
  uint64_t bytes_read() const;

 private:
  struct Impl;
  explicit DocumentReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads every document of `paths` (convenience for tests and small inputs); issues are appended
// to `issues` when it is not null.
Result<std::vector<Document>> read_documents(const std::vector<std::string>& paths,
                                             InputOptions options = {},
                                             std::vector<InputIssue>* issues = nullptr,
                                             std::istream* stdin_stream = nullptr);

}  // namespace kg
