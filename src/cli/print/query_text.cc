// Plain-text printers for neighbours and paths.
#include <ostream>

#include "cli/print/query_print.h"

namespace kg::cli {
namespace {

std::string plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string arrow(const std::string& label, bool backward, bool negated) {
  std::string shown = negated ? "NOT " + label : label;
  return backward ? "<-[" + shown + "]-" : "-[" + shown + "]->";
}

}  // namespace

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
    for (const Evidence& ev : n.evidence) {
      out << "      [" << ev.doc;
      if (ev.sentence >= 0) out << " #" << ev.sentence;
      if (!ev.date.empty()) out << ", " << ev.date;
      out << "] " << ev.text;
      if (ev.attribution) out << "  (said by " << *ev.attribution << ')';
      if (ev.modality) out << "  (" << *ev.modality << ')';
      out << '\n';
    }
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
