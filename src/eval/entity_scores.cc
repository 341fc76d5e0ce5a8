// B-cubed, MUC, splits and wrong merges over two clusterings of the same mentions.
#include "eval/entity_scores.h"

#include <cassert>
#include <map>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::eval {
namespace {

// Cluster ids as dense numbers 0..n-1, in order of first appearance.
std::vector<size_t> dense_ids(std::span<const std::string> ids, size_t& clusters) {
  std::unordered_map<std::string_view, size_t> index;
  std::vector<size_t> out;
  out.reserve(ids.size());
  for (const std::string& id : ids)
    out.push_back(index.try_emplace(id, index.size()).first->second);
  clusters = index.size();
  return out;
}

// MUC's ratio for the `key` side: sum over its clusters K of |K| - (number of `other` clusters
// K's mentions fall into), divided by the sum of |K| - 1. Also counts the key clusters that
// fall into more than one other cluster.
double muc_ratio(const std::vector<size_t>& key, size_t key_clusters,
                 const std::vector<size_t>& other, size_t& spread) {
  std::vector<size_t> size(key_clusters, 0);
  std::vector<std::map<size_t, size_t>> parts(key_clusters);
  for (size_t m = 0; m < key.size(); ++m) {
    ++size[key[m]];
    ++parts[key[m]][other[m]];
  }
  size_t kept = 0, needed = 0;
  spread = 0;
  for (size_t k = 0; k < key_clusters; ++k) {
    kept += size[k] - parts[k].size();
    needed += size[k] - 1;
    if (parts[k].size() > 1) ++spread;
  }
  return needed ? double(kept) / double(needed) : 0.0;
}

}  // namespace

ResolutionScores score_resolution(std::span<const std::string> gold,
                                  std::span<const std::string> system) {
  assert(gold.size() == system.size());
  ResolutionScores r;
  r.mentions = gold.size();
  std::vector<size_t> g = dense_ids(gold, r.gold_entities);
  std::vector<size_t> s = dense_ids(system, r.system_entities);
  if (r.mentions == 0) return r;

  // B-cubed: for each mention, the overlap of its gold and system clusters over each one's size.
  std::vector<size_t> gold_size(r.gold_entities, 0), system_size(r.system_entities, 0);
  std::map<std::pair<size_t, size_t>, size_t> overlap;
  for (size_t m = 0; m < r.mentions; ++m) {
    ++gold_size[g[m]];
    ++system_size[s[m]];
    ++overlap[{g[m], s[m]}];
  }
  double p = 0, rec = 0;
  for (size_t m = 0; m < r.mentions; ++m) {
    double both = double(overlap[{g[m], s[m]}]);
    p += both / double(system_size[s[m]]);
    rec += both / double(gold_size[g[m]]);
  }
  r.b_cubed = {p / double(r.mentions), rec / double(r.mentions)};

  r.muc.recall = muc_ratio(g, r.gold_entities, s, r.splits);
  r.muc.precision = muc_ratio(s, r.system_entities, g, r.wrong_merges);
  return r;
}

}  // namespace kg::eval
