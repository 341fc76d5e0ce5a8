// people_of: the people that the corpus's full names ending in one word name; a surname alone
// links to the one person, in the most used spelling of the shortest full name.
#include <catch2/catch.hpp>

#include "pipeline/name_linker.h"

using kg::people_of;

TEST_CASE("A surname links to the corpus's one full name, in its most used spelling", "[pipeline]") {
  auto one = [](const std::vector<std::pair<std::string, uint64_t>>& full) {
    auto people = people_of(full);
    REQUIRE(people.size() == 1);
    return people[0].name;
  };
  CHECK(one({{"Nigel Lawson", 12}}) == "Nigel Lawson");
  CHECK(one({{"Nigel Lawson", 2}, {"Nigel LAWSON", 1}}) == "Nigel Lawson");
  CHECK(one({{"NIGEL LAWSON", 3}, {"Nigel Lawson", 1}}) == "NIGEL LAWSON");
  CHECK(people_of({}).empty());
}

TEST_CASE("A surname of two people links to neither", "[pipeline]") {
  CHECK(people_of({{"James Baker", 40}, {"Howard Baker", 3}}).size() == 2);
}

TEST_CASE("Titles and first names before a full name are the same person", "[pipeline]") {
  auto greenspan = people_of({{"Alan Greenspan", 5}, {"Fed Chairman Alan Greenspan", 9}});
  REQUIRE(greenspan.size() == 1);
  CHECK(greenspan[0].name == "Alan Greenspan");
  CHECK(people_of({{"Ronald Reagan", 5}, {"President Ronald Reagan", 2}, {"Nancy Reagan", 1}})
            .size() == 2);
  // A longer name that only shares the last word is another person.
  CHECK(people_of({{"Alan Greenspan", 5}, {"Dalan Greenspan", 1}}).size() == 2);
}
