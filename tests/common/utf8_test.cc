#include <catch2/catch.hpp>

#include "common/utf8.h"

using namespace kg;

TEST_CASE("utf8 accepts valid text and finds the first invalid byte", "[common]") {
  CHECK_FALSE(utf8::find_invalid("plain ascii").has_value());
  CHECK_FALSE(utf8::find_invalid("Zürich “quoted” 😀").has_value());
  CHECK(utf8::find_invalid("ab\xff" "cd") == 2u);
  CHECK(utf8::find_invalid("\xc0\xaf") == 0u);          // overlong '/'
  CHECK(utf8::find_invalid("x\xed\xa0\x80") == 1u);     // surrogate
  CHECK(utf8::find_invalid("abc\xe2\x80") == 3u);       // truncated
}

TEST_CASE("utf8 repair replaces each invalid byte with U+FFFD", "[common]") {
  CHECK(utf8::repair("a\xff" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(utf8::repair("ok") == "ok");
}

TEST_CASE("utf8 decode and append round-trip code points", "[common]") {
  std::string s;
  for (char32_t cp : {U'a', U'é', U'€', U'😀'}) utf8::append(s, cp);
  size_t pos = 0;
  CHECK(utf8::decode(s, pos) == U'a');
  CHECK(utf8::decode(s, pos) == U'é');
  CHECK(utf8::decode(s, pos) == U'€');
  CHECK(utf8::decode(s, pos) == U'😀');
  CHECK(pos == s.size());
}

TEST_CASE("utf8 line_of counts lines for messages", "[common]") {
  CHECK(utf8::line_of("a\nb\nc", 0) == 1u);
  CHECK(utf8::line_of("a\nb\nc", 4) == 3u);
}
