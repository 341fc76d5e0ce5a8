// gen_graph: a synthetic triples JSONL for benchmarks. Entities join facts by preferential
// attachment (a few hubs, a long tail), relations follow a Zipf law, each document (50-200
// triples) keeps returning to a small cast of entities, and everything follows from --seed.
//
//   gen_graph --triples 1000000 [--seed 42] [--entities N] [-o FILE]
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

// splitmix64: small, fast and the same on every platform (std distributions are not).
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  uint64_t below(uint64_t n) { return next() % n; }
};

const char* const kFirst[] = {"Anna",   "Boris",  "Chen",  "Dalia", "Émile", "Farah", "Goran",
                              "Hana",   "Igor",   "Jana",  "Kofi",  "Lena",  "Marek", "Nadia",
                              "Omar",   "Petra",  "Quinn", "Rosa",  "Sven",  "Tomás", "Ulla",
                              "Vera",   "Wiktor", "Xenia", "Yusuf", "Zoë",   "Amir",  "Bea",
                              "Dmytro", "Eva",    "Felix", "Greta"};
const char* const kSyllables[] = {"ka",  "lo",  "mir", "ven", "to", "sa",  "ber", "ni",
                                  "ró",  "dan", "el",  "gu",  "ha", "ły",  "ost", "pe",
                                  "rin", "sch", "tu",  "vik", "wa", "zen", "ar",  "mo"};
const char* const kOrgTail[] = {"Group",  "Ministry", "Bank",     "Party", "Institute",
                                "Agency", "Council",  "Holdings", "Union", "Foundation"};
const char* const kLocTail[] = {"", " City", " Province", " Valley", " Bay", "grad", "stadt"};
const char* const kMiscTail[] = {" Summit", " Accord", " Cup", " Act", " Festival", " Report"};
const char* const kConcept[] = {"inflation",  "sanctions",      "ceasefire",     "election",
                                "tariffs",    "climate policy", "energy prices", "migration",
                                "trade deal", "interest rates", "budget",        "vaccine",
                                "security",   "reform"};
const char* const kTypes[] = {"PERSON", "ORG", "LOC", "MISC", "CONCEPT"};
const char* const kVerbs[] = {
    "say",   "meet",     "visit", "criticize", "support", "sign",    "announce",  "reject",
    "call",  "lead",     "join",  "accuse",    "praise",  "warn",    "host",      "fund",
    "sue",   "attack",   "agree", "discuss",   "oppose",  "approve", "win",       "lose",
    "hire",  "fire",     "buy",   "sell",      "invest",  "ban",     "urge",      "thank",
    "blame", "question", "elect", "appoint",   "endorse", "defeat",  "negotiate", "propose"};
const char* const kParticles[] = {"", " to", " with", " on", " for", " against", " in", " about"};

std::string syllable_word(uint64_t n, int syllables) {
  std::string w;
  for (int i = 0; i < syllables; ++i) {
    w += kSyllables[n % std::size(kSyllables)];
    n /= std::size(kSyllables);
  }
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

struct Entity {
  std::string name, type, alias;
};

// Entity `id`'s name: its word is a bijection of id (plus id / 13824 past that), so names never
// collide.
Entity make_entity(uint64_t id, Rng& rng) {
  double t = rng.uniform();
  int type = t < 0.35 ? 0 : t < 0.6 ? 1 : t < 0.8 ? 2 : t < 0.9 ? 3 : 4;
  Entity e;
  e.type = kTypes[type];
  // 13824 = 24^3 three-syllable words, visited in a scrambled order (the odd multiplier is
  // coprime with 13824, so the map is a bijection).
  std::string word = syllable_word(((id % 13824) * 2654435761ULL + 5381) % 13824, 3) +
                     (id >= 13824 ? " " + std::to_string(id / 13824) : "");
  switch (type) {
    case 0:
      e.name = std::string(kFirst[id % std::size(kFirst)]) + " " + word;
      if (rng.uniform() < 0.3) e.alias = word;
      break;
    case 1:
      e.name = word + " " + kOrgTail[id % std::size(kOrgTail)];
      break;
    case 2:
      e.name = word + kLocTail[id % std::size(kLocTail)] + " " + std::to_string(id % 97);
      break;
    case 3:
      e.name = word + kMiscTail[id % std::size(kMiscTail)];
      break;
    default:
      e.name = std::string(kConcept[id % std::size(kConcept)]) + " " + std::to_string(id);
  }
  return e;
}

void json_string(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

int usage() {
  std::cerr << "usage: gen_graph --triples N [--seed S] [--entities N] [-o FILE]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t triples = 0, seed = 42, entities = 0;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return usage();
    if (a == "--triples")
      triples = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--seed")
      seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--entities")
      entities = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "-o")
      output = argv[++i];
    else
      return usage();
  }
  if (triples == 0) return usage();
  if (entities == 0) entities = std::max<uint64_t>(10, triples / 10);

  Rng rng{seed};
  // Relations: verb x particle labels, drawn by a Zipf law (s = 1.1) over a shuffled order.
  std::vector<std::string> relations;
  for (const char* v : kVerbs) {
    for (const char* p : kParticles) relations.push_back(std::string(v) + p);
  }
  for (size_t i = relations.size() - 1; i > 0; --i)
    std::swap(relations[i], relations[rng.below(i + 1)]);
  std::vector<double> cdf(relations.size());
  double total = 0;
  for (size_t i = 0; i < relations.size(); ++i) cdf[i] = total += 1.0 / std::pow(i + 1.0, 1.1);
  auto relation = [&]() -> const std::string& {
    double r = rng.uniform() * total;
    size_t i = std::lower_bound(cdf.begin(), cdf.end(), r) - cdf.begin();
    return relations[std::min(i, relations.size() - 1)];
  };

  // Preferential attachment: `ends` lists every fact side so far, so a uniform pick from it
  // chooses an entity in proportion to its degree. A new entity appears with probability
  // p_new (about `entities` in all: there are about 0.85 global picks per triple, the rest
  // come from the document's cast); 30% of the other picks are uniform over known entities.
  std::vector<Entity> known;
  std::vector<uint32_t> ends;
  ends.reserve(2 * triples);
  const double p_new = std::min(0.9, static_cast<double>(entities) / (0.85 * triples));
  auto pick_global = [&]() -> uint32_t {
    if (known.size() < 2 || rng.uniform() < p_new) {
      known.push_back(make_entity(known.size(), rng));
      return static_cast<uint32_t>(known.size() - 1);
    }
    if (ends.empty() || rng.uniform() < 0.3) {
      return static_cast<uint32_t>(rng.below(known.size()));
    }
    return ends[rng.below(ends.size())];
  };

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!output.empty()) {
    file.open(output, std::ios::binary);
    if (!file) {
      std::cerr << "gen_graph: cannot write " << output << "\n";
      return 1;
    }
    out = &file;
  }
  std::string line;
  uint64_t written = 0;
  for (uint64_t doc = 0; written < triples; ++doc) {
    uint64_t size = std::min<uint64_t>(50 + rng.below(151), triples - written);
    std::vector<uint32_t> cast;
    for (uint64_t c = 3 + rng.below(8); c > 0; --c) cast.push_back(pick_global());
    char doc_id[32];
    std::snprintf(doc_id, sizeof doc_id, "doc-%07llu", static_cast<unsigned long long>(doc));
    for (uint64_t i = 0; i < size; ++i, ++written) {
      auto pick = [&]() {
        return rng.uniform() < 0.6 ? cast[rng.below(cast.size())] : pick_global();
      };
      uint32_t s = pick(), o = pick();
      for (int tries = 0; o == s && tries < 8; ++tries) o = pick_global();
      if (o == s) {
        known.push_back(make_entity(known.size(), rng));
        o = static_cast<uint32_t>(known.size() - 1);
      }
      ends.push_back(s);
      ends.push_back(o);
      const std::string& rel = relation();
      bool negated = rng.uniform() < 0.03;
      const Entity &se = known[s], &oe = known[o];
      bool use_alias = !se.alias.empty() && rng.uniform() < 0.5;
      std::string text = (use_alias ? se.alias : se.name) + (negated ? " did not " : " ") + rel +
                         " " + oe.name + ".";
      line.clear();
      line += "{\"doc\":\"";
      line += doc_id;
      line += "\",\"subject\":";
      json_string(line, se.name);
      line += ",\"relation\":";
      json_string(line, rel);
      line += ",\"object\":";
      json_string(line, oe.name);
      line += ",\"subject_text\":";
      json_string(line, use_alias ? se.alias : se.name);
      line += ",\"object_text\":";
      json_string(line, oe.name);
      line += ",\"subject_type\":\"";
      line += se.type;
      line += "\",\"object_type\":\"";
      line += oe.type;
      line += "\",\"sentence\":" + std::to_string(i) + ",\"text\":";
      json_string(line, text);
      line += ",\"negated\":";
      line += negated ? "true" : "false";
      char conf[48];
      std::snprintf(conf, sizeof conf, ",\"confidence\":%.2f}\n", 0.5 + 0.5 * rng.uniform());
      line += conf;
      out->write(line.data(), static_cast<std::streamsize>(line.size()));
    }
  }
  out->flush();
  if (!*out) {
    std::cerr << "gen_graph: write failed\n";
    return 1;
  }
  std::cerr << "gen_graph: " << written << " triples, " << known.size() << " entities\n";
  return 0;
}
