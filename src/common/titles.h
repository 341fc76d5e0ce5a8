// Word lists shared by extraction and the store. Title words ("president", "secretary", ...):
// extraction reads a title before a name ("US President | Joe Biden"), and the store keeps a
// phrase of titles that names none of an entity's words out of its aliases ("Treasury Secretary"
// is not a name of James Baker). Connectives that make a titled phrase no name with a surname.
// Generic organisation heads, never merge keys or aliases alone ("Bank", "Party").
#pragma once

#include <string_view>

namespace kg {

// `w` lowercased, without a final period.
bool is_title_word(std::string_view w);

// Whether a person's name of several words ends in a surname that may stand for it: not when a
// word of it is "of", "the", "for" or "and" ("the King of Athens" is no one called Athens).
// Within a document (extraction) and across documents (the store's name links) alike.
bool ends_in_surname(std::string_view name);

// A generic head of organisation names ("bank", "commission", "party", "government", ...),
// lowercase: alone it names no organisation in particular, so it is never a name's alias.
bool is_generic_org_head(std::string_view w);

}  // namespace kg
