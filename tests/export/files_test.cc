#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/export.h"

using namespace kg;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::path(KG_BINARY_DIR) / "export-test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("write_file_atomically replaces the file only when writing succeeds", "[export]") {
  fs::path dir = fresh_dir("atomic");
  std::string file = (dir / "out.txt").string();
  REQUIRE(write_file_atomically(file, [](std::ostream& o) -> Status {
            o << "first\n";
            return {};
          }).ok());
  CHECK(slurp(file) == "first\n");
  Status failed = write_file_atomically(file, [](std::ostream& o) -> Status {
    o << "half of the second";
    return Status::io("the store failed midway");
  });
  CHECK(failed.message() == "the store failed midway");
  CHECK(slurp(file) == "first\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  CHECK(write_file_atomically((dir / "no-such-dir" / "x").string(), [](std::ostream&) -> Status {
          return {};
        }).code() == ErrorCode::kIo);
}

TEST_CASE("render picks the format from the extension", "[export]") {
  CHECK(*render_format_for("graph.svg") == "svg");
  CHECK(*render_format_for("dir.v2/graph.PNG") == "png");
  CHECK(*render_format_for("g.pdf") == "pdf");
  CHECK_FALSE(render_format_for("graph.jpg"));
  CHECK_FALSE(render_format_for("dir.svg/graph"));
  CHECK(render_with_graphviz("digraph {}", "out.gif").code() == ErrorCode::kInvalidInput);
}

TEST_CASE("render reports a missing Graphviz and a failing one in one line", "[export]") {
  fs::path dir = fresh_dir("render");
  CHECK_FALSE(find_on_path("dot", (dir / "nothing-here").string()));
  std::string old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", (dir / "nothing-here").c_str(), 1);
  Status missing = render_with_graphviz("digraph {}", (dir / "g.svg").string());
  setenv("PATH", old_path.c_str(), 1);
  CHECK(missing.code() == ErrorCode::kNotFound);
  CHECK(missing.message() == "Graphviz 'dot' not found on PATH; install graphviz");

  if (!find_on_path("dot", old_path)) return;
  Status bad = render_with_graphviz("digraph { this is not dot", (dir / "g.svg").string());
  CHECK(bad.code() == ErrorCode::kIo);
  CHECK(bad.message().rfind("Graphviz dot failed (exit code 1): ", 0) == 0);
  CHECK(bad.message().find('\n') == std::string::npos);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 0);
  REQUIRE(render_with_graphviz("digraph { a -> b }", (dir / "g.png").string()).ok());
  CHECK(slurp(dir / "g.png").substr(1, 3) == "PNG");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}
