// Dates of news documents: the formats news feeds write, read into ISO 8601 calendar dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kg {

// The calendar date `text` names, as "YYYY-MM-DD"; nullopt when it is none of the formats below
// or no real date (2021-02-30). A time after the date is ignored (the date is the one written,
// not converted to UTC).
//   2021-12-07, 2021-12-07T10:00:00Z, 2021-12-07 10:00, 2021/12/07   ISO 8601 and its relatives
//   26-FEB-1987 15:01:11.79                                          Reuters-21578
//   Tue, 07 Dec 2021 10:00:00 +0000, 7 December 2021                 RFC 2822, day month year
//   December 7, 2021, Dec. 7 2021                                    month day year
std::optional<std::string> parse_date(std::string_view text);

// True when `text` is an ISO date "YYYY-MM-DD" that parse_date accepts (what --since/--until
// take).
bool is_iso_date(std::string_view text);

}  // namespace kg
