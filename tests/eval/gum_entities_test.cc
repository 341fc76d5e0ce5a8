#include "eval/gum_entities.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <utility>

#include "common/file.h"
#include "eval/raw_text.h"
#include "gold_entities_example.h"

using kg::eval::read_gold_entities;
using kg::eval::test::kTwoNewsDocs;

namespace {
// "Ada wrote" as CoNLL-U: `comments` first, then "# text = <text>", and `ada_misc` on "Ada".
std::string ada_wrote(const std::string& comments, const std::string& text,
                      const std::string& ada_misc) {
  return comments + "# text = " + text + "\n1\tAda\t_\tPROPN\t_\t_\t2\tnsubj\t_\t" + ada_misc +
         "\n2\twrote\t_\tVERB\t_\t_\t0\troot\t_\t_\n";
}
}  // namespace

TEST_CASE("Gold entities: documents keep their raw text with word offsets into it", "[eval]") {
  auto g = read_gold_entities(kTwoNewsDocs, "t.conllu");
  REQUIRE(g.ok());
  REQUIRE(g->documents.size() == 2);
  const auto& a = g->documents[0];
  CHECK(a.id == "news_a");
  CHECK(a.text ==
        "Ada Lovelace met Charles Babbage in London. She wrote to him.\n\n"
        "Lovelace's notes were published in March.");
  REQUIRE(a.sentences.size() == 3);
  CHECK(a.sentences[1].start == 44);
  CHECK(a.sentences[2].start == 63);
  const auto& notes = a.sentences[2].tokens[2];
  CHECK(a.text.substr(notes.start, notes.end - notes.start) == "notes");
  CHECK(g->documents[1].text == "Babbage lived in London.");
}

TEST_CASE("Gold entities: bracketed mentions with chain, type, identity and head", "[eval]") {
  auto g = read_gold_entities(kTwoNewsDocs, "t.conllu");
  REQUIRE(g.ok());
  const auto& m = g->mentions;
  REQUIRE(m.size() == 10);
  CHECK(m[0].text == "Ada Lovelace");
  CHECK(m[0].chain == "1");
  CHECK(m[0].type == "person");
  CHECK(m[0].identity == "Ada_Lovelace");
  CHECK(m[0].head == 0);  // "Lovelace" is flat under "Ada"
  CHECK(m[0].named);
  CHECK(m[2].text == "London");
  CHECK(m[2].identity == "London");
  CHECK(m[3].text == "She");
  CHECK_FALSE(m[3].named);  // a pronoun
  // The outer mention first: "Lovelace's notes" (head "notes") holds "Lovelace".
  CHECK(m[5].text == "Lovelace's notes");
  CHECK(m[5].head == 2);
  CHECK_FALSE(m[5].named);
  CHECK(m[5].identity.empty());
  CHECK(m[6].text == "Lovelace");
  CHECK(m[6].chain == "1");
  CHECK(m[6].named);
  CHECK(m[7].text == "March");
  CHECK_FALSE(m[7].named);  // a time
  CHECK(m[8].doc == 1);
  CHECK(m[8].identity == "Charles_Babbage");
}

TEST_CASE("Gold entities: unbalanced annotation is an error naming the sentence", "[eval]") {
  auto g = read_gold_entities(
      ada_wrote("# sent_id = s-1\n", "Ada wrote", "Entity=(1-person-new-s-cf1-1-sgl"), "t.conllu");
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().message().find("sentence s-1") != std::string::npos);
  CHECK(g.status().message().find("mention 1 is not closed") != std::string::npos);

  g = read_gold_entities(ada_wrote("", "Ada wrote", "Entity=2)"), "t.conllu");
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().message().find("Entity closes 2, which is not open") != std::string::npos);
}

TEST_CASE("Gold entities: a # text that does not match the words is an error", "[eval]") {
  auto g = read_gold_entities(ada_wrote("", "Ada  wrote", "_"), "t.conllu");
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().message().find("does not match") != std::string::npos);
}

TEST_CASE("Gold entities: the field layout comes from global.Entity", "[eval]") {
  auto g =
      read_gold_entities(ada_wrote("# global.Entity = GRP-etype-infstat-minspan-link-identity\n",
                                   "Ada wrote", "Entity=(1-person-new-1-sgl-Ada_Lovelace)"),
                         "t.conllu");
  REQUIRE(g.ok());
  REQUIRE(g->mentions.size() == 1);
  CHECK(g->mentions[0].identity == "Ada_Lovelace");
  CHECK(g->documents[0].id == "doc1");
}

TEST_CASE("Gold entities: GUM dev reads whole, as raw_text, chains agree on their identity",
          "[eval][data]") {
  const std::string path = std::string(KG_SHARED_DATA) + "/ud/en_gum/en_gum-ud-dev.conllu";
  auto text = kg::read_file(path);
  REQUIRE(text.ok());
  auto g = read_gold_entities(*text, path);
  REQUIRE(g.ok());
  size_t newdocs = 0;
  for (size_t at = text->find("# newdoc id"); at != std::string::npos;
       at = text->find("# newdoc id", at + 1)) {
    ++newdocs;
  }
  CHECK(g->documents.size() == newdocs);
  // The same raw text as kg evaluate --tokenize rebuilds.
  auto raw = kg::eval::gold_text_from_conllu(*text, path);
  REQUIRE(raw.ok());
  REQUIRE(raw->documents.size() == g->documents.size());
  for (size_t d = 0; d < newdocs; ++d) CHECK(raw->documents[d].text == g->documents[d].text);
  std::map<std::pair<size_t, std::string>, std::string> identity;
  size_t named = 0;
  for (const auto& m : g->mentions) {
    named += m.named;
    const auto& s = g->documents[m.doc].sentences[m.sentence];
    REQUIRE(m.last < s.tokens.size());
    CHECK(m.head >= m.first);
    CHECK(m.head <= m.last);
    auto [it, added] = identity.try_emplace({m.doc, m.chain}, m.identity);
    CHECK(it->second == m.identity);
  }
  CHECK(named > 0);
}
