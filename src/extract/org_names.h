// Organisation names with a coordination inside ("Securities and Exchange Commission", "Morgan
// Stanley and Co Inc", "Procter and Gamble"): the parser reads them as two conjuncts, which would
// cut one organisation into two entities.
#pragma once

#include <vector>

#include "doc/document.h"

namespace kg::extract {

// Words first..last (0-based, inclusive) of a sentence that name one organisation.
struct NameSpan {
  int first = 0, last = 0;
};

// The spans of `s` that hold an "and"/"&" between capitalized words and name one organisation:
// a known name ("Procter and Gamble"), or a run ending in an organisation word whose second
// conjunct is one word before it ("Securities and Exchange Commission", "Pennsylvania Power and
// Light Co") or only corporate suffixes ("Morgan Stanley and Co Inc"). Two names the entity
// tagger starts apart ("IBM and Apple Inc"), a first conjunct ending in a corporate suffix
// ("CTS Corp and Dynamics Corp") or one that is a place stay two; so does any coordination
// without an organisation word ("Baker and Volcker").
std::vector<NameSpan> coordinated_org_names(const Sentence& s);

// The spans of `s` that are a company's name with a possessive inside: capitalized words, "'s",
// capitalized words ending in a corporate suffix or a company-name word ("Moody's Investors
// Service Inc", "McDonald's Corp", "Sotheby's Holdings"), whatever the entity tagger makes of
// the possessor ("Moody" is often PER). Not after a place ("Japan's Finance Ministry") or a
// company ("Chrysler Corp's Chrysler Motors": its unit); an
// organisation word is no company end ("Reagan's Cabinet Council": the possessor's council).
std::vector<NameSpan> possessive_org_names(const Sentence& s);

}  // namespace kg::extract
