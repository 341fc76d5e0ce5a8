// Format names and node ids shared by every writer.
#include <cstdio>

#include "export/export.h"

namespace kg {

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  if (name == "dot") return ExportFormat::kDot;
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "ntriples") return ExportFormat::kNtriples;
  if (name == "json") return ExportFormat::kJson;
  if (name == "csv") return ExportFormat::kCsv;
  return std::nullopt;
}

std::string node_id(EntityId id) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(id));
  return buf;
}

}  // namespace kg
