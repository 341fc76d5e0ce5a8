#include "export/escape.h"

#include <catch2/catch.hpp>

#include "export/export.h"

using namespace kg::export_internal;

TEST_CASE("DOT strings escape quotes, backslashes, ampersands and newlines", "[export]") {
  CHECK(dot_quoted("plain") == "\"plain\"");
  CHECK(dot_quoted("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(dot_quoted("a\\b") == "\"a\\\\b\"");
  CHECK(dot_quoted("ends\\") == "\"ends\\\\\"");
  CHECK(dot_quoted("AT&T &lt;") == "\"AT&amp;T &amp;lt;\"");
  CHECK(dot_quoted("line1\nline2") == "\"line1\\nline2\"");
  CHECK(dot_quoted("win\r\nline") == "\"win\\nline\"");
  CHECK(dot_quoted("tab\there\x01") == "\"tab here \"");
}

TEST_CASE("DOT strings keep non-ASCII text as UTF-8 and repair invalid bytes", "[export]") {
  CHECK(dot_quoted("Zelenskyy Володимир café 東京") == "\"Zelenskyy Володимир café 東京\"");
  CHECK(dot_quoted("bad\xff") == "\"bad\xEF\xBF\xBD\"");
}

TEST_CASE("N-Triples literals use ECHAR and UCHAR escapes", "[export]") {
  CHECK(ntriples_literal("plain") == "\"plain\"");
  CHECK(ntriples_literal("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"");
  CHECK(ntriples_literal("l1\nl2\r\t") == "\"l1\\nl2\\r\\t\"");
  CHECK(ntriples_literal(std::string("nul\0bell\x07", 9)) == "\"nul\\u0000bell\\u0007\"");
  CHECK(ntriples_literal("Kyiv Київ") == "\"Kyiv Київ\"");
}

TEST_CASE("IRI segments percent-encode everything but unreserved characters", "[export]") {
  CHECK(iri_segment("Joe Biden") == "Joe%20Biden");
  CHECK(iri_segment("a/b?c#d<e>\"f") == "a%2Fb%3Fc%23d%3Ce%3E%22f");
  CHECK(iri_segment("Київ") == "%D0%9A%D0%B8%D1%97%D0%B2");
  CHECK(iri_segment("keep-._~Az09") == "keep-._~Az09");
  CHECK(iri_segment("100%") == "100%25");
}

TEST_CASE("Base IRIs must be absolute and legal in N-Triples", "[export]") {
  CHECK(kg::check_base_iri("http://example.org/kg/").ok());
  CHECK(kg::check_base_iri("urn:kg:").ok());
  CHECK_FALSE(kg::check_base_iri("example.org/kg/").ok());
  CHECK_FALSE(kg::check_base_iri("http://example.org/k g/").ok());
  CHECK_FALSE(kg::check_base_iri("http://example.org/<kg>/").ok());
  CHECK(kg::check_base_iri("kg").code() == kg::ErrorCode::kInvalidInput);
}

TEST_CASE("XML text replaces characters XML 1.0 forbids", "[export]") {
  CHECK(xml_safe("a\tb\nc") == "a\tb\nc");
  CHECK(xml_safe("a\x01z") == "a\xEF\xBF\xBDz");
}

TEST_CASE("CSV fields are quoted only when needed", "[export]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}
