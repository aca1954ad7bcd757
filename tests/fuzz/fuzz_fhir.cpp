// Fuzzes the FHIR mapper (tools/fhir/fhir_mapper.hpp): the bytes as one FHIR document against a
// KB with every kind of binding on every bindable fact type. Checked: a document gives either an
// error or a case, never both; every issue has a path and a message; the case's facts are
// ascending and in range; and the case JSON is read by the case reader without a crash (its
// values may still be refused, as any case's may: a range, say).
#include <string>

#include "compiler/compiler.hpp"
#include "runtime/cases/case_reader.hpp"
#include "tests/fuzz/fuzz_require.hpp"
#include "tools/fhir/fhir_mapper.hpp"

namespace {

using redflag::fuzz::require;

constexpr const char* kKb = R"(kb fuzz title "F" version 1.0.0 status draft
levels low < high
fact sbp : quantity in mm[Hg] between 0 mm[Hg] and 400 mm[Hg]
  fhir observation "http://loinc.org|85354-9" component "http://loinc.org|8480-6" latest within 24 h
  fhir observation "http://loinc.org|8480-6" latest
fact count : integer between 0 and 10
  fhir observation "http://loinc.org|1-1" latest
fact fever : bool
  fhir condition "http://snomed.info/sct|386661006" current within 14 d
fact site : one of breast, lung
  fhir condition "http://snomed.info/sct|254837009" as breast
  fhir condition "http://snomed.info/sct|363358000" as lung
fact age : number between 0 and 130
  fhir patient age
fact note : text
  fhir item "q.note"
flag f high
  title "F"
  when sbp < 90 mm[Hg] or fever or site = lung or age > 80 or count > 3 or known(note)
)";

const redflag::Image& image() {
  static const redflag::Image compiled = [] {
    auto result = redflag::compile_sources({{"fuzz.rf", kKb}});
    require(result.image.has_value(), "the fuzz KB compiles");
    return *result.image;
  }();
  return compiled;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view document(reinterpret_cast<const char*>(data), size);
  redflag::tools::fhir::FhirOptions options;
  options.now = 1764669600;  // 2025-12-02T10:00:00Z
  const auto mapped = redflag::tools::fhir::map_fhir(image(), document, options);
  require(mapped.error.empty() != mapped.json.empty(), "an error or a case, not both");
  for (const auto& issue : mapped.issues) require(!issue.path.empty() && !issue.message.empty(), "issues say where and what");
  for (std::size_t i = 0; i < mapped.facts.size(); ++i) {
    require(mapped.facts[i] < image().facts.size(), "case facts in range");
    require(i == 0 || mapped.facts[i - 1] < mapped.facts[i], "case facts ascending");
  }
  if (mapped.json.empty()) return 0;
  static redflag::CaseReader reader(image().facts);
  std::vector<redflag::FactValue> facts;
  std::string id;
  redflag::CaseError error;
  if (!reader.read(mapped.json, facts, id, error)) require(!error.message.empty(), "a refused case says why");
  return 0;
}
