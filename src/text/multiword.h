// Splits surface tokens into syntactic words the way UD English-EWT does: "don't" -> do + n't,
// "Bush's" -> Bush + 's, "parents'" -> parents + ', "cannot" -> can + not, "gonna" -> gon + na.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kg::text {

// Byte lengths of the words of `token` (they add up to token.size()), or an empty vector when
// the token is a single word.
std::vector<size_t> split_multiword(std::string_view token);

}  // namespace kg::text
