#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "eval/conll18.h"

using kg::eval::evaluate_conll18;

namespace {

// "I don't know. Really." as gold, with a multiword token and two sentences.
const char* kGold =
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom|Number=Sing|Person=1|PronType=Prs\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Really.\n"
    "1\tReally\treally\tADV\tRB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n";

std::string replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

double f1(const kg::eval::Conll18Result& r, const char* metric) { return 100 * r[metric].f1(); }

}  // namespace

TEST_CASE("CoNLL 2018 evaluator gives 100 on identical files", "[eval]") {
  auto r = evaluate_conll18(kGold, "gold", kGold, "system");
  REQUIRE(r.ok());
  for (const auto& m : r->metrics) {
    INFO(m.metric);
    CHECK(m.score.f1() == Approx(1.0));
  }
  CHECK(r->metrics.size() == 13);
  CHECK((*r)["Tokens"].gold_total == 6);  // I don't know . Really .
  CHECK((*r)["Words"].gold_total == 7);
  CHECK((*r)["Sentences"].gold_total == 2);
}

TEST_CASE("CoNLL 2018 evaluator counts one wrong head against UAS and LAS only", "[eval]") {
  std::string system = replace(kGold, "3\tn't\tnot\tPART\tRB\t_\t4", "3\tn't\tnot\tPART\tRB\t_\t1");
  auto r = evaluate_conll18(kGold, "gold", system, "system");
  REQUIRE(r.ok());
  CHECK(f1(*r, "UPOS") == Approx(100));
  CHECK((*r)["UAS"].correct == 6);
  CHECK(f1(*r, "UAS") == Approx(100.0 * 6 / 7));
  CHECK(f1(*r, "LAS") == Approx(100.0 * 6 / 7));
  CHECK(*(*r)["LAS"].aligned_accuracy() == Approx(6.0 / 7));
}

TEST_CASE("CoNLL 2018 evaluator ignores relation subtypes and non-universal features", "[eval]") {
  std::string system = replace(kGold, "\t4\tnsubj\t", "\t4\tnsubj:pass\t");
  system = replace(system, "Mood=Ind|Tense=Pres", "Tense=Pres|Mood=Ind|Foo=Bar");
  auto r = evaluate_conll18(kGold, "gold", system, "system");
  REQUIRE(r.ok());
  CHECK(f1(*r, "LAS") == Approx(100));
  CHECK(f1(*r, "UFeats") == Approx(100));
}

TEST_CASE("CoNLL 2018 evaluator scores a token split differently", "[eval]") {
  // The system splits "know." as one token "know." instead of "know" + ".".
  std::string system =
      "# text = I don't know.\n"
      "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\tknow.\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n"
      "\n"
      "# text = Really.\n"
      "1\tReally\treally\tADV\tRB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
      "\n";
  auto r = evaluate_conll18(kGold, "gold", system, "system");
  REQUIRE(r.ok());
  const auto& tokens = (*r)["Tokens"];
  CHECK(tokens.gold_total == 6);
  CHECK(tokens.system_total == 5);
  CHECK(tokens.correct == 4);
  CHECK(tokens.f1() == Approx(8.0 / 11));
  CHECK((*r)["Words"].correct == 5);  // I, do, n't, Really, .
  CHECK((*r)["Sentences"].correct == 2);
}

TEST_CASE("CoNLL 2018 evaluator aligns words of a multiword token by their forms", "[eval]") {
  // The system does not split "don't": its one word covers the gold words do + n't.
  std::string system = replace(kGold,
                               "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                               "2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres\t4\taux\t_\t_\n"
                               "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
                               "4\tknow",
                               "2\tdon't\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tknow");
  system = replace(system, "5\t.\t.\tPUNCT\t.\t_\t4", "4\t.\t.\tPUNCT\t.\t_\t3");
  system = replace(system, "\t4\tnsubj", "\t3\tnsubj");
  auto r = evaluate_conll18(kGold, "gold", system, "system");
  REQUIRE(r.ok());
  CHECK((*r)["Tokens"].correct == 6);
  CHECK((*r)["Words"].correct == 5);
  CHECK((*r)["Words"].system_total == 6);
  CHECK((*r)["UAS"].correct == 5);
}

TEST_CASE("CoNLL 2018 evaluator scores sentence boundaries as spans", "[eval]") {
  // The system joins both sentences into one.
  std::string system = kGold;
  system = replace(system, "\n\n# text = Really.\n1\tReally\treally\tADV\tRB\t_\t0\troot",
                   "\n6\tReally\treally\tADV\tRB\t_\t4\tparataxis");
  system = replace(system, "2\t.\t.\tPUNCT\t.\t_\t1\tpunct", "7\t.\t.\tPUNCT\t.\t_\t6\tpunct");
  auto r = evaluate_conll18(kGold, "gold", system, "system");
  REQUIRE(r.ok());
  CHECK((*r)["Sentences"].correct == 0);
  CHECK((*r)["Sentences"].system_total == 1);
  CHECK((*r)["Tokens"].f1() == Approx(1.0));
}

TEST_CASE("CoNLL 2018 evaluator accepts unparsed system output with HEAD _", "[eval]") {
  std::string system =
      "1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "4\tknow\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "\n"
      "1\tReally\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "\n";
  auto r = evaluate_conll18(kGold, "gold", system, "system");
  REQUIRE(r.ok());
  CHECK((*r)["Tokens"].f1() == Approx(1.0));
  CHECK((*r)["Sentences"].f1() == Approx(1.0));
  CHECK((*r)["Words"].f1() == Approx(1.0));
  CHECK((*r)["UAS"].correct == 0);
  CHECK((*r)["UPOS"].correct == 0);
}

TEST_CASE("CoNLL 2018 evaluator removes spaces inside forms before aligning", "[eval]") {
  std::string gold = "1\t10 000\t_\tNUM\t_\t_\t0\troot\t_\t_\n\n";
  std::string system = "1\t10\t_\tNUM\t_\t_\t0\troot\t_\t_\n2\t000\t_\tNUM\t_\t_\t1\tflat\t_\t_\n\n";
  auto r = evaluate_conll18(gold, "gold", system, "system");
  REQUIRE(r.ok());
  CHECK((*r)["Tokens"].correct == 0);
  CHECK((*r)["Tokens"].system_total == 2);
}

TEST_CASE("CoNLL 2018 evaluator rejects different underlying text", "[eval]") {
  std::string system = replace(kGold, "1\tReally\t", "1\tTruly\t");
  auto r = evaluate_conll18(kGold, "gold", system, "system");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("differ") != std::string::npos);
  CHECK(r.status().message().find("Really") != std::string::npos);
}

TEST_CASE("CoNLL 2018 evaluator reports malformed lines with file and line", "[eval]") {
  std::string system = replace(kGold, "1\tReally\treally\tADV\tRB\t_\t0\troot\t_\t",
                               "1\tReally\treally\tADV\tRB\t_\t0\troot\t");
  auto r = evaluate_conll18(kGold, "gold", system, "sys.conllu");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("sys.conllu:10:") == 0);
}

TEST_CASE("CoNLL 2018 evaluator rejects a cycle", "[eval]") {
  std::string system = replace(kGold, "1\tReally\treally\tADV\tRB\t_\t0\troot",
                               "1\tReally\treally\tADV\tRB\t_\t2\troot");
  auto r = evaluate_conll18(kGold, "gold", system, "system");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("cycle") != std::string::npos);
}

TEST_CASE("CoNLL 2018 table has the official layout", "[eval]") {
  auto r = evaluate_conll18(kGold, "gold", kGold, "system");
  REQUIRE(r.ok());
  std::ostringstream out;
  kg::eval::print_conll18_table(out, *r);
  std::string s = out.str();
  CHECK(s.find("Metric     | Precision |    Recall |  F1 Score | AligndAcc\n") == 0);
  CHECK(s.find("Tokens     |    100.00 |    100.00 |    100.00 |\n") != std::string::npos);
  CHECK(s.find("LAS        |    100.00 |    100.00 |    100.00 |    100.00\n") !=
        std::string::npos);
}

namespace {

// A one-sentence CoNLL-U file from compact word specs: "a" is a word, "abc a b c" a multiword
// token "abc" over words a, b, c. Every word hangs off the first one.
std::string words_file(const std::vector<std::string>& specs) {
  std::string out;
  int n = 0;
  for (const auto& spec : specs) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
      size_t sp = spec.find(' ', start);
      parts.push_back(spec.substr(start, sp - start));
      if (sp == std::string::npos) break;
      start = sp + 1;
    }
    auto word = [&](const std::string& form) {
      ++n;
      out += std::to_string(n) + "\t" + form + "\t_\t_\t_\t_\t" + std::to_string(n > 1 ? 1 : 0) +
             "\t_\t_\t_\n";
    };
    if (parts.size() == 1) {
      word(parts[0]);
    } else {
      out += std::to_string(n + 1) + "-" + std::to_string(n + parts.size() - 1) + "\t" + parts[0] +
             "\t_\t_\t_\t_\t_\t_\t_\t_\n";
      for (size_t i = 1; i < parts.size(); ++i) word(parts[i]);
    }
  }
  return out + "\n";
}

size_t aligned_words(const std::vector<std::string>& gold, const std::vector<std::string>& system) {
  auto r = evaluate_conll18(words_file(gold), "gold", words_file(system), "system");
  REQUIRE(r.ok());
  return (*r)["Words"].correct;
}

}  // namespace

TEST_CASE("CoNLL 2018 word alignment matches the official script's cases", "[eval]") {
  CHECK(aligned_words({"a", "b", "c"}, {"a", "b", "c"}) == 3);
  CHECK(aligned_words({"abc a b c"}, {"a", "b", "c"}) == 3);
  CHECK(aligned_words({"a", "bc b c", "d"}, {"a", "b", "c", "d"}) == 4);
  CHECK(aligned_words({"abcd a b c d"}, {"ab a b", "cd c d"}) == 4);
  CHECK(aligned_words({"abc a b c", "de d e"}, {"a", "bcd b c d", "e"}) == 5);
  CHECK(aligned_words({"abcd"}, {"a", "b", "c", "d"}) == 0);
  CHECK(aligned_words({"abc", "d"}, {"a", "b", "c", "d"}) == 1);
  CHECK(aligned_words({"a", "bc", "d"}, {"a", "b", "c", "d"}) == 2);
  CHECK(aligned_words({"a", "bc b c", "d"}, {"a", "b", "cd"}) == 2);
  CHECK(aligned_words({"abc a BX c", "def d EX f"}, {"ab a b", "cd c d", "ef e f"}) == 4);
  CHECK(aligned_words({"ab a b", "cd bc d"}, {"a", "bc", "d"}) == 2);
  CHECK(aligned_words({"a", "bc b c", "d"}, {"ab AX BX", "cd CX a"}) == 1);
}
