// Escaping text for each export format. Every function first repairs invalid UTF-8 (U+FFFD), so
// no writer can emit bytes its format forbids.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "query/query.h"

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

// The values of each node's facts (Subgraph::values), by subject, in the subgraph's order.
std::unordered_map<EntityId, std::vector<const ExportValue*>> values_by_subject(const Subgraph& g);
// One value fact as text for formats without literals: "rise to: 5 pct (PERCENT)", with "NOT "
// before a negated relation.
std::string value_text(const ExportValue& v);

}  // namespace kg::export_internal
