// Averaged-perceptron tagger: decoding, saving and loading.
#include "tag/ap_tagger.h"

#include <algorithm>
#include <chrono>
#include <sstream>

#include "common/binio.h"
#include "common/hash.h"

namespace kg::tag {

uint64_t dictionary_key(std::string_view form) { return mix(hash64(form, 40), 41); }

namespace {

// The label maximizing w * perceptron + nn (the first on ties).
uint32_t best_combined(const int32_t* perceptron, const float* nn, uint32_t n, float w) {
  uint32_t best = 0;
  float best_score = w * static_cast<float>(perceptron[0]) + nn[0];
  for (uint32_t l = 1; l < n; ++l) {
    const float s = w * static_cast<float>(perceptron[l]) + nn[l];
    if (s > best_score) best_score = s, best = l;
  }
  return best;
}

}  // namespace

void ApTagger::predict(const std::vector<std::string_view>& forms,
                       std::vector<uint32_t>& labels) const {
  thread_local std::vector<WordInfo> info;
  lexical_info(forms, &m_.amb_classes, info);
  predict(forms, info, labels);
}

void ApTagger::add_batch(const std::vector<uint64_t>& keys, size_t per_word,
                         const std::vector<uint32_t>& owner, int first, int last,
                         std::vector<int32_t>& scores) const {
  thread_local std::vector<const PackedWeights::Slot*> slots;
  constexpr size_t kAhead = 16;
  const size_t total = keys.size();
  const uint32_t n_labels = m_.labels();
  const int passes = m_.passes();
  for (size_t j = 0; j < std::min(kAhead, total); ++j) m_.weights.prefetch(keys[j]);
  slots.resize(total);
  for (size_t j = 0; j < total; ++j) {
    if (j + kAhead < total) m_.weights.prefetch(keys[j + kAhead]);
    slots[j] = m_.weights.find(keys[j]);
    if (slots[j] != nullptr) m_.weights.prefetch_entries(*slots[j]);
  }
  for (size_t j = 0; j < total; ++j) {
    if (slots[j] == nullptr) continue;
    size_t i = owner[j / per_word];
    for (int p = first; p < last; ++p)
      m_.weights.add(*slots[j], p, &scores[(i * passes + p) * n_labels]);
  }
}

void ApTagger::predict(const std::vector<std::string_view>& forms,
                       const std::vector<WordInfo>& info, std::vector<uint32_t>& labels) const {
  thread_local std::vector<uint32_t> fixed, previous, owner;
  thread_local std::vector<int32_t> base_scores, scores;
  thread_local std::vector<float> nn_scores;
  thread_local std::vector<uint64_t> batch;
  const size_t n = forms.size();
  const uint32_t n_labels = m_.labels();
  const int passes = m_.passes();
  // Features that do not depend on the pass's own choices are looked up for the whole sentence
  // in a batch (with prefetching: the table is rarely in cache). Static features are shared by
  // all passes, one lookup each.
  fixed.resize(n);
  batch.clear();
  owner.clear();
  for (size_t i = 0; i < n; ++i) {
    fixed[i] = m_.dictionary.find(dictionary_key(forms[i]));
    if (fixed[i] != FlatMap::kMissing) continue;
    size_t at = batch.size();
    batch.resize(at + kStaticFeatures);
    static_features(info, i, batch.data() + at);
    owner.push_back(static_cast<uint32_t>(i));
  }
  base_scores.assign(n * passes * n_labels, 0);
  add_batch(batch, kStaticFeatures, owner, 0, passes, base_scores);
  uint64_t keys[kMaxHistoryFeatures];
  scores.resize(n_labels);
  labels.assign(n, 0);
  if (m_.nn) m_.nn->scores(forms, nn_scores, fixed.data());
  for (int p = 0; p < passes; ++p) {
    const bool with_nn = m_.nn && p == passes - 1;
    const bool reversed = m_.reversed[p];
    if (p > 0) {
      previous.swap(labels);
      batch.resize(owner.size() * kPreviousFeatures);
      for (size_t w = 0; w < owner.size(); ++w)
        previous_features(info, owner[w], reversed, previous, batch.data() + w * kPreviousFeatures);
      add_batch(batch, kPreviousFeatures, owner, p, p + 1, base_scores);
    }
    labels.assign(n, 0);
    uint32_t t1 = m_.begin_label(), t2 = m_.begin_label();
    for (size_t step = 0; step < n; ++step) {
      size_t i = reversed ? n - 1 - step : step;
      uint32_t label = fixed[i];
      if (label == FlatMap::kMissing) {
        const int32_t* base = &base_scores[(i * passes + p) * n_labels];
        std::copy(base, base + n_labels, scores.begin());
        size_t nk = history_features(info, i, reversed, t1, t2, p > 0 ? &previous : nullptr, keys);
        for (size_t k = 0; k < nk; ++k) m_.weights.add(keys[k], p, scores.data());
        if (with_nn) {
          label = best_combined(scores.data(), &nn_scores[i * n_labels], n_labels,
                                m_.perceptron_weight);
        } else {
          label = static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) -
                                        scores.begin());
        }
      }
      labels[i] = label;
      t2 = t1;
      t1 = label;
    }
  }
}

void ApTagger::tag(Sentence& sentence) const {
  thread_local std::vector<std::string_view> forms;
  thread_local std::vector<uint32_t> labels;
  forms.clear();
  for (const Token& t : sentence.tokens) forms.emplace_back(t.form);
  predict(forms, labels);
  for (size_t i = 0; i < labels.size(); ++i) {
    Token& t = sentence.tokens[i];
    t.upos = m_.upos[labels[i]];
    t.xpos = m_.xpos[labels[i]];
    t.lemma = m_.lemmatizer.lemmatize(t.form, t.upos, t.xpos);
  }
}

namespace {

void write_map(BinaryWriter& w, const FlatMap& map) {
  std::vector<std::pair<uint64_t, uint32_t>> items;
  map.for_each([&](uint64_t k, uint32_t v) { items.emplace_back(k, v); });
  std::sort(items.begin(), items.end());
  w.varint(items.size());
  for (auto [k, v] : items) {
    w.u64(k);
    w.varint(v);
  }
}

Status read_map(BinaryReader& r, FlatMap& map, uint32_t limit, const char* what) {
  uint64_t n = r.varint();
  if (n > r.remaining()) return Status::corruption(std::string("tagger ") + what + ": bad size");
  map = FlatMap(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t k = r.u64();
    uint64_t v = r.varint();
    if (!r.status().ok()) return r.status();
    if (k == 0 || v >= limit)
      return Status::corruption(std::string("tagger ") + what + ": bad entry");
    map.insert(k, static_cast<uint32_t>(v));
  }
  return {};
}

}  // namespace

Status ApTagger::save(const std::string& path) const {
  BinaryWriter w(kImplementation, m_.format_version());
  w.varint(m_.labels());
  for (uint32_t l = 0; l < m_.labels(); ++l) {
    w.str(m_.upos[l]);
    w.str(m_.xpos[l]);
  }
  write_map(w, m_.amb_classes);
  write_map(w, m_.dictionary);
  w.varint(m_.reversed.size());
  for (uint8_t r : m_.reversed) w.u8(r);
  m_.weights.write(w);
  m_.lemmatizer.write(w);
  if (m_.nn) {
    w.f32(m_.perceptron_weight);
    m_.nn->write(w);
  }
  return w.save(path);
}

Result<std::unique_ptr<Tagger>> ApTagger::read(BinaryReader& r, uint32_t version) {
  ApModel m;
  uint64_t n = r.varint();
  if (n == 0 || n > 4096) return Status::corruption("tagger: bad label count");
  for (uint64_t l = 0; l < n; ++l) {
    m.upos.push_back(r.str());
    m.xpos.push_back(r.str());
  }
  KG_RETURN_IF_ERROR(read_map(r, m.amb_classes, UINT32_MAX, "ambiguity classes"));
  KG_RETURN_IF_ERROR(read_map(r, m.dictionary, m.labels(), "dictionary"));
  uint64_t passes = r.varint();
  if (passes == 0 || passes > PackedWeights::kMaxPasses) {
    return Status::corruption("tagger: bad pass count");
  }
  for (uint64_t p = 0; p < passes; ++p) m.reversed.push_back(r.u8() ? 1 : 0);
  KG_ASSIGN_OR_RETURN(m.weights, PackedWeights::read(r, m.labels()));
  if (m.weights.passes() != static_cast<int>(passes)) {
    return Status::corruption("tagger: pass count mismatch");
  }
  KG_ASSIGN_OR_RETURN(m.lemmatizer, Lemmatizer::read(r));
  if (version >= kFormatVersionNn) {
    m.perceptron_weight = r.f32();
    KG_ASSIGN_OR_RETURN(NnTagModel nn, NnTagModel::read(r, m.labels()));
    m.nn = std::make_shared<const NnTagModel>(std::move(nn));
  }
  if (!r.status().ok()) return r.status();
  if (!r.at_end()) return Status::corruption("tagger: trailing bytes after the model");
  return std::unique_ptr<Tagger>(new ApTagger(std::move(m)));
}

std::string ApTagger::describe() const {
  std::ostringstream s;
  size_t features = m_.weights.features(), entries = m_.weights.entries();
  s << kImplementation << " v" << m_.format_version() << ": " << m_.labels() << " labels, "
    << m_.passes() << " passes, " << features << " features, " << entries << " weights, "
    << m_.dictionary.size() << " dictionary words, " << m_.lemmatizer.exceptions()
    << " lemma exceptions, " << m_.lemmatizer.rules() << " lemma rules";
  if (m_.nn) {
    s << ", BiLSTM scorer (" << m_.nn->dims.lstm << " units per direction, "
      << m_.nn->word_keys.size() << " words, perceptron weight " << m_.perceptron_weight << ")";
  }
  return s.str();
}

}  // namespace kg::tag

namespace kg {

Result<std::unique_ptr<Tagger>> Tagger::load(const std::string& path) {
  KG_ASSIGN_OR_RETURN(auto reader, BinaryReader::open(path, tag::kImplementation,
                                                      tag::kFormatVersion, tag::kFormatVersionNn));
  auto tagger = tag::ApTagger::read(reader, reader.version());
  if (!tagger.ok()) return tagger.status().with_context(path);
  return tagger;
}

TagAccuracy evaluate_tagger(const Tagger& tagger, const std::vector<Sentence>& gold) {
  TagAccuracy acc;
  Sentence s;
  for (const Sentence& g : gold) {
    s.tokens = g.tokens;
    tagger.tag(s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& p = s.tokens[i];
      const Token& t = g.tokens[i];
      ++acc.words;
      bool u = p.upos == t.upos, x = p.xpos == t.xpos;
      acc.upos += u;
      acc.xpos += x;
      acc.upos_xpos += u && x;
      acc.lemma += p.lemma == t.lemma;
    }
  }
  return acc;
}

}  // namespace kg
