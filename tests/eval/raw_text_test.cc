#include <catch2/catch.hpp>
#include <string>

#include "eval/raw_text.h"

using kg::eval::gold_text_from_conllu;

namespace {
const char* kTwoDocs =
    "# newdoc id = news-1\n"
    "# newpar\n"
    "# text = Title here\n"
    "1\tTitle\t_\t_\t_\t_\t0\troot\t_\t_\n"
    "2\there\t_\t_\t_\t_\t1\tdep\t_\t_\n"
    "\n"
    "# newpar\n"
    "# text = One.\n"
    "1\tOne\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t_\t_\t_\t_\t1\tpunct\t_\t_\n"
    "\n"
    "1\tTwo\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t_\t_\t_\t_\t1\tpunct\t_\t_\n"
    "\n"
    "# newdoc id = blog-2\n"
    "# text = Other.\n"
    "1\tOther\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t_\t_\t_\t_\t1\tpunct\t_\t_\n"
    "\n";
}  // namespace

TEST_CASE("Gold raw text joins sentences by space and paragraphs by a blank line", "[eval]") {
  auto g = gold_text_from_conllu(kTwoDocs, "t.conllu");
  REQUIRE(g.ok());
  REQUIRE(g->documents.size() == 2);
  CHECK(g->documents[0].id == "news-1");
  CHECK(g->documents[0].text == "Title here\n\nOne. Two.");
  CHECK(g->documents[1].text == "Other.");
  CHECK(g->sentences == 4);
  CHECK(g->conllu == kTwoDocs);
}

TEST_CASE("Gold raw text keeps only documents whose id matches the filter", "[eval]") {
  auto g = gold_text_from_conllu(kTwoDocs, "t.conllu", "news");
  REQUIRE(g.ok());
  REQUIRE(g->documents.size() == 1);
  CHECK(g->sentences == 3);
  CHECK(g->conllu.find("Other") == std::string::npos);
  CHECK(g->conllu.find("# newdoc id = news-1") == 0);
}
