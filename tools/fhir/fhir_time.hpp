// FHIR R4 `date`, `dateTime` and `instant` values as seconds since 1970-01-01T00:00:00Z.
//
// A partial date (`2024`, `2024-03`) stands for its first instant; a time without a zone is
// read as UTC (FHIR says the zone is then unknown, which the look-back window cannot express
// more precisely). Nothing here reads the clock: callers pass "now" in.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace redflag::tools::fhir {

// [text] as seconds since the epoch, or nullopt when it is not a FHIR date or dateTime.
std::optional<std::int64_t> parse_fhir_time(std::string_view text);

// Whole years from the date [birth] (seconds since the epoch, as parse_fhir_time gives) to [now].
std::int64_t whole_years(std::int64_t birth, std::int64_t now);

}  // namespace redflag::tools::fhir
