// Literal values: an argument that is a number, an amount of money, a percentage, a quantity or a
// date ("31", "1.5 mln dlrs", "5 pct", "500 tonnes", "March 31") is a value of the fact, not an
// entity: kg::kValueTypes (doc/triple.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dep_tree.h"

namespace kg::extract {

struct Value {
  std::string_view type;   // one of kValueTypes
  std::vector<int> words;  // the value's words in order: the number, its unit and modifiers
  std::string unit;        // the head's lemma when it is a unit ("pct", "dlr", "share")
};

// The value headed by `head`, nullopt when the argument is none: a unit (currency, "pct",
// "tonnes") with a number, a number (with digits, or a multiplier such as "mln" with one), a
// year, a month with a day or year, a weekday. "two companies" is no value (a count of things).
std::optional<Value> value_at(const DepTree& t, int head);

}  // namespace kg::extract
