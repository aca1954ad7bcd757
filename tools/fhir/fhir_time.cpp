#include "tools/fhir/fhir_time.hpp"

#include <charconv>

namespace redflag::tools::fhir {
namespace {

// Days from 1970-01-01 to the civil date [y]-[m]-[d] (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Reads exactly [digits] decimal digits at [at] into [value].
bool digits_at(std::string_view text, std::size_t at, std::size_t digits, int& value) {
  if (at + digits > text.size()) return false;
  const char* begin = text.data() + at;
  for (std::size_t i = 0; i < digits; ++i) {
    if (begin[i] < '0' || begin[i] > '9') return false;
  }
  return std::from_chars(begin, begin + digits, value).ec == std::errc{};
}

}  // namespace

std::optional<std::int64_t> parse_fhir_time(std::string_view text) {
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  if (!digits_at(text, 0, 4, year)) return std::nullopt;
  std::size_t at = 4;
  if (at < text.size()) {
    if (text[at] != '-' || !digits_at(text, at + 1, 2, month) || month < 1 || month > 12) return std::nullopt;
    at += 3;
  }
  if (at < text.size()) {
    if (text[at] != '-' || !digits_at(text, at + 1, 2, day) || day < 1 || day > 31) return std::nullopt;
    at += 3;
  }
  std::int64_t offset = 0;
  if (at < text.size()) {
    if (text[at] != 'T' || !digits_at(text, at + 1, 2, hour) || text.substr(at + 3, 1) != ":" ||
        !digits_at(text, at + 4, 2, minute) || hour > 23 || minute > 59) {
      return std::nullopt;
    }
    at += 6;
    if (text.substr(at, 1) == ":") {
      if (!digits_at(text, at + 1, 2, second) || second > 60) return std::nullopt;
      at += 3;
      if (text.substr(at, 1) == ".") {
        ++at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
      }
    }
    if (text.substr(at) == "Z") {
      at += 1;
    } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
      int zone_hours = 0, zone_minutes = 0;
      if (!digits_at(text, at + 1, 2, zone_hours) || text.substr(at + 3, 1) != ":" ||
          !digits_at(text, at + 4, 2, zone_minutes)) {
        return std::nullopt;
      }
      offset = (text[at] == '-' ? -1 : 1) * (zone_hours * 3600 + zone_minutes * 60);
      at += 6;
    }
  }
  if (at != text.size()) return std::nullopt;
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * 86400 + hour * 3600 + minute * 60 + second - offset;
}

std::int64_t whole_years(std::int64_t birth, std::int64_t now) {
  // Civil dates of both instants (Howard Hinnant's civil_from_days), compared field by field.
  const auto civil = [](std::int64_t seconds, int& y, unsigned& m, unsigned& d) {
    std::int64_t z = (seconds >= 0 ? seconds : seconds - 86399) / 86400 + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
  };
  int by = 0, ny = 0;
  unsigned bm = 0, bd = 0, nm = 0, nd = 0;
  civil(birth, by, bm, bd);
  civil(now, ny, nm, nd);
  return ny - by - ((nm < bm || (nm == bm && nd < bd)) ? 1 : 0);
}

}  // namespace redflag::tools::fhir
