// NameLinker: single-word person names linked to the one full name seen in earlier documents.
#include "pipeline/name_linker.h"

#include <string>

#include "common/utf8.h"

namespace kg {
namespace {

using utf8::ascii_lower;

std::string last_word(const std::string& name) {
  const size_t sp = name.rfind(' ');
  return sp == std::string::npos ? std::string() : name.substr(sp + 1);
}

bool single_word(const std::string& name) {
  return !name.empty() && name.find(' ') == std::string::npos;
}

}  // namespace

void NameLinker::observe(const std::string& name, const std::string& type) {
  if (type != "PERSON") return;
  const std::string last = last_word(name);
  if (last.size() < 2) return;
  std::set<std::string>& names = full_names_[ascii_lower(last)];
  if (names.size() < 2) names.insert(name);  // two are enough to know it is ambiguous
}

size_t NameLinker::link(std::vector<Triple>& triples) {
  for (const Triple& t : triples) {
    observe(t.subject, t.subject_type);
    observe(t.object, t.object_type);
  }
  auto full = [&](const std::string& name) -> const std::string* {
    if (!single_word(name)) return nullptr;
    auto it = full_names_.find(ascii_lower(name));
    if (it == full_names_.end() || it->second.size() != 1) return nullptr;
    return &*it->second.begin();
  };
  size_t changed = 0;
  for (Triple& t : triples) {
    if (t.subject_type == "PERSON") {
      if (const std::string* f = full(t.subject)) t.subject = *f, ++changed;
    }
    if (t.object_type == "PERSON") {
      if (const std::string* f = full(t.object)) t.object = *f, ++changed;
    }
    if (t.attribution) {
      if (const std::string* f = full(*t.attribution)) t.attribution = *f, ++changed;
    }
  }
  return changed;
}

}  // namespace kg
