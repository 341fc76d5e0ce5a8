// Escaping text for DOT, N-Triples, IRIs, XML and CSV.
#include "export/escape.h"

#include <cstdio>

#include "common/utf8.h"

namespace kg::export_internal {
namespace {

std::string valid(std::string_view s) {
  return utf8::find_invalid(s) ? utf8::repair(s) : std::string(s);
}

}  // namespace

std::string dot_quoted(std::string_view raw) {
  std::string s = valid(raw);
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      default:
        out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string ntriples_literal(std::string_view raw) {
  std::string s = valid(raw);
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string iri_segment(std::string_view raw) {
  std::string s = valid(raw);
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string xml_safe(std::string_view raw) {
  std::string s = valid(raw);
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
    } else {
      out += ch;
    }
  }
  return out;
}

std::string csv_field(std::string_view raw) {
  std::string s = valid(raw);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::unordered_map<EntityId, std::vector<const ExportValue*>> values_by_subject(const Subgraph& g) {
  std::unordered_map<EntityId, std::vector<const ExportValue*>> out;
  for (const ExportValue& v : g.values) out[v.edge.subject].push_back(&v);
  return out;
}

std::string value_text(const ExportValue& v) {
  return (v.edge.negated ? "NOT " : "") + v.edge.relation_label + ": " + v.value + " (" + v.type +
         ")";
}

}  // namespace kg::export_internal
