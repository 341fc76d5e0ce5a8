#include <catch2/catch.hpp>
#include <sstream>

#include "doc/conllu.h"

using namespace kg;

static const char* kSample =
    "# sent_id = s1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n";

TEST_CASE("CoNLL-U round-trips multiword tokens and SpaceAfter exactly", "[doc]") {
  std::istringstream in(kSample);
  ConlluReader reader(in, "t.conllu");
  auto s = reader.next();
  REQUIRE(s.ok());
  REQUIRE(s->has_value());
  const Sentence& sent = **s;
  CHECK(sent.tokens.size() == 5);
  CHECK(sent.multiwords.size() == 1);
  CHECK(sent.tokens[3].head == 0);
  CHECK_FALSE(sent.tokens[3].space_after);
  CHECK(sent.text.substr(sent.tokens[1].start, sent.tokens[1].end - sent.tokens[1].start) == "don't");
  CHECK(sent.text.substr(sent.tokens[3].start, sent.tokens[3].end - sent.tokens[3].start) == "know");
  std::ostringstream out;
  write_conllu(out, sent);
  CHECK(out.str() == kSample);
  auto end = reader.next();
  REQUIRE(end.ok());
  CHECK_FALSE(end->has_value());
}

TEST_CASE("CoNLL-U errors name the file and line", "[doc]") {
  std::istringstream in("1\tHello\thello\tINTJ\n\n1\tok\tok\tX\tX\t_\t0\troot\t_\t_\n\n");
  ConlluReader reader(in, "bad.conllu");
  auto s = reader.next();
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().message() == "bad.conllu:1: expected 10 tab-separated columns, found 4");
  auto next = reader.next();  // the reader recovers at the next sentence
  REQUIRE(next.ok());
  CHECK((*next)->tokens[0].form == "ok");
}

TEST_CASE("CoNLL-U rejects heads outside the sentence", "[doc]") {
  std::istringstream in("1\ta\ta\tX\tX\t_\t7\tdep\t_\t_\n\n");
  ConlluReader reader(in, "h.conllu");
  auto s = reader.next();
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().message().find("HEAD 7") != std::string::npos);
}
