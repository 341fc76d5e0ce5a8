// Mention analysis: which words of an argument form its name, title and type.
#include "extract/mention.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include "extract/values.h"

namespace kg::extract {
namespace {

bool is_name_word(const DepTree& t, int i) {
  if ((t.lower(i) == "and" || t.lower(i) == "&" || t.lower(i) == "'s") && t.rel(i) == "compound") {
    // Inside an organisation's name ("Securities and Exchange Commission", repair.h).
    return i > 0 && i + 1 < t.size() && t.is_capitalized(i - 1) && t.is_capitalized(i + 1);
  }
  const std::string& xpos = t.tok(i).xpos;
  const bool proper = t.upos(i) == "PROPN" ||
                      ((xpos == "NNP" || xpos == "NNPS") && t.is_capitalized(i));  // "White" ADJ
  if (proper) return !is_title_word(t.lower(i)) && !is_honorific(t.lower(i));
  if (t.upos(i) == "X" || t.upos(i) == "NOUN" || t.upos(i) == "ADJ") {
    // Capitalized words inside a name chain ("Bathsheba Nell Crocker" tagged NOUN by mistake).
    return t.is_capitalized(i) && !is_title_word(t.lower(i)) && !is_honorific(t.lower(i)) &&
           (t.rel(i) == "flat" || t.rel(i) == "compound");
  }
  return false;
}

std::string ner_type(const Token& tok) {
  const std::string& e = tok.entity;
  if (e.size() < 3 || (e[0] != 'B' && e[0] != 'I')) return "";
  std::string_view ty = std::string_view(e).substr(2);
  if (ty == "PER" || ty == "PERSON") return "PERSON";
  if (ty == "ORG") return "ORG";
  if (ty == "LOC" || ty == "GPE") return "LOC";
  return "MISC";
}

// Words that belong to a mention around `i`.
void collect(const DepTree& t, int i, int root, int avoid, bool role, std::vector<int>& out) {
  out.push_back(i);
  for (int c : t.children(i)) {
    if (avoid >= 0 && t.dominates(c, avoid)) continue;
    std::string_view r = t.rel(c);
    std::string_view full = t.full_rel(c);
    bool take = false;
    if (r == "compound" || r == "flat" || full == "nmod:desc" || r == "fixed" ||
        r == "goeswith") {
      take = true;
    } else if (r == "amod" && c < i) {
      take = true;
    } else if (r == "nummod" && i != root) {
      take = true;
    } else if (r == "nmod" && full != "nmod:poss" && c > root) {
      // "Secretary of State", "Office of the United Nations", "Ambassador to the UN".
      const bool of = [&] {
        for (int k : t.children(c)) {
          if (t.rel(k) == "case" && t.lower(k) == "of") return true;
        }
        return false;
      }();
      take = (role || (of && t.is_capitalized(i))) && t.is_capitalized(c) && t.is_propn(c);
    } else if (r == "nmod" && full != "nmod:poss" && c < root && c > t.sub_first(root)) {
      take = t.is_capitalized(c);  // "Secretary of State" before the name
    } else if ((r == "case" || r == "det") && i != root) {
      take = true;
    } else if ((r == "conj" || r == "cc") && i != root && t.is_capitalized(c)) {
      // "Office for Democratic Institutions and Human Rights", not "Secretary of Commerce and
      // Greenspan": a person is never a conjunct inside another name.
      take = ner_type(t.tok(c)) != "PERSON" && first_name_gender(t.lower(c)) == Gender::kUnknown;
    } else if (r == "cc" && i != root) {
      take = true;
    } else if (r == "punct" && i != root && c > t.sub_first(i) && c < t.sub_last(i)) {
      take = true;
    }
    if (take) collect(t, c, root, avoid, role, out);
  }
}

std::string lower_ascii(std::string_view s) { return to_lower(s); }

// A pronoun or a lone determiner: third person ones refer to something, others are not nodes.
void analyze_pronoun(const DepTree& t, int head, Mention& m) {
  const std::string_view low = t.lower(head);
  m.tokens = {head};
  m.text = t.tok(head).form;
  m.name = std::string(low);
  PronounInfo info;
  if (pronoun_info(low, &info) && info.third_person) {
    m.kind = MentionKind::kPronoun;
    m.gender = info.gender;
    m.plural = info.plural;
    m.type = info.person_only ? "PERSON" : "";
  } else {
    m.kind = MentionKind::kOther;
  }
}

// The mention's words in order: `head` with its collected modifiers, less edge punctuation and
// leading function words.
std::vector<int> mention_words(const DepTree& t, int head, int avoid, bool head_is_title) {
  std::vector<int> words;
  collect(t, head, head, avoid, head_is_title, words);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  while (!words.empty() && (t.upos(words.front()) == "PUNCT" || t.upos(words.front()) == "DET" ||
                            t.upos(words.front()) == "ADP")) {
    words.erase(words.begin());
  }
  // "Last month Brazil", "March Hu": words dating a name are not part of it ("Sunday Times" is).
  while (words.size() >= 2 && words.front() != head && !is_org_name_end(t.lower(head)) &&
         ner_type(t.tok(words.front())).empty()) {
    const std::string_view low = t.lower(words.front());
    const bool modifier = low == "last" || low == "next" || low == "this" || low == "early" ||
                          low == "late" || low == "earlier" || low == "later";
    if (modifier && words.size() >= 3 && words[1] != head && is_temporal_noun(t.lower(words[1]))) {
      words.erase(words.begin(), words.begin() + 2);
    } else if (is_dating_word(low)) {
      words.erase(words.begin());
    } else {
      break;
    }
  }
  while (!words.empty() && words.back() != head &&
         (t.upos(words.back()) == "PUNCT" || t.upos(words.back()) == "ADP" ||
          t.upos(words.back()) == "DET" || t.upos(words.back()) == "CCONJ" ||
          t.upos(words.back()) == "PART")) {
    words.pop_back();
  }
  if (words.empty()) words = {head};
  return words;
}

// Positions b..e in a mention's words of its name run.
struct NameRun {
  int b = 0, e = 0;
};

// The name run: contiguous name words around the head, ending the mention.
NameRun name_run(const DepTree& t, const std::vector<int>& words, int head, bool head_name,
                 bool head_is_title) {
  const std::string_view low = t.lower(head);
  auto pos = std::find(words.begin(), words.end(), head) - words.begin();
  int b = static_cast<int>(pos), e = static_cast<int>(pos);
  const bool title_heads_name = (is_title_word(low) || is_honorific(low)) &&
                                t.has_child(head, "flat");
  if (head_name && title_heads_name) {
    // "Secretary Jen Psaki" parsed with the title as head: the name is its flat words.
    int k = static_cast<int>(pos) + 1;
    if (k < static_cast<int>(words.size()) && words[k] == head + 1 &&
        t.rel(words[k]) == "flat" && t.is_capitalized(words[k])) {
      b = e = k;
      while (e + 1 < static_cast<int>(words.size()) && words[e + 1] == words[e] + 1 &&
             t.rel(words[e + 1]) == "flat" && t.is_capitalized(words[e + 1])) {
        ++e;
      }
    }
  } else if (head_name && !head_is_title) {
    auto in_run = [&](int w) {
      for (int k = b; k <= e; ++k) {
        if (words[k] == w) return true;
      }
      return false;
    };
    // The tagger's person name starts where it says: "Chancellor of the Exchequer | Nigel
    // Lawson", however the parser chains the capitalized words.
    auto starts_person = [&](int w) { return t.tok(w).entity == "B-PER"; };
    while (b > 0 && words[b - 1] == words[b] - 1 && is_name_word(t, words[b - 1]) &&
           (t.rel(words[b - 1]) == "flat" || t.rel(words[b - 1]) == "compound" ||
            t.rel(words[b - 1]) == "amod") &&
           in_run(t.head(words[b - 1])) && !starts_person(words[b])) {
      --b;
    }
    while (e + 1 < static_cast<int>(words.size()) && words[e + 1] == words[e] + 1 &&
           (is_name_word(t, words[e + 1]) ||
            (t.rel(words[e + 1]) == "flat" && t.is_capitalized(words[e + 1])))) {
      ++e;
    }
    // A capitalized adjective opening an organisation's name is part of it ("American Express
    // Co", "British Airways"), not a descriptor as in "US President Joe Biden".
    // Alone, a generic head ("Express", "Bank") needs its adjective whatever the entity tags say.
    const std::string last = lower_ascii(t.lower(words[e]));
    const bool generic_alone = b == e && is_generic_org_head(last);
    const bool org_name = is_org_cue(last) || ner_type(t.tok(head)) == "ORG";
    // "General Motors Corp", "General Electric Co": a title word opening a company's name.
    while (is_org_name_end(last) && b > 0 && words[b - 1] == words[b] - 1 &&
           t.is_capitalized(words[b - 1]) && is_title_word(t.lower(words[b - 1])) &&
           (t.lower(words[b - 1]) == "general" || ner_type(t.tok(words[b - 1])) == "ORG")) {
      --b;
    }
    while ((org_name || generic_alone) && b > 0 && words[b - 1] == words[b] - 1 &&
           t.upos(words[b - 1]) == "ADJ" && t.rel(words[b - 1]) == "amod" &&
           t.is_capitalized(words[b - 1]) && !is_title_word(t.lower(words[b - 1])) &&
           (generic_alone || !ner_type(t.tok(words[b - 1])).empty())) {
      --b;
    }
  }
  return {b, e};
}

// The entity type most of the name run's NER tags give (on a tie the first by name), "" for none.
std::string ner_vote(const DepTree& t, const std::vector<int>& words, const NameRun& run) {
  std::map<std::string, int> votes;
  for (int k = run.b; k <= run.e; ++k) {
    std::string ty = ner_type(t.tok(words[k]));
    if (!ty.empty()) ++votes[ty];
  }
  std::string type;
  int best = 0;
  for (const auto& [ty, n] : votes) {
    if (n > best) {
      best = n;
      type = ty;
    }
  }
  return type;
}

// A name ending the mention, with the words before it as its descriptor ("US President | Joe
// Biden"); the NER type `type` is checked against titles, first names and cues.
void analyze_name(const DepTree& t, const std::vector<int>& words, const NameRun& run,
                  std::string type, Mention& m) {
  std::vector<int> name_words(words.begin() + run.b, words.begin() + run.e + 1);
  std::vector<int> desc_words(words.begin(), words.begin() + run.b);
  while (!desc_words.empty() && (t.full_rel(desc_words.front()) == "nmod:poss" ||
                                 t.upos(desc_words.front()) == "PRON")) {
    desc_words.erase(desc_words.begin());
  }
  m.kind = MentionKind::kName;
  m.name = surface_text(t, name_words);
  m.descriptor = surface_text(t, desc_words);
  for (int w : desc_words) {
    std::string_view lw = t.lower(w);
    if (is_title_word(lw) || is_honorific(lw)) m.person_cue = m.titled = true;
    Gender g = title_gender(lw);
    if (g != Gender::kUnknown) m.gender = g;
    if (t.upos(w) != "ADP" && t.upos(w) != "DET") m.role_words.push_back(lower_ascii(lw));
  }
  if (name_words.size() >= 2) {
    Gender g = first_name_gender(t.lower(name_words.front()));
    if (g != Gender::kUnknown) {
      if (m.gender == Gender::kUnknown) m.gender = g;
      m.person_cue = true;
    }
  }
  const std::string lname = lower_ascii(m.name);
  const std::string last = lower_ascii(t.lower(name_words.back()));
  if (m.person_cue && (type.empty() || type == "MISC" || !m.descriptor.empty())) {
    type = "PERSON";
  }
  // "the Kremlin", "the White House", "American Express Co", "Shearson Lehman Brothers Inc": an
  // organisation word or corporate suffix ending the name outweighs an entity tag (not a title,
  // honorific or first name: "Mr Bank" stays a person).
  if (!m.person_cue && is_org_name_end(last) && !type.empty() && type != "ORG") type = "ORG";
  // A corporate suffix makes a company whatever precedes it ("lead manager Morgan Stanley and Co
  // Inc", "Morgan" a first name).
  if (is_corporate_suffix(last) && name_words.size() >= 2 &&
      std::none_of(name_words.begin(), name_words.end(),
                   [&](int w) { return t.lower(w) == "of"; })) {  // not "Kevin Murphy of X Co"
    m.person_cue = false;
    m.gender = Gender::kUnknown;
    type = "ORG";
  }
  if (type.empty()) {
    if (is_place_name(lname)) {
      type = "LOC";
    } else if (is_org_name_end(last) || acronym_key(m.name).size() >= 2) {
      type = is_place_name(lname) ? "LOC" : "ORG";
    } else {
      type = "MISC";
    }
  }
  m.type = type;
  m.plural = t.tok(m.head).xpos == "NNPS";
}

// A role without a name: "the President", "U.S. Ambassador to the UN".
void analyze_role(const DepTree& t, const std::vector<int>& words, Mention& m) {
  const int head = m.head;
  const std::string_view low = t.lower(head);
  m.kind = MentionKind::kRole;
  m.role_head = std::string(low);
  if (!m.role_head.empty() && m.role_head.back() == '.') m.role_head.pop_back();
  for (int w : words) {
    if (t.upos(w) == "ADP" || t.upos(w) == "DET" || t.upos(w) == "PUNCT") continue;
    m.role_words.push_back(lower_ascii(t.lower(w)));
  }
  m.name = m.text;
  std::vector<int> compact;
  for (int w : words) {
    if (w <= head) compact.push_back(w);
  }
  m.compact = surface_text(t, compact);
  m.type = "PERSON";
  m.gender = title_gender(low);
  m.plural = t.tok(head).xpos == "NNS" || t.tok(head).xpos == "NNPS";
  for (int c : t.children(head)) {
    if (t.rel(c) == "det" && (t.lower(c) == "a" || t.lower(c) == "an")) m.no_antecedent = true;
  }
  if (t.rel(head) == "vocative") m.no_antecedent = true;  // "Mr. President, ...": the addressee
}

// Whether word `b` follows word `a` without a space: "Moody" "'s", in one token or two.
bool written_together(const DepTree& t, int a, int b) {
  if (a < 0 || b != a + 1) return false;
  if (!t.tok(a).space_after) return true;
  for (const MultiwordToken& m : t.sentence().multiwords) {
    if (a + 1 >= m.first && b + 1 <= m.last) return true;
  }
  return false;
}

// A concept: compound modifiers, capitalized adjectives and the head's lemma.
void analyze_concept(const DepTree& t, int avoid, Mention& m) {
  const int head = m.head;
  const std::string_view low = t.lower(head);
  std::vector<int> concept_words;
  std::function<void(int)> add_compounds = [&](int i) {
    for (int c : t.children(i)) {
      if (c > head) continue;
      if (avoid >= 0 && t.dominates(c, avoid)) continue;
      if (t.rel(c) == "compound" || (i != head && (t.rel(c) == "amod" || t.rel(c) == "flat"))) {
        concept_words.push_back(c);
        add_compounds(c);
      } else if (t.rel(c) == "amod" && i == head && t.is_capitalized(c) && c > 0) {
        concept_words.push_back(c);
      }
    }
  };
  add_compounds(head);
  concept_words.push_back(head);
  std::sort(concept_words.begin(), concept_words.end());
  std::string name;
  bool has_proper = false;
  int prev = -2;
  for (int w : concept_words) {
    if (t.upos(w) == "PUNCT") continue;
    // Words written together stay together ("Moody's").
    if (!name.empty() && !written_together(t, prev, w)) name += ' ';
    prev = w;
    const bool proper = t.upos(w) == "PROPN" || (t.is_capitalized(w) && w > 0);
    if (proper) has_proper = true;
    if (w == head) {
      name += proper ? t.tok(w).form : std::string(t.lemma(w));
    } else {
      name += proper ? t.tok(w).form : std::string(t.lower(w));
    }
  }
  m.kind = MentionKind::kConcept;
  m.name = name;
  m.plural = t.tok(head).xpos == "NNS";
  // A row of a financial table ("Shr loss", "Revs") or a month or weekday alone ("in march"):
  // its words name nothing.
  if (is_table_word(t.lower(concept_words.front())) ||
      (concept_words.size() == 1 && is_date_word(low))) {
    m.kind = MentionKind::kOther;
    return;
  }
  if (has_proper && is_org_cue(lower_ascii(low))) {
    m.type = "ORG";
    // An organisation keeps its head as written ("Russian forces", not "Russian force").
    const std::string lemma(t.lemma(head));
    if (name.size() >= lemma.size() && name.compare(name.size() - lemma.size(), lemma.size(),
                                                    lemma) == 0) {
      name.replace(name.size() - lemma.size(), lemma.size(), t.tok(head).form);
      m.name = name;
    }
  } else {
    m.type = "CONCEPT";
  }
}

}  // namespace

std::string surface_text(const DepTree& t, const std::vector<int>& words) {
  std::string r;
  const Sentence& s = t.sentence();
  int prev = -2;
  for (size_t k = 0; k < words.size(); ++k) {
    const int i = words[k];
    // Words of one multiword token: write the token's form once.
    const MultiwordToken* mw = nullptr;
    for (const MultiwordToken& m : s.multiwords) {
      if (i + 1 < m.first || i + 1 > m.last) continue;
      // The token's form only when all of its words are selected.
      bool all = true;
      for (int w = m.first - 1; w <= m.last - 1; ++w) {
        all = all && std::find(words.begin(), words.end(), w) != words.end();
      }
      if (all) mw = &m;
    }
    if (mw != nullptr && prev >= 0 && prev + 1 >= mw->first && prev + 1 <= mw->last) {
      prev = i;
      continue;
    }
    if (!r.empty()) {
      const bool adjacent = prev == i - 1;
      const bool space = !adjacent || t.tok(prev).space_after;
      if (space) r += ' ';
    }
    r += mw != nullptr ? mw->form : t.tok(i).form;
    prev = mw != nullptr ? mw->last - 1 : i;
  }
  return r;
}

std::string acronym_key(const std::string& name) {
  std::string key;
  for (char c : name) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') return "";
    key += c;
  }
  return key.size() >= 2 && key.size() <= 6 ? key : "";
}

std::string initials(const std::string& name) {
  std::string r;
  size_t i = 0;
  int words = 0;
  while (i < name.size()) {
    size_t j = name.find(' ', i);
    if (j == std::string::npos) j = name.size();
    std::string_view w(name.data() + i, j - i);
    if (!w.empty()) {
      ++words;
      if (w[0] >= 'A' && w[0] <= 'Z') r += w[0];
      else if (w != "of" && w != "the" && w != "and" && w != "for" && w != "on" && w != "de")
        return "";
    }
    i = j + 1;
  }
  return words >= 2 && r.size() >= 2 ? r : "";
}

Mention analyze_mention(const DepTree& t, int head, int avoid) {
  Mention m;
  m.head = head;
  if (head < 0) return m;
  const std::string_view low = t.lower(head);

  if (t.upos(head) == "PRON" || (t.upos(head) == "DET" && t.children(head).empty())) {
    analyze_pronoun(t, head, m);
    return m;
  }
  if (std::optional<Value> v = value_at(t, head)) {
    m.tokens = std::move(v->words);
    m.text = m.name = surface_text(t, m.tokens);
    m.kind = MentionKind::kValue;
    m.type = v->type;
    m.unit = std::move(v->unit);
    return m;
  }
  if (t.upos(head) == "NUM" && t.children(head).empty()) {
    m.tokens = {head};
    m.text = m.name = t.tok(head).form;
    m.kind = MentionKind::kOther;
    return m;
  }

  const bool head_is_title = is_title_word(low) && !t.has_child(head, "flat");
  const std::vector<int> words = mention_words(t, head, avoid, head_is_title);
  m.tokens = words;
  m.text = surface_text(t, words);

  const bool head_name =
      is_name_word(t, head) || (t.is_capitalized(head) && t.upos(head) == "PROPN");
  const NameRun run = name_run(t, words, head, head_name, head_is_title);
  std::string type = ner_vote(t, words, run);

  const bool ends_name = run.e + 1 == static_cast<int>(words.size());
  if (head_name && !head_is_title && ends_name) {
    analyze_name(t, words, run, std::move(type), m);
    return m;
  }
  if (head_is_title || (is_title_word(low) && t.upos(head) != "VERB")) {
    analyze_role(t, words, m);
    return m;
  }
  // A proper name that does not end the mention ("Office of the United Nations") or a concept.
  if (t.upos(head) == "PROPN" || (t.is_capitalized(head) && !type.empty())) {
    m.kind = MentionKind::kName;
    m.name = m.text;
    if (type.empty()) type = is_org_cue(lower_ascii(low)) ? "ORG" : "MISC";
    if (is_place_name(lower_ascii(m.name))) type = "LOC";
    m.type = type;
    return m;
  }
  // A number that is no value ("one of the banks", "two of them") names nothing by itself; "Boeing
  // 747" is a name's.
  if (t.upos(head) == "NUM" && !t.has_child(head, "compound") && !t.has_child(head, "flat")) {
    m.kind = MentionKind::kOther;
    return m;
  }
  analyze_concept(t, avoid, m);
  return m;
}

}  // namespace kg::extract
