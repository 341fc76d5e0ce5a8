// Format names and node ids shared by every writer.

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

std::optional<ExportFormat> export_format_for(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view ext = path.substr(dot + 1);
  if (ext == "dot" || ext == "gv") return ExportFormat::kDot;
  if (ext == "graphml") return ExportFormat::kGraphml;
  if (ext == "nt") return ExportFormat::kNtriples;
  if (ext == "json") return ExportFormat::kJson;
  if (ext == "csv") return ExportFormat::kCsv;
  return std::nullopt;
}

}  // namespace kg
