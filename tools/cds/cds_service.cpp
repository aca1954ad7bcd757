#include "tools/cds/cds_service.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <set>

#include "runtime/cases/case_reader.hpp"
#include "runtime/next_question.hpp"
#include "runtime/sha256.hpp"
#include "tools/fhir/fhir_mapper.hpp"
#include "tools/fhir/json_builder.hpp"

namespace redflag::tools::cds {
namespace {

using fhir::JsonBuilder;

// Requests up to this size are parsed by a reused parser; a typical call is a few KiB.
constexpr std::size_t kReusedParserBytes = 64 * 1024;

// A card summary is under 140 characters (CDS Hooks 2.0): [text] cut to 139 code points, the
// last replaced by an ellipsis when cut.
std::string summary_of(const std::string& text) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++points == 139) return text.substr(0, i) + "\u2026";
  }
  return text;
}

// The card indicator of urgency [level] of [image]: as the KB's `indicator` clause says, else
// by rank: the first level is info, the highest critical, the others warning.
std::string_view indicator_of(std::uint32_t level, const Image& image) {
  switch (level < image.indicators.size() ? image.indicators[level] : CdsIndicator::Default) {
    case CdsIndicator::Info: return "info";
    case CdsIndicator::Warning: return "warning";
    case CdsIndicator::Critical: return "critical";
    case CdsIndicator::Default: break;
  }
  if (level == 0) return "info";
  return level + 1 == image.levels.size() ? "critical" : "warning";
}

// `{{context.patientId}}` searches for the codes of every binding of [kind].
std::string search_codes(const Image& image, FhirKind kind) {
  std::set<std::string> codes;
  for (const auto& binding : image.fhir) {
    if (binding.kind == kind) codes.insert(binding.system + "|" + binding.code);
  }
  std::string joined;
  for (const auto& code : codes) joined += (joined.empty() ? "" : ",") + code;
  return joined;
}

// A FHIR `id`: 1 to 64 letters, digits, `-` and `.`, safe to put into a URL as it is.
bool is_fhir_id(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// A card's `source` and `extension` members: the first of [cites], else the KB itself.
void write_source(JsonBuilder& json, const Image& image, const std::vector<ImageCitation>& cites) {
  const std::string hash = to_hex(image.content_hash);
  json.object("source");
  const ImageSource* cited = cites.empty() ? nullptr : &image.meta.sources[cites.front().source];
  json.string("label", cited ? cited->title : image.meta.title);
  if (cited && !cited->url.empty()) json.string("url", cited->url);
  json.object("topic").string("system", "urn:redflag:kb").string("code", image.meta.id)
      .string("display", fmt::format("{} {} {}", image.meta.id, image.meta.version, hash)).close();
  json.close();
  json.object("extension").object("redflag")
      .string("kb", image.meta.id).string("version", image.meta.version).string("hash", hash).close().close();
}

// The members [write] writes into an object, without the object's braces: JSON text to put
// after a card's uuid with JsonBuilder::raw.
template <typename Write>
std::string members_of(const Write& write) {
  fmt::memory_buffer out;
  JsonBuilder json(out, false);
  json.object();
  write(json);
  json.close();
  return std::string(out.data() + 1, out.size() - 2);
}

// Everything of flag [flag]'s card after its uuid, which alone depends on the request.
std::string flag_card(const Image& image, const ImageFlag& flag) {
  std::string detail = flag.because;
  for (const auto& advice : flag.advice) detail += (detail.empty() ? "- " : "\n\n- ") + advice;
  for (const std::uint32_t topic : flag.see) {
    detail += fmt::format("\n\n**{}**\n\n{}", image.topics[topic].title, image.topics[topic].body);
  }
  return members_of([&](JsonBuilder& json) {
    json.string("summary", summary_of(flag.title)).string("indicator", indicator_of(flag.level, image));
    json.string("detail", detail);
    write_source(json, image, flag.cites);
  });
}

}  // namespace

struct CdsService::Scratch {
  explicit Scratch(const CdsService& service)
      : reader(service.image_.facts), evaluation(service.program_), ranker(service.image_, service.program_) {}

  simdjson::dom::parser parser;  // for requests up to kReusedParserBytes
  CaseReader reader;
  std::vector<FactValue> facts;
  std::string id;
  Evaluation evaluation;
  QuestionRanker ranker;
};

CdsService::CdsService(const Image& image, std::string hook)
    : image_(image),
      program_(image),
      id_(image.meta.id),
      hook_(std::move(hook)),
      scratch_([this] { return std::make_unique<Scratch>(*this); }) {
  for (const ImageFlag& flag : image.flags) cards_.push_back(flag_card(image, flag));
  undetermined_source_ = members_of([&](JsonBuilder& json) { write_source(json, image, {}); });
  const std::string observations = search_codes(image, FhirKind::Observation);
  if (!observations.empty()) {
    prefetch_.emplace_back("observations", "Observation?patient={{context.patientId}}&code=" + observations);
  }
  const std::string conditions = search_codes(image, FhirKind::Condition);
  if (!conditions.empty()) {
    prefetch_.emplace_back("conditions", "Condition?patient={{context.patientId}}&code=" + conditions);
  }
  for (const auto& binding : image.fhir) {
    if (binding.kind != FhirKind::PatientAge) continue;
    prefetch_.emplace_back("patient", "Patient/{{context.patientId}}");
    break;
  }
}

CdsService::~CdsService() = default;

std::string CdsService::discovery_entry() const {
  fmt::memory_buffer out;
  JsonBuilder json(out, false);
  json.object().string("hook", hook_).string("id", id_).string("title", image_.meta.title);
  json.string("description", fmt::format("Red flags of {} {} ({})", image_.meta.id, image_.meta.version,
                                         to_hex(image_.content_hash)));
  if (!prefetch_.empty()) {
    json.object("prefetch");
    for (const auto& [key, query] : prefetch_) json.string(key, query);
    json.close();
  }
  json.close();
  return fmt::to_string(out);
}

std::string CdsService::fetch_missing(simdjson::dom::element request, const FhirFetcher& fetch,
                                      CdsResponse& response) const {
  std::vector<std::pair<std::string, std::string>> fetched;
  for (const auto& [key, query] : prefetch_) {
    if (request["prefetch"][key].error() == simdjson::SUCCESS) continue;
    std::string_view server, token, patient;
    const bool possible = fetch && request["fhirServer"].get(server) == simdjson::SUCCESS &&
                          request["fhirAuthorization"]["access_token"].get(token) == simdjson::SUCCESS &&
                          request["context"]["patientId"].get(patient) == simdjson::SUCCESS && is_fhir_id(patient);
    std::optional<std::string> answer;
    if (possible) {
      std::string url = query;
      const std::string placeholder = "{{context.patientId}}";
      url.replace(url.find(placeholder), placeholder.size(), patient);
      answer = fetch(std::string(server) + (server.empty() || server.back() != '/' ? "/" : "") + url, std::string(token));
    }
    if (!answer) {
      response.status = 412;
      response.reason = possible ? fmt::format("prefetch {} missing and its fetch failed", key)
                                 : fmt::format("prefetch {} missing and no fhirServer to fetch it from", key);
      return {};
    }
    fetched.emplace_back(key, std::move(*answer));
  }
  if (fetched.empty()) return {};
  // The request again, with every prefetch value: what was sent and what was fetched.
  std::string document = fmt::format(R"({{"hook":"{}","prefetch":{{)", hook_);
  bool first = true;
  simdjson::dom::object sent;
  if (request["prefetch"].get(sent) == simdjson::SUCCESS) {
    for (auto field : sent) {
      document += fmt::format(R"({}"{}":{})", first ? "" : ",", field.key, simdjson::minify(field.value));
      first = false;
    }
  }
  for (const auto& [key, json] : fetched) {
    document += fmt::format(R"({}"{}":{})", first ? "" : ",", key, json);
    first = false;
  }
  return document + "}}";
}

CdsResponse CdsService::call(std::string_view body, std::int64_t now, const FhirFetcher& fetch) const {
  CdsResponse response;
  const auto scratch = scratch_.lease();
  // A parser keeps buffers for the largest document it has read: a rare large request gets its
  // own, so that each spare parser holds little.
  simdjson::dom::parser own_parser;
  simdjson::dom::parser& parser = body.size() > kReusedParserBytes ? own_parser : scratch->parser;
  simdjson::dom::element request;
  std::string_view hook, instance;
  if (parser.parse(body.data(), body.size()).get(request) != simdjson::SUCCESS ||
      request["hook"].get(hook) != simdjson::SUCCESS || request["hookInstance"].get(instance) != simdjson::SUCCESS) {
    response.status = 400;
    response.reason = "not a CDS Hooks request (JSON with hook and hookInstance)";
    return response;
  }
  if (hook != hook_) {
    response.status = 400;
    response.reason = fmt::format("hook {} is not this service's {}", hook, hook_);
    return response;
  }
  // Data we need that is neither sent nor fetchable: 412 (CDS Hooks 2.0 "Prefetch").
  std::string fetched = fetch_missing(request, fetch, response);
  if (response.status == 412) return response;
  fhir::FhirOptions options;
  options.now = now;
  const fhir::FhirCase mapped = fhir::map_fhir(image_, fetched.empty() ? body : std::string_view(fetched), options);
  std::vector<FactValue>& facts = scratch->facts;
  CaseError error;
  if (!mapped.error.empty() || !scratch->reader.read(mapped.json, facts, scratch->id, error)) {
    response.status = 400;
    response.reason = mapped.error.empty() ? error.message : mapped.error;
    return response;
  }
  response.patient = scratch->id;
  Evaluation& evaluation = scratch->evaluation;
  evaluate(program_, facts.data(), evaluation);
  fmt::memory_buffer out;
  JsonBuilder json(out, false);
  json.object().array("cards");
  for (std::uint32_t flag_id = 0; flag_id < image_.flags.size(); ++flag_id) {
    if (evaluation.flags[flag_id] != Tri::True) continue;
    json.object().string("uuid", fmt::format("{}-{}", instance, image_.flags[flag_id].name));
    json.raw({}, cards_[flag_id]).close();
  }
  if (!evaluation.complete) {
    const auto& questions = scratch->ranker.rank(facts.data(), evaluation);
    std::string detail = "Could not be assessed:\n";
    std::size_t undetermined = 0;
    for (std::uint32_t flag_id = 0; flag_id < image_.flags.size(); ++flag_id) {
      if (evaluation.flags[flag_id] != Tri::Unknown) continue;
      ++undetermined;
      detail += fmt::format("\n- {} ({})", image_.flags[flag_id].title, image_.levels[image_.flags[flag_id].level]);
    }
    detail += "\n\nWhat would settle them, most consequential first:\n";
    for (const Question& question : questions) {
      const ImageFact& fact = image_.facts[question.fact_id];
      detail += fmt::format("\n- {}", !fact.ask.empty() ? fact.ask : !fact.means.empty() ? fact.means : fact.name);
    }
    json.object().string("uuid", fmt::format("{}-undetermined", instance));
    json.string("summary", summary_of(fmt::format("{} red flag{} could not be assessed: data missing", undetermined,
                                                  undetermined == 1 ? "" : "s")));
    json.string("indicator", "info").string("detail", detail).raw({}, undetermined_source_).close();
  }
  json.close().close();
  response.body = fmt::to_string(out);
  return response;
}

std::string discovery_json(const std::vector<const CdsService*>& services) {
  fmt::memory_buffer out;
  JsonBuilder json(out, false);
  json.object().array("services");
  for (const CdsService* service : services) json.raw({}, service->discovery_entry());
  json.close().close();
  return fmt::to_string(out);
}

}  // namespace redflag::tools::cds
