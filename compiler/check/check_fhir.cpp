// Checks every fact's `fhir` clauses (docs/fhir.md): codings are `system|code`, each binding
// kind suits its fact's type, a Condition names the enum value it means, a look-back window is
// a positive time (kept in seconds), no questionnaire linkId answers two facts; and the
// `indicator` clauses of `levels` name each level at most once.
#include <algorithm>
#include <unordered_map>

#include "compiler/check/check_phases.hpp"
#include "runtime/suggest.hpp"

namespace redflag::internal {
namespace {

using Kind = ast::FhirBinding::Kind;

// Why [coding] is not `system|code`, or empty when it is.
std::string coding_problem(const std::string& coding) {
  const std::size_t bar = coding.find('|');
  if (bar == std::string::npos) return "no `|` between system and code";
  if (coding.find('|', bar + 1) != std::string::npos) return "more than one `|`";
  if (bar == 0) return "the system before `|` is empty";
  if (bar + 1 == coding.size()) return "the code after `|` is empty";
  return {};
}

void check_coding(const std::string& coding, const SourceSpan& span, Diagnostics& diagnostics) {
  if (std::string problem = coding_problem(coding); !problem.empty()) {
    diagnostics.report<DiagKind::BadCoding>(span, coding, problem);
  }
}

bool is_measurement(const ast::Fact& fact) {
  return fact.type == ast::FactType::Number || fact.type == ast::FactType::Integer ||
         fact.type == ast::FactType::Quantity;
}

// Sets [binding].within_seconds from its window, which must be a time longer than zero.
void check_window(ast::FhirBinding& binding, Diagnostics& diagnostics) {
  if (!binding.within) return;
  const ast::Literal& window = *binding.within;
  if (window.unit.empty()) {
    diagnostics.report<DiagKind::BadWindow>(window.span, literal_text(window), "has no unit");
    return;
  }
  const auto seconds = find_unit("s");
  const auto unit = resolve_unit(window.unit, window.unit_span, Dimension::Time, seconds,
                                 "the look-back window", diagnostics);
  if (!unit || !seconds) return;
  const auto value = converted_literal(window, *unit, *seconds, diagnostics);
  if (!value) return;
  if (!(*value > 0)) {
    diagnostics.report<DiagKind::BadWindow>(window.span, literal_text(window), "is not longer than zero");
    return;
  }
  binding.within_seconds = *value;
}

void check_condition(const ast::Fact& fact, ast::FhirBinding& binding, Diagnostics& diagnostics) {
  if (fact.type == ast::FactType::Bool) {
    if (!binding.value.empty()) {
      diagnostics.report<DiagKind::ValueNeedsEnum>(binding.value_span, binding.value, describe_fact(fact));
    }
    return;
  }
  if (fact.type != ast::FactType::Enum) {
    diagnostics.report<DiagKind::BindingType>(binding.span, "condition", describe_fact(fact),
                                              "bool facts and enum facts");
    return;
  }
  std::vector<std::string_view> values(fact.enum_values.begin(), fact.enum_values.end());
  if (binding.value.empty()) {
    std::string listed;
    for (const auto& value : fact.enum_values) listed += (listed.empty() ? "`" : ", `") + value + "`";
    diagnostics.report<DiagKind::ConditionNeedsValue>(binding.span, describe_fact(fact), listed);
    return;
  }
  const auto it = std::find(fact.enum_values.begin(), fact.enum_values.end(), binding.value);
  if (it == fact.enum_values.end()) {
    diagnostics.report<DiagKind::UnknownEnumValue>(binding.value_span, binding.value, describe_fact(fact),
                                                   did_you_mean(binding.value, values));
    return;
  }
  binding.value_id = static_cast<std::uint32_t>(it - fact.enum_values.begin());
}

void check_binding(const ast::Fact& fact, ast::FhirBinding& binding, Diagnostics& diagnostics) {
  switch (binding.kind) {
    case Kind::Observation:
      check_coding(binding.code, binding.code_span, diagnostics);
      if (!binding.component.empty()) check_coding(binding.component, binding.component_span, diagnostics);
      if (!is_measurement(fact)) {
        diagnostics.report<DiagKind::BindingType>(binding.span, "observation", describe_fact(fact),
                                                  "number, integer and quantity facts");
      }
      break;
    case Kind::Condition:
      check_coding(binding.code, binding.code_span, diagnostics);
      check_condition(fact, binding, diagnostics);
      break;
    case Kind::PatientAge:
      if (fact.type != ast::FactType::Number && fact.type != ast::FactType::Integer) {
        diagnostics.report<DiagKind::BindingType>(binding.span, "patient age", describe_fact(fact),
                                                  "number and integer facts (whole years)");
      }
      break;
    case Kind::Item: break;
  }
  check_window(binding, diagnostics);
}

// Resolves every `indicator LEVEL` of [levels]; a level given twice is E012.
void check_indicators(ast::Levels& levels, Diagnostics& diagnostics) {
  std::vector<std::string_view> names(levels.names.begin(), levels.names.end());
  std::vector<bool> seen(levels.names.size());
  for (ast::LevelIndicator& indicator : levels.indicators) {
    const auto it = std::find(levels.names.begin(), levels.names.end(), indicator.level);
    if (it == levels.names.end()) {
      diagnostics.report<DiagKind::UndefinedLevel>(indicator.span, indicator.level,
                                                    did_you_mean_or_list(indicator.level, names, "level"));
      continue;
    }
    indicator.level_id = static_cast<std::uint32_t>(it - levels.names.begin());
    if (seen[indicator.level_id]) {
      diagnostics.report<DiagKind::DuplicateClause>(indicator.span, "indicator " + indicator.level, "levels");
    }
    seen[indicator.level_id] = true;
  }
}

}  // namespace

void check_fhir(ast::Kb& kb, Diagnostics& diagnostics) {
  if (kb.levels) check_indicators(*kb.levels, diagnostics);
  // linkId -> the fact it answers and where; a fact's own name is its default linkId.
  std::unordered_map<std::string, std::pair<const ast::Fact*, SourceSpan>> link_ids;
  for (const ast::Fact& fact : kb.facts) link_ids.emplace(fact.name, std::pair(&fact, fact.span));
  for (ast::Fact& fact : kb.facts) {
    for (ast::FhirBinding& binding : fact.fhir) {
      check_binding(fact, binding, diagnostics);
      if (binding.kind != Kind::Item) continue;
      const auto [it, inserted] = link_ids.emplace(binding.code, std::pair(&fact, binding.code_span));
      if (!inserted && it->second.first != &fact) {
        diagnostics.report<DiagKind::DuplicateLinkId>(binding.code_span, binding.code, it->second.first->name,
                                                      where(kb, it->second.second));
      }
    }
  }
}

}  // namespace redflag::internal
