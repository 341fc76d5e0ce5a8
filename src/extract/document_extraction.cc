// The steps of one document's extraction: mentions per sentence, resolution, then triples.
#include "extract/document_extraction.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "extract/lexicon.h"
#include "extract/repair.h"

namespace kg::extract {
namespace {

// Headlines in title case ("Biden Agrees To Summit With Putin") parse poorly and would invent
// names such as "Biden Agrees"; their facts are left out of the graph. A sentence is a headline
// when its words after the first are mostly capitalized and none of its lowercase words is a
// content word: "US President Joe Biden met Russian President Vladimir Putin in Geneva" is not
// one ("met"), "Biden Agrees to Summit with Putin" is.
bool is_headline_case(const Sentence& s) {
  static const std::set<std::string> kFunctionWords = {
      "a",   "an",  "the",  "and",  "or",   "but",   "nor",    "of",    "to",     "in", "on",
      "at",  "for", "with", "by",   "from", "as",    "vs",     "via",   "into",   "up", "over",
      "off", "out", "per",  "than", "amid", "after", "before", "about", "against"};
  int words = 0, capitalized = 0;
  bool first = true;
  for (const Token& t : s.tokens) {
    if (t.form.empty() || !std::isalpha(static_cast<unsigned char>(t.form[0]))) continue;
    if (first) {
      first = false;
      continue;
    }
    ++words;
    if (std::isupper(static_cast<unsigned char>(t.form[0]))) {
      ++capitalized;
      continue;
    }
    std::string low = t.form;
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kFunctionWords.count(low) == 0) return false;  // a lowercase content word
  }
  return words >= 4 && capitalized * 10 >= words * 6;
}

// The word naming an argument in the graph: "his Russian counterpart, Vladimir Putin" is named by
// its proper-noun apposition.
int graph_head(const DepTree& t, int head) {
  if (head < 0 || (t.upos(head) == "PROPN" && !is_title_word(t.lower(head)))) return head;
  if (t.upos(head) != "NOUN" && t.upos(head) != "PROPN") return head;
  for (int c : t.children(head)) {
    if (t.rel(c) == "appos" && t.upos(c) == "PROPN") return c;
  }
  return head;
}

bool is_graph_node(const Mention& m) { return m.kind != MentionKind::kOther && !m.name.empty(); }

// A fact side's surface form, which the store keeps as an alias: a name's own words, without the
// title or other words describing it ("Paul Volcker" in "Fed Chairman Paul Volcker").
const std::string& surface(const Mention& m) {
  return m.kind == MentionKind::kName && !m.name.empty() ? m.name : m.text;
}

// The obliques of `p` other than the one at `skip` and those of its object, as phrases: the
// extra arguments of a fact.
std::vector<ExtraArgument> extra_arguments(const DepTree& t, const Proposition& p, size_t skip) {
  std::vector<ExtraArgument> extra;
  for (size_t b = 0; b < p.obliques.size(); ++b) {
    const Arg& arg = p.obliques[b];
    if (b == skip || arg.from_object) continue;
    std::vector<int> w = phrase_tokens(t, arg.head, p.top, false, true, false);
    extra.push_back({arg.prep, surface_text(t, w)});
  }
  return extra;
}

}  // namespace

Status check_parsed(const Sentence& s, const std::string& where) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& tok = s.tokens[i];
    if (tok.head < 0 || tok.head > static_cast<int>(s.tokens.size()) || tok.deprel.empty() ||
        tok.deprel == "_") {
      return Status::invalid(where + ": word " + std::to_string(i + 1) + " \"" + tok.form +
                             "\" has no dependency parse");
    }
  }
  return Status::ok_status();
}

// --- MentionTable ------------------------------------------------------------------------------

int MentionTable::get(const DepTree& t, int sentence, int head, int avoid) {
  auto key = std::make_pair(sentence, head);
  auto it = index_.find(key);
  if (it != index_.end()) return it->second;
  Mention m = analyze_mention(t, head, avoid);
  m.sentence = sentence;
  pending_.push_back(std::move(m));
  int id = static_cast<int>(pending_.size()) - 1;
  index_.emplace(key, id);
  return id;
}

std::vector<Mention> MentionTable::take_sorted(std::vector<int>& remap) {
  std::vector<int> order(pending_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return std::tie(pending_[a].sentence, pending_[a].head) <
           std::tie(pending_[b].sentence, pending_[b].head);
  });
  remap.assign(order.size(), -1);
  std::vector<Mention> out;
  out.reserve(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    remap[order[k]] = static_cast<int>(k);
    out.push_back(std::move(pending_[order[k]]));
  }
  pending_.clear();
  index_.clear();
  return out;
}

// --- step 1: mentions ----------------------------------------------------------------------------

DocumentExtraction::DocumentExtraction(const Document& doc, const ExtractorOptions& options)
    : doc_(doc), options_(options), work_(doc.sentences.size()), slots_(doc.sentences.size()) {}

Status DocumentExtraction::collect_mentions() {
  for (size_t si = 0; si < doc_.sentences.size(); ++si) {
    const Sentence& s = doc_.sentences[si];
    KG_RETURN_IF_ERROR(
        check_parsed(s, "document " + doc_.id + " sentence " + std::to_string(si + 1)));
    SentenceWork& w = work_[si];
    auto repaired = std::make_unique<Sentence>();
    if (repair_parse(s, repaired.get())) w.repaired = std::move(repaired);
    w.tree = std::make_unique<DepTree>(w.repaired ? *w.repaired : s);
    if (is_headline_case(s)) continue;
    for (AcronymDefinition& d : acronym_definitions(s)) acronyms_.push_back(std::move(d));
    w.props = extract_propositions(*w.tree);
    for (const Proposition& p : w.props) {
      slots_[si].push_back(fill_slots(*w.tree, static_cast<int>(si), p));
    }
    describe_by_appositions(si);
    add_name_mentions(si);
  }
  return Status::ok_status();
}

// Every name is a mention, in a fact's slot or not ("the Reagan administration", "talks in
// Geneva"): resolution sees all of a document's names, and the store keeps them all. A name is
// the head of a proper-noun chain: a PROPN that is no other word's flat or fixed part (a title
// too: "the Secretary" is a role that resolution gives its holder). A proper-noun compound of
// another proper noun is a name of its own inside a longer one ("Dhaka" in "Dhaka University"):
// kept apart from resolution, which would take it for a short form of the longer name.
void DocumentExtraction::add_name_mentions(size_t si) {
  const DepTree& t = *work_[si].tree;
  for (int w = 0; w < static_cast<int>(t.size()); ++w) {
    if (t.upos(w) != "PROPN") continue;
    const std::string_view rel = t.rel(w);
    if (rel.starts_with("flat") || rel == "fixed" || rel == "goeswith") continue;
    if (rel.starts_with("compound") && t.head(w) >= 0 && t.upos(t.head(w)) == "PROPN") {
      // Not a first name the parser chained by compound: "Nigel" of "Nigel Lawson", where the
      // tagger's person name goes on.
      if (t.tok(t.head(w)).entity == "I-PER") continue;
      Mention m = analyze_mention(t, w, -1);
      if (m.kind != MentionKind::kName || m.name.empty() || m.type == "CONCEPT") continue;
      if (m.type.empty()) m.type = "MISC";
      m.sentence = static_cast<int>(si);
      nested_.push_back(std::move(m));
      continue;
    }
    table_.get(t, static_cast<int>(si), w, -1);
  }
}

DocumentExtraction::Slots DocumentExtraction::fill_slots(const DepTree& t, int sentence,
                                                         const Proposition& p) {
  Slots sl;
  const bool appos = p.kind == PropKind::kAppos;
  if (p.subject.present()) {
    const int h = appos ? p.subject.head : graph_head(t, p.subject.head);
    sl.subject = table_.get(t, sentence, h, p.top);
    table_.at(sl.subject).is_subject = true;
  }
  if (p.object.present() && p.object.kind == ArgKind::kNominal) {
    const int h = appos ? p.object.head : graph_head(t, p.object.head);
    sl.object = table_.get(t, sentence, h, p.top);
    if (p.kind != PropKind::kVerbal) table_.at(sl.object).predicative = true;
  }
  for (const Arg& a : p.obliques) {
    sl.obliques.push_back(table_.get(t, sentence, graph_head(t, a.head), -1));
  }
  if (p.attribution >= 0) {
    sl.attribution = table_.get(t, sentence, graph_head(t, p.attribution), -1);
  }
  return sl;
}

// Appositions describe their noun: "Crocker, U.S. Representative to ..." gives Crocker the role
// words used to resolve "U.S. Ambassador to the UN".
void DocumentExtraction::describe_by_appositions(size_t si) {
  const DepTree& t = *work_[si].tree;
  for (size_t k = 0; k < work_[si].props.size(); ++k) {
    const Proposition& p = work_[si].props[k];
    const Slots& sl = slots_[si][k];
    if (p.kind != PropKind::kAppos || sl.subject < 0 || sl.object < 0) continue;
    Mention& subj = table_.at(sl.subject);
    const Mention& obj = table_.at(sl.object);
    if (obj.kind == MentionKind::kRole || obj.kind == MentionKind::kConcept) {
      for (int w : obj.tokens) {
        std::string_view u = t.upos(w);
        if (u == "ADP" || u == "DET" || u == "PUNCT") continue;
        subj.role_words.push_back(std::string(t.lower(w)));
      }
      if (obj.kind == MentionKind::kRole) subj.person_cue = true;
    }
  }
}

// --- step 2: resolution --------------------------------------------------------------------------

void DocumentExtraction::resolve() {
  mentions_ = table_.take_sorted(remap_);
  entities_ = resolve_mentions(mentions_, acronyms_);
  names_first();
}

namespace {

// A month or weekday, "may" included (is_date_word leaves it out: a modal, a name).
bool is_month_or_day(std::string_view low) { return is_date_word(low) || low == "may"; }

// "Apple Inc." and "Apple" are one company: an organisation's name without its corporate suffix
// (the surface forms keep it), unless nothing but a generic head or a place would remain ("Bank
// Co", "New York Co").
void strip_corporate_suffix(Entity& ent) {
  if (ent.type != "ORG" && ent.type != "MISC") return;
  std::string name = ent.name;
  for (;;) {
    while (!name.empty() && (name.back() == ',' || name.back() == ' ')) name.pop_back();
    const size_t space = name.rfind(' ');
    if (space == std::string::npos) break;
    const std::string last = to_lower(std::string_view(name).substr(space + 1));
    if (!is_corporate_suffix(last)) break;
    const std::string rest = name.substr(0, space);
    const std::string rest_low = to_lower(rest);
    if (rest_low.find(' ') == std::string::npos && is_generic_org_head(rest_low)) break;
    if (is_place_name(rest_low)) break;  // "New York Co" is not New York
    if (is_month_or_day(rest_low)) break;  // "May Co" is not the month
    name = rest;
    ent.type = "ORG";
    // "Morgan Stanley and Co Inc" -> "Morgan Stanley".
    for (const char* cc : {" and", " &"}) {
      if (name.ends_with(cc)) name.erase(name.size() - std::string_view(cc).size());
    }
  }
  while (!name.empty() && (name.back() == ',' || name.back() == ' ')) name.pop_back();
  if (!name.empty()) ent.name = name;
}

// "Reagan Reagan" -> "Reagan": a word written twice in a row, once (case-insensitive).
void collapse_repeated_words(std::string& name) {
  std::string out, last;
  size_t i = 0;
  while (i < name.size()) {
    size_t j = name.find(' ', i);
    if (j == std::string::npos) j = name.size();
    const std::string w = name.substr(i, j - i);
    if (!w.empty() && to_lower(w) != last) {
      if (!out.empty()) out += ' ';
      out += w;
      last = to_lower(w);
    }
    i = j + 1;
  }
  if (!out.empty()) name = std::move(out);
}

// Whether a word of `name` starts lowercase ("Chancellor of the Exchequer"): a phrase, not a
// title before a name.
bool has_lowercase_word(std::string_view name) {
  bool word_start = true;
  for (char c : name) {
    if (word_start && std::islower(static_cast<unsigned char>(c))) return true;
    word_start = c == ' ';
  }
  return false;
}

// Words dating a name after it are not part of it: "Reagan Friday", "Texaco today", and for a
// person a number ("Reagan 76", a wire's typo). Returns whether it dropped any.
bool drop_trailing_dates(Entity& ent) {
  bool dropped = false;
  for (;;) {
    const size_t space = ent.name.rfind(' ');
    if (space == std::string::npos) return dropped;
    const std::string last = to_lower(std::string_view(ent.name).substr(space + 1));
    const bool number = ent.type == "PERSON" &&
                        last.find_first_not_of("0123456789") == std::string::npos;
    if (!is_dating_word(last) && !number) return dropped;
    // "USA Today", "Business Today": a title-case "Today" ends a newspaper's name; a date word
    // after a name is written "today" (or in a headline's capitals).
    const std::string_view as_written = std::string_view(ent.name).substr(space + 1);
    if (!is_date_word(last) && as_written.size() > 1 && as_written[0] >= 'A' &&
        as_written[0] <= 'Z' && as_written[1] >= 'a' && as_written[1] <= 'z') {
      return dropped;
    }
    ent.name.erase(space);
    dropped = true;
  }
}

// A date written as a name: "March Two", "April 3", "January December".
bool is_date_phrase(std::string_view low) {
  static const std::set<std::string_view> kNumbers = {
      "one",   "two",   "three",   "four",   "five",  "six",    "seven",  "eight",
      "nine",  "ten",   "eleven",  "twelve", "first", "second", "third",  "fourth",
      "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",  "twenty", "thirty"};
  bool first = true;
  size_t i = 0;
  while (i <= low.size()) {
    size_t j = low.find(' ', i);
    if (j == std::string_view::npos) j = low.size();
    const std::string_view w = low.substr(i, j - i);
    const bool number = !w.empty() && w.find_first_not_of("0123456789,.") == std::string_view::npos;
    if (first ? !is_date_word(w) : !(is_date_word(w) || number || kNumbers.count(w))) return false;
    first = false;
    i = j + 1;
  }
  return true;
}

// `s` without spaces.
std::string unspaced(std::string_view s) {
  std::string r;
  for (char c : s) {
    if (c != ' ') r += c;
  }
  return r;
}

// A name written again where the parse saw none ("DH" tagged as a noun, the words of a
// headline): a mention of the entity whose name, surname or acronym it is, when it is that of one
// entity only. Words already in a mention are left alone; the longest match wins.
void add_repeated_names(const Document& doc, const std::vector<AcronymDefinition>& acronyms,
                        std::vector<EntityMention>& out) {
  std::map<std::string, const EntityMention*> keys;  // unspaced text -> mention; null: ambiguous
  auto add = [&](const std::string& key, const EntityMention& m) {
    auto [it, inserted] = keys.emplace(key, &m);
    if (!inserted && it->second != nullptr && it->second->entity != m.entity) it->second = nullptr;
  };
  for (const EntityMention& m : out) {
    const std::string key = unspaced(m.text), name = unspaced(m.entity);
    if (key.size() < 2 || !std::isupper(static_cast<unsigned char>(key[0]))) continue;
    const bool acronym = std::all_of(key.begin(), key.end(), [](char c) {
      return std::isupper(static_cast<unsigned char>(c)) || c == '.';
    });
    const bool surname = m.entity.size() > m.text.size() && m.entity.ends_with(" " + m.text);
    // A concept's name is lowercased: "the Constitution" -> constitution.
    if (to_lower(key) != to_lower(name) && !surname && !acronym) continue;
    add(key, m);
  }
  // "the World Health Organisation (WHO)": WHO names the organisation wherever it is written.
  for (const AcronymDefinition& d : acronyms) {
    const std::string expansion = unspaced(d.expansion);
    for (const EntityMention& m : out) {
      if (unspaced(m.text) == expansion || unspaced(m.entity) == expansion) {
        add(d.key, m);
        break;
      }
    }
  }
  if (keys.empty()) return;
  constexpr size_t kMaxWords = 6;
  std::vector<std::vector<std::pair<size_t, size_t>>> spans(doc.sentences.size());
  for (const EntityMention& m : out) {
    if (m.sentence >= 0 && static_cast<size_t>(m.sentence) < spans.size()) {
      spans[m.sentence].emplace_back(m.start, m.end);
    }
  }
  std::vector<EntityMention> found;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const std::vector<Token>& tokens = doc.sentences[si].tokens;
    auto covered = [&](const Token& t) {
      return std::any_of(spans[si].begin(), spans[si].end(),
                         [&](const auto& m) { return m.first < t.end && t.start < m.second; });
    };
    for (size_t i = 0; i < tokens.size();) {
      if (tokens[i].form.empty() || !std::isupper(static_cast<unsigned char>(tokens[i].form[0]))) {
        ++i;  // every key starts with a capital
        continue;
      }
      size_t best = 0;
      const EntityMention* as = nullptr;
      std::string joined;
      for (size_t k = i; k < tokens.size() && k - i < kMaxWords && !covered(tokens[k]); ++k) {
        joined += unspaced(tokens[k].form);
        auto it = keys.find(joined);
        if (it != keys.end() && it->second != nullptr) best = k - i + 1, as = it->second;
      }
      if (as == nullptr) {
        ++i;
        continue;
      }
      const size_t last = i + best - 1;
      std::string text;
      for (size_t k = i; k <= last; ++k) {
        text += tokens[k].form;
        if (k < last && tokens[k].space_after) text += ' ';
      }
      found.push_back({static_cast<int>(si), tokens[i].start, tokens[last].end, std::move(text),
                       as->entity, as->type});
      i = last + 1;
    }
  }
  for (EntityMention& m : found) out.push_back(std::move(m));
}

}  // namespace

// Names first: an entity whose whole name is one word that names nothing (a month, a weekday, a
// lone "Co", a word of an earnings table) is no graph node; one that is a generic organisation
// head ("Bank", "Commission") left unresolved is the concept, never a name that would merge the
// banks of every document.
void DocumentExtraction::names_first() {
  auto key_of = [](const std::string& name) {  // lowercased, without a leading "the "
    std::string low = to_lower(name);
    if (low.starts_with("the ")) low.erase(0, 4);
    return low;
  };
  std::vector<bool> has_name(entities_.size());
  for (const Mention& m : mentions_) {
    if (m.entity >= 0 && m.kind == MentionKind::kName) has_name[m.entity] = true;
  }
  for (size_t e = 0; e < entities_.size(); ++e) {
    Entity& ent = entities_[e];
    if (ent.type == "CONCEPT") continue;
    // Someone only ever called by a lowercase role ("the lead manager", "a company spokesman")
    // is no named entity: the role is the concept.
    if (!has_name[e] && std::none_of(ent.name.begin(), ent.name.end(), [](char c) {
          return std::isupper(static_cast<unsigned char>(c));
        })) {
      ent.type = "CONCEPT";
      continue;
    }
    collapse_repeated_words(ent.name);  // "Reagan Reagan", a wire's doubled word
    if (drop_trailing_dates(ent)) {      // "Reagan Friday", "President Reagan today"
      for (Mention& m : mentions_) {       // and its surface forms ("Japan", not "Japan today")
        if (m.entity != static_cast<int>(e) || m.kind != MentionKind::kName) continue;
        Entity as{m.name, ent.type};
        drop_trailing_dates(as);
        m.name = std::move(as.name);
      }
    }
    // A title left before a person's name is not part of it ("President Reagan" once "today"
    // went), as for the names mention analysis splits ("President | Biden").
    for (size_t space = ent.name.find(' ');
         ent.type == "PERSON" && space != std::string::npos && !has_lowercase_word(ent.name) &&
         (is_title_word(to_lower(ent.name.substr(0, space))) ||
          is_honorific(to_lower(ent.name.substr(0, space))));
         space = ent.name.find(' ')) {
      ent.name.erase(0, space + 1);
    }
    if (std::string_view country = common_country_name(key_of(ent.name)); !country.empty()) {
      ent.name = country;  // "U.S.", "US", "America" -> "United States"
      ent.type = "LOC";
      continue;
    }
    strip_corporate_suffix(ent);
    const std::string low = key_of(ent.name);
    // A row of an earnings table ("Revs 5.5", "Shr 1.20"): its first word names nothing.
    const size_t space = low.find(' ');
    const bool table_row = space != std::string::npos &&
                           is_non_entity_name(std::string_view(low).substr(0, space)) &&
                           low.find_first_of("0123456789") != std::string::npos;
    const bool date = space != std::string::npos && is_date_phrase(low);
    // "Co Inc": corporate suffixes alone name no company.
    bool suffixes_only = !low.empty();
    for (size_t i = 0; i < low.size();) {
      const size_t end = std::min(low.find(' ', i), low.size());
      suffixes_only = suffixes_only && is_corporate_suffix(std::string_view(low).substr(i, end - i));
      i = end + 1;
    }
    // A known place the tagger doubted is the place ("Ecuador" MISC).
    if ((ent.type == "MISC" || ent.type.empty()) && is_place_name(low)) ent.type = "LOC";
    if (low.empty() || (space != std::string::npos && !table_row && !date && !suffixes_only)) {
      continue;
    }
    // One word (or a table row, a date) from here on. A month named alone is a date, unless a
    // person ("May" the month, not "Theresa May").
    if (table_row || date || suffixes_only || is_non_entity_name(low) ||
        (is_month_or_day(low) && ent.type != "PERSON")) {
      for (Mention& m : mentions_) {
        if (m.entity == static_cast<int>(e)) {
          m.entity = -1;
          m.kind = MentionKind::kOther;
        }
      }
    } else if ((is_generic_org_head(low) &&
                (ent.type != "PERSON" || ent.gender == Gender::kUnknown)) ||  // not "Mr Bank"
               is_title_word(low)) {  // "Secretary" alone is a role, nobody's name
      ent.name = low;
      ent.type = "CONCEPT";
    }
  }
}

// Lists are not identity: an apposition inside a coordination ("James Baker, Paul Volcker and
// Malcolm Baldrige"; "the ministers, James Baker and Nigel Lawson") or between two different
// names says nothing of the form X is Y.
bool DocumentExtraction::is_identity(const DepTree& t, const Proposition& p, const Slots& sl) const {
  const int appos = p.top, host = t.head(p.top);
  if (t.has_child(appos, "conj") || (host >= 0 && (t.has_child(host, "conj") || t.rel(host) == "conj"))) {
    return false;
  }
  if (sl.object < 0) return true;
  const Mention& s = mention(sl.subject);
  const Mention& o = mention(sl.object);
  if (s.kind == MentionKind::kName && o.kind == MentionKind::kName) {
    const std::string* sn = name_of(sl.subject);
    const std::string* on = name_of(sl.object);
    return sn == nullptr || on == nullptr || *sn == *on;
  }
  return true;
}

std::optional<std::pair<size_t, size_t>> DocumentExtraction::place_of(const Mention& m) const {
  const std::vector<Token>& tokens = doc_.sentences[m.sentence].tokens;
  if (m.tokens.empty()) return std::nullopt;
  const auto [lo, hi] = std::minmax_element(m.tokens.begin(), m.tokens.end());
  if (*lo < 0 || *hi >= static_cast<int>(tokens.size())) return std::nullopt;
  return std::make_pair(tokens[*lo].start, tokens[*hi].end);
}

std::vector<EntityMention> DocumentExtraction::named_mentions() const {
  std::vector<EntityMention> out;
  // A name inside a longer one names the document's entity of that name, else itself.
  std::map<std::string, const Entity*> by_name;
  for (const Entity& e : entities_) by_name.emplace(to_lower(e.name), &e);
  for (const Mention& m : nested_) {
    const auto place = place_of(m);
    if (!place) continue;
    std::string name = m.name, type = m.type;
    if (std::string_view country = common_country_name(to_lower(name)); !country.empty()) {
      name = country;  // "U.S." in "U.S. Congress" is the United States
      type = "LOC";
    }
    auto it = by_name.find(to_lower(name));
    const bool known = it != by_name.end() && it->second->type != "CONCEPT";
    out.push_back({m.sentence, place->first, place->second, m.text,
                   known ? it->second->name : name, known ? it->second->type : type});
  }
  // A role or pronoun is a mention of a named entity when the document names that entity, by a
  // name or by a title written as one ("Madam Speaker").
  std::vector<bool> named(entities_.size());
  for (const Mention& m : mentions_) {
    if (m.entity >= 0 && (m.kind == MentionKind::kName ||
                          work_[m.sentence].tree->upos(m.head) == "PROPN")) {
      named[m.entity] = true;
    }
  }
  for (const Mention& m : mentions_) {
    if (m.entity < 0 || m.tokens.empty() || m.kind == MentionKind::kOther ||
        m.kind == MentionKind::kConcept || !named[m.entity]) {
      continue;
    }
    const Entity& e = entities_[m.entity];
    // A name of a generic head ("the Senate", "the Court") is the concept, and a mention of it.
    if (e.name.empty() || (e.type == "CONCEPT" && m.kind != MentionKind::kName &&
                           work_[m.sentence].tree->upos(m.head) != "PROPN")) {
      continue;
    }
    const auto place = place_of(m);
    if (!place) continue;
    out.push_back({m.sentence, place->first, place->second, m.text, e.name, e.type});
  }
  add_repeated_names(doc_, acronyms_, out);
  std::stable_sort(out.begin(), out.end(), [](const EntityMention& a, const EntityMention& b) {
    return std::tie(a.sentence, a.start) < std::tie(b.sentence, b.start);
  });
  return out;
}

const std::string* DocumentExtraction::name_of(int id) const {
  if (id < 0) return nullptr;
  const Mention& m = mention(id);
  if (m.entity >= 0) return &entities_[m.entity].name;
  if (m.kind == MentionKind::kValue) return &m.name;  // a literal: its own text
  if (m.kind == MentionKind::kPronoun && options_.keep_unresolved_pronouns) return &m.name;
  return nullptr;
}

std::string DocumentExtraction::type_of(int id) const {
  const Mention& m = mention(id);
  return m.entity >= 0 ? entities_[m.entity].type : m.type;
}

// --- steps 3 and 4: facts ------------------------------------------------------------------------

Triple DocumentExtraction::sentence_base(size_t si) const {
  const Sentence& s = doc_.sentences[si];
  Triple base;
  base.doc = doc_.id;
  base.sentence = static_cast<int>(si);
  base.text = s.text;
  if (s.end > s.start) base.span = std::make_pair(s.start, s.end);
  return base;
}

void DocumentExtraction::emit(Triple tr) {
  if (tr.confidence < options_.min_confidence) return;
  if (tr.subject.empty() || tr.object.empty() || tr.relation.empty()) return;
  if (tr.subject == tr.object) return;
  auto key = std::make_tuple(tr.sentence, tr.subject, tr.relation, tr.object);
  if (!seen_.insert(key).second) return;
  out_.push_back(std::move(tr));
}

void DocumentExtraction::emit_facts(size_t si) {
  const Triple base = sentence_base(si);
  for (size_t k = 0; k < work_[si].props.size(); ++k) {
    emit_proposition(*work_[si].tree, work_[si].props[k], slots_[si][k], base);
  }
}

// One fact with the object and one per oblique that names a graph node, all with the subject's
// side and the proposition's qualifiers.
void DocumentExtraction::emit_proposition(const DepTree& t, const Proposition& p, const Slots& sl,
                                          const Triple& base) {
  const std::string* subj = name_of(sl.subject);
  // A value is a literal: the object of a fact, never its subject.
  if (subj == nullptr || !is_graph_node(mention(sl.subject)) ||
      mention(sl.subject).kind == MentionKind::kValue) {
    return;
  }
  if (p.kind == PropKind::kAppos && !is_identity(t, p, sl)) return;
  const Mention& sm = mention(sl.subject);
  Triple tr = base;
  tr.subject = *subj;
  tr.subject_text = surface(sm);
  tr.subject_type = type_of(sl.subject);
  tr.negated = p.negated;
  if (!p.modality.empty()) tr.modality = p.modality;
  if (sl.attribution >= 0) {
    const std::string* a = name_of(sl.attribution);
    tr.attribution = a != nullptr ? *a : mention(sl.attribution).text;
  }
  FactScore score;
  score.features = proposition_features(t, p);
  score.features.arg1_words = static_cast<int>(sm.tokens.size());
  // Pronoun and role subjects rest on resolution, which can be wrong.
  if (sm.kind == MentionKind::kPronoun || sm.kind == MentionKind::kRole) {
    score.resolution_penalty = 0.05;
  }

  const std::string* obj = name_of(sl.object);
  const bool obj_node = obj != nullptr && is_graph_node(mention(sl.object));
  if (obj_node) {
    Triple f = tr;
    f.relation = p.label;
    f.object = *obj;
    f.object_text = surface(mention(sl.object));
    f.object_type = type_of(sl.object);
    f.args = extra_arguments(t, p, p.obliques.size());
    f.confidence = fact_confidence(score, p.label, sl.object, f.args.size(), false);
    emit(std::move(f));
  }
  for (size_t a = 0; a < p.obliques.size(); ++a) {
    emit_oblique_fact(t, p, sl, a, tr, score, obj, obj_node);
  }
}

// The fact whose object is oblique `a` ("Biden - meet in - Geneva"), when it names a graph node.
void DocumentExtraction::emit_oblique_fact(const DepTree& t, const Proposition& p, const Slots& sl,
                                           size_t a, const Triple& tr, const FactScore& score,
                                           const std::string* obj, bool obj_node) {
  const Arg& arg = p.obliques[a];
  if (arg.temporal || arg.prep.empty()) return;
  const int mid = sl.obliques[a];
  const std::string* on = name_of(mid);
  if (on == nullptr || !is_graph_node(mention(mid))) return;
  const std::optional<std::string> label = oblique_label(p, sl, arg, obj, obj_node);
  if (!label) return;
  Triple f = tr;
  f.relation = *label;
  f.object = *on;
  f.object_text = surface(mention(mid));
  f.object_type = type_of(mid);
  f.args = extra_arguments(t, p, a);
  f.confidence = fact_confidence(score, *label, mid, f.args.size(), true);
  emit(std::move(f));
}

// The relation of an oblique's fact: the object's verb, the object and the preposition for a
// modifier of a concept or predicative object ("hold summit in"), the relation and the
// preposition where there is no object node ("meet with"); none for an oblique elsewhere.
std::optional<std::string> DocumentExtraction::oblique_label(const Proposition& p, const Slots& sl,
                                                             const Arg& arg, const std::string* obj,
                                                             bool obj_node) const {
  if (arg.from_object && sl.object >= 0) {
    const std::string verb = p.kind == PropKind::kVerbal ? p.inner_label : "be";
    const Mention& objm = mention(sl.object);
    if (objm.kind == MentionKind::kValue) {
      // "bought 5 pct of Maserati": the value's unit, not its figure, joins the relation.
      if (objm.unit.empty()) return std::nullopt;
      return verb + " " + objm.unit + " " + arg.prep;
    }
    if (obj == nullptr || (objm.kind != MentionKind::kConcept && !objm.predicative)) {
      return std::nullopt;
    }
    return verb + " " + *obj + " " + arg.prep;
  }
  const bool object_noun = obj_node && mention(sl.object).kind == MentionKind::kConcept;
  if (object_noun && arg.attach == p.pred) {
    return p.inner_label + " " + mention(sl.object).name + " " + arg.prep;
  }
  // "rose 5 pct to 3 mln dlrs": each value is a fact of its own ("rise", "rise to").
  const bool no_object_node = !obj_node || mention(sl.object).kind == MentionKind::kValue;
  if (no_object_node && (arg.attach == p.pred || arg.attach == p.top)) {
    return p.label + " " + arg.prep;
  }
  return std::nullopt;
}

double DocumentExtraction::fact_confidence(const FactScore& score, const std::string& label,
                                           int object_id, size_t extras, bool prep) const {
  ConfidenceFeatures f = score.features;
  f.rel_words = 1 + static_cast<int>(std::count(label.begin(), label.end(), ' '));
  f.args = 2 + static_cast<int>(extras);
  f.rest_words = object_id >= 0 ? static_cast<int>(mention(object_id).tokens.size()) : 1;
  f.prep_in_relation = prep;
  return std::max(0.01, confidence(f) - score.resolution_penalty);
}

// Titles: "US President Joe Biden" -> Joe Biden - be - US President.
void DocumentExtraction::emit_titles(size_t si) {
  const Sentence& s = doc_.sentences[si];
  const Triple base = sentence_base(si);
  for (const Mention& m : mentions_) {
    if (m.sentence != static_cast<int>(si) || m.kind != MentionKind::kName ||
        m.descriptor.empty() || !m.titled || m.entity < 0) {
      continue;
    }
    Triple f = base;
    f.subject = entities_[m.entity].name;
    f.subject_text = surface(m);
    f.subject_type = entities_[m.entity].type;
    f.relation = "be";
    f.object = m.descriptor;
    f.object_text = m.descriptor;
    f.object_type = "CONCEPT";
    ConfidenceFeatures tf;
    tf.kind = FactKind::kTitle;
    tf.sentence_words = static_cast<int>(s.tokens.size());
    tf.subject_propn = true;
    tf.arg1_words = static_cast<int>(m.tokens.size());
    f.confidence = confidence(tf);
    emit(std::move(f));
  }
}

}  // namespace kg::extract
