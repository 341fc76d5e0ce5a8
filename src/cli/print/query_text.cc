// Plain-text printers for neighbours and paths.
#include <algorithm>
#include <cstdio>
#include <ostream>

#include "cli/print/query_print.h"
#include "common/utf8.h"

namespace kg::cli {
namespace {

std::string plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string arrow(const std::string& label, bool backward, bool negated) {
  std::string shown = negated ? "NOT " + label : label;
  return backward ? "<-[" + shown + "]-" : "-[" + shown + "]->";
}

void print_evidence_line(std::ostream& out, const Evidence& ev, const std::string& indent) {
  out << indent << '[' << ev.doc;
  if (ev.sentence >= 0) out << " #" << ev.sentence;
  if (!ev.date.empty()) out << ", " << ev.date;
  out << "] " << ev.text;
  if (ev.attribution) out << "  (said by " << *ev.attribution << ')';
  if (ev.modality) out << "  (" << *ev.modality << ')';
  out << '\n';
}

// A match cell as a person reads it: a node as "Name (TYPE)", a relationship as its label and
// fact count, a list comma-separated, null as nothing.
std::string cell_text(const MatchCell& cell) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return std::to_string(x);
        } else if constexpr (std::is_same_v<T, double>) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%g", x);
          return buf;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return x;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          std::string out;
          for (const std::string& s : x) out += (out.empty() ? "" : ", ") + s;
          return out;
        } else if constexpr (std::is_same_v<T, MatchNode>) {
          return x.name + " (" + x.type + ")";
        } else {
          return (x.negated ? "NOT " : "") + x.label + " (" + plural(x.count, "fact", "facts") + ")";
        }
      },
      cell);
}

}  // namespace

void print_match_text(std::ostream& out, const MatchResult& result) {
  std::vector<std::vector<std::string>> table;
  table.push_back(result.columns);
  for (const auto& row : result.rows) {
    std::vector<std::string> line;
    for (const MatchCell& c : row) line.push_back(cell_text(c));
    table.push_back(std::move(line));
  }
  std::vector<size_t> width(result.columns.size(), 0);
  for (const auto& line : table) {
    for (size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], utf8::length(line[i]));
  }
  auto print_line = [&](const std::vector<std::string>& line) {
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      text += line[i];
      if (i + 1 < line.size()) text += std::string(width[i] - utf8::length(line[i]) + 2, ' ');
    }
    out << text << '\n';
  };
  print_line(table[0]);
  std::vector<std::string> rule;
  for (size_t w : width) rule.push_back(std::string(w, '-'));
  print_line(rule);
  for (size_t r = 1; r < table.size(); ++r) {
    print_line(table[r]);
    if (r - 1 < result.evidence.size()) {
      for (const MatchEvidence& ev : result.evidence[r - 1]) {
        print_evidence_line(out, ev.fact, "    " + ev.relationship + ": ");
      }
    }
  }
  out << '(' << plural(result.rows.size(), "row", "rows") << ")\n";
}

void print_neighbors_text(std::ostream& out, const EntityInfo& entity,
                          const std::vector<Neighbor>& neighbors) {
  out << entity.name << " (" << (entity.type.empty() ? "" : entity.type + ", ")
      << plural(entity.mentions, "mention", "mentions");
  if (!entity.aliases.empty()) {
    out << "; also ";
    for (size_t i = 0; i < entity.aliases.size(); ++i) out << (i ? ", " : "") << entity.aliases[i];
  }
  out << ")\n";
  if (neighbors.empty()) out << "  no edges\n";
  for (const Neighbor& n : neighbors) {
    out << "  " << arrow(n.edge.relation_label, !n.outgoing, n.edge.negated) << ' ';
    // A value is a literal: quoted, with its value type ("5 pct" PERCENT).
    if (is_value_id(n.other.id)) {
      out << '"' << n.other.name << "\" " << n.other.type;
    } else {
      out << n.other.name;
      if (!n.other.type.empty()) out << " (" << n.other.type << ')';
    }
    out << "  " << plural(n.edge.count, "fact", "facts") << '\n';
    for (const Evidence& ev : n.evidence) print_evidence_line(out, ev, "      ");
  }
}

void print_paths_text(std::ostream& out, const std::vector<NamedPath>& paths,
                      const std::string& from, const std::string& to, const PathOptions& options) {
  if (paths.empty()) {
    out << "no path between " << from << " and " << to << " within "
        << plural(options.max_hops, "hop", "hops");
    if (!options.relation.empty()) out << " over '" << options.relation << "' edges";
    if (options.directed) out << " following edge direction";
    if (!options.since.empty() || !options.until.empty()) {
      out << " over facts dated " << (options.since.empty() ? "..." : options.since) << " to "
          << (options.until.empty() ? "..." : options.until);
    }
    if (options.min_confidence > 0) out << " with confidence >= " << options.min_confidence;
    if (!options.via_concepts) out << " through named entities (--via-concepts walks concepts too)";
    out << '\n';
    return;
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    const NamedPath& p = paths[i];
    if (paths.size() > 1) out << i + 1 << ". ";
    out << p.nodes[0];
    for (size_t j = 0; j < p.steps.size(); ++j) {
      out << ' ' << arrow(p.steps[j].relation, p.steps[j].backward, false) << ' ' << p.nodes[j + 1];
    }
    out << "  (" << plural(p.steps.size(), "hop", "hops") << ")\n";
  }
}

}  // namespace kg::cli
