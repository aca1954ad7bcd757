#include "compiler/codegen/codegen_tables.hpp"

namespace redflag::codegen {
namespace {

KbStatus status_of(const std::string& status) {
  if (status == "active") return KbStatus::Active;
  if (status == "retired") return KbStatus::Retired;
  return KbStatus::Draft;
}

FactType fact_type_of(ast::FactType type) {
  switch (type) {
    case ast::FactType::Bool: return FactType::Bool;
    case ast::FactType::Number: return FactType::Number;
    case ast::FactType::Integer: return FactType::Integer;
    case ast::FactType::Quantity: return FactType::Quantity;
    case ast::FactType::Enum: return FactType::Enum;
    case ast::FactType::Text: return FactType::Text;
  }
  return FactType::Text;
}

ExpectKind expect_kind_of(ast::Expectation::Kind kind) {
  using Kind = ast::Expectation::Kind;
  switch (kind) {
    case Kind::Urgency: return ExpectKind::Urgency;
    case Kind::Status: return ExpectKind::Status;
    case Kind::FlagsExactly: return ExpectKind::FlagsExactly;
    case Kind::Fired: return ExpectKind::Fired;
    case Kind::NotFired: return ExpectKind::NotFired;
    case Kind::Undetermined: return ExpectKind::Undetermined;
    case Kind::Score: return ExpectKind::Score;
  }
  return ExpectKind::Urgency;
}

}  // namespace

std::vector<ImageCitation> citations_of(const std::vector<ast::Citation>& cites) {
  std::vector<ImageCitation> result;
  for (const auto& cite : cites) result.push_back({cite.source_id, cite.section});
  return result;
}

ImageMeta meta_of(const ast::Kb& kb) {
  ImageMeta meta;
  if (kb.header) {
    const auto& header = *kb.header;
    meta.id = header.id;
    meta.title = header.title;
    meta.version = header.version;
    meta.status = status_of(header.status);
    meta.reviewed = header.reviewed;
    meta.next_review = header.next_review;
    meta.authors = header.authors;
  }
  for (const auto& source : kb.sources) meta.sources.push_back({source.id, source.title, source.url});
  return meta;
}

static_assert(static_cast<FhirKind>(ast::FhirBinding::Kind::Observation) == FhirKind::Observation &&
                  static_cast<FhirKind>(ast::FhirBinding::Kind::Condition) == FhirKind::Condition &&
                  static_cast<FhirKind>(ast::FhirBinding::Kind::Item) == FhirKind::Item &&
                  static_cast<FhirKind>(ast::FhirBinding::Kind::PatientAge) == FhirKind::PatientAge,
              "ast::FhirBinding::Kind and FhirKind list the binding kinds in the same order");

std::vector<ImageFhirBinding> fhir_of(const ast::Kb& kb) {
  // "system|code" (checked by compiler/check/check_fhir.cpp) into its two halves.
  const auto split = [](const std::string& coding, std::string& system, std::string& code) {
    const std::size_t bar = coding.find('|');
    system = coding.substr(0, bar);
    code = coding.substr(bar + 1);
  };
  std::vector<ImageFhirBinding> bindings;
  for (std::uint32_t fact_id = 0; fact_id < kb.facts.size(); ++fact_id) {
    for (const ast::FhirBinding& clause : kb.facts[fact_id].fhir) {
      ImageFhirBinding& binding = bindings.emplace_back();
      binding.kind = static_cast<FhirKind>(clause.kind);
      binding.fact = fact_id;
      if (clause.kind == ast::FhirBinding::Kind::Item) {
        binding.code = clause.code;
      } else if (clause.kind != ast::FhirBinding::Kind::PatientAge) {
        split(clause.code, binding.system, binding.code);
      }
      if (!clause.component.empty()) split(clause.component, binding.component_system, binding.component_code);
      binding.within = clause.within_seconds;
      binding.value = clause.value_id == ast::kNoId ? kNoIndex : clause.value_id;
      binding.current = clause.current;
    }
  }
  return bindings;
}

std::vector<CdsIndicator> indicators_of(const ast::Kb& kb) {
  std::vector<CdsIndicator> indicators;
  if (!kb.levels || kb.levels->indicators.empty()) return indicators;
  indicators.resize(kb.levels->names.size(), CdsIndicator::Default);
  for (const ast::LevelIndicator& indicator : kb.levels->indicators) {
    indicators[indicator.level_id] = indicator.value == "info"      ? CdsIndicator::Info
                                     : indicator.value == "warning" ? CdsIndicator::Warning
                                                                    : CdsIndicator::Critical;
  }
  return indicators;
}

std::vector<ImageFact> facts_of(const ast::Kb& kb) {
  std::vector<ImageFact> facts;
  for (const auto& fact : kb.facts) {
    ImageFact entry;
    entry.name = fact.name;
    entry.type = fact_type_of(fact.type);
    entry.dimension = fact.dimension;
    entry.unit = fact.unit;
    if (fact.min) entry.min = fact.min_value;
    if (fact.max) entry.max = fact.max_value;
    entry.ask = fact.ask;
    entry.means = fact.means;
    entry.values = fact.enum_values;
    facts.push_back(std::move(entry));
  }
  return facts;
}

ImageFlag flag_entry_of(const ast::Kb& kb, const ast::Flag& flag) {
  ImageFlag entry;
  entry.name = flag.name;
  entry.level = flag.level_id;
  entry.title = flag.title;
  entry.because = flag.because;
  entry.file = kb.file_names.at(flag.span.begin.file_id);
  entry.line = flag.span.begin.line;
  entry.cites = citations_of(flag.cites);
  entry.advice = flag.advice;
  entry.see = flag.see_ids;
  return entry;
}

ImageTopic topic_entry_of(const ast::Topic& topic) {
  ImageTopic entry;
  entry.name = topic.name;
  entry.title = topic.title;
  entry.body = topic.body;
  entry.cites = citations_of(topic.cites);
  entry.has_condition = topic.condition != nullptr;
  return entry;
}

std::vector<ImageTest> tests_of(const ast::Kb& kb, const std::vector<std::uint32_t>& score_slots) {
  std::vector<ImageTest> tests;
  for (const auto& test : kb.tests) {
    ImageTest entry;
    entry.name = test.name;
    entry.file = kb.file_names.at(test.span.begin.file_id);
    entry.line = test.span.begin.line;
    for (const auto& given : test.givens) {
      entry.givens.push_back({given.fact_id, given.kind != ast::Given::Kind::Unknown, given.value});
    }
    for (const auto& expectation : test.expectations) {
      ImageExpectation& expected = entry.expectations.emplace_back();
      expected.kind = expect_kind_of(expectation.kind);
      expected.args = expectation.ids;
      if (expectation.kind == ast::Expectation::Kind::Score) {
        expected.args = {score_slots.at(expectation.ids.at(0))};
        expected.low = expectation.low;
        expected.high = expectation.high;
      }
    }
    tests.push_back(std::move(entry));
  }
  return tests;
}

}  // namespace redflag::codegen
