// CaRB scorer: readers, the binary lenient matcher and the confidence-curve aggregation.
#include "eval/carb.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "common/file.h"
#include "common/utf8.h"

namespace kg::eval {
namespace {

// Python's str.isspace() code points (what str.strip() and str.split() use).
bool is_py_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

std::string_view py_strip(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    size_t next = begin;
    if (!is_py_space(utf8::decode(s, next))) break;
    begin = next;
  }
  size_t end = s.size();
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t pos = start;
    if (!is_py_space(utf8::decode(s, pos)) || pos != end) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

// Python's str.split() with no separator.
std::vector<std::string_view> py_split(std::string_view s) {
  std::vector<std::string_view> words;
  size_t pos = 0, word_start = std::string_view::npos;
  while (pos < s.size()) {
    size_t at = pos;
    bool space = is_py_space(utf8::decode(s, pos));
    if (space && word_start != std::string_view::npos) {
      words.push_back(s.substr(word_start, at - word_start));
      word_start = std::string_view::npos;
    } else if (!space && word_start == std::string_view::npos) {
      word_start = at;
    }
  }
  if (word_start != std::string_view::npos) words.push_back(s.substr(word_start));
  return words;
}

std::vector<std::string_view> split_tabs(std::string_view s) {
  std::vector<std::string_view> fields;
  for (size_t start = 0;;) {
    size_t tab = s.find('\t', start);
    fields.push_back(s.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

// Calls fn(line, line_number) for each line; "\n", "\r\n" and "\r" end lines (Python's
// universal newlines).
template <typename Fn>
Status for_each_line(std::istream& in, const std::string& name, Fn fn) {
  KG_ASSIGN_OR_RETURN(const std::string text, read_stream(in, name));
  size_t line_no = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string::npos) end = text.size();
    KG_RETURN_IF_ERROR(fn(std::string_view(text).substr(start, end - start), ++line_no));
    start = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  return {};
}

class Grouper {
 public:
  void add(std::string sentence, CarbTuple t) {
    auto [it, fresh] = where_.try_emplace(sentence, out_.sentences.size());
    if (fresh) out_.sentences.emplace_back(std::move(sentence), std::vector<CarbTuple>{});
    out_.sentences[it->second].second.push_back(std::move(t));
  }
  CarbExtractions take() { return std::move(out_); }

 private:
  CarbExtractions out_;
  std::unordered_map<std::string, size_t> where_;
};

Result<CarbExtractions> read_file(const std::string& path,
                                  Result<CarbExtractions> (*reader)(std::istream&,
                                                                    const std::string&)) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot open " + path);
  return reader(in, path);
}

// Number of gold words found in `predicted` (each predicted word used once); `used` marks them.
int overlap(const std::vector<std::string_view>& gold,
            const std::vector<std::string_view>& predicted, std::vector<char>& used) {
  used.assign(predicted.size(), 0);
  int matched = 0;
  for (std::string_view w : gold) {
    for (size_t j = 0; j < predicted.size(); ++j) {
      if (!used[j] && predicted[j] == w) {
        used[j] = 1;
        ++matched;
        break;
      }
    }
  }
  return matched;
}

// Relation words, then arg1 and "all later arguments joined" (when there are two or more).
struct BinaryTuple {
  std::vector<std::string_view> relation;
  std::vector<std::vector<std::string_view>> args;
};

BinaryTuple binarize(const CarbTuple& t, bool swap_args = false) {
  BinaryTuple b;
  b.relation = py_split(t.relation);
  if (t.args.size() < 2) {
    for (const std::string& a : t.args) b.args.push_back(py_split(a));
    return b;
  }
  std::vector<std::string_view> first = py_split(t.args[0]), rest;
  for (size_t i = 1; i < t.args.size(); ++i) {
    for (std::string_view w : py_split(t.args[i])) rest.push_back(w);
  }
  if (swap_args) std::swap(first, rest);
  b.args.push_back(std::move(first));
  b.args.push_back(std::move(rest));
  return b;
}

std::pair<double, double> lenient_match(const BinaryTuple& gold, const BinaryTuple& sys) {
  std::vector<char> used;
  int prec_num = 0, prec_den = static_cast<int>(sys.relation.size());
  int rec_num = 0, rec_den = static_cast<int>(gold.relation.size());
  int matched = overlap(gold.relation, sys.relation, used);
  bool be_left = false;
  for (size_t j = 0; j < sys.relation.size(); ++j) be_left |= !used[j] && sys.relation[j] == "be";
  if (be_left) {
    static const std::string_view kForms[] = {"be",  "is",   "am",   "are",
                                              "was", "were", "been", "being"};
    bool gold_has_be = false;
    for (std::string_view form : kForms) {
      gold_has_be |=
          std::find(gold.relation.begin(), gold.relation.end(), form) != gold.relation.end();
    }
    if (gold_has_be) ++matched;
  }
  if (matched == 0) return {0.0, 0.0};
  prec_num += matched;
  rec_num += matched;
  for (size_t i = 0; i < gold.args.size(); ++i) {
    rec_den += static_cast<int>(gold.args[i].size());
    if (sys.args.size() <= i) {
      if (i < 2) return {0.0, 0.0};
      continue;
    }
    prec_den += static_cast<int>(sys.args[i].size());
    int m = overlap(gold.args[i], sys.args[i], used);
    prec_num += m;
    rec_num += m;
  }
  return {1.0 * prec_num / prec_den, 1.0 * rec_num / rec_den};
}

// numpy's pairwise summation (what ndarray.sum() does for float64), so that the AUC matches
// sklearn's to the last bit.
double numpy_sum(const double* a, size_t n) {
  if (n < 8) {
    double s = 0.0;  // numpy starts from -0.0; the sign of an empty or zero sum does not matter
    for (size_t i = 0; i < n; ++i) s += a[i];
    return s;
  }
  if (n <= 128) {
    double r[8];
    for (int k = 0; k < 8; ++k) r[k] = a[k];
    size_t i = 8;
    for (; i < n - n % 8; i += 8) {
      for (int k = 0; k < 8; ++k) r[k] += a[i + k];
    }
    double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) s += a[i];
    return s;
  }
  size_t n2 = n / 2;
  n2 -= n2 % 8;
  return numpy_sum(a, n2) + numpy_sum(a + n2, n - n2);
}

double round3(double x) { return std::nearbyint(x * 1000.0) / 1000.0; }

// Sentences by normalized key; a later raw sentence with the same key replaces an earlier one
// (keeping its position), as carb.py's dict rebuild does.
std::vector<std::pair<std::string, const std::vector<CarbTuple>*>> normalize(
    const CarbExtractions& e) {
  std::vector<std::pair<std::string, const std::vector<CarbTuple>*>> out;
  std::unordered_map<std::string, size_t> where;
  for (const auto& [sentence, tuples] : e.sentences) {
    std::string key = carb_sentence_key(sentence);
    auto [it, fresh] = where.try_emplace(key, out.size());
    if (fresh) {
      out.emplace_back(std::move(key), &tuples);
    } else {
      out[it->second].second = &tuples;
    }
  }
  return out;
}

// The distinct confidences of the system tuples, ascending: the curve's cut-offs.
std::vector<double> confidence_cutoffs(
    const std::vector<std::pair<std::string, const std::vector<CarbTuple>*>>& system) {
  std::vector<double> thresholds;
  for (const auto& [key, tuples] : system) {
    for (const CarbTuple& t : *tuples) thresholds.push_back(t.confidence);
  }
  std::sort(thresholds.begin(), thresholds.end());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
  return thresholds;
}

// Per cut-off, the sums behind precision (matched precision over kept tuples) and recall
// (matched recall over gold tuples).
struct CurveSums {
  explicit CurveSums(size_t n) : p(n, 0.0), pl(n, 0.0), r(n, 0.0), rl(n, 0.0) {}
  std::vector<double> p, pl, r, rl;
};

// carb_match of gold tuple i (row) with system tuple j (column), ns columns a row.
using MatchTable = std::vector<std::pair<double, double>>;

// Precision: greedy one-to-one, highest precision first.
double greedy_precision(const MatchTable& scores, size_t ng, size_t ns,
                        const std::vector<size_t>& kept) {
  double precision_num = 0;
  std::vector<char> row_used(ng, 0), col_used(ns, 0);
  for (size_t t = 0; t < std::min(ng, kept.size()); ++t) {
    size_t best_i = 0, best_j = 0;
    double best = -1;
    for (size_t i = 0; i < ng; ++i) {
      if (row_used[i]) continue;
      for (size_t j : kept) {
        if (col_used[j]) continue;
        if (scores[i * ns + j].first > best) {
          best = scores[i * ns + j].first;
          best_i = i;
          best_j = j;
        }
      }
    }
    row_used[best_i] = col_used[best_j] = 1;
    precision_num += scores[best_i * ns + best_j].first;
  }
  return precision_num;
}

// Recall: the best recall any kept tuple gets, per gold tuple.
double best_recall(const MatchTable& scores, size_t ng, size_t ns,
                   const std::vector<size_t>& kept) {
  double recall_num = 0;
  for (size_t i = 0; i < ng; ++i) {
    double best = 0;
    bool first = true;
    for (size_t j : kept) {
      if (first || scores[i * ns + j].second > best) best = scores[i * ns + j].second;
      first = false;
    }
    recall_num += best;
  }
  return recall_num;
}

// Adds one sentence's matches to the sums of every cut-off: at each of its system tuples'
// confidences, and for the cut-offs between, what the tuples kept there match.
void add_sentence(const std::vector<CarbTuple>& gold, const std::vector<CarbTuple>& sys,
                  const std::vector<double>& thresholds, CurveSums& sums) {
  const size_t num_conf = thresholds.size();
  const size_t ng = gold.size(), ns = sys.size();
  MatchTable scores(ng * ns);
  for (size_t i = 0; i < ng; ++i) {
    for (size_t j = 0; j < ns; ++j) scores[i * ns + j] = carb_match(gold[i], sys[j]);
  }
  std::vector<double> confs;
  for (const CarbTuple& t : sys) confs.push_back(t.confidence);
  std::sort(confs.begin(), confs.end());
  confs.erase(std::unique(confs.begin(), confs.end()), confs.end());
  size_t prev_c = 0;
  std::vector<size_t> kept;
  for (double conf : confs) {
    const size_t c =
        std::lower_bound(thresholds.begin(), thresholds.end(), conf) - thresholds.begin();
    kept.clear();
    for (size_t j = 0; j < ns; ++j) {
      if (sys[j].confidence >= conf) kept.push_back(j);
    }
    const double precision_num = greedy_precision(scores, ng, ns, kept);
    const double recall_num = best_recall(scores, ng, ns, kept);
    for (size_t k = prev_c; k <= c; ++k) {
      sums.p[k] += precision_num;
      sums.pl[k] += static_cast<double>(kept.size());
      sums.r[k] += recall_num;
      sums.rl[k] += static_cast<double>(ng);
    }
    prev_c = c + 1;
  }
  for (size_t k = prev_c; k < num_conf; ++k) sums.rl[k] += static_cast<double>(ng);
}

// The curve, its optimal point and its AUC from the sums of the (non-empty) cut-offs.
Status summarize(const std::vector<double>& thresholds, const CurveSums& sums, CarbScores& out) {
  const size_t num_conf = thresholds.size();
  std::vector<double> prec(num_conf), rec(num_conf), f1(num_conf);
  for (size_t k = 0; k < num_conf; ++k) {
    prec[k] = sums.pl[k] > 0 ? sums.p[k] / sums.pl[k] : 1.0;
    rec[k] = sums.rl[k] > 0 ? sums.r[k] / sums.rl[k] : 0.0;
    f1[k] = prec[k] + rec[k] == 0 ? std::nan("") : 2 * prec[k] * rec[k] / (prec[k] + rec[k]);
    out.curve.push_back({thresholds[k], prec[k], rec[k]});
  }
  // Optimal point: first maximum, ignoring NaN (numpy.nanargmax); all NaN -> (0, 0, 0).
  int best = -1;
  for (size_t k = 0; k < num_conf; ++k) {
    if (std::isnan(f1[k])) continue;
    if (best < 0 || f1[k] > f1[best]) best = static_cast<int>(k);
  }
  if (best >= 0) {
    out.precision = round3(prec[best]);
    out.recall = round3(rec[best]);
    out.f1 = round3(f1[best]);
    out.optimal_confidence = thresholds[best];
  }
  // AUC: sklearn.metrics.auc over the points plus (R=0, P=1), in cut-off order.
  std::vector<double> x = rec, y = prec;
  x.push_back(0.0);
  y.push_back(1.0);
  bool any_down = false, any_up = false;
  for (size_t k = 1; k < x.size(); ++k) {
    any_down |= x[k] < x[k - 1];
    any_up |= x[k] > x[k - 1];
  }
  if (any_down && any_up) {
    return Status::internal("CaRB recall is not monotonic over the confidence cut-offs");
  }
  std::vector<double> terms;
  for (size_t k = 1; k < x.size(); ++k)
    terms.push_back((x[k] - x[k - 1]) * (y[k] + y[k - 1]) / 2.0);
  double area = numpy_sum(terms.data(), terms.size());
  out.auc = round3(any_down ? -area : area);
  return Status::ok_status();
}

}  // namespace

size_t CarbExtractions::tuples() const {
  size_t n = 0;
  for (const auto& s : sentences) n += s.second.size();
  return n;
}

Result<CarbExtractions> read_carb_gold(std::istream& in, const std::string& name) {
  Grouper groups;
  KG_RETURN_IF_ERROR(for_each_line(in, name, [&](std::string_view raw, size_t line_no) {
    std::string_view line = py_strip(raw);
    if (line.empty()) return Status();
    std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() < 2) {
      return Status::invalid(name + ":" + std::to_string(line_no) +
                             ": expected sentence<TAB>relation<TAB>arguments...");
    }
    CarbTuple t;
    t.relation = std::string(py_strip(fields[1]));
    for (size_t i = 2; i < fields.size(); ++i) {
      if (fields[i].find("C: ") != std::string_view::npos) continue;
      t.args.emplace_back(py_strip(fields[i]));
    }
    groups.add(std::string(py_strip(fields[0])), std::move(t));
    return Status();
  }));
  return groups.take();
}

Result<CarbExtractions> read_carb_system(std::istream& in, const std::string& name) {
  Grouper groups;
  KG_RETURN_IF_ERROR(for_each_line(in, name, [&](std::string_view raw, size_t line_no) {
    std::string_view line = py_strip(raw);
    if (line.empty()) return Status();
    auto fail = [&](const std::string& what) {
      return Status::invalid(name + ":" + std::to_string(line_no) + ": " + what);
    };
    std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() < 3) return fail("expected sentence<TAB>confidence<TAB>relation<TAB>args...");
    CarbTuple t;
    std::string conf(py_strip(fields[1]));
    char* end = nullptr;
    t.confidence = std::strtod(conf.c_str(), &end);
    if (conf.empty() || end != conf.c_str() + conf.size() || !std::isfinite(t.confidence)) {
      return fail("confidence '" + std::string(fields[1]) + "' is not a number");
    }
    t.relation = std::string(fields[2]);
    for (size_t i = 3; i < fields.size(); ++i) t.args.emplace_back(fields[i]);
    groups.add(std::string(fields[0]), std::move(t));
    return Status();
  }));
  return groups.take();
}

Result<CarbExtractions> read_carb_gold_file(const std::string& path) {
  return read_file(path, read_carb_gold);
}

Result<CarbExtractions> read_carb_system_file(const std::string& path) {
  return read_file(path, read_carb_system);
}

std::string carb_sentence_key(std::string_view sentence) {
  std::string s;
  for (char c : sentence) {
    if (c != ' ') s += c;
  }
  static const std::pair<std::string_view, char> kEscapes[] = {{"-LRB-", '('}, {"-RRB-", ')'},
                                                               {"-LSB-", '['}, {"-RSB-", ']'},
                                                               {"-LCB-", '{'}, {"-RCB-", '}'}};
  for (const auto& [escape, bracket] : kEscapes) {
    std::string out;
    for (size_t pos = 0;;) {
      size_t hit = s.find(escape, pos);
      out.append(s, pos, hit == std::string::npos ? std::string::npos : hit - pos);
      if (hit == std::string::npos) break;
      out += bracket;
      pos = hit + escape.size();
    }
    s = std::move(out);
  }
  static constexpr std::string_view kPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  std::string key;
  for (char c : s) {
    if (kPunctuation.find(c) == std::string_view::npos) key += c;
  }
  return key;
}

std::pair<double, double> carb_match(const CarbTuple& gold, const CarbTuple& system) {
  BinaryTuple g = binarize(gold);
  std::pair<double, double> straight = lenient_match(g, binarize(system));
  static const std::string_view kSaid[] = {"said", "told", "added", "adds", "says"};
  bool said = false;
  for (std::string_view verb : kSaid) said |= gold.relation.find(verb) != std::string::npos;
  if (!said) return straight;
  std::pair<double, double> reversed =
      lenient_match(g, binarize(system, /*swap_args=*/system.args.size() >= 2));
  return std::max(straight, reversed);
}

Result<CarbScores> carb_score(const CarbExtractions& gold_in, const CarbExtractions& system_in) {
  const auto gold = normalize(gold_in);
  const auto system = normalize(system_in);
  std::unordered_map<std::string_view, const std::vector<CarbTuple>*> by_key;
  for (const auto& [key, tuples] : system) by_key[key] = tuples;

  CarbScores out;
  out.gold_sentences = gold.size();
  out.system_tuples = system_in.tuples();
  const std::vector<double> thresholds = confidence_cutoffs(system);
  CurveSums sums(thresholds.size());
  static const std::vector<CarbTuple> kNone;
  for (const auto& [key, gold_tuples] : gold) {
    auto it = by_key.find(key);
    const std::vector<CarbTuple>& sys = it == by_key.end() ? kNone : *it->second;
    out.gold_tuples += gold_tuples->size();
    out.system_tuples_scored += sys.size();
    add_sentence(*gold_tuples, sys, thresholds, sums);
  }
  if (thresholds.empty()) return out;  // no system tuple: carb.py reports 0 everywhere
  KG_RETURN_IF_ERROR(summarize(thresholds, sums, out));
  return out;
}

}  // namespace kg::eval
