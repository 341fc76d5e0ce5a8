#include <catch2/catch.hpp>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "input/html.h"
#include "input/reader.h"

namespace fs = std::filesystem;
using kg::Document;
using kg::InputIssue;
using kg::InputOptions;

namespace {

// A fresh folder per test case, removed at the end.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::path(KG_BINARY_DIR) / ("input_test_" + std::to_string(::getpid()) + "_" +
                                       std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string write(const std::string& rel, const std::string& content) const {
    fs::path p = path_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

struct Read {
  std::vector<Document> docs;
  std::vector<InputIssue> issues;
};

Read read(const std::vector<std::string>& paths, InputOptions o = {}, std::istream* in = nullptr) {
  Read r;
  auto docs = kg::read_documents(paths, o, &r.issues, in);
  REQUIRE(docs.ok());
  r.docs = std::move(*docs);
  return r;
}

}  // namespace

TEST_CASE("Reader takes the first line as title when a blank line follows", "[input]") {
  TempDir dir;
  std::string f = dir.write("a.txt", "\n  Storm hits coast  \n\nThe storm arrived.\n");
  Read r = read({f});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].title == "Storm hits coast");
  CHECK(r.docs[0].text == "\n  Storm hits coast  \n\nThe storm arrived.\n");  // title kept
  CHECK(r.docs[0].id == f);  // the path as given
  CHECK(r.docs[0].source == f);
}

TEST_CASE("Reader takes no title when no blank line follows the first line", "[input]") {
  TempDir dir;
  Read r = read({dir.write("a.txt", "First line\nsecond line\n\nmore")});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].title.empty());
  Read single = read({dir.write("b.txt", "Only one line")});
  CHECK(single.docs[0].title.empty());
}

TEST_CASE("Reader walks a folder recursively in sorted order", "[input]") {
  TempDir dir;
  dir.write("news/b.txt", "B");
  dir.write("news/a.txt", "A");
  dir.write("news/sub/c.txt", "C");
  dir.write("news/feed.jsonl", "{\"id\": \"j1\", \"text\": \"J\"}\n");
  dir.write("news/notes.md", "ignored");
  dir.write("news/Z.txt", "Z");
  Read r = read({dir.str() + "/news"});
  std::vector<std::string> ids;
  for (const auto& d : r.docs) ids.push_back(d.id);
  const std::string n = dir.str() + "/news/";
  CHECK(ids == std::vector<std::string>{n + "Z.txt", n + "a.txt", n + "b.txt", "j1", n + "sub/c.txt"});
  CHECK(r.issues.empty());
}

TEST_CASE("Reader reads JSONL documents with optional fields", "[input]") {
  TempDir dir;
  std::string f = dir.write("d.jsonl",
                            "{\"id\": \"1\", \"text\": \"One.\", \"title\": \"T\", \"url\": \"u\", "
                            "\"date\": \"2024-01-02\", \"extra\": 5}\n"
                            "\n"
                            "{\"id\": \"2\", \"text\": \"Two.\", \"title\": null}\n");
  Read r = read({f});
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].id == "1");
  CHECK(r.docs[0].title == "T");
  CHECK(r.docs[0].url == "u");
  CHECK(r.docs[0].date == "2024-01-02");
  CHECK(r.docs[0].source == f + ":1");
  CHECK(r.docs[1].text == "Two.");
  CHECK(r.docs[1].source == f + ":3");
  CHECK(r.issues.empty());
}

TEST_CASE("Reader reports bad JSONL lines with file and line and skips them", "[input]") {
  TempDir dir;
  std::string f = dir.write("bad.jsonl",
                            "{\"id\": \"ok\", \"text\": \"Fine.\"}\n"
                            "not json\n"
                            "{\"id\": \"x\"}\n"
                            "{\"text\": \"no id\"}\n"
                            "{\"id\": 7, \"text\": \"number id\"}\n"
                            "[1, 2]\n"
                            "{\"id\": \"y\", \"text\": [\"not\", \"a string\"]}\n"
                            "{\"id\": \"z\", \"text\": \"last\"}\n");
  Read r = read({f});
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[1].id == "z");
  REQUIRE(r.issues.size() == 6);
  CHECK(r.issues[0].source == f + ":2");
  CHECK(r.issues[0].message.find("not valid JSON") == 0);
  CHECK(r.issues[1].to_string() == f + ":3: missing \"text\"; skipped");
  CHECK(r.issues[2].message == "missing \"id\"");
  CHECK(r.issues[3].message == "\"id\" is not a string");
  CHECK(r.issues[4].message == "not a JSON object");
  CHECK(r.issues[5].source == f + ":7");
  CHECK(r.issues[5].message == "\"text\" is not a string");
}

TEST_CASE("Reader reports invalid UTF-8 with file and line and skips the document", "[input]") {
  TempDir dir;
  std::string f = dir.write("bad.txt", "Line one\nLine \xFF two\n");
  std::string ok = dir.write("ok.txt", "Fine");
  Read r = read({f, ok});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == ok);
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].to_string() == f + ": invalid UTF-8 at line 2 (byte 0xFF); skipped");
}

TEST_CASE("Reader repairs invalid UTF-8 when asked and still reports it", "[input]") {
  TempDir dir;
  std::string f = dir.write("bad.txt", "Caf\xE9 au lait");
  std::string j = dir.write("bad.jsonl", "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"x\xC3\"}\n");
  InputOptions o;
  o.invalid_utf8 = kg::InvalidUtf8Policy::kRepair;
  Read r = read({f, j}, o);
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[0].text == "Caf\xEF\xBF\xBD au lait");
  CHECK(r.docs[2].text == "x\xEF\xBF\xBD");
  REQUIRE(r.issues.size() == 2);
  CHECK_FALSE(r.issues[0].skipped);
  CHECK(r.issues[0].message.find("line 1") != std::string::npos);
  CHECK(r.issues[1].source == j + ":2");
  CHECK(r.issues[1].to_string().find("repaired") != std::string::npos);
}

TEST_CASE("Reader reports empty documents", "[input]") {
  TempDir dir;
  std::string f = dir.write("empty.txt", " \n\t\n");
  std::string j = dir.write("e.jsonl", "{\"id\": \"e\", \"text\": \"   \"}\n");
  Read r = read({f, j});
  CHECK(r.docs.empty());
  REQUIRE(r.issues.size() == 2);
  CHECK(r.issues[0].message == "empty document");
  CHECK(r.issues[1].source == j + ":1");
}

TEST_CASE("Reader skips documents over the size limit with a clear message", "[input]") {
  TempDir dir;
  std::string f = dir.write("big.txt", std::string(3000, 'a'));
  std::string j = dir.write("big.jsonl", "{\"id\": \"b\", \"text\": \"" + std::string(3000, 'b') +
                                             "\"}\n{\"id\": \"s\", \"text\": \"small\"}\n");
  InputOptions o;
  o.max_document_bytes = 1000;
  Read r = read({f, j}, o);
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == "s");
  REQUIRE(r.issues.size() == 2);
  CHECK(r.issues[0].message.find("over the limit") != std::string::npos);
  CHECK(r.issues[1].source == j + ":1");
}

TEST_CASE("Reader reads standard input as text or JSONL", "[input]") {
  std::istringstream text("Headline\n\nBody text.");
  Read r = read({"-"}, {}, &text);
  REQUIRE(r.docs.size() == 1);
  // "stdin:" and a hash of the text: two different texts piped in are two documents.
  const std::string id = r.docs[0].id;
  CHECK(id.rfind("stdin:", 0) == 0);
  CHECK(id.size() == 6 + 16);
  CHECK(r.docs[0].title == "Headline");
  std::istringstream same("Headline\n\nBody text."), other("Another story.");
  CHECK(read({"-"}, {}, &same).docs[0].id == id);
  CHECK(read({"-"}, {}, &other).docs[0].id != id);
  InputOptions named;
  named.stdin_doc_id = "wire-7";
  std::istringstream given("Another story.");
  CHECK(read({"-"}, named, &given).docs[0].id == "wire-7");

  std::istringstream lines("{\"id\": \"a\", \"text\": \"A\"}\n{\"id\": \"b\", \"text\": \"B\"}");
  InputOptions o;
  o.stdin_format = kg::InputFormat::kJsonl;
  Read j = read({"-"}, o, &lines);
  REQUIRE(j.docs.size() == 2);
  CHECK(j.docs[1].source == "stdin:2");
}

TEST_CASE("Reader fails on a path that does not exist", "[input]") {
  auto r = kg::read_documents({"/no/such/path.txt"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == kg::ErrorCode::kNotFound);
  CHECK(r.status().message() == "no such file or folder: /no/such/path.txt");
}

TEST_CASE("Reader reports a duplicate document id", "[input]") {
  TempDir dir;
  std::string j = dir.write("d.jsonl", "{\"id\": \"a\", \"text\": \"A\"}\n{\"id\": \"a\", \"text\": \"B\"}\n");
  Read r = read({j});
  REQUIRE(r.docs.size() == 1);
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].message.find("duplicate document id 'a'") == 0);
}

TEST_CASE("Reader normalizes CR LF line ends and drops a BOM", "[input]") {
  TempDir dir;
  Read r = read({dir.write("w.txt", "\xEF\xBB\xBFTitle\r\n\r\nBody\r\nmore")});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].text == "Title\n\nBody\nmore");
  CHECK(r.docs[0].title == "Title");
}

TEST_CASE("Reader strips HTML tags and entities from HTML documents", "[input]") {
  TempDir dir;
  std::string html =
      "<!DOCTYPE html><html><head><title>Page &amp; Title</title><style>p{}</style></head>"
      "<body><h1>Big   news</h1><p>Tom &amp; Jerry&#8217;s <b>show</b>.</p>"
      "<script>var x = '<p>';</script><!-- note --><p>Line<br>two &lt;3</p></body></html>";
  Read r = read({dir.write("page.txt", html)});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].text == "Big news\n\nTom & Jerry\u2019s show.\n\nLine\ntwo <3");
  CHECK(r.docs[0].title == "Big news");
  InputOptions keep;
  keep.html = kg::HtmlPolicy::kKeep;
  CHECK(read({dir.write("page2.txt", html)}, keep).docs[0].text == html);
}

TEST_CASE("Reader leaves plain text with angle brackets alone", "[input]") {
  CHECK_FALSE(kg::input::looks_like_html("If a < b and c > d, mail <john@example.com> <3"));
  CHECK(kg::input::looks_like_html("<p>One</p>"));
  CHECK(kg::input::html_to_text("<p>x &bogus; &#99999999; y</p>") == "x &bogus; &#99999999; y");
}

TEST_CASE("A file's id is its path as given, below a folder, the folder joined with the path",
          "[input]") {
  TempDir dir;
  dir.write("d1/a.txt", "One.");
  dir.write("d2/a.txt", "Two.");
  Read r = read({dir.str() + "/d1/", dir.str() + "/d2"});
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].id == dir.str() + "/d1/a.txt");
  CHECK(r.docs[1].id == dir.str() + "/d2/a.txt");
}

TEST_CASE("A JSONL date is read in the feeds' formats and kept as YYYY-MM-DD", "[input]") {
  TempDir dir;
  std::string j = dir.write("feed.jsonl",
                            "{\"id\": \"a\", \"text\": \"A\", \"date\": \"26-FEB-1987 15:01:11.79\"}\n"
                            "{\"id\": \"b\", \"text\": \"B\", \"date\": \"Tue, 07 Dec 2021 10:00:00 +0000\"}\n"
                            "{\"id\": \"c\", \"text\": \"C\", \"date\": \"soon\"}\n");
  Read r = read({j});
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[0].date == "1987-02-26");
  CHECK(r.docs[1].date == "2021-12-07");
  CHECK(r.docs[2].date.empty());  // read, without a date, and reported
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].source == j + ":3");
  CHECK_FALSE(r.issues[0].skipped);
  CHECK(r.issues[0].message.find("unrecognised \"date\" \"soon\"") != std::string::npos);
}
