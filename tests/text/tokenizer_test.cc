#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "text/tokenizer.h"

using kg::Document;
using kg::Sentence;
using kg::Tokenizer;

namespace {

// Surface tokens of every sentence, multiword tokens as one "don't" entry.
std::vector<std::vector<std::string>> surface(const Document& doc) {
  std::vector<std::vector<std::string>> out;
  for (const Sentence& s : doc.sentences) {
    std::vector<std::string> toks;
    size_t mw = 0;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      if (mw < s.multiwords.size() && s.multiwords[mw].first == static_cast<int>(i) + 1) {
        toks.push_back(s.multiwords[mw].form);
        i = s.multiwords[mw].last - 1;
        ++mw;
        continue;
      }
      toks.push_back(s.tokens[i].form);
    }
    out.push_back(toks);
  }
  return out;
}

Document tokenize(const std::string& text, const Tokenizer& tok = Tokenizer::create()) {
  Document d;
  d.text = text;
  tok.tokenize(d);
  return d;
}

// All surface tokens of `text`, ignoring sentence boundaries.
std::vector<std::string> tokens(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& s : surface(tokenize(text))) out.insert(out.end(), s.begin(), s.end());
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("Tokenizer keeps U.S. as one token", "[text]") {
  CHECK(tokens("The U.S. economy grew.") == V{"The", "U.S.", "economy", "grew", "."});
}

TEST_CASE("Tokenizer keeps abbreviations with their period", "[text]") {
  CHECK(tokens("Mr. Smith met Gov. Brown of Calif. on Jan. 5, etc.") ==
        V{"Mr.", "Smith", "met", "Gov.", "Brown", "of", "Calif.", "on", "Jan.", "5", ",", "etc."});
  CHECK(tokens("Apple Inc. and Acme Corp. agreed.") ==
        V{"Apple", "Inc.", "and", "Acme", "Corp.", "agreed", "."});
  CHECK(tokens("It costs 5 p.m. e.g. today") == V{"It", "costs", "5", "p.m.", "e.g.", "today"});
}

TEST_CASE("Tokenizer keeps initials as tokens with their period", "[text]") {
  CHECK(tokens("J. R. R. Tolkien wrote it.") ==
        V{"J.", "R.", "R.", "Tolkien", "wrote", "it", "."});
}

TEST_CASE("Tokenizer splits don't into do + n't as one multiword token", "[text]") {
  Document d = tokenize("I don't know.");
  REQUIRE(d.sentences.size() == 1);
  const Sentence& s = d.sentences[0];
  REQUIRE(s.multiwords.size() == 1);
  CHECK(s.multiwords[0].form == "don't");
  CHECK(s.multiwords[0].first == 2);
  CHECK(s.multiwords[0].last == 3);
  REQUIRE(s.tokens.size() == 5);
  CHECK(s.tokens[1].form == "do");
  CHECK(s.tokens[2].form == "n't");
  // Words of a multiword token share its offsets.
  CHECK(s.tokens[1].start == 2);
  CHECK(s.tokens[2].end == 7);
}

TEST_CASE("Tokenizer splits contractions the UD EWT way", "[text]") {
  auto words = [](const std::string& text) {
    V out;
    for (const auto& s : tokenize(text).sentences) {
      for (const auto& t : s.tokens) out.push_back(t.form);
    }
    return out;
  };
  CHECK(words("can't") == V{"ca", "n't"});
  CHECK(words("won't") == V{"wo", "n't"});
  CHECK(words("I'm") == V{"I", "'m"});
  CHECK(words("they're") == V{"they", "'re"});
  CHECK(words("we've") == V{"we", "'ve"});
  CHECK(words("she'll") == V{"she", "'ll"});
  CHECK(words("cannot") == V{"can", "not"});
  CHECK(words("gonna") == V{"gon", "na"});
  CHECK(words("doesn\u2019t") == V{"does", "n\u2019t"});
}

TEST_CASE("Tokenizer splits possessives into word + 's", "[text]") {
  Document d = tokenize("Russia's army and the parents' car");
  REQUIRE(d.sentences.size() == 1);
  const auto& t = d.sentences[0].tokens;
  REQUIRE(t.size() == 8);
  CHECK(t[0].form == "Russia");
  CHECK(t[1].form == "'s");
  CHECK(t[5].form == "parents");
  CHECK(t[6].form == "'");
  CHECK(d.sentences[0].multiwords.size() == 2);
}

TEST_CASE("Tokenizer splits straight and curly quotes from words", "[text]") {
  CHECK(tokens("\u201CHello,\u201D she said.") ==
        V{"\u201C", "Hello", ",", "\u201D", "she", "said", "."});
  CHECK(tokens("\"Go!\" he said.") == V{"\"", "Go", "!", "\"", "he", "said", "."});
  CHECK(tokens("the 'dogs' ran") == V{"the", "'", "dogs", "'", "ran"});
  CHECK(tokens("``Yes,'' he said") == V{"``", "Yes", ",", "''", "he", "said"});
}

TEST_CASE("Tokenizer splits money, percentages and keeps number punctuation", "[text]") {
  CHECK(tokens("$1.5 billion") == V{"$", "1.5", "billion"});
  CHECK(tokens("3,000 people, 4.5% of them") == V{"3,000", "people", ",", "4.5", "%", "of", "them"});
  CHECK(tokens("\u20AC20 or \u00A35") == V{"\u20AC", "20", "or", "\u00A3", "5"});
  CHECK(tokens("at 8:30 on 9/11 and 16/11/2004") ==
        V{"at", "8:30", "on", "9/11", "and", "16/11/2004"});
  CHECK(tokens("5pm 35mm 1990s 22nd") == V{"5", "pm", "35", "mm", "1990s", "22nd"});
}

TEST_CASE("Tokenizer keeps URLs and emails whole without trailing punctuation", "[text]") {
  CHECK(tokens("See https://example.com/a?b=c&d=1.") ==
        V{"See", "https://example.com/a?b=c&d=1", "."});
  CHECK(tokens("(www.bbc.co.uk/news)") == V{"(", "www.bbc.co.uk/news", ")"});
  CHECK(tokens("at example.com/news.") == V{"at", "example.com/news", "."});
  CHECK(tokens("Write to jane.doe@example.org, now") ==
        V{"Write", "to", "jane.doe@example.org", ",", "now"});
  CHECK(tokens("\"Julie\"<julie@aol.com>") == V{"\"", "Julie", "\"", "<", "julie@aol.com", ">"});
}

TEST_CASE("Tokenizer keeps hashtags and mentions whole", "[text]") {
  CHECK(tokens("Thanks @jack_d for #MeToo!") ==
        V{"Thanks", "@jack_d", "for", "#MeToo", "!"});
}

TEST_CASE("Tokenizer splits dashes and hyphens the UD EWT way", "[text]") {
  CHECK(tokens("peace\u2014at last") == V{"peace", "\u2014", "at", "last"});
  CHECK(tokens("wait--no") == V{"wait", "--", "no"});
  CHECK(tokens("a long-term plan") == V{"a", "long", "-", "term", "plan"});
  CHECK(tokens("e-mail non-stop COVID-19 F-16") == V{"e-mail", "non-stop", "COVID-19", "F-16"});
  CHECK(tokens("call 713-853-3989") == V{"call", "713-853-3989"});
  CHECK(tokens("1990-2000") == V{"1990", "-", "2000"});
}

TEST_CASE("Tokenizer keeps ellipses and repeated punctuation as one token", "[text]") {
  CHECK(tokens("Wait... what?!") == V{"Wait", "...", "what", "?!"});
  CHECK(tokens("No way!!!") == V{"No", "way", "!!!"});
  CHECK(tokens("so\u2026 yes") == V{"so", "\u2026", "yes"});
}

TEST_CASE("Tokenizer splits brackets and keeps emoticons", "[text]") {
  CHECK(tokens("(see [1]) {x}") == V{"(", "see", "[", "1", "]", ")", "{", "x", "}"});
  CHECK(tokens("great :) see you") == V{"great", ":)", "see", "you"});
}

TEST_CASE("Tokenizer offsets point into the document text", "[text]") {
  Document d = tokenize("  Hello, world.\n\nIt's  fine.");
  for (const auto& s : d.sentences) {
    CHECK(d.text.substr(s.start, s.end - s.start).find(s.tokens.front().form) == 0);
    size_t mw = 0;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const auto& t = s.tokens[i];
      std::string span = d.text.substr(t.start, t.end - t.start);
      if (mw < s.multiwords.size() && s.multiwords[mw].first <= static_cast<int>(i) + 1) {
        CHECK(span == s.multiwords[mw].form);
        if (s.multiwords[mw].last == static_cast<int>(i) + 1) ++mw;
      } else {
        CHECK(span == t.form);
      }
    }
  }
  REQUIRE(d.sentences.size() == 2);
  CHECK(d.sentences[0].tokens[0].start == 2);
  CHECK_FALSE(d.sentences[0].tokens[0].space_after);  // "Hello" before ","
  CHECK(d.sentences[0].tokens[1].space_after);
  CHECK(d.sentences[1].text == "It's fine.");
}

TEST_CASE("Sentence splitter does not end a sentence at an abbreviation", "[text]") {
  auto s = surface(tokenize("Mr. Smith met Dr. Jones at 5 p.m. yesterday. They talked."));
  REQUIRE(s.size() == 2);
  CHECK(s[0].back() == ".");
  CHECK(s[1].front() == "They");
}

TEST_CASE("Sentence splitter ends a sentence at an abbreviation before The", "[text]") {
  auto s = surface(tokenize("She lives in Washington, D.C. The city is large."));
  REQUIRE(s.size() == 2);
  CHECK(s[0].back() == "D.C.");
}

TEST_CASE("Sentence splitter ends sentences at . ! and ?", "[text]") {
  auto s = surface(tokenize("It rained. Did it? Yes! It did."));
  CHECK(s.size() == 4);
}

TEST_CASE("Sentence splitter ends a headline without a period at a blank line", "[text]") {
  auto s = surface(tokenize("Storm hits coast\n\nThe storm arrived on Monday. Power failed."));
  REQUIRE(s.size() == 3);
  CHECK(s[0] == V{"Storm", "hits", "coast"});
}

TEST_CASE("Sentence splitter keeps a closing quote with its sentence", "[text]") {
  auto s = surface(tokenize("He said, \"We will win.\" Then he left. \u201CNo.\u201D"));
  REQUIRE(s.size() == 3);
  CHECK(s[0].back() == "\"");
  CHECK(s[1] == V{"Then", "he", "left", "."});
  CHECK(s[2] == V{"\u201C", "No", ".", "\u201D"});
}

TEST_CASE("Sentence splitter does not split a quote followed by a lowercase verb", "[text]") {
  auto s = surface(tokenize("\"We are ready,\" said Bolden. \"Are you?\" she asked."));
  REQUIRE(s.size() == 2);
  CHECK(s[1].back() == ".");
}

TEST_CASE("Sentence splitter ends a sentence at a line break unless text is wrapped", "[text]") {
  auto lines = surface(tokenize("Breaking news\nBy Jane Doe\nThe vote passed."));
  CHECK(lines.size() == 3);
  std::string wrapped =
      "The committee met on Tuesday to discuss the budget and the\n"
      "plans for the coming year, which several members described as\n"
      "ambitious but achievable. The chairman closed the meeting at\n"
      "noon after a long debate about the proposed new library.";
  auto w = surface(tokenize(wrapped));
  REQUIRE(w.size() == 2);
  CHECK(w[1].front() == "The");
  Document d = tokenize(wrapped);
  CHECK(d.sentences[0].text.find('\n') == std::string::npos);
}

TEST_CASE("Sentence splitter honours the line break option", "[text]") {
  kg::TokenizerOptions o;
  o.line_breaks = kg::TokenizerOptions::LineBreaks::kSpace;
  auto s = surface(tokenize("One line\ncontinues here.", Tokenizer::create(o)));
  CHECK(s.size() == 1);
  o.line_breaks = kg::TokenizerOptions::LineBreaks::kSentence;
  s = surface(tokenize("The long line goes on and on and on for many words\nand then ends.",
                       Tokenizer::create(o)));
  CHECK(s.size() == 2);
}

TEST_CASE("Tokenizer cuts sentences longer than the maximum", "[text]") {
  std::string text;
  for (int i = 0; i < 500; ++i) text += (i % 10 == 9) ? "word, " : "word ";
  Document d = tokenize(text);
  REQUIRE(d.sentences.size() >= 2);
  for (const auto& s : d.sentences) CHECK(s.tokens.size() <= 300);
  // Cut after a comma when one is near the limit.
  CHECK(d.sentences[0].tokens.back().form == ",");
}

TEST_CASE("Tokenizer handles a 1 MB line without spaces and binary bytes", "[text]") {
  std::string big(1 << 20, 'a');
  Document d = tokenize(big);
  size_t total = 0;
  for (const auto& s : d.sentences) {
    for (const auto& t : s.tokens) {
      CHECK(t.form.size() <= 1000);
      total += t.form.size();
    }
  }
  CHECK(total == big.size());

  std::string punct(1 << 20, '.');
  CHECK_FALSE(tokenize(punct).sentences.empty());
  std::string mixed;
  for (int i = 0; i < 200000; ++i) mixed += "a-1.";
  CHECK_FALSE(tokenize(mixed).sentences.empty());

  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>(i * 37 % 256);
  Document b = tokenize(binary);
  for (const auto& s : b.sentences) {
    for (const auto& t : s.tokens) {
      CHECK_FALSE(t.form.empty());
      CHECK(t.form.find('\n') == std::string::npos);
      CHECK(t.form.find(' ') == std::string::npos);
    }
  }
}

TEST_CASE("Tokenizer gives no sentences for empty or blank text", "[text]") {
  CHECK(tokenize("").sentences.empty());
  CHECK(tokenize(" \n\t \n").sentences.empty());
}

TEST_CASE("tokenize_sentence never splits its input", "[text]") {
  Tokenizer tok = Tokenizer::create();
  Sentence s = tok.tokenize_sentence("It rained. Then it stopped.");
  CHECK(s.tokens.size() == 7);
  CHECK(s.text == "It rained. Then it stopped.");
}
