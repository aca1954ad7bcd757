#include "runtime/semver.hpp"

#include <algorithm>

namespace redflag {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_identifier_char(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
}

bool all_digits(std::string_view text) { return std::all_of(text.begin(), text.end(), is_digit); }

// Checks [text], the [name] part of the version core: digits, without a leading zero.
std::string core_number_error(std::string_view text, std::string_view name) {
  if (text.empty() || !all_digits(text)) return "expected MAJOR.MINOR.PATCH";
  if (text.size() > 1 && text.front() == '0') return std::string(name) + " `" + std::string(text) + "` has a leading zero";
  return {};
}

// Splits [text], the [what] after `-` or `+` ("pre-release", "build metadata"), at dots into
// [out], checking each identifier: not empty, only [0-9A-Za-z-], and, when [numeric_rule] (in a
// pre-release), no leading zero in a numeric one.
std::string identifiers_error(std::string_view text, std::string_view what, bool numeric_rule,
                              std::vector<std::string>& out) {
  for (std::size_t start = 0;;) {
    const std::size_t dot = std::min(text.find('.', start), text.size());
    const std::string_view identifier = text.substr(start, dot - start);
    if (identifier.empty()) return "the " + std::string(what) + " has an empty identifier";
    const auto bad = std::find_if_not(identifier.begin(), identifier.end(), is_identifier_char);
    if (bad != identifier.end()) {
      return "`" + std::string(1, *bad) + "` is not allowed in the " + std::string(what) +
             " (only 0-9, A-Z, a-z and `-`)";
    }
    if (numeric_rule && identifier.size() > 1 && identifier.front() == '0' && all_digits(identifier)) {
      return "the " + std::string(what) + " identifier `" + std::string(identifier) +
             "` is numeric and has a leading zero";
    }
    out.emplace_back(identifier);
    if (dot == text.size()) return {};
    start = dot + 1;
  }
}

int compare_identifier(std::string_view a, std::string_view b) {
  const bool a_numeric = all_digits(a);
  const bool b_numeric = all_digits(b);
  if (a_numeric && b_numeric) return compare_numeric(a, b);
  if (a_numeric != b_numeric) return a_numeric ? -1 : 1;  // numeric identifiers come first
  return a.compare(b);
}

}  // namespace

std::string parse_semver(std::string_view text, SemVer& out) {
  out = SemVer{};
  const std::size_t plus = std::min(text.find('+'), text.size());
  const std::size_t minus = std::min(text.substr(0, plus).find('-'), plus);
  const std::string_view core = text.substr(0, minus);
  const std::size_t first = core.find('.');
  const std::size_t second = first == std::string_view::npos ? first : core.find('.', first + 1);
  if (second == std::string_view::npos) return "expected MAJOR.MINOR.PATCH";
  out.major = core.substr(0, first);
  out.minor = core.substr(first + 1, second - first - 1);
  out.patch = core.substr(second + 1);
  for (const auto& [part, name] : {std::pair{&out.major, "MAJOR"}, {&out.minor, "MINOR"}, {&out.patch, "PATCH"}}) {
    if (std::string reason = core_number_error(*part, name); !reason.empty()) return reason;
  }
  if (minus < plus) {
    std::string reason = identifiers_error(text.substr(minus + 1, plus - minus - 1), "pre-release", true, out.prerelease);
    if (!reason.empty()) return reason;
  }
  if (plus < text.size()) {
    std::vector<std::string> build;
    std::string reason = identifiers_error(text.substr(plus + 1), "build metadata", false, build);
    if (!reason.empty()) return reason;
    out.build = text.substr(plus + 1);
  }
  return {};
}

int compare_numeric(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b);
}

int compare_precedence(const SemVer& a, const SemVer& b) {
  for (const auto& [x, y] : {std::pair{&a.major, &b.major}, {&a.minor, &b.minor}, {&a.patch, &b.patch}}) {
    if (const int order = compare_numeric(*x, *y); order != 0) return order;
  }
  if (a.prerelease.empty() || b.prerelease.empty()) {
    return a.prerelease.empty() == b.prerelease.empty() ? 0 : a.prerelease.empty() ? 1 : -1;
  }
  const std::size_t shared = std::min(a.prerelease.size(), b.prerelease.size());
  for (std::size_t i = 0; i < shared; ++i) {
    if (const int order = compare_identifier(a.prerelease[i], b.prerelease[i]); order != 0) return order;
  }
  return a.prerelease.size() == b.prerelease.size() ? 0 : a.prerelease.size() < b.prerelease.size() ? -1 : 1;
}

}  // namespace redflag
