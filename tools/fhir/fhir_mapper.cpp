#include "tools/fhir/fhir_mapper.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <limits>
#include <optional>

#include "runtime/units.hpp"
#include "tools/fhir/fhir_time.hpp"
#include "tools/json_member.hpp"
#include "tools/json_text.hpp"

namespace redflag::tools::fhir {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr std::string_view kUcum = "http://unitsofmeasure.org";
constexpr std::int64_t kUndated = std::numeric_limits<std::int64_t>::min();

// The codings of the CodeableConcept at [key] of [object], as (system, code) pairs.
std::vector<std::pair<std::string_view, std::string_view>> codings(element object, std::string_view key) {
  std::vector<std::pair<std::string_view, std::string_view>> result;
  simdjson::dom::array list;
  if (object[key]["coding"].get(list) != simdjson::SUCCESS) return result;
  for (element coding : list) result.emplace_back(text_at(coding, "system"), text_at(coding, "code"));
  return result;
}

bool has_coding(element object, std::string_view key, std::string_view system, std::string_view code) {
  const auto list = codings(object, key);
  return std::any_of(list.begin(), list.end(), [&](const auto& c) { return c.first == system && c.second == code; });
}

// The code of the first coding at [key] of [object], or empty.
std::string_view first_code(element object, std::string_view key) {
  const auto list = codings(object, key);
  return list.empty() ? std::string_view() : list.front().second;
}

std::string shown_coding(element object, std::string_view key) {
  const auto list = codings(object, key);
  if (list.empty()) return "without a code";
  return fmt::format("`{}|{}`", list.front().first, list.front().second);
}

// The name of [object]'s `value[x]` element ("valueQuantity"), or empty.
std::string_view value_key(element object) {
  simdjson::dom::object fields;
  if (object.get(fields) != simdjson::SUCCESS) return {};
  for (auto field : fields) {
    if (field.key.substr(0, 5) == "value" && field.key.size() > 5) return field.key;
  }
  return {};
}

std::optional<double> number_at(element object, std::string_view key) {
  double value = 0;
  if (object[key].get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

const char* type_word(FactType type) {
  switch (type) {
    case FactType::Bool: return "a boolean";
    case FactType::Number: return "a number";
    case FactType::Integer: return "a whole number";
    case FactType::Quantity: return "a quantity";
    case FactType::Enum: return "one of its values";
    case FactType::Text: return "text";
  }
  return "a value";
}

// What the document says about one fact, by kind of source; finish() picks one.
struct FactEvidence {
  std::string answer;  // a questionnaire answer (case JSON), or empty
  bool answer_conflict = false;
  std::string observation;  // the chosen Observation's value
  std::int64_t observation_time = kUndated;
  bool condition_true = false, condition_false = false;  // bool facts
  std::vector<std::uint32_t> condition_values;          // enum facts
  std::string age;
};

class Mapper {
 public:
  Mapper(const Image& image, const FhirOptions& options)
      : image_(image), options_(options), evidence_(image.facts.size()) {}

  void document(element root, FhirCase& out) {
    std::string_view type = text_at(root, "resourceType");
    if (type.empty()) {
      element prefetch;
      if (root["hook"].error() != simdjson::SUCCESS || root["prefetch"].get(prefetch) != simdjson::SUCCESS) {
        out.error = "not a FHIR resource (no `resourceType`) nor a CDS Hooks request with `prefetch`";
        return;
      }
      simdjson::dom::object entries;
      if (prefetch.get(entries) != simdjson::SUCCESS) {
        issue("prefetch", "is not an object");
        return;
      }
      for (auto field : entries) {
        if (field.value.type() != element_type::NULL_VALUE) resource(field.value, fmt::format("prefetch.{}", field.key));
      }
      return;
    }
    resource(root, std::string(type));
  }

  void finish(FhirCase& out) {
    fmt::memory_buffer json;
    json.push_back('{');
    if (!id_.empty()) {
      append_json_string(json, "id");
      json.push_back(':');
      append_json_string(json, id_);
    }
    for (std::uint32_t fact_id = 0; fact_id < image_.facts.size(); ++fact_id) {
      const std::string value = chosen(fact_id);
      if (value.empty()) continue;
      if (json.size() > 1) json.push_back(',');
      append_json_string(json, image_.facts[fact_id].name);
      json.push_back(':');
      json.append(value);
      out.facts.push_back(fact_id);
    }
    json.push_back('}');
    out.json = fmt::to_string(json);
    out.issues = std::move(issues_);
  }

 private:
  void issue(std::string path, std::string message) { issues_.push_back({std::move(path), std::move(message)}); }

  std::string fact_name(std::uint32_t fact) const { return fmt::format("`{}`", image_.facts[fact].name); }

  void resource(element r, const std::string& path) {
    const std::string_view type = text_at(r, "resourceType");
    if (type == "Bundle") return bundle(r, path);
    if (type == "Observation") return observation(r, path);
    if (type == "Condition") return condition(r, path);
    if (type == "Patient") return patient(r, path);
    if (type == "QuestionnaireResponse") return questionnaire_response(r, path);
    issue(path, type.empty() ? std::string("is not a FHIR resource (no `resourceType`)")
                             : fmt::format("{} maps to no fact", type));
  }

  void bundle(element r, const std::string& path) {
    simdjson::dom::array entries;
    if (r["entry"].get(entries) != simdjson::SUCCESS) return;  // an empty searchset
    std::size_t index = 0;
    for (element entry : entries) {
      element inner;
      const std::string at = fmt::format("{}.entry[{}]", path, index++);
      if (entry["resource"].get(inner) != simdjson::SUCCESS) {
        issue(at, "has no `resource`");
        continue;
      }
      resource(inner, at + ".resource");
    }
  }

  // The bindings of [kind] whose coding [r].code carries.
  std::vector<const ImageFhirBinding*> matching(element r, FhirKind kind) const {
    std::vector<const ImageFhirBinding*> found;
    for (const auto& binding : image_.fhir) {
      if (binding.kind == kind && has_coding(r, "code", binding.system, binding.code)) found.push_back(&binding);
    }
    return found;
  }

  // Whether a resource of time [time] is inside [binding]'s window; reports a dated window's
  // undated resource at [path].
  bool in_window(const ImageFhirBinding& binding, std::int64_t time, const std::string& path) {
    if (binding.within <= 0) return true;
    if (time == kUndated) {
      issue(path, fmt::format("has no date, so it cannot be within the look-back window of {}", fact_name(binding.fact)));
      return false;
    }
    return static_cast<double>(options_.now - time) <= binding.within && time <= options_.now;
  }

  // The first of [keys] of [r] that holds a FHIR dateTime, as seconds; kUndated if none. A key
  // `a.b` is element b of element a (`effectivePeriod.start`).
  std::int64_t time_of(element r, std::initializer_list<std::string_view> keys, const std::string& path) {
    for (std::string_view key : keys) {
      const auto dot = key.find('.');
      element holder = r;
      if (dot != std::string_view::npos && r[key.substr(0, dot)].get(holder) != simdjson::SUCCESS) continue;
      const std::string_view text = text_at(holder, dot == std::string_view::npos ? key : key.substr(dot + 1));
      if (text.empty()) continue;
      if (const auto time = parse_fhir_time(text)) return *time;
      issue(fmt::format("{}.{}", path, key), fmt::format("`{}` is not a FHIR dateTime", text));
    }
    return kUndated;
  }

  void observation(element r, const std::string& path) {
    const auto bindings = matching(r, FhirKind::Observation);
    if (bindings.empty()) return issue(path, fmt::format("Observation {} maps to no fact", shown_coding(r, "code")));
    const std::string_view status = text_at(r, "status");
    if (status == "entered-in-error" || status == "cancelled") return;
    const std::int64_t time = time_of(r, {"effectiveDateTime", "effectiveInstant", "effectivePeriod.start", "issued"}, path);
    for (const ImageFhirBinding* binding : bindings) {
      if (!in_window(*binding, time, path)) continue;
      FactEvidence& evidence = evidence_[binding->fact];
      if (!evidence.observation.empty() && time <= evidence.observation_time) continue;
      std::string value = binding->component_code.empty() ? observed_value(r, path, binding->fact)
                                                          : component_value(r, path, *binding);
      if (value.empty()) continue;
      evidence.observation = std::move(value);
      evidence.observation_time = time;
    }
  }

  std::string component_value(element r, const std::string& path, const ImageFhirBinding& binding) {
    simdjson::dom::array components;
    if (r["component"].get(components) == simdjson::SUCCESS) {
      std::size_t index = 0;
      for (element component : components) {
        if (has_coding(component, "code", binding.component_system, binding.component_code)) {
          return observed_value(component, fmt::format("{}.component[{}]", path, index), binding.fact);
        }
        ++index;
      }
    }
    issue(path, fmt::format("has no component `{}|{}` for {}", binding.component_system, binding.component_code,
                            fact_name(binding.fact)));
    return {};
  }

  // The case JSON for the value[x] of [r] (an Observation or a component) as fact [fact].
  std::string observed_value(element r, const std::string& path, std::uint32_t fact) {
    const ImageFact& target = image_.facts[fact];
    const std::string_view key = value_key(r);
    if (key.empty()) {
      if (r["dataAbsentReason"].error() != simdjson::SUCCESS) issue(path, fmt::format("has no value for {}", fact_name(fact)));
      return {};
    }
    const std::string at = fmt::format("{}.{}", path, key);
    if (key == "valueQuantity") return quantity_value(r[key].value_unsafe(), at, fact);
    if (key == "valueInteger" && target.type != FactType::Quantity) return number_text(r, key);
    issue(at, fmt::format("{} takes {}, not `{}`", fact_name(fact), type_word(target.type), key));
    return {};
  }

  std::string number_text(element r, std::string_view key) {
    fmt::memory_buffer out;
    append_json_number(out, number_at(r, key).value_or(0));
    return fmt::to_string(out);
  }

  // A Quantity's value as fact [fact]: `{"value": v, "unit": "UCUM"}` for a quantity fact, the
  // bare number for a number fact.
  std::string quantity_value(element quantity, const std::string& path, std::uint32_t fact) {
    const ImageFact& target = image_.facts[fact];
    const auto value = number_at(quantity, "value");
    if (!value) {
      issue(path + ".value", fmt::format("is not a number, so {} stays unknown", fact_name(fact)));
      return {};
    }
    fmt::memory_buffer out;
    if (target.type != FactType::Quantity) {
      append_json_number(out, *value);
      return fmt::to_string(out);
    }
    const std::string_view system = text_at(quantity, "system");
    if (!system.empty() && system != kUcum) {
      issue(path + ".system", fmt::format("`{}` is not UCUM ({}), so {} stays unknown", system, kUcum, fact_name(fact)));
      return {};
    }
    std::string_view code = text_at(quantity, "code");
    if (code.empty()) code = text_at(quantity, "unit");
    const auto unit = find_unit(code);
    const auto wanted = find_unit(target.unit);
    if (!unit || !wanted) {
      issue(path + ".code", fmt::format("`{}` is not a UCUM unit, so {} stays unknown", code, fact_name(fact)));
      return {};
    }
    if (!compatible(*unit, *wanted)) {
      issue(path + ".code", fmt::format("`{}` does not convert to `{}` of {}: {}", code, target.unit, fact_name(fact),
                                        incompatibility(*unit, *wanted)));
      return {};
    }
    out.append(std::string_view("{\"value\":"));
    append_json_number(out, *value);
    out.append(std::string_view(",\"unit\":"));
    append_json_string(out, unit->code);
    out.push_back('}');
    return fmt::to_string(out);
  }

  void condition(element r, const std::string& path) {
    const auto bindings = matching(r, FhirKind::Condition);
    if (bindings.empty()) return issue(path, fmt::format("Condition {} maps to no fact", shown_coding(r, "code")));
    const std::string_view verification = first_code(r, "verificationStatus");
    if (verification == "entered-in-error") return;
    const std::string_view clinical = first_code(r, "clinicalStatus");
    const bool inactive = clinical == "inactive" || clinical == "remission" || clinical == "resolved";
    const std::int64_t time = time_of(r, {"onsetDateTime", "onsetPeriod.start", "recordedDate"}, path);
    for (const ImageFhirBinding* binding : bindings) {
      if (!in_window(*binding, time, path)) continue;
      const bool holds = verification != "refuted" && !(binding->current && inactive);
      FactEvidence& evidence = evidence_[binding->fact];
      if (binding->value == kNoIndex) {
        (holds ? evidence.condition_true : evidence.condition_false) = true;
      } else if (holds) {
        evidence.condition_values.push_back(binding->value);
      }
    }
  }

  void patient(element r, const std::string& path) {
    if (id_.empty()) id_ = std::string(text_at(r, "id"));
    bool bound = false;
    for (const auto& binding : image_.fhir) {
      if (binding.kind != FhirKind::PatientAge) continue;
      bound = true;
      const std::string_view birth = text_at(r, "birthDate");
      if (birth.empty()) continue;
      const auto time = parse_fhir_time(birth);
      if (!time) {
        issue(path + ".birthDate", fmt::format("`{}` is not a FHIR date, so {} stays unknown", birth, fact_name(binding.fact)));
        continue;
      }
      evidence_[binding.fact].age = std::to_string(whole_years(*time, options_.now));
    }
    if (!bound) issue(path, "Patient maps to no fact (no `fhir patient age` binding)");
  }

  void questionnaire_response(element r, const std::string& path) {
    if (id_.empty()) id_ = std::string(text_at(r, "id"));
    if (text_at(r, "status") == "entered-in-error") return;
    items(r, path);
  }

  // The fact answered by linkId [link], or kNoIndex.
  std::uint32_t answered_fact(std::string_view link) const {
    for (const auto& binding : image_.fhir) {
      if (binding.kind == FhirKind::Item && binding.code == link) return binding.fact;
    }
    for (std::uint32_t fact = 0; fact < image_.facts.size(); ++fact) {
      if (image_.facts[fact].name == link) return fact;
    }
    return kNoIndex;
  }

  // The `item` list of [parent] (a QuestionnaireResponse, an item or an answer), recursively.
  void items(element parent, const std::string& path) {
    simdjson::dom::array list;
    if (parent["item"].get(list) != simdjson::SUCCESS) return;
    std::size_t index = 0;
    for (element item : list) {
      const std::string at = fmt::format("{}.item[{}]", path, index++);
      items(item, at);
      simdjson::dom::array answers;
      if (item["answer"].get(answers) != simdjson::SUCCESS || answers.size() == 0) continue;
      std::size_t answer_index = 0;
      for (element answer : answers) items(answer, fmt::format("{}.answer[{}]", at, answer_index++));
      const std::string_view link = text_at(item, "linkId");
      const std::uint32_t fact = answered_fact(link);
      if (fact == kNoIndex) {
        issue(at, fmt::format("linkId `{}` answers no fact", link));
        continue;
      }
      if (answers.size() > 1) {
        issue(at + ".answer", fmt::format("{} takes one answer, not {}", fact_name(fact), answers.size()));
        evidence_[fact].answer_conflict = true;
        continue;
      }
      std::string value = answer_value(answers.at(0).value_unsafe(), at + ".answer[0]", fact);
      if (value.empty()) continue;
      FactEvidence& evidence = evidence_[fact];
      if (!evidence.answer.empty() && evidence.answer != value) {
        issue(at, fmt::format("{} was answered before with another value", fact_name(fact)));
        evidence.answer_conflict = true;
      }
      evidence.answer = std::move(value);
    }
  }

  std::string answer_value(element answer, const std::string& path, std::uint32_t fact) {
    const ImageFact& target = image_.facts[fact];
    const std::string_view key = value_key(answer);
    const std::string at = fmt::format("{}.{}", path, key);
    fmt::memory_buffer out;
    switch (target.type) {
      case FactType::Bool: {
        bool value = false;
        if (key != "valueBoolean" || answer[key].get(value) != simdjson::SUCCESS) break;
        return value ? "true" : "false";
      }
      case FactType::Number:
      case FactType::Integer:
        if (key != "valueDecimal" && key != "valueInteger") break;
        return number_text(answer, key);
      case FactType::Quantity:
        if (key == "valueQuantity") return quantity_value(answer[key].value_unsafe(), at, fact);
        if (key != "valueDecimal" && key != "valueInteger") break;
        return number_text(answer, key);  // in the fact's unit, which the questionnaire states
      case FactType::Enum: {
        std::string_view code = key == "valueCoding" ? text_at(answer[key].value_unsafe(), "code")
                                : key == "valueString" ? text_at(answer, key)
                                                       : std::string_view();
        if (code.empty()) break;
        if (std::find(target.values.begin(), target.values.end(), code) == target.values.end()) {
          issue(key == "valueCoding" ? at + ".code" : at, fmt::format("`{}` is not a value of {}", code, fact_name(fact)));
          return {};
        }
        append_json_string(out, code);
        return fmt::to_string(out);
      }
      case FactType::Text:
        if (key != "valueString") break;
        append_json_string(out, text_at(answer, key));
        return fmt::to_string(out);
    }
    issue(key.empty() ? path : at, fmt::format("{} takes {}{}", fact_name(fact), type_word(target.type),
                                               key.empty() ? std::string(", but the answer has no value")
                                                           : fmt::format(", not `{}`", key)));
    return {};
  }

  // The value fact [fact] gets, as case JSON, or empty for unknown.
  std::string chosen(std::uint32_t fact) {
    FactEvidence& evidence = evidence_[fact];
    if (evidence.answer_conflict) return {};
    if (!evidence.answer.empty()) return evidence.answer;
    if (!evidence.observation.empty()) return evidence.observation;
    if (evidence.condition_true) return "true";
    if (evidence.condition_false) return "false";
    auto& values = evidence.condition_values;
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    if (values.size() == 1) {
      fmt::memory_buffer out;
      append_json_string(out, image_.facts[fact].values[values.front()]);
      return fmt::to_string(out);
    }
    if (values.size() > 1) {
      issue("Condition", fmt::format("Conditions give {} {} different values, so it stays unknown", fact_name(fact), values.size()));
      return {};
    }
    return evidence.age;
  }

  const Image& image_;
  const FhirOptions& options_;
  std::vector<FactEvidence> evidence_;
  std::vector<FhirIssue> issues_;
  std::string id_;
};

}  // namespace

FhirCase map_fhir(const Image& image, std::string_view document, const FhirOptions& options) {
  FhirCase out;
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(document);
  element root;
  if (const auto error = parser.parse(padded).get(root); error != simdjson::SUCCESS) {
    out.error = fmt::format("invalid JSON: {}", simdjson::error_message(error));
    return out;
  }
  Mapper mapper(image, options);
  mapper.document(root, out);
  if (out.error.empty()) mapper.finish(out);
  return out;
}

}  // namespace redflag::tools::fhir
