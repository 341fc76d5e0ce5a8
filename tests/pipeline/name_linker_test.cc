// link_target: the full name a surname alone links to, given the corpus's full names.
#include <catch2/catch.hpp>

#include "pipeline/name_linker.h"

using kg::link_target;

TEST_CASE("A surname links to the corpus's one full name, in its most used spelling", "[pipeline]") {
  CHECK(link_target({{"Nigel Lawson", 12}}) == "Nigel Lawson");
  CHECK(link_target({{"Nigel Lawson", 2}, {"Nigel LAWSON", 1}}) == "Nigel Lawson");
  CHECK(link_target({{"NIGEL LAWSON", 3}, {"Nigel Lawson", 1}}) == "NIGEL LAWSON");
  CHECK(link_target({}).empty());
}

TEST_CASE("A surname of two people links to neither", "[pipeline]") {
  CHECK(link_target({{"James Baker", 40}, {"Howard Baker", 3}}).empty());
}

TEST_CASE("Titles and first names before a full name are the same person", "[pipeline]") {
  CHECK(link_target({{"Alan Greenspan", 5}, {"Fed Chairman Alan Greenspan", 9}}) ==
        "Alan Greenspan");
  CHECK(link_target({{"Ronald Reagan", 5}, {"President Ronald Reagan", 2}, {"Nancy Reagan", 1}})
            .empty());
  // A longer name that only shares the last word is another person.
  CHECK(link_target({{"Alan Greenspan", 5}, {"Dalan Greenspan", 1}}).empty());
}
