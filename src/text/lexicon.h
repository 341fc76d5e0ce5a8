// Word lists the tokenizer's rules consult: abbreviations that keep their period, hyphen
// prefixes that stay attached, units split from numbers, and emoticons.
#pragma once

#include <string_view>

namespace kg::text {

enum class AbbreviationKind {
  kNone,
  kTitle,    // Mr. Dr. Gov. e.g. i.e. vs.: almost never ends a sentence
  kOther,    // Inc. etc. Jan. Calif. vs.: may end a sentence
  kNumber,   // No. Nos. Vol. pp. Art.: an abbreviation only before a number
};

// `word` is the token without its final period ("Mr", "U.S", "e.g"). Words with inner periods
// ("U.S", "Ph.D") are always abbreviations (kOther; "e.g", "i.e", "a.k.a" kTitle).
AbbreviationKind abbreviation_kind(std::string_view word);

// "non", "anti", "e", "mid", ...: "non-stop" stays one token, unlike "long - term" (UD EWT).
bool is_hyphen_prefix(std::string_view word);

// Units written after a number without a space and split from it ("5pm", "35mm", "10kg").
bool is_unit(std::string_view letters);

// The emoticon starting at the beginning of `s`, or 0.
size_t emoticon_length(std::string_view s);

}  // namespace kg::text
