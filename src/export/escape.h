// Escaping text for each export format. Every function first repairs invalid UTF-8 (U+FFFD), so
// no writer can emit bytes its format forbids.
#pragma once

#include <string>
#include <string_view>

namespace kg::export_internal {

// A DOT quoted string, quotes included: \ " & escaped (Graphviz reads &...; as an entity in
// labels), newlines as \n, other control characters as spaces; non-ASCII kept as UTF-8.
std::string dot_quoted(std::string_view s);

// An N-Triples STRING_LITERAL_QUOTE, quotes included: \" \\ \n \r \t \b \f as ECHAR, other
// controls as \u00XX; non-ASCII kept as UTF-8.
std::string ntriples_literal(std::string_view s);

// `s` percent-encoded for an IRI path segment: bytes other than ALPHA / DIGIT / - . _ ~ as %XX.
std::string iri_segment(std::string_view s);

// Text that XML 1.0 accepts: controls other than tab, LF and CR become U+FFFD.
std::string xml_safe(std::string_view s);

// An RFC 4180 CSV field: quoted (with "" for ") when it holds , " CR or LF.
std::string csv_field(std::string_view s);

}  // namespace kg::export_internal
