// Type checks outside conditions: fact units and ranges, enum values, `kb` dates and version, and the values
// tests give. Sets Fact::unit to the canonical UCUM code, Fact::min_value/max_value, and
// Given::value in the fact's canonical unit (bool 0/1, enum value index).
#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>

#include "compiler/check/check_phases.hpp"
#include "runtime/semver.hpp"
#include "runtime/suggest.hpp"

namespace redflag::internal {

std::string literal_text(const ast::Literal& literal) {
  return literal.unit.empty() ? literal.text : fmt::format("{} {}", literal.text, literal.unit);
}

namespace {

// A unit of [dimension] (kg for mass), so that suggestions for a declaration prefer its kind.
std::optional<Unit> unit_of(Dimension dimension) {
  switch (dimension) {
    case Dimension::Mass: return find_unit("kg");
    case Dimension::Time: return find_unit("s");
    case Dimension::Length: return find_unit("m");
    case Dimension::Temperature: return find_unit("K");
    case Dimension::Quantity:
    case Dimension::None: break;
  }
  return std::nullopt;
}

// "mass", or the UCUM dimension of a unit of no named dimension ("`s-1`").
std::string kind_of(const Unit& unit) {
  if (is_named(unit.dimension)) return std::string(dimension_name(unit.dimension));
  return fmt::format("`{}`", ucum::dimension_text(unit.ucum.dimension));
}

}  // namespace

std::optional<Unit> resolve_unit(const std::string& written, const SourceSpan& span,
                                 Dimension dimension, const std::optional<Unit>& expected,
                                 const std::string& what, Diagnostics& diagnostics) {
  const std::optional<Unit> kind = expected ? expected : unit_of(dimension);
  const auto unit = find_unit(written);
  if (!unit) {
    diagnostics.report<DiagKind::UnknownUnit>(span, written, unit_suggestion(written, kind));
    return std::nullopt;
  }
  if (!expected) {
    // A declaration: the unit must be of the dimension word, unless that is `quantity`.
    if (dimension == Dimension::Quantity || unit->dimension == dimension) return unit;
    const std::string hint = is_named(unit->dimension)
                                 ? unit_suggestion(written, kind)
                                 : fmt::format("; declare it `quantity in {}`", written);
    diagnostics.report<DiagKind::WrongDimension>(span, written, kind_of(*unit), what,
                                                 dimension_name(dimension), hint);
    return std::nullopt;
  }
  if (compatible(*unit, *expected)) return unit;
  const std::string hint = unit_suggestion(written, expected);
  if (is_named(dimension) && is_named(unit->dimension)) {
    diagnostics.report<DiagKind::WrongDimension>(span, written, dimension_name(unit->dimension),
                                                 what, dimension_name(dimension), hint);
  } else {
    diagnostics.report<DiagKind::IncompatibleUnit>(span, written, what, expected->code,
                                                   incompatibility(*unit, *expected), hint);
  }
  return std::nullopt;
}

std::optional<double> converted_literal(const ast::Literal& literal, const Unit& from, const Unit& to,
                                        Diagnostics& diagnostics) {
  const double value = convert(literal.value, from, to);
  const bool too_large = std::isinf(value);
  const bool too_small = literal.value != 0 && value != 0 && std::fabs(value) < DBL_MIN;
  const bool vanished = literal.value != 0 && value == 0;
  if (!too_large && !too_small && !vanished) return value;
  diagnostics.report<DiagKind::ConvertedOutOfRange>(
      literal.span, literal_text(literal), to.code, too_large ? "large" : "small",
      too_large ? "the largest is about 1.8e308" : "the smallest is about 2.2e-308");
  return std::nullopt;
}

std::optional<double> literal_value(const ast::Literal& literal, const ast::Fact& fact,
                                    Diagnostics& diagnostics) {
  if (literal.unit.empty()) return literal.value;  // taken in the canonical unit
  if (fact.type != ast::FactType::Quantity) {
    diagnostics.report<DiagKind::UnitOnPlainNumber>(literal.span, literal_text(literal),
                                                    describe_fact(fact));
    return std::nullopt;
  }
  const auto canonical = find_unit(fact.unit);
  if (!canonical) return std::nullopt;  // the declaration's error was reported
  const auto unit = resolve_unit(literal.unit, literal.unit_span, fact.dimension, canonical,
                                 fmt::format("`{}`", fact.name), diagnostics);
  if (!unit) return std::nullopt;
  const auto converted = converted_literal(literal, *unit, *canonical, diagnostics);
  if (!converted) return std::nullopt;
  const double value = *converted;
  if (std::isnan(value)) {
    diagnostics.report<DiagKind::IncompatibleUnit>(literal.unit_span, literal.unit, fmt::format("`{}`", fact.name),
                                                   canonical->code,
                                                   fmt::format("`{}` has no equivalent in `{}`",
                                                               literal_text(literal), canonical->code),
                                                   "");
    return std::nullopt;
  }
  return value;
}

bool check_integer(const ast::Literal& literal, double value, const ast::Fact& fact,
                   Diagnostics& diagnostics) {
  if (fact.type != ast::FactType::Integer || value == std::trunc(value)) return true;
  diagnostics.report<DiagKind::NotAnInteger>(literal.span, literal_text(literal), describe_fact(fact),
                                             std::floor(value), std::ceil(value));
  return false;
}

void check_range(const ast::Literal& literal, double value, const ast::Fact& fact,
                 Diagnostics& diagnostics) {
  if (!fact.min || !fact.max || (value >= fact.min_value && value <= fact.max_value)) return;
  diagnostics.report<DiagKind::OutOfRange>(literal.span, literal_text(literal), describe_fact(fact),
                                           literal_text(*fact.min), literal_text(*fact.max));
}

namespace {

// An enum value set is one 64-bit mask in the bytecode.
constexpr std::size_t kMaxEnumValues = 64;

bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Reports E050 unless [date] (YYYY-MM-DD, as the grammar guarantees) is a calendar date.
void check_date(const std::string& date, const SourceSpan& span, Diagnostics& diagnostics) {
  if (date.empty()) return;
  const auto field = [&date](std::size_t at, std::size_t length) {
    int value = 0;
    std::from_chars(date.data() + at, date.data() + at + length, value);
    return value;
  };
  const int year = field(0, 4);
  const int month = field(5, 2);
  const int day = field(8, 2);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool valid = month >= 1 && month <= 12 && day >= 1 &&
                     day <= kDays[month - 1] + (month == 2 && leap_year(year) ? 1 : 0);
  if (!valid) diagnostics.report<DiagKind::InvalidDate>(span, date);
}

// Reports E056 unless [version] is a semantic version by semver 2.0.0's rules, which the
// grammar's shape (digits, dots, a pre-release and build of letters, digits, `.` and `-`) does
// not all check: no leading zeros, no empty identifiers.
void check_version(const std::string& version, const SourceSpan& span, Diagnostics& diagnostics) {
  if (version.empty()) return;
  SemVer parsed;
  if (std::string reason = parse_semver(version, parsed); !reason.empty()) {
    diagnostics.report<DiagKind::InvalidVersion>(span, version, reason);
  }
}

void check_fact(ast::Fact& fact, Diagnostics& diagnostics) {
  if (fact.type == ast::FactType::Enum) {
    if (fact.enum_values.size() > kMaxEnumValues) {
      diagnostics.report<DiagKind::TooManyEnumValues>(fact.span, fact.name, fact.enum_values.size(),
                                                      kMaxEnumValues);
    }
    for (std::size_t i = 0; i < fact.enum_values.size(); ++i) {
      const auto first = std::find(fact.enum_values.begin(), fact.enum_values.end(),
                                   fact.enum_values[i]);
      if (first != fact.enum_values.begin() + static_cast<std::ptrdiff_t>(i)) {
        diagnostics.report<DiagKind::DuplicateValue>(fact.enum_spans[i], "value",
                                                     fact.enum_values[i]);
      }
    }
    return;
  }
  if (fact.type == ast::FactType::Quantity) {
    const auto unit = resolve_unit(fact.unit, fact.unit_span, fact.dimension, std::nullopt,
                                   fmt::format("fact `{}`", fact.name), diagnostics);
    if (!unit) return;
    fact.unit = unit->code;
  }
  if (!fact.min || !fact.max) return;
  const auto low = literal_value(*fact.min, fact, diagnostics);
  const auto high = literal_value(*fact.max, fact, diagnostics);
  if (!low || !high) return;
  // Both bounds are checked, so that each non-integer one is reported.
  const bool whole_low = check_integer(*fact.min, *low, fact, diagnostics);
  if (!check_integer(*fact.max, *high, fact, diagnostics) || !whole_low) return;
  if (*low > *high) {
    diagnostics.report<DiagKind::EmptyRange>(fact.min->span, literal_text(*fact.min),
                                             literal_text(*fact.max));
  }
  fact.min_value = *low;
  fact.max_value = *high;
}

// Checks the value of [given] against its fact and stores it in Given::value.
void check_given(const ast::Kb& kb, ast::Given& given, Diagnostics& diagnostics) {
  using Kind = ast::Given::Kind;
  if (given.fact_id == ast::kNoId || given.kind == Kind::Unknown) return;
  const ast::Fact& fact = kb.facts[given.fact_id];
  const auto bad_value = [&] {
    const std::string shown = given.kind == Kind::Bool     ? (given.bool_value ? "true" : "false")
                              : given.kind == Kind::Number ? literal_text(given.number)
                                                           : given.enum_value;
    auto& reported = diagnostics.report<DiagKind::BadGivenValue>(given.span, describe_fact(fact),
                                                                 fmt::format("`{}`", shown));
    if (fact.type == ast::FactType::Bool) reported.help = {"a bool fact is given `true`, `false` or `unknown`"};
  };
  switch (fact.type) {
    case ast::FactType::Bool:
      if (given.kind != Kind::Bool) return bad_value();
      given.value = given.bool_value ? 1 : 0;
      return;
    case ast::FactType::Number:
    case ast::FactType::Integer:
    case ast::FactType::Quantity:
      if (given.kind != Kind::Number) return bad_value();
      if (const auto value = literal_value(given.number, fact, diagnostics)) {
        given.value = *value;
        if (check_integer(given.number, *value, fact, diagnostics)) {
          check_range(given.number, *value, fact, diagnostics);
        }
      }
      return;
    case ast::FactType::Enum: {
      if (given.kind != Kind::EnumValue) return bad_value();
      const auto it = std::find(fact.enum_values.begin(), fact.enum_values.end(), given.enum_value);
      if (it == fact.enum_values.end()) {
        std::vector<std::string_view> values(fact.enum_values.begin(), fact.enum_values.end());
        diagnostics.report<DiagKind::UnknownEnumValue>(given.span, given.enum_value,
                                                       describe_fact(fact),
                                                       did_you_mean(given.enum_value, values));
        return;
      }
      given.value = static_cast<double>(it - fact.enum_values.begin());
      return;
    }
    case ast::FactType::Text:
      return bad_value();
  }
}

}  // namespace

void check_facts(ast::Kb& kb, Diagnostics& diagnostics) {
  if (kb.header) {
    check_date(kb.header->reviewed, kb.header->reviewed_span, diagnostics);
    check_date(kb.header->next_review, kb.header->next_review_span, diagnostics);
    check_version(kb.header->version, kb.header->version_span, diagnostics);
  }
  for (auto& fact : kb.facts) check_fact(fact, diagnostics);
  for (auto& test : kb.tests) {
    for (auto& given : test.givens) check_given(kb, given, diagnostics);
  }
}

}  // namespace redflag::internal
