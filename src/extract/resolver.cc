// Document-level resolution of mentions into entities.
#include "extract/resolver.h"

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

#include "common/titles.h"
#include "extract/lexicon.h"

namespace kg::extract {
namespace {

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> r;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) r.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return r;
}

class Resolver {
 public:
  Resolver(std::vector<Mention>& ms, const std::vector<AcronymDefinition>& defs)
      : ms_(ms), defs_(defs) {}

  std::vector<Entity> run() {
    link_full_names();
    link_short_names();
    link_org_short_forms();
    link_acronyms();
    link_concepts();
    finalize_names();
    link_roles();
    link_pronouns();
    count();
    return compact();
  }

 private:
  int find(int e) const {
    while (parent_[e] != e) e = parent_[e];
    return e;
  }

  int create(const Mention& m) {
    Entity e;
    e.name = m.name;
    e.type = m.type;
    e.gender = m.gender;
    e.plural = m.plural;
    ents_.push_back(e);
    parent_.push_back(static_cast<int>(parent_.size()));
    return static_cast<int>(ents_.size()) - 1;
  }

  void absorb(int e, const Mention& m) {
    Entity& x = ents_[e];
    if (m.person_cue) person_cued_.insert(e);
    if (x.gender == Gender::kUnknown) x.gender = m.gender;
    for (const std::string& w : m.role_words) x.role_words.push_back(w);
    if (m.person_cue || m.type == "PERSON") type_votes_[e]["PERSON"] += m.person_cue ? 3 : 1;
    else if (!m.type.empty()) type_votes_[e][m.type] += 1;
  }

  void assign(size_t mi, int e) {
    ms_[mi].entity = e;
    absorb(e, ms_[mi]);
  }

  // A name the tagger typed PERSON, of two words or more and no initials ("Nigel Lawson", not
  // "U. S.").
  static bool looks_like_full_name(const Mention& m) {
    const auto words = split_words(m.name);
    return m.type == "PERSON" && words.size() >= 2 &&
           std::none_of(words.begin(), words.end(),
                        [](const std::string& w) { return w.ends_with('.'); });
  }

  bool is_person_name(const Mention& m) const {
    return m.kind == MentionKind::kName && (m.type == "PERSON" || m.person_cue);
  }

  void link_full_names() {
    for (size_t i = 0; i < ms_.size(); ++i) {
      const Mention& m = ms_[i];
      if (!is_person_name(m) || split_words(m.name).size() < 2) continue;
      auto it = by_name_.find(m.name);
      int e = it != by_name_.end() ? it->second : create(m);
      by_name_[m.name] = e;
      assign(i, e);
    }
    // "Joshua Norton" is "Joshua Abraham Norton": the one longer name with the same first and
    // last words and the shorter one's words in order.
    std::vector<std::pair<std::vector<std::string>, int>> people;
    for (const auto& [name, e] : by_name_) people.emplace_back(split_words(name), e);
    for (const auto& [words, e] : people) {
      int target = -1;
      bool ambiguous = false;
      for (const auto& [full, f] : people) {
        if (full.size() <= words.size() || words.size() < 2 || full.front() != words.front() ||
            full.back() != words.back()) {
          continue;
        }
        size_t k = 0;  // the shorter name's words, in order, within the longer one
        for (const std::string& w : full) k += k < words.size() && w == words[k];
        if (k != words.size()) continue;
        if (target >= 0 && find(target) != find(f)) ambiguous = true;
        target = f;
      }
      if (target >= 0 && !ambiguous && find(target) != find(e)) parent_[find(e)] = find(target);
    }
  }

  // "Biden" and "President Biden" to "Joe Biden"; "Crocker" to "Bathsheba Nell Crocker".
  void link_short_names() {
    for (size_t i = 0; i < ms_.size(); ++i) {
      const Mention& m = ms_[i];
      if (m.kind != MentionKind::kName || m.entity >= 0) continue;
      const auto words = split_words(m.name);
      int best = -1, best_n = -1;
      // A name the tagger took for a place is a person's surname unless it is a known place
      // ("Norton" is Joshua Norton; "Washington" stays the place).
      if (words.size() <= 2 && (m.type != "LOC" || !is_place_name(to_lower(m.name)))) {
        for (const auto& [name, e] : by_name_) {
          if (ents_[e].type != "PERSON" && type_votes_[e]["PERSON"] == 0) continue;
          const auto full = split_words(name);
          if (full.size() <= words.size()) continue;
          if (!ends_in_surname(name)) continue;  // "the King of Athens" is no one's Athens
          const bool suffix = std::equal(words.rbegin(), words.rend(), full.rbegin());
          const bool first = words.size() == 1 && words[0] == full.front();
          if (!suffix && !first) continue;
          int n = static_cast<int>(full.size()) + (suffix ? 10 : 0);
          if (n > best_n) {
            best_n = n;
            best = e;
          }
        }
      }
      if (best >= 0) {
        assign(i, best);
        continue;
      }
      auto it = by_name_.find(m.name);
      int e = it != by_name_.end() ? it->second : create(m);
      by_name_[m.name] = e;
      assign(i, e);
    }
  }

  // "Shearson" and "Shearson Lehman Brothers" with "Shearson Lehman Brothers Inc": a name whose
  // words open exactly one organisation's name that ends in an organisation word or corporate
  // suffix names that organisation (and takes its type). Places, people named with a title or
  // first name, and one-word generic heads ("Bank") are left alone.
  void link_org_short_forms() {
    std::vector<std::pair<std::vector<std::string>, int>> orgs;
    for (const auto& [name, e] : by_name_) {
      auto words = split_words(name);
      if (words.size() >= 2 && is_org_name_end(to_lower(words.back())) && ents_[e].type == "ORG" &&
          !person_cued_.count(e)) {
        orgs.emplace_back(std::move(words), e);
      }
    }
    for (const auto& [name, e] : by_name_) {
      if (person_cued_.count(e)) continue;
      const std::string low = to_lower(name);
      if (is_place_name(low) || is_generic_org_head(low) || acronym_key(name).size() >= 2) {
        continue;
      }
      const auto words = split_words(name);
      int target = -1;
      bool ambiguous = false;
      for (const auto& [full, o] : orgs) {
        if (full.size() <= words.size() || !std::equal(words.begin(), words.end(), full.begin())) {
          continue;
        }
        if (target >= 0 && find(target) != find(o)) ambiguous = true;
        target = o;
      }
      if (target < 0 || ambiguous || find(target) == find(e)) continue;
      parent_[find(e)] = find(target);
    }
  }

  // "UN" with "United Nations", "U.S." with "US" and "United States"; an acronym the text
  // defines ("the International Monetary Fund (IMF)") with its expansion, named by it.
  void link_acronyms() {
    std::unordered_map<std::string, int> by_initials, by_key;
    for (const auto& [name, e] : by_name_) {
      std::string ini = initials(name);
      if (!ini.empty()) by_initials.emplace(ini, e);
    }
    for (const auto& [name, e] : by_name_) {
      std::string key = acronym_key(name);
      if (key.empty()) continue;
      auto it = by_initials.find(key);
      int target = it != by_initials.end() ? it->second : -1;
      if (target < 0) {
        auto k = by_key.find(key);
        if (k != by_key.end()) {
          target = k->second;
        } else {
          by_key.emplace(key, e);
          ents_[e].name = key;  // "U.S." and "US" share the dotless form
          continue;
        }
      }
      if (find(target) != find(e)) parent_[find(e)] = find(target);
    }
    for (const AcronymDefinition& d : defs_) {
      int acronym = -1;
      for (const auto& [name, e] : by_name_) {
        if (acronym_key(name) == d.key) {
          acronym = find(e);
          break;
        }
      }
      if (acronym < 0) continue;
      auto it = by_name_.find(d.expansion);
      if (it != by_name_.end()) {
        if (find(it->second) != acronym) parent_[acronym] = find(it->second);
        continue;
      }
      if (acronym_key(ents_[acronym].name) != d.key) continue;  // already named by a longer form
      ents_[acronym].name = d.expansion;
      const auto words = split_words(d.expansion);
      if (is_org_name_end(to_lower(words.back()))) type_votes_[acronym]["ORG"] += 1;
    }
  }

  void link_concepts() {
    for (size_t i = 0; i < ms_.size(); ++i) {
      Mention& m = ms_[i];
      if (m.kind != MentionKind::kConcept || m.name.empty()) continue;
      const std::string key = "\t" + m.name;
      auto it = by_name_.find(key);
      int e = it != by_name_.end() ? it->second : create(m);
      by_name_[key] = e;
      assign(i, e);
    }
  }

  // Types by vote; person names take their longest form.
  void finalize_names() {
    for (size_t e = 0; e < ents_.size(); ++e) {
      auto& votes = type_votes_[static_cast<int>(e)];
      int best = 0;
      for (const auto& [ty, n] : votes) {
        if (n > best) {
          best = n;
          ents_[e].type = ty;
        }
      }
    }
    for (size_t i = 0; i < ms_.size(); ++i) {
      Mention& m = ms_[i];
      if (m.entity < 0 || m.kind != MentionKind::kName) continue;
      int root = find(m.entity);
      if (root != m.entity) {
        for (const std::string& w : ents_[m.entity].role_words) ents_[root].role_words.push_back(w);
        if (ents_[root].gender == Gender::kUnknown) ents_[root].gender = ents_[m.entity].gender;
      }
      m.entity = root;
    }
  }

  // "the President", "U.S. Ambassador to the UN": the person whose titles match best.
  void link_roles() {
    for (size_t i = 0; i < ms_.size(); ++i) {
      Mention& m = ms_[i];
      if (m.kind != MentionKind::kRole) continue;
      if (m.predicative) {
        // "Crocker, U.S. Representative to ...": the role is what the person is, not a person.
        const std::string name = m.compact.empty() ? m.name : m.compact;
        const std::string key = "\t" + name;
        auto it = by_name_.find(key);
        int e = it != by_name_.end() ? it->second : create(m);
        by_name_[key] = e;
        ents_[e].name = name;
        ents_[e].type = "CONCEPT";
        m.entity = e;
        continue;
      }
      // "Chancellor of the Exchequer Nigel Lawson": a role whose own words hold a person's name
      // is that person; not one holding a titled name ("an aide to President Reagan").
      int named = -1;
      // The mentions are sorted by sentence: only the role's own sentence is looked at.
      const auto [from, to] = std::equal_range(
          ms_.begin(), ms_.end(), m,
          [](const Mention& a, const Mention& b) { return a.sentence < b.sentence; });
      for (const Mention& n : std::span(from, to)) {
        if (n.kind == MentionKind::kName && n.entity >= 0 &&
            !n.titled && (n.person_cue || looks_like_full_name(n)) &&
            ents_[find(n.entity)].type == "PERSON" &&
            std::find(m.tokens.begin(), m.tokens.end(), n.head) != m.tokens.end()) {
          named = find(n.entity);
          break;
        }
      }
      if (named >= 0) {
        m.entity = named;
        continue;
      }
      int best = -1;
      double best_score = 0;
      for (size_t e = 0; e < ents_.size() && !m.no_antecedent; ++e) {
        if (find(static_cast<int>(e)) != static_cast<int>(e) || ents_[e].type != "PERSON") continue;
        const auto& rw = ents_[e].role_words;
        if (std::find(rw.begin(), rw.end(), m.role_head) == rw.end()) continue;
        double score = 10;
        std::set<std::string> have(rw.begin(), rw.end());
        for (const std::string& w : m.role_words) {
          if (w != m.role_head && have.count(w)) score += 5;
        }
        score += std::min(5, mention_count(static_cast<int>(e)));
        if (score > best_score) {
          best_score = score;
          best = static_cast<int>(e);
        }
      }
      if (best >= 0) {
        m.entity = best;
        continue;
      }
      const std::string key = "\trole\t" + m.name;
      auto it = by_name_.find(key);
      int e = it != by_name_.end() ? it->second : create(m);
      by_name_[key] = e;
      m.entity = e;
      ents_[e].type = "PERSON";
    }
  }

  int mention_count(int e) const {
    int n = 0;
    for (const Mention& m : ms_) n += m.entity >= 0 && find(m.entity) == e;
    return n;
  }

  bool compatible(const Mention& p, const Mention& c) const {
    const Entity& e = ents_[find(c.entity)];
    if (p.plural) {
      return c.plural || e.type == "ORG";
    }
    if (c.plural) return false;
    if (p.type == "PERSON") {
      if (e.type != "PERSON") return false;
      return e.gender == Gender::kUnknown || e.gender == p.gender;
    }
    return e.type != "PERSON" && e.type != "CONCEPT";  // "it": an organisation or a place
  }

  void link_pronouns() {
    std::vector<size_t> history;  // resolved mentions in text order
    for (size_t i = 0; i < ms_.size(); ++i) {
      Mention& m = ms_[i];
      if (m.kind != MentionKind::kPronoun) {
        if (m.entity >= 0) history.push_back(i);
        continue;
      }
      int best = -1;
      double best_score = -1e9;
      for (auto it = history.rbegin(); it != history.rend(); ++it) {
        const Mention& c = ms_[*it];
        const int dist = m.sentence - c.sentence;
        if (dist > 2) break;
        if (c.sentence == m.sentence && c.head >= m.head) continue;
        if (!compatible(m, c)) continue;
        double score = -3.0 * dist + (c.is_subject ? 2.0 : 0.0);
        if (m.type == "PERSON" && ents_[find(c.entity)].gender == Gender::kUnknown) score -= 1.0;
        score -= 0.01 * static_cast<double>(history.rend() - it);
        if (c.kind == MentionKind::kPronoun) score += 0.5;
        if (score > best_score) {
          best_score = score;
          best = find(c.entity);
        }
      }
      if (best >= 0) {
        m.entity = best;
        history.push_back(i);
      }
    }
  }

  void count() {
    for (Mention& m : ms_) {
      if (m.entity < 0) continue;
      m.entity = find(m.entity);
      ents_[m.entity].mentions++;
    }
  }

  std::vector<Entity> compact() {
    std::vector<int> remap(ents_.size(), -1);
    std::vector<Entity> out;
    for (size_t e = 0; e < ents_.size(); ++e) {
      if (find(static_cast<int>(e)) != static_cast<int>(e)) continue;
      remap[e] = static_cast<int>(out.size());
      out.push_back(ents_[e]);
    }
    for (Mention& m : ms_) {
      if (m.entity >= 0) m.entity = remap[m.entity];
    }
    return out;
  }

  std::vector<Mention>& ms_;
  const std::vector<AcronymDefinition>& defs_;
  std::vector<Entity> ents_;
  std::set<int> person_cued_;  // entities a mention names with a title, honorific or first name
  std::vector<int> parent_;
  std::map<std::string, int> by_name_;
  std::map<int, std::map<std::string, int>> type_votes_;
};

}  // namespace

std::vector<Entity> resolve_mentions(std::vector<Mention>& mentions,
                                     const std::vector<AcronymDefinition>& definitions) {
  return Resolver(mentions, definitions).run();
}

}  // namespace kg::extract
