// Triples JSONL parsing and writing with nlohmann_json.
#include "doc/triples_jsonl.h"

#include <nlohmann/json.hpp>

#include "common/utf8.h"

namespace kg {
namespace {

using nlohmann::json;

Status get_string(const json& j, const char* key, bool required, std::string& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) return Status::invalid(std::string("missing required field \"") + key + "\"");
    return {};
  }
  if (!it->is_string()) return Status::invalid(std::string("field \"") + key + "\" must be a string");
  out = it->get<std::string>();
  if (required && out.empty()) return Status::invalid(std::string("field \"") + key + "\" is empty");
  return {};
}

Status get_optional(const json& j, const char* key, std::optional<std::string>& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_string()) return Status::invalid(std::string("field \"") + key + "\" must be a string or null");
  out = it->get<std::string>();
  return {};
}

}  // namespace

Result<Triple> parse_triple_json(std::string_view line) {
  if (auto bad = utf8::find_invalid(line)) {
    return Status::invalid("invalid UTF-8 at byte " + std::to_string(*bad + 1));
  }
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::invalid("not valid JSON");
  if (!j.is_object()) return Status::invalid("expected a JSON object");
  Triple t;
  KG_RETURN_IF_ERROR(get_string(j, "doc", true, t.doc));
  KG_RETURN_IF_ERROR(get_string(j, "subject", true, t.subject));
  KG_RETURN_IF_ERROR(get_string(j, "relation", true, t.relation));
  KG_RETURN_IF_ERROR(get_string(j, "object", true, t.object));
  KG_RETURN_IF_ERROR(get_string(j, "subject_text", false, t.subject_text));
  KG_RETURN_IF_ERROR(get_string(j, "object_text", false, t.object_text));
  KG_RETURN_IF_ERROR(get_string(j, "subject_type", false, t.subject_type));
  KG_RETURN_IF_ERROR(get_string(j, "object_type", false, t.object_type));
  for (const std::string* type : {&t.subject_type, &t.object_type}) {
    if (type->empty()) continue;
    bool known = false;
    for (const char* k : kEntityTypes) known |= *type == k;
    if (!known) return Status::invalid("unknown entity type \"" + *type + "\" (PERSON, ORG, LOC, MISC, CONCEPT)");
  }
  // A literal object ("5 pct"): its value type stands for the object's type.
  std::string object_value;
  KG_RETURN_IF_ERROR(get_string(j, "object_value", false, object_value));
  if (!object_value.empty()) {
    if (!t.object_type.empty()) {
      return Status::invalid("fields \"object_type\" and \"object_value\" exclude each other");
    }
    if (!is_value_type(object_value)) {
      return Status::invalid("unknown value type \"" + object_value +
                             "\" (NUMBER, AMOUNT, PERCENT, QUANTITY, DATE)");
    }
    t.object_type = std::move(object_value);
  }
  KG_RETURN_IF_ERROR(get_string(j, "text", false, t.text));
  if (auto it = j.find("sentence"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<long long>() < 0) return Status::invalid("field \"sentence\" must be a non-negative integer");
    t.sentence = static_cast<int>(it->get<long long>());
  }
  if (auto it = j.find("span"); it != j.end() && !it->is_null()) {
    if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_unsigned() ||
        !(*it)[1].is_number_unsigned() || (*it)[0].get<size_t>() > (*it)[1].get<size_t>()) {
      return Status::invalid("field \"span\" must be [start, end] with 0 <= start <= end");
    }
    t.span = std::make_pair((*it)[0].get<size_t>(), (*it)[1].get<size_t>());
  }
  if (auto it = j.find("negated"); it != j.end() && !it->is_null()) {
    if (!it->is_boolean()) return Status::invalid("field \"negated\" must be true or false");
    t.negated = it->get<bool>();
  }
  KG_RETURN_IF_ERROR(get_optional(j, "modality", t.modality));
  KG_RETURN_IF_ERROR(get_optional(j, "attribution", t.attribution));
  if (auto it = j.find("confidence"); it != j.end() && !it->is_null()) {
    if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1) {
      return Status::invalid("field \"confidence\" must be a number in [0, 1]");
    }
    t.confidence = it->get<double>();
  }
  if (auto it = j.find("args"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return Status::invalid("field \"args\" must be an array");
    for (const auto& a : *it) {
      if (!a.is_object()) return Status::invalid("field \"args\" must hold objects {\"prep\", \"text\"}");
      ExtraArgument arg;
      KG_RETURN_IF_ERROR(get_string(a, "prep", false, arg.prep));
      KG_RETURN_IF_ERROR(get_string(a, "text", true, arg.text));
      t.args.push_back(std::move(arg));
    }
  }
  return t;
}

std::string triple_to_json(const Triple& t) {
  json j = json::object();
  j["doc"] = t.doc;
  j["subject"] = t.subject;
  j["relation"] = t.relation;
  j["object"] = t.object;
  if (!t.subject_text.empty()) j["subject_text"] = t.subject_text;
  if (!t.object_text.empty()) j["object_text"] = t.object_text;
  if (!t.subject_type.empty()) j["subject_type"] = t.subject_type;
  if (is_value_type(t.object_type)) {
    j["object_value"] = t.object_type;
  } else if (!t.object_type.empty()) {
    j["object_type"] = t.object_type;
  }
  if (t.sentence >= 0) j["sentence"] = t.sentence;
  if (!t.text.empty()) j["text"] = t.text;
  if (t.span) j["span"] = {t.span->first, t.span->second};
  j["negated"] = t.negated;
  j["modality"] = t.modality ? json(*t.modality) : json(nullptr);
  j["attribution"] = t.attribution ? json(*t.attribution) : json(nullptr);
  j["confidence"] = t.confidence;
  if (!t.args.empty()) {
    json args = json::array();
    for (const auto& a : t.args) args.push_back({{"prep", a.prep}, {"text", a.text}});
    j["args"] = std::move(args);
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<std::optional<Triple>> TriplesReader::next() {
  std::string line;
  while (std::getline(in_, line)) {
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto t = parse_triple_json(line);
    if (!t.ok()) return t.status().with_context(name_ + ":" + std::to_string(line_));
    return std::optional<Triple>(std::move(t).value());
  }
  return std::optional<Triple>();
}

}  // namespace kg
