// Title words and which names end in a surname that may stand for them.
#include <catch2/catch.hpp>

#include "common/titles.h"

TEST_CASE("A name with a connective word ends in no surname", "[common]") {
  CHECK(kg::ends_in_surname("James Baker"));
  CHECK(kg::ends_in_surname("Charles de Gaulle"));
  CHECK_FALSE(kg::ends_in_surname("King of Athens"));
  CHECK_FALSE(kg::ends_in_surname("Secretary for the Environment"));
  CHECK_FALSE(kg::ends_in_surname("Marks and Spencer"));
  CHECK(kg::is_title_word("president"));
  CHECK_FALSE(kg::is_title_word("baker"));
}

TEST_CASE("A generic organisation head is one word of the shared list", "[common]") {
  CHECK(kg::is_generic_org_head("bank"));
  CHECK(kg::is_generic_org_head("party"));
  CHECK_FALSE(kg::is_generic_org_head("hapoalim"));
}
