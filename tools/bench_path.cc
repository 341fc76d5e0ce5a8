// bench_path: in-process latency of shortest-path queries. Opens the database once, builds the
// CSR snapshot once, then times queries between random connected entity pairs: on the snapshot,
// and straight on the store (one path, and 3 by Yen's algorithm as kg path --k 3 runs them).
//
//   bench_path --db DIR [--queries 1000] [--seed 1] [--max-hops 6] [--pairs-out FILE --pairs 50]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "query/query.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

void report(const char* what, std::vector<double> ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))];
  };
  double sum = 0;
  for (double x : ms) sum += x;
  std::printf("%-34s n=%-5zu p50=%8.3f ms  p99=%8.3f ms  mean=%8.3f ms  max=%8.3f ms\n", what,
              ms.size(), at(0.5), at(0.99), sum / ms.size(), ms.back());
}

long peak_rss_mb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

int usage() {
  std::cerr << "usage: bench_path --db DIR [--queries N] [--seed S] [--max-hops N] "
               "[--pairs-out FILE --pairs N]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, pairs_out;
  size_t queries = 1000, pairs = 50, max_hops = 6;
  uint64_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return usage();
    if (a == "--db")
      db = argv[++i];
    else if (a == "--queries")
      queries = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--seed")
      seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--max-hops")
      max_hops = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--pairs-out")
      pairs_out = argv[++i];
    else if (a == "--pairs")
      pairs = std::strtoull(argv[++i], nullptr, 10);
    else
      return usage();
  }
  if (db.empty()) return usage();

  auto t = Clock::now();
  auto opened = kg::GraphReader::open(db);
  if (!opened.ok()) {
    std::cerr << "bench_path: " << opened.status().message() << "\n";
    return 1;
  }
  kg::GraphReader& store = **opened;
  std::printf("open database                      %8.1f ms\n", ms_since(t));

  t = Clock::now();
  auto built = kg::GraphSnapshot::build(store, {});
  if (!built.ok()) {
    std::cerr << "bench_path: " << built.status().message() << "\n";
    return 1;
  }
  const kg::GraphSnapshot& snapshot = **built;
  std::printf("build CSR snapshot                 %8.1f ms  (%zu vertices, %zu arcs)\n",
              ms_since(t), snapshot.num_vertices(), snapshot.num_arcs());

  std::vector<kg::EntityId> ids;
  std::vector<std::string> names;
  kg::Status listed = store.for_each_entity([&](const kg::EntityInfo& e) {
    if (!snapshot.contains(e.id)) return;
    ids.push_back(e.id);
    names.push_back(e.name);
  });
  if (!listed.ok() || ids.size() < 2) {
    std::cerr << "bench_path: "
              << (listed.ok() ? "fewer than 2 connected entities" : listed.message()) << "\n";
    return 1;
  }

  // Random pairs (splitmix64), kept when connected within max_hops.
  uint64_t state = seed;
  auto next = [&]() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  std::vector<std::pair<size_t, size_t>> connected;
  std::vector<double> snapshot_ms, hops;
  size_t tried = 0;
  while (connected.size() < queries && tried < queries * 20) {
    ++tried;
    size_t a = next() % ids.size(), b = next() % ids.size();
    if (a == b) continue;
    auto q = Clock::now();
    auto p = snapshot.shortest_path(ids[a], ids[b], max_hops);
    double ms = ms_since(q);
    if (!p) continue;
    snapshot_ms.push_back(ms);
    hops.push_back(static_cast<double>(p->hops()));
    connected.emplace_back(a, b);
  }
  std::printf(
      "connected pairs                    %zu of %zu tried, mean %.2f hops\n", connected.size(),
      tried, hops.empty() ? 0.0 : [&] {
        double s = 0;
        for (double h : hops) s += h;
        return s / hops.size();
      }());
  report("shortest path, CSR snapshot BFS", snapshot_ms);

  kg::PathOptions options;
  options.max_hops = max_hops;
  options.via_concepts = true;  // the snapshot's graph: every entity walkable
  std::vector<double> store_ms;
  for (auto [a, b] : connected) {
    auto q = Clock::now();
    auto p = kg::shortest_path_in_store(store, ids[a], ids[b], options);
    store_ms.push_back(ms_since(q));
    if (!p.ok() || !*p) {
      std::cerr << "bench_path: store BFS disagrees with the snapshot on " << names[a] << " / "
                << names[b] << "\n";
      return 1;
    }
  }
  report("shortest path, store bidir. BFS", store_ms);

  std::vector<double> yen_ms;
  for (size_t i = 0; i < connected.size() && i < 100; ++i) {
    auto [a, b] = connected[i];
    auto q = Clock::now();
    auto paths = snapshot.k_shortest_paths(ids[a], ids[b], 3, max_hops);
    yen_ms.push_back(ms_since(q));
  }
  report("3 shortest paths, Yen on snapshot", yen_ms);

  // kg path --k 3: Yen's algorithm straight on the store (warm: the snapshot build read it all).
  std::vector<double> store_yen_ms;
  options.k = 3;
  for (size_t i = 0; i < connected.size() && i < 100; ++i) {
    auto [a, b] = connected[i];
    auto q = Clock::now();
    auto paths = kg::find_paths(store, ids[a], ids[b], options);
    store_yen_ms.push_back(ms_since(q));
    auto expected = snapshot.k_shortest_paths(ids[a], ids[b], 3, max_hops);
    bool same = paths.ok() && paths->size() == expected.size();
    for (size_t j = 0; same && j < expected.size(); ++j) {
      same = (*paths)[j].hops() == expected[j].hops();
    }
    if (!same) {
      std::cerr << "bench_path: Yen on the store disagrees with the snapshot on " << names[a]
                << " / " << names[b] << "\n";
      return 1;
    }
  }
  report("3 shortest paths, Yen on store", store_yen_ms);
  std::printf("peak RSS                           %ld MB\n", peak_rss_mb());

  if (!pairs_out.empty()) {
    std::ofstream out(pairs_out);
    for (size_t i = 0; i < connected.size() && i < pairs; ++i) {
      out << names[connected[i].first] << '\t' << names[connected[i].second] << '\n';
    }
    if (!out) {
      std::cerr << "bench_path: cannot write " << pairs_out << "\n";
      return 1;
    }
  }
  return 0;
}
