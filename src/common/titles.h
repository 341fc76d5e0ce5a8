// Title words ("president", "secretary", "minister", ...), one list for the stages that need it:
// extraction reads a title before a name ("US President | Joe Biden"), and the store keeps a
// phrase of titles that names none of an entity's words out of its aliases ("Treasury Secretary"
// is not a name of James Baker).
#pragma once

#include <string_view>

namespace kg {

// `w` lowercased, without a final period.
bool is_title_word(std::string_view w);

}  // namespace kg
