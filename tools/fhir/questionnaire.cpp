#include "tools/fhir/questionnaire.hpp"

#include <cmath>

#include "runtime/sha256.hpp"
#include "tools/fhir/json_builder.hpp"

namespace redflag::tools::fhir {
namespace {

constexpr std::string_view kUcum = "http://unitsofmeasure.org";
constexpr std::string_view kUnitExtension = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
constexpr std::string_view kMinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
constexpr std::string_view kMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";

std::string_view item_type(FactType type) {
  switch (type) {
    case FactType::Bool: return "boolean";
    case FactType::Number: return "decimal";
    case FactType::Integer: return "integer";
    case FactType::Quantity: return "quantity";
    case FactType::Enum: return "choice";
    case FactType::Text: return "string";
  }
  return "string";
}

std::string_view status_of(KbStatus status) {
  switch (status) {
    case KbStatus::Draft: return "draft";
    case KbStatus::Active: return "active";
    case KbStatus::Retired: return "retired";
  }
  return "unknown";
}

// `minValue` / `maxValue` for a ranged number or integer fact (FHIR allows no quantity there).
void range_extensions(JsonBuilder& json, const ImageFact& fact) {
  const std::string_view value_key = fact.type == FactType::Integer ? "valueInteger" : "valueDecimal";
  for (const auto& [url, bound] : {std::pair(kMinValue, fact.min), std::pair(kMaxValue, fact.max)}) {
    if (std::isnan(bound)) continue;
    json.object().string("url", url).number(value_key, bound).close();
  }
}

void item(JsonBuilder& json, const Image& image, std::uint32_t fact_id) {
  const ImageFact& fact = image.facts[fact_id];
  json.object();
  json.string("linkId", fact.name);
  bool coded = false;
  for (const auto& binding : image.fhir) {
    if (binding.fact != fact_id || binding.kind != FhirKind::Observation) continue;
    if (!coded) json.array("code");
    coded = true;
    const bool component = !binding.component_code.empty();
    json.object()
        .string("system", component ? binding.component_system : binding.system)
        .string("code", component ? binding.component_code : binding.code)
        .close();
  }
  if (coded) json.close();
  json.string("text", !fact.ask.empty() ? fact.ask : !fact.means.empty() ? fact.means : fact.name);
  json.string("type", item_type(fact.type));
  const bool ranged = (fact.type == FactType::Number || fact.type == FactType::Integer) && !std::isnan(fact.min);
  if (fact.type == FactType::Quantity || ranged) {
    json.array("extension");
    if (fact.type == FactType::Quantity) {
      json.object().string("url", kUnitExtension);
      json.object("valueCoding").string("system", kUcum).string("code", fact.unit).string("display", fact.unit).close();
      json.close();
    } else {
      range_extensions(json, fact);
    }
    json.close();
  }
  if (fact.type == FactType::Enum) {
    json.array("answerOption");
    for (const auto& value : fact.values) {
      json.object().object("valueCoding").string("code", value).string("display", value).close().close();
    }
    json.close();
  }
  json.close();
}

}  // namespace

std::string fhir_id(const std::string& kb_id) {
  std::string id = kb_id.substr(0, 64);
  for (char& c : id) {
    if (c == '_') c = '-';
  }
  return id;
}

std::string questionnaire_json(const Image& image) {
  fmt::memory_buffer out;
  JsonBuilder json(out);
  json.object();
  json.string("resourceType", "Questionnaire");
  json.string("id", fhir_id(image.meta.id));
  json.array("identifier").object().string("system", "urn:redflag:kb").string("value", image.meta.id).close().close();
  json.string("version", image.meta.version);
  json.string("name", image.meta.id);
  json.string("title", image.meta.title);
  json.string("status", status_of(image.meta.status));
  if (!image.meta.reviewed.empty()) json.string("approvalDate", image.meta.reviewed);
  json.array("extension")
      .object()
      .string("url", "urn:redflag:kb-hash")
      .string("valueString", to_hex(image.content_hash))
      .close()
      .close();
  json.array("item");
  for (std::uint32_t fact_id = 0; fact_id < image.facts.size(); ++fact_id) item(json, image, fact_id);
  json.close();
  json.close();
  return fmt::to_string(out);
}

}  // namespace redflag::tools::fhir
