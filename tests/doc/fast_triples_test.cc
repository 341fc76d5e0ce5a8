#include <catch2/catch.hpp>

#include <random>

#include "doc/triples_jsonl.h"
#include "doc/fast_triples.h"

using namespace kg;

namespace {

bool same(const Triple& a, const Triple& b) {
  bool args = a.args.size() == b.args.size();
  for (size_t i = 0; args && i < a.args.size(); ++i) {
    args = a.args[i].prep == b.args[i].prep && a.args[i].text == b.args[i].text;
  }
  return args && a.doc == b.doc && a.subject == b.subject && a.relation == b.relation &&
         a.object == b.object && a.subject_text == b.subject_text &&
         a.object_text == b.object_text && a.subject_type == b.subject_type &&
         a.object_type == b.object_type && a.sentence == b.sentence && a.text == b.text &&
         a.span == b.span && a.negated == b.negated && a.modality == b.modality &&
         a.attribution == b.attribution && a.confidence == b.confidence;
}

// The fast parser may decline anything, but what it accepts must equal the reference parser.
void agree(const std::string& line) {
  Triple fast;
  bool ok = fast_parse_triple(line, fast);
  auto slow = parse_triple_json(line);
  INFO(line);
  if (ok) {
    REQUIRE(slow.ok());
    CHECK(same(fast, slow.value()));
  }
}

const char* const kValid[] = {
    R"({"doc": "d1", "subject": "Joe Biden", "relation": "agree to", "object": "the deal"})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","subject_text":"a","object_text":"b","subject_type":"PERSON","object_type":"ORG","sentence":3,"text":"A r B.","span":[10,16],"negated":true,"modality":"may","attribution":"Reuters","confidence":0.25,"args":[{"prep":"in","text":"May"}]})",
    R"(  {"doc":"d\"1\\","subject":"caf\u00e9 \ud83d\ude00","relation":"r\n","object":"B\/C","negated":null,"modality":null,"attribution":null,"span":null,"sentence":null,"confidence":null,"args":null}  )",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","confidence":1,"extra":{"nested":[1,2.5e3,"x",true,null]},"text":"Zürich"})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","confidence":0,"sentence":0,"span":[0,0],"args":[]})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","args":[{"text":"x"},{"prep":null,"text":"y"}]})",
};

const char* const kInvalid[] = {
    R"({"doc":"d1","subject":"A","relation":"r"})",
    R"({"doc":"d1","subject":"A","relation":"r","object":""})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","subject_type":"CITY"})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","confidence":1.5})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","sentence":-1})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","sentence":1.0})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","span":[5,4]})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","span":[1,2,3]})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","negated":"yes"})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","args":[{"prep":"in"}]})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B"} trailing)",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B",})",
    R"({"doc":"d1","subject":"A\ud800","relation":"r","object":"B"})",
    R"({"doc":"d1","subject":5,"relation":"r","object":"B"})",
    R"(["doc","d1"])",
    "{\"doc\":\"d1\",\"subject\":\"A\tB\",\"relation\":\"r\",\"object\":\"B\"}",
    "{\"doc\":\"d1\",\"subject\":\"\xff\",\"relation\":\"r\",\"object\":\"B\"}",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","subject":"C"})",
    R"({"doc":"d1","subject":"A","relation":"r","object":"B","confidence":01})",
};

}  // namespace

TEST_CASE("The fast triples parser accepts typical lines exactly like the reference parser",
          "[doc]") {
  for (const char* line : kValid) {
    Triple fast;
    INFO(line);
    REQUIRE(fast_parse_triple(line, fast));
    auto slow = parse_triple_json(line);
    REQUIRE(slow.ok());
    CHECK(same(fast, slow.value()));
  }
  Triple t;
  REQUIRE(fast_parse_triple(kValid[2], t));
  CHECK(t.doc == "d\"1\\");
  CHECK(t.subject == "caf\xc3\xa9 \xf0\x9f\x98\x80");
  CHECK(t.object == "B/C");
}

TEST_CASE("The fast triples parser declines every line the reference parser rejects",
          "[doc]") {
  for (const char* line : kInvalid) {
    Triple fast;
    INFO(line);
    auto slow = parse_triple_json(line);
    if (!slow.ok()) CHECK_FALSE(fast_parse_triple(line, fast));
    agree(line);
  }
}

TEST_CASE("The fast triples parser agrees with the reference parser on mutated lines",
          "[doc]") {
  std::mt19937 rng(99);
  const std::string alphabet = "{}[]\":,\\ tfn0123456789.eE-+uabcd\x01\xc3\xa9";
  for (const char* base : kValid) {
    for (int round = 0; round < 400; ++round) {
      std::string line = base;
      int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits && !line.empty(); ++e) {
        size_t pos = rng() % line.size();
        char c = alphabet[rng() % alphabet.size()];
        switch (rng() % 3) {
          case 0: line.erase(pos, 1); break;
          case 1: line.insert(pos, 1, c); break;
          default: line[pos] = c;
        }
      }
      agree(line);
    }
  }
}

TEST_CASE("find_doc_id recovers the document of a broken line", "[doc]") {
  std::string doc;
  REQUIRE(find_doc_id(R"({"subject": "A", "doc" : "news/1", "relation": )", doc));
  CHECK(doc == "news/1");
  CHECK_FALSE(find_doc_id("not json at all", doc));
  CHECK_FALSE(find_doc_id(R"({"doc": 5})", doc));
}
