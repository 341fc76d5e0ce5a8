// Hand-rolled triples JSONL parser: a strict JSON subset that bails out to the reference parser
// (doc/triples_jsonl.cc) on anything unusual, so both always agree on what they accept.
#include "doc/fast_triples.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>

#include "common/utf8.h"

namespace kg {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool at_end() const { return p_ == end_; }
  bool eat(char c) {
    ws();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  char peek() {
    ws();
    return p_ < end_ ? *p_ : '\0';
  }

  // A JSON string (opening quote next); unescapes into `out`.
  bool string(std::string& out) {
    if (!eat('"')) return false;
    out.clear();
    const char* start = p_;
    while (true) {
      // Copy the plain run.
      const char* q = start;
      while (q < end_ && *q != '"' && *q != '\\' && static_cast<unsigned char>(*q) >= 0x20) ++q;
      out.append(start, q);
      if (q >= end_) return false;
      if (*q == '"') {
        p_ = q + 1;
        return true;
      }
      if (*q != '\\') return false;  // a raw control character
      if (q + 1 >= end_) return false;
      char e = q[1];
      start = q + 2;
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          uint32_t cp;
          if (!hex4(start, cp)) return false;
          start += 4;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo;
            if (end_ - start < 6 || start[0] != '\\' || start[1] != 'u' || !hex4(start + 2, lo) ||
                lo < 0xDC00 || lo > 0xDFFF) {
              return false;
            }
            start += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          utf8::append(out, static_cast<char32_t>(cp));
          break;
        }
        default:
          return false;
      }
    }
  }

  // A non-negative integer without sign, fraction or exponent (what nlohmann stores unsigned).
  bool unsigned_int(uint64_t& v) {
    ws();
    const char* q = p_;
    if (q >= end_ || *q < '0' || *q > '9') return false;
    if (*q == '0' && q + 1 < end_ && q[1] >= '0' && q[1] <= '9') return false;  // leading zero
    auto [ptr, ec] = std::from_chars(q, end_, v);
    if (ec != std::errc()) return false;
    if (ptr < end_ && (*ptr == '.' || *ptr == 'e' || *ptr == 'E')) return false;
    p_ = ptr;
    return true;
  }

  // Any JSON number, as a double.
  bool number(double& v) {
    ws();
    const char* q = p_;
    const char* s = q;
    if (q < end_ && *q == '-') ++q;
    if (q >= end_ || *q < '0' || *q > '9') return false;
    if (*q == '0' && q + 1 < end_ && q[1] >= '0' && q[1] <= '9') return false;
    while (q < end_ && *q >= '0' && *q <= '9') ++q;
    if (q < end_ && *q == '.') {
      ++q;
      if (q >= end_ || *q < '0' || *q > '9') return false;
      while (q < end_ && *q >= '0' && *q <= '9') ++q;
    }
    if (q < end_ && (*q == 'e' || *q == 'E')) {
      ++q;
      if (q < end_ && (*q == '+' || *q == '-')) ++q;
      if (q >= end_ || *q < '0' || *q > '9') return false;
      while (q < end_ && *q >= '0' && *q <= '9') ++q;
    }
    auto [ptr, ec] = std::from_chars(s, q, v);
    if (ec != std::errc() || ptr != q) return false;
    p_ = q;
    return true;
  }

  bool literal(std::string_view word) {
    ws();
    if (static_cast<size_t>(end_ - p_) < word.size() || std::memcmp(p_, word.data(), word.size()))
      return false;
    p_ += word.size();
    return true;
  }

  // Skips any JSON value (for members the format ignores).
  bool skip_value(int depth = 0) {
    if (depth > 32) return false;
    char c = peek();
    std::string tmp;
    double d;
    switch (c) {
      case '"':
        return string(tmp);
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      case '[':
        ++p_;
        if (eat(']')) return true;
        do {
          if (!skip_value(depth + 1)) return false;
        } while (eat(','));
        return eat(']');
      case '{':
        ++p_;
        if (eat('}')) return true;
        do {
          if (!string(tmp) || !eat(':') || !skip_value(depth + 1)) return false;
        } while (eat(','));
        return eat('}');
      default:
        return number(d);
    }
  }

 private:
  static bool hex4(const char* s, uint32_t& v) {
    v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s[i];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
      else return false;
    }
    return true;
  }

  const char* p_;
  const char* end_;
};

bool known_type(const std::string& t) {
  if (t.empty()) return true;
  for (const char* k : kEntityTypes) {
    if (t == k) return true;
  }
  return false;
}

bool has_non_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return true;
  }
  return false;
}

enum Field : uint32_t {
  kDoc = 1u << 0, kSubject = 1u << 1, kRelation = 1u << 2, kObject = 1u << 3,
  kSubjectText = 1u << 4, kObjectText = 1u << 5, kSubjectType = 1u << 6, kObjectType = 1u << 7,
  kSentence = 1u << 8, kText = 1u << 9, kSpan = 1u << 10, kNegated = 1u << 11,
  kModality = 1u << 12, kAttribution = 1u << 13, kConfidence = 1u << 14, kArgs = 1u << 15,
  kObjectValue = 1u << 16,
};

struct Member {
  std::string_view name;
  Field field;
};
constexpr Member kMembers[] = {
    {"doc", kDoc}, {"subject", kSubject}, {"relation", kRelation}, {"object", kObject},
    {"subject_text", kSubjectText}, {"object_text", kObjectText},
    {"subject_type", kSubjectType}, {"object_type", kObjectType}, {"sentence", kSentence},
    {"text", kText}, {"span", kSpan}, {"negated", kNegated}, {"modality", kModality},
    {"attribution", kAttribution}, {"confidence", kConfidence}, {"args", kArgs},
    {"object_value", kObjectValue},
};

constexpr size_t kMaxPositions = 32;

// The member named `key`. Lines of one file list their members in one order, so the member
// found at the same position last time is tried first (per thread, no locking).
const Member* find_member(std::string_view key, size_t position) {
  thread_local unsigned char predicted[kMaxPositions] = {};
  if (position < kMaxPositions) {
    const Member& guess = kMembers[predicted[position]];
    if (guess.name == key) return &guess;
  }
  for (size_t i = 0; i < std::size(kMembers); ++i) {
    if (kMembers[i].name.size() == key.size() && kMembers[i].name == key) {
      if (position < kMaxPositions) predicted[position] = static_cast<unsigned char>(i);
      return &kMembers[i];
    }
  }
  return nullptr;
}

// A string member that may be null (left as is).
bool optional_string(Scanner& s, std::string& out) {
  if (s.peek() == 'n') return s.literal("null");
  return s.string(out);
}

bool nullable_string(Scanner& s, std::optional<std::string>& out) {
  if (s.peek() == 'n') return s.literal("null");
  std::string v;
  if (!s.string(v)) return false;
  out = std::move(v);
  return true;
}

bool parse_args(Scanner& s, std::vector<ExtraArgument>& out) {
  if (s.peek() == 'n') return s.literal("null");
  if (!s.eat('[')) return false;
  if (s.eat(']')) return true;
  std::string key;
  do {
    if (!s.eat('{')) return false;
    ExtraArgument arg;
    bool has_prep = false, has_text = false;
    if (!s.eat('}')) {
      do {
        if (!s.string(key) || !s.eat(':')) return false;
        if (key == "prep") {
          if (has_prep || !optional_string(s, arg.prep)) return false;
          has_prep = true;
        } else if (key == "text") {
          if (has_text || s.peek() != '"' || !s.string(arg.text)) return false;
          has_text = true;
        } else if (!s.skip_value()) {
          return false;
        }
      } while (s.eat(','));
      if (!s.eat('}')) return false;
    }
    if (!has_text || arg.text.empty()) return false;
    out.push_back(std::move(arg));
  } while (s.eat(','));
  return s.eat(']');
}

}  // namespace

bool fast_parse_triple(std::string_view line, Triple& t) {
  if (has_non_ascii(line) && utf8::find_invalid(line)) return false;
  t = Triple();
  Scanner s(line);
  if (!s.eat('{')) return false;
  uint32_t seen = 0;
  size_t position = 0;
  std::string key, object_value;
  if (!s.eat('}')) {
    do {
      if (!s.string(key) || !s.eat(':')) return false;
      const Member* m = find_member(key, position++);
      if (m == nullptr) {
        if (!s.skip_value()) return false;
        continue;
      }
      if (seen & m->field) return false;  // duplicate member: let the reference parser decide
      seen |= m->field;
      bool ok = true;
      switch (m->field) {
        case kDoc: ok = optional_string(s, t.doc); break;
        case kSubject: ok = optional_string(s, t.subject); break;
        case kRelation: ok = optional_string(s, t.relation); break;
        case kObject: ok = optional_string(s, t.object); break;
        case kSubjectText: ok = optional_string(s, t.subject_text); break;
        case kObjectText: ok = optional_string(s, t.object_text); break;
        case kSubjectType: ok = optional_string(s, t.subject_type); break;
        case kObjectType: ok = optional_string(s, t.object_type); break;
        case kObjectValue: ok = optional_string(s, object_value); break;
        case kText: ok = optional_string(s, t.text); break;
        case kModality: ok = nullable_string(s, t.modality); break;
        case kAttribution: ok = nullable_string(s, t.attribution); break;
        case kSentence:
          if (s.peek() == 'n') {
            ok = s.literal("null");
          } else {
            uint64_t v = 0;
            ok = s.unsigned_int(v) && v <= static_cast<uint64_t>(std::numeric_limits<int>::max());
            t.sentence = static_cast<int>(v);
          }
          break;
        case kSpan:
          if (s.peek() == 'n') {
            ok = s.literal("null");
          } else {
            uint64_t a = 0, b = 0;
            ok = s.eat('[') && s.unsigned_int(a) && s.eat(',') && s.unsigned_int(b) && s.eat(']') &&
                 a <= b;
            t.span = std::make_pair(static_cast<size_t>(a), static_cast<size_t>(b));
          }
          break;
        case kNegated:
          if (s.peek() == 't') {
            ok = s.literal("true");
            t.negated = true;
          } else if (s.peek() == 'f') {
            ok = s.literal("false");
          } else {
            ok = s.literal("null");
          }
          break;
        case kConfidence:
          if (s.peek() == 'n') {
            ok = s.literal("null");
          } else {
            double v = 0;
            ok = s.number(v) && v >= 0 && v <= 1;
            t.confidence = v;
          }
          break;
        case kArgs:
          ok = parse_args(s, t.args);
          break;
      }
      if (!ok) return false;
    } while (s.eat(','));
    if (!s.eat('}')) return false;
  }
  s.ws();
  if (!s.at_end()) return false;
  if (t.doc.empty() || t.subject.empty() || t.relation.empty() || t.object.empty()) return false;
  if (!object_value.empty()) {
    // A literal object: its value type stands for the object's type (the reference parser
    // reports a line that gives both, or an unknown value type).
    if (!t.object_type.empty() || !is_value_type(object_value)) return false;
    t.object_type = std::move(object_value);
    return known_type(t.subject_type);
  }
  return known_type(t.subject_type) && known_type(t.object_type);
}

bool find_doc_id(std::string_view line, std::string& doc) {
  for (size_t pos = line.find("\"doc\""); pos != std::string_view::npos;
       pos = line.find("\"doc\"", pos + 1)) {
    Scanner s(line.substr(pos + 5));
    if (s.eat(':') && s.peek() == '"' && s.string(doc) && !doc.empty()) return true;
  }
  return false;
}

}  // namespace kg
