// Edit-script lemmatizer with an exception list.
#include "tag/lemmatizer.h"

#include <algorithm>

#include "common/hash.h"
#include "tag/features.h"

namespace kg::tag {

uint64_t Lemmatizer::tag_key(std::string_view upos, std::string_view xpos) {
  return mix(hash64(upos, 31), hash64(xpos, 32));
}

uint64_t Lemmatizer::upos_key(std::string_view upos) { return mix(hash64(upos, 31), 33); }

size_t Lemmatizer::inflection_length(std::string_view lower, std::string_view upos,
                                     std::string_view xpos) {
  if (upos != "VERB") return 0;
  auto ends = [&](std::string_view e) {
    return lower.size() > e.size() + 1 && lower.substr(lower.size() - e.size()) == e;
  };
  if ((xpos == "VBD" || xpos == "VBN") && ends("ed")) return 2;
  if (xpos == "VBG" && ends("ing")) return 3;
  return 0;
}

bool Lemmatizer::is_boundary(std::string_view s, size_t len) {
  size_t cut = s.size() - len;
  return cut == s.size() || (static_cast<unsigned char>(s[cut]) & 0xC0) != 0x80;
}

uint64_t Lemmatizer::exact_key(std::string_view form, uint64_t tag) {
  return mix(hash64(form, 35), tag);
}

uint64_t Lemmatizer::suffix_key(uint64_t tag, std::string_view lower, size_t len) {
  return mix(tag, hash64(lower.substr(lower.size() - len), 34));
}

uint64_t Lemmatizer::stem_key(std::string_view stem, size_t len) {
  return mix(hash64(stem.substr(stem.size() - len), 36), 37);
}

std::string Lemmatizer::cased(std::string_view form, uint8_t casing) {
  if (casing == 1) return std::string(form);
  std::string out = lowercase(form);
  if (casing == 2 && !out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

bool Lemmatizer::apply(const Rule& rule, std::string_view form, std::string& out) {
  if (rule.strip > form.size() || !is_boundary(form, rule.strip)) return false;
  out = cased(form, rule.casing);
  out.resize(out.size() - rule.strip);
  out += rule.append;
  return !out.empty();
}

std::string Lemmatizer::lemmatize(std::string_view form, std::string_view upos,
                                  std::string_view xpos, bool own_exception) const {
  const uint64_t tag = tag_key(upos, xpos);
  thread_local std::string lower;
  lower.assign(form);
  bool has_upper = false;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      has_upper = true;
    }
  }
  if (!exact_.empty()) {
    auto it = exact_.find(exact_key(form, tag));
    if (own_exception && it != exact_.end() && !it->second.empty()) return it->second;
    if (has_upper && upos != "PROPN") {
      it = exact_.find(exact_key(lower, tag));
      if (it != exact_.end() && !it->second.empty()) return it->second;
    }
  }
  std::string out;
  // A regular -ed / -ing form whose stem ending is known for longer than the form's ending
  // (counted within the stem) takes the stem's edit.
  if (size_t infl = inflection_length(lower, upos, xpos);
      infl && lower[lower.size() - infl - 1] != 'e') {
    std::string_view stem = std::string_view(lower).substr(0, lower.size() - infl);
    size_t form_len = 0;
    for (size_t len = std::min(kMaxSuffix, lower.size()); len > 0; --len) {
      if (is_boundary(lower, len) &&
          by_suffix_.find(suffix_key(tag, lower, len)) != FlatMap::kMissing) {
        form_len = len;
        break;
      }
    }
    for (size_t len = std::min(kMaxSuffix, stem.size()); len > 0 && len + infl > form_len; --len) {
      if (!is_boundary(stem, len)) continue;
      const uint32_t rule = by_suffix_.find(stem_key(stem, len));
      if (rule == FlatMap::kMissing) continue;
      Rule r = rules_[rule];
      r.strip = static_cast<uint8_t>(std::min<size_t>(255, r.strip + infl));
      if (apply(r, form, out)) return out;
      break;
    }
  }
  for (uint64_t key : {tag, upos_key(upos)}) {
    for (size_t len = std::min(kMaxSuffix, lower.size()) + 1; len-- > 0;) {
      if (!is_boundary(lower, len)) continue;
      const uint32_t rule = by_suffix_.find(suffix_key(key, lower, len));
      if (rule == FlatMap::kMissing) continue;
      if (apply(rules_[rule], form, out)) return out;
    }
  }
  return upos == "PROPN" ? std::string(form) : lower;
}

void Lemmatizer::write(BinaryWriter& w) const {
  std::vector<std::pair<uint64_t, std::string>> exact(exact_.begin(), exact_.end());
  std::sort(exact.begin(), exact.end());
  w.varint(exact.size());
  for (const auto& [k, v] : exact) {
    w.u64(k);
    w.str(v);
  }
  w.varint(rules_.size());
  for (const Rule& r : rules_) {
    w.u8(r.casing);
    w.u8(r.strip);
    w.str(r.append);
  }
  std::vector<std::pair<uint64_t, uint32_t>> suffix;
  suffix.reserve(by_suffix_.size());
  by_suffix_.for_each([&](uint64_t k, uint32_t v) { suffix.emplace_back(k, v); });
  std::sort(suffix.begin(), suffix.end());
  w.varint(suffix.size());
  for (const auto& [k, v] : suffix) {
    w.u64(k);
    w.varint(v);
  }
}

Result<Lemmatizer> Lemmatizer::read(BinaryReader& r) {
  Lemmatizer lem;
  uint64_t n = r.varint();
  for (uint64_t i = 0; i < n && r.status().ok(); ++i) {
    uint64_t k = r.u64();
    lem.exact_.emplace(k, r.str());
  }
  n = r.varint();
  for (uint64_t i = 0; i < n && r.status().ok(); ++i) {
    Rule rule;
    rule.casing = r.u8();
    if (rule.casing > kTitle) return Status::corruption("lemmatizer: bad casing");
    rule.strip = r.u8();
    rule.append = r.str();
    lem.rules_.push_back(std::move(rule));
  }
  n = r.varint();
  for (uint64_t i = 0; i < n && r.status().ok(); ++i) {
    uint64_t k = r.u64();
    uint64_t v = r.varint();
    if (v >= lem.rules_.size()) return Status::corruption("lemmatizer rule index out of range");
    lem.by_suffix_.insert(k, static_cast<uint32_t>(v));
  }
  if (!r.status().ok()) return r.status();
  return lem;
}

}  // namespace kg::tag
