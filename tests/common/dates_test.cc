#include <catch2/catch.hpp>

#include "common/dates.h"

using kg::is_iso_date;
using kg::parse_date;

TEST_CASE("Dates in the formats news feeds write read as YYYY-MM-DD", "[common]") {
  CHECK(parse_date("2021-12-07") == "2021-12-07");
  CHECK(parse_date("2021-12-07T10:00:00Z") == "2021-12-07");
  CHECK(parse_date("2021-12-07 10:00") == "2021-12-07");
  CHECK(parse_date("2021/12/7") == "2021-12-07");
  CHECK(parse_date("26-FEB-1987 15:01:11.79") == "1987-02-26");
  CHECK(parse_date(" 3-MAR-1987 09:00:00.00") == "1987-03-03");
  CHECK(parse_date("Tue, 07 Dec 2021 10:00:00 +0000") == "2021-12-07");
  CHECK(parse_date("7 December 2021") == "2021-12-07");
  CHECK(parse_date("December 7, 2021") == "2021-12-07");
  CHECK(parse_date("Dec. 7 2021") == "2021-12-07");
  CHECK(parse_date("Sept 30, 1987") == "1987-09-30");
}

TEST_CASE("Text that is no real date is refused", "[common]") {
  CHECK_FALSE(parse_date(""));
  CHECK_FALSE(parse_date("soon"));
  CHECK_FALSE(parse_date("2021-02-30"));
  CHECK(parse_date("2020-02-29") == "2020-02-29");
  CHECK_FALSE(parse_date("1900-02-29"));
  CHECK_FALSE(parse_date("2021-13-01"));
  CHECK_FALSE(parse_date("12/07/2021"));  // month or day first: ambiguous
  CHECK_FALSE(parse_date("10:00 2021"));
  CHECK(is_iso_date("1987-02-26"));
  CHECK_FALSE(is_iso_date("1987-2-26"));
  CHECK_FALSE(is_iso_date("26-FEB-1987"));
}
