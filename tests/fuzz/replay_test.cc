// Replays every saved fuzzer input of tests/data/fuzz-regressions/<target>/ (inputs that once
// crashed, hung or failed a check) through the fuzz target; a regression aborts the test.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int kg_fuzz_tokenizer(const uint8_t* data, size_t size);
extern "C" int kg_fuzz_conllu(const uint8_t* data, size_t size);
extern "C" int kg_fuzz_document_reader(const uint8_t* data, size_t size);
extern "C" int kg_fuzz_triples(const uint8_t* data, size_t size);
extern "C" int kg_fuzz_model_load(const uint8_t* data, size_t size);
extern "C" int kg_fuzz_codec(const uint8_t* data, size_t size);
extern "C" int kg_fuzz_iob2(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;
using Target = int (*)(const uint8_t*, size_t);

int run(Target target, const std::string& bytes) {
  return target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

// Runs `target` on each saved input (sorted by name) and on a few fixed ones; returns how many
// saved inputs there were.
size_t replay(const std::string& name, Target target, const std::vector<std::string>& fixed) {
  for (const std::string& input : fixed) CHECK(run(target, input) == 0);
  fs::path dir = fs::path(KG_SOURCE_DIR) / "tests/data/fuzz-regressions" / name;
  std::vector<fs::path> files;
  if (fs::is_directory(dir)) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    INFO(file.string());
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(run(target, bytes) == 0);
  }
  return files.size();
}

}  // namespace

TEST_CASE("Fuzz regressions of the tokenizer run cleanly", "[fuzz]") {
  replay("tokenizer", kg_fuzz_tokenizer,
         {"", std::string("\0", 1), "\x01Mr. Smith didn't go.\n\nHe did.", "\x02\xff\xfe a\n"});
}

TEST_CASE("Fuzz regressions of the CoNLL-U reader run cleanly", "[fuzz]") {
  replay("conllu", kg_fuzz_conllu,
         {"", "\x01# text = Hi .\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n", "\x02\t\t\n\n1-"});
}

TEST_CASE("Fuzz regressions of the document reader run cleanly", "[fuzz]") {
  replay("document_reader", kg_fuzz_document_reader,
         {"", "\x01{\"id\":\"a\",\"text\":\"x\"}\n{", "\x02<p>a &amp; b</p><br>\xff"});
}

TEST_CASE("Fuzz regressions of the triples readers run cleanly", "[fuzz]") {
  replay(
      "triples", kg_fuzz_triples,
      {"", "{\"doc\":\"d\",\"subject\":\"a\",\"relation\":\"r\",\"object\":\"b\"}\n{\"doc\":1}"});
}

TEST_CASE("Fuzz regressions of the model loaders run cleanly", "[fuzz]") {
  replay("model_load", kg_fuzz_model_load,
         {"", std::string("\0KGMODEL1", 9), "\x01KGMODEL1", "\x02KGMODEL1\xff\xff\xff\xff",
          "\x03KGMODEL1"});
}

TEST_CASE("Fuzz regressions of the store codec run cleanly", "[fuzz]") {
  replay("codec", kg_fuzz_codec, {"", std::string(25, '\0'), std::string(8, '\x7f') + "c"});
}

TEST_CASE("Fuzz regressions of the IOB2 reader run cleanly", "[fuzz]") {
  replay("iob2", kg_fuzz_iob2,
         {"", "# text = a b\n1\tTampa\tB-LOC\t-\t-\n2\tBay\tI-LOC\t-\t-\n\n",
          "1\tx\tI-PER\n2\ty\tI-ORG\n3\tz\tB-O\n", "1\t\tO\n\n\n1\n\t\t\t"});
}
