// Output agreement: every surface that reports an evaluation says the same thing about a case.
// On random KBs with `see` links, topics with and without conditions, and three levels
// (tests/support/random_kb.hpp), each random case is evaluated and read back from
//   - the json writer (parsed with simdjson), the text writer and the csv writer of `eval`
//     (tools/eval/result_writer.hpp, docs/cli.md "JSON output", "CSV output", "Text output");
//   - the C++ API, Case::evaluate's CaseResult (runtime/redflag.hpp);
//   - the C API (runtime/redflag.h), with the facts set through its setters.
// They must agree on the urgency, the status, the fired flags with their evidence (facts and
// values), the undetermined flags with their needs, and the topics, in the same order, up to two
// documented differences that the test pins instead of hiding:
//   - Order of flags. The writers list flags highest urgency first, KB order among equals
//     (docs/cli.md); CaseResult and the C API list them in flag-table order (redflag.hpp
//     "in flag-table order"). So the API's lists, stable-sorted by level (highest first), must
//     be the writers' lists, and the API's own order must be ascending flag ids.
//   - What each surface has at all. csv gives only flag names (no evidence, needs or topics),
//     as docs/cli.md says. The C API has no getter for the topics and none for an evidence
//     value (rf_case_fired_evidence_fact gives the fact's name only), though docs/embedding.md
//     "Model" says of both APIs that the result lists the evidence "with their values" and
//     "the topics to show". Those parts are compared where they exist.
// Evidence and needs are in each flag's fact order (the facts its condition reads, defines
// expanded, ascending, which the test checks against the AST) on every surface; the text writer shows values as display_value does, json as numbers, booleans,
// enum names and null for text.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/compiler.hpp"
#include "runtime/redflag.h"
#include "runtime/redflag.hpp"
#include "runtime/vm.hpp"
#include "tests/support/random_kb.hpp"
#include "tools/eval/fact_display.hpp"
#include "tools/eval/result_writer.hpp"

namespace {

using redflag::FactType;
using redflag::FactValue;
using redflag::Image;

constexpr int kKbs = 80;
constexpr int kFlagsPerKb = 20;
constexpr int kCasesPerKb = 100;

// One listed flag: its name and the facts listed under it (evidence as fact=value, needs as
// names). [level] is empty on surfaces that do not give it.
struct Listed {
  std::string flag;
  std::string level;
  std::vector<std::string> facts;
  bool operator==(const Listed& other) const {
    return flag == other.flag && level == other.level && facts == other.facts;
  }
};

// What one surface reports about one case.
struct Report {
  std::string urgency;
  std::string status;  // complete / incomplete
  std::vector<Listed> fired, undetermined;
  std::vector<std::string> topics;
};

std::ostream& operator<<(std::ostream& out, const Listed& listed) {
  out << listed.flag << (listed.level.empty() ? "" : "[" + listed.level + "]") << "(";
  for (std::size_t i = 0; i < listed.facts.size(); ++i) out << (i ? " " : "") << listed.facts[i];
  return out << ")";
}

std::string show(const std::vector<Listed>& list) {
  std::ostringstream out;
  for (const auto& listed : list) out << listed << " ";
  return out.str();
}

std::string show(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& item : list) out += item + " ";
  return out;
}

// An evidence value as json gives it: true/false, the enum value's name, null for text, the
// number (shortest round-trip text of the double) with the unit for quantities.
std::string json_style(const redflag::ImageFact& fact, double value) {
  switch (fact.type) {
    case FactType::Bool: return value != 0 ? "true" : "false";
    case FactType::Enum: return fact.values.at(static_cast<std::size_t>(value));
    case FactType::Text: return "null";
    case FactType::Number:
    case FactType::Integer: return fmt::format("{}", value);
    case FactType::Quantity: return fmt::format("{} {}", value, fact.unit);
  }
  return "?";
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.push_back("");
  return parts;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// A JSON string's text (throws simdjson_error when [element] is not a string).
std::string text_of(simdjson::dom::element element) { return std::string(std::string_view(element)); }

Report parse_json(const std::string& line) {
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(line);
  const simdjson::dom::element record = parser.parse(padded);
  Report report;
  report.urgency = text_of(record["urgency"]);
  report.status = text_of(record["status"]);
  for (const bool fired : {true, false}) {
    for (const simdjson::dom::element flag : simdjson::dom::array(record[fired ? "fired" : "undetermined"])) {
      Listed listed{text_of(flag["flag"]), text_of(flag["urgency"]), {}};
      for (const simdjson::dom::element fact : simdjson::dom::array(flag[fired ? "evidence" : "needs"])) {
        if (!fired) {
          listed.facts.push_back(text_of(fact));
          continue;
        }
        const std::string name = text_of(fact["fact"]);
        std::string value;
        const simdjson::dom::element json_value = fact["value"];
        switch (json_value.type()) {
          case simdjson::dom::element_type::BOOL: value = bool(json_value) ? "true" : "false"; break;
          case simdjson::dom::element_type::STRING: value = text_of(json_value); break;
          case simdjson::dom::element_type::NULL_VALUE: value = "null"; break;
          default: value = fmt::format("{}", double(json_value)); break;
        }
        simdjson::dom::element unit;
        if (fact["unit"].get(unit) == simdjson::SUCCESS) value += " " + text_of(unit);
        listed.facts.push_back(name + "=" + value);
      }
      (fired ? report.fired : report.undetermined).push_back(std::move(listed));
    }
  }
  for (const simdjson::dom::element topic : simdjson::dom::array(record["topics"])) {
    report.topics.push_back(text_of(topic["topic"]));
  }
  return report;
}

// The text writer's report: the lines docs/cli.md "Text output" describes.
Report parse_text(const std::string& text) {
  Report report;
  std::vector<std::string> lines = split(text, '\n');
  REQUIRE(lines.size() >= 2);
  // case ID: urgency U, complete | incomplete: some flags could not be decided
  const std::string& head = lines[0];
  const auto urgency_at = head.find(": urgency ");
  REQUIRE(urgency_at != std::string::npos);
  const auto comma = head.find(", ", urgency_at);
  report.urgency = head.substr(urgency_at + 10, comma - urgency_at - 10);
  report.status = starts_with(head.substr(comma + 2), "complete") ? "complete" : "incomplete";
  Listed* current = nullptr;
  bool topics = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    const bool fired = starts_with(line, "  FIRED [");
    if (fired || starts_with(line, "  UNDETERMINED [")) {
      // "  FIRED [level] name: title"
      const auto open = line.find('[');
      const auto close = line.find("] ", open);
      const auto colon = line.find(": ", close);
      auto& list = fired ? report.fired : report.undetermined;
      list.push_back({line.substr(close + 2, colon - close - 2), line.substr(open + 1, close - open - 1), {}});
      current = &list.back();
      topics = false;
    } else if (starts_with(line, "    evidence: ")) {
      REQUIRE(current != nullptr);
      const std::string rest = line.substr(14);
      const auto equals = rest.find(" = ");
      current->facts.push_back(rest.substr(0, equals) + "=" + rest.substr(equals + 3));
    } else if (starts_with(line, "    needs: no fact: ")) {
      // An undetermined flag whose needs are empty: nothing to list.
      REQUIRE(current != nullptr);
      REQUIRE(current->facts.empty());
    } else if (starts_with(line, "    needs: ")) {
      REQUIRE(current != nullptr);
      const std::string rest = line.substr(11);
      current->facts.push_back(rest.substr(0, rest.find(':')));
    } else if (line == "  read more:") {
      topics = true;
      current = nullptr;
    } else if (topics && starts_with(line, "    - ")) {
      // "    - title (name)"
      const auto open = line.rfind('(');
      report.topics.push_back(line.substr(open + 1, line.size() - open - 2));
    } else if (starts_with(line, "  kb: ")) {
      topics = false;
      current = nullptr;
    }
  }
  return report;
}

// The csv writer's row: id,urgency,status,fired,undetermined,error (names only).
Report parse_csv(const std::string& text) {
  REQUIRE(!text.empty());
  REQUIRE(text.back() == '\n');
  const std::vector<std::string> fields = split(text.substr(0, text.size() - 1), ',');
  REQUIRE(fields.size() == 6);
  Report report;
  report.urgency = fields[1];
  report.status = fields[2];
  for (const auto& name : fields[3].empty() ? std::vector<std::string>{} : split(fields[3], ';')) {
    report.fired.push_back({name, "", {}});
  }
  for (const auto& name : fields[4].empty() ? std::vector<std::string>{} : split(fields[4], ';')) {
    report.undetermined.push_back({name, "", {}});
  }
  CHECK(fields[5].empty());
  return report;
}

// CaseResult as a report, evidence values in [style] (json_style or display_value).
template <typename Style>
Report from_cpp(const redflag::CaseResult& result, const Image& image, Style style) {
  Report report;
  report.urgency = std::string(result.urgency_name);
  report.status = result.complete ? "complete" : "incomplete";
  for (const auto& fired : result.fired) {
    Listed listed{std::string(fired.flag), std::string(fired.level), {}};
    for (const auto& evidence : fired.evidence) {
      listed.facts.push_back(std::string(evidence.fact) + "=" + style(image.facts[evidence.fact_id], evidence.value));
    }
    report.fired.push_back(std::move(listed));
  }
  for (const auto& open : result.undetermined) {
    Listed listed{std::string(open.flag), std::string(image.levels[image.flags[open.flag_id].level]), {}};
    for (const auto fact : open.needs) listed.facts.push_back(image.facts[fact].name);
    report.undetermined.push_back(std::move(listed));
  }
  for (const auto topic : result.topics) report.topics.push_back(image.topics[topic].name);
  return report;
}

// The C API's report: evidence as fact names only, no topics.
Report from_c(const rf_case* kase, const Image& image) {
  Report report;
  report.urgency = rf_case_urgency(kase);
  report.status = rf_case_complete(kase) ? "complete" : "incomplete";
  for (std::size_t i = 0; i < rf_case_fired_count(kase); ++i) {
    Listed listed{rf_case_fired_name(kase, i), rf_case_fired_level(kase, i), {}};
    for (std::size_t j = 0; j < rf_case_fired_evidence_count(kase, i); ++j) {
      listed.facts.emplace_back(rf_case_fired_evidence_fact(kase, i, j));
    }
    report.fired.push_back(std::move(listed));
  }
  for (std::size_t i = 0; i < rf_case_undetermined_count(kase); ++i) {
    const std::string name = rf_case_undetermined_name(kase, i);
    std::string level;
    for (const auto& flag : image.flags) {
      if (flag.name == name) level = image.levels[flag.level];
    }
    Listed listed{name, level, {}};
    for (std::size_t j = 0; j < rf_case_undetermined_needs_count(kase, i); ++j) {
      listed.facts.emplace_back(rf_case_undetermined_needs_fact(kase, i, j));
    }
    report.undetermined.push_back(std::move(listed));
  }
  return report;
}

// [list] in the writers' order: highest level first, table order among equals.
std::vector<Listed> by_urgency(std::vector<Listed> list, const Image& image) {
  const auto level = [&](const Listed& listed) {
    for (const auto& flag : image.flags) {
      if (flag.name == listed.flag) return flag.level;
    }
    FAIL("no flag " << listed.flag);
    return 0u;
  };
  std::stable_sort(list.begin(), list.end(), [&](const Listed& a, const Listed& b) { return level(a) > level(b); });
  return list;
}

// [list] with only the names (what csv gives).
std::vector<Listed> names(const std::vector<Listed>& list) {
  std::vector<Listed> out;
  for (const auto& listed : list) out.push_back({listed.flag, "", {}});
  return out;
}

// [list] with evidence reduced to fact names (what the C API gives).
std::vector<Listed> fact_names(std::vector<Listed> list) {
  for (auto& listed : list) {
    for (auto& fact : listed.facts) fact = fact.substr(0, fact.find('='));
  }
  return list;
}

void require_same(const Report& a, const Report& b, const char* a_name, const char* b_name, bool flags_only = false,
                  bool topics = true) {
  INFO(a_name << " vs " << b_name);
  CHECK(a.urgency == b.urgency);
  CHECK(a.status == b.status);
  INFO(a_name << " fired: " << show(a.fired) << "\n" << b_name << " fired: " << show(b.fired));
  REQUIRE((flags_only ? names(a.fired) == names(b.fired) : a.fired == b.fired));
  INFO(a_name << " undetermined: " << show(a.undetermined) << "\n"
              << b_name << " undetermined: " << show(b.undetermined));
  REQUIRE((flags_only ? names(a.undetermined) == names(b.undetermined) : a.undetermined == b.undetermined));
  if (topics) {
    INFO(a_name << " topics: " << show(a.topics) << "\n" << b_name << " topics: " << show(b.topics));
    REQUIRE(a.topics == b.topics);
  }
}

// The writer's output for one case, taken out of its buffer.
std::string written(redflag::tools::ResultWriter& writer, const std::string& id, const redflag::Evaluation& evaluation,
                    const std::vector<FactValue>& facts) {
  writer.buffer().clear();
  writer.result(id, evaluation, facts.data());
  return fmt::to_string(writer.buffer());
}

// The facts [expr] reads, defines expanded, into [facts]: what evidence and needs draw on.
void facts_read(const redflag::ast::Kb& kb, const redflag::ast::Expr& expr, std::set<std::uint32_t>& facts) {
  using redflag::ast::ExprKind;
  using redflag::ast::RefKind;
  if ((expr.kind == ExprKind::Name || expr.kind == ExprKind::Known) && expr.ref == RefKind::Fact) facts.insert(expr.ref_id);
  if (expr.kind == ExprKind::Name && expr.ref == RefKind::Define) facts_read(kb, *kb.defines[expr.ref_id].condition, facts);
  for (const auto& child : expr.children) facts_read(kb, *child, facts);
}

struct CaseDeleter {
  void operator()(rf_case* kase) const { rf_case_free(kase); }
};

}  // namespace

TEST_CASE("json, text, csv and the C and C++ APIs report the same results on random cases", "[differential][eval]") {
  using redflag::tools::OutputFormat;
  std::mt19937 random(20260515);
  int cases_compared = 0, fired_seen = 0, undetermined_seen = 0, topics_seen = 0, reordered = 0;
  for (int kb_index = 0; kb_index < kKbs; ++kb_index) {
    const auto random_kb = redflag::test_support::make_random_kb(random, {kb_index % 3 == 0 ? 3 : kFlagsPerKb, true});
    const std::string source = random_kb.source();
    INFO("KB " << kb_index << ":\n" << source);
    const auto compiled = redflag::compile_sources({{"random.rf", source}});
    REQUIRE(compiled.ok());

    std::string error;
    const auto kb = redflag::Kb::open_bytes(compiled.bytes.data(), compiled.bytes.size(), error);
    INFO(error);
    REQUIRE(kb);
    const Image& image = kb->image();
    char c_error[256] = "";
    rf_kb* c_kb = nullptr;
    const rf_status opened = rf_kb_open_bytes(compiled.bytes.data(), compiled.bytes.size(), &c_kb, c_error, sizeof c_error);
    INFO(c_error);
    REQUIRE(opened == RF_OK);
    rf_case* c_new_case = nullptr;
    REQUIRE(rf_case_new(c_kb, &c_new_case) == RF_OK);
    const std::unique_ptr<rf_case, CaseDeleter> c_case(c_new_case);
    rf_kb_free(c_kb);  // the case keeps it alive

    // Every surface lists evidence and needs from the image's facts of each flag: those must
    // be the facts its condition reads (docs/cli.md), defines expanded, ascending.
    for (std::size_t flag = 0; flag < image.flags.size(); ++flag) {
      std::set<std::uint32_t> read;
      facts_read(compiled.frontend.kb, *compiled.frontend.kb.flags[flag].condition, read);
      INFO("flag " << image.flags[flag].name);
      REQUIRE(image.flags[flag].facts == std::vector<std::uint32_t>(read.begin(), read.end()));
    }

    redflag::Case cpp_case(kb);
    redflag::Evaluation evaluation(kb->program());
    const auto json = redflag::tools::make_result_writer(OutputFormat::Json, image, nullptr);
    const auto text = redflag::tools::make_result_writer(OutputFormat::Text, image, nullptr);
    const auto csv = redflag::tools::make_result_writer(OutputFormat::Csv, image, nullptr);

    for (int c = 0; c < kCasesPerKb; ++c) {
      const std::vector<FactValue> facts = redflag::test_support::random_case(random, image);
      const std::string id = fmt::format("c{}", c);
      INFO("case " << c);
      // The same facts through the C++ setters (quantities in their unit) and the C setters
      // (quantities as canonical numbers).
      cpp_case.clear();
      rf_case_clear(c_case.get());
      for (std::uint32_t i = 0; i < facts.size(); ++i) {
        if (!facts[i].known) continue;
        const auto& fact = image.facts[i];
        const char* const name = fact.name.c_str();
        std::string reason;
        rf_status status = RF_OK;
        switch (fact.type) {
          case FactType::Bool:
            reason = cpp_case.set_bool(fact.name, facts[i].value != 0);
            status = rf_case_set_bool(c_case.get(), name, facts[i].value != 0);
            break;
          case FactType::Number:
          case FactType::Integer:
            reason = cpp_case.set_number(fact.name, facts[i].value);
            status = rf_case_set_number(c_case.get(), name, facts[i].value);
            break;
          case FactType::Quantity:
            reason = cpp_case.set_quantity(fact.name, facts[i].value, fact.unit);
            status = rf_case_set_number(c_case.get(), name, facts[i].value);
            break;
          case FactType::Enum: {
            const std::string& value = fact.values.at(static_cast<std::size_t>(facts[i].value));
            reason = cpp_case.set_enum(fact.name, value);
            status = rf_case_set_enum(c_case.get(), name, value.c_str());
            break;
          }
          case FactType::Text:
            reason = cpp_case.set_text(fact.name, "some text");
            status = rf_case_set_text(c_case.get(), name, "some text");
            break;
        }
        INFO("fact " << fact.name << ": " << reason << " / " << rf_case_error(c_case.get()));
        REQUIRE(reason.empty());
        REQUIRE(status == RF_OK);
        REQUIRE(cpp_case.fact(i).value == facts[i].value);
      }
      for (std::uint32_t i = 0; i < facts.size(); ++i) REQUIRE(cpp_case.fact(i).known == facts[i].known);

      redflag::evaluate(kb->program(), facts.data(), evaluation);
      const auto& result = cpp_case.evaluate();
      REQUIRE(rf_case_evaluate(c_case.get()) == RF_OK);

      const std::string json_text = written(*json, id, evaluation, facts);
      const std::string text_text = written(*text, id, evaluation, facts);
      const std::string csv_text = written(*csv, id, evaluation, facts);
      INFO("json: " << json_text << "text:\n" << text_text << "csv: " << csv_text);
      const Report from_json = parse_json(json_text);
      const Report from_text = parse_text(text_text);
      const Report from_csv = parse_csv(csv_text);
      const Report cpp_json_style = from_cpp(result, image, json_style);
      const Report cpp_display_style = from_cpp(result, image, redflag::tools::display_value);
      const Report from_c_api = from_c(c_case.get(), image);

      // The API's documented order: flag-table order, needs ascending.
      for (std::size_t i = 1; i < result.fired.size(); ++i) REQUIRE(result.fired[i - 1].flag_id < result.fired[i].flag_id);
      for (std::size_t i = 1; i < result.undetermined.size(); ++i) {
        REQUIRE(result.undetermined[i - 1].flag_id < result.undetermined[i].flag_id);
      }
      for (const auto& open : result.undetermined) REQUIRE(std::is_sorted(open.needs.begin(), open.needs.end()));
      for (std::size_t i = 1; i < result.topics.size(); ++i) REQUIRE(result.topics[i - 1] < result.topics[i]);

      // The writers among themselves: json = text (everything, values as each shows them,
      // compared through the API's values), json = csv (names).
      Report json_urgency_order = cpp_json_style;
      json_urgency_order.fired = by_urgency(cpp_json_style.fired, image);
      json_urgency_order.undetermined = by_urgency(cpp_json_style.undetermined, image);
      Report display_urgency_order = cpp_display_style;
      display_urgency_order.fired = by_urgency(cpp_display_style.fired, image);
      display_urgency_order.undetermined = by_urgency(cpp_display_style.undetermined, image);
      require_same(from_json, json_urgency_order, "json", "C++ API sorted by urgency");
      require_same(from_text, display_urgency_order, "text", "C++ API sorted by urgency");
      require_same(from_csv, from_json, "csv", "json", true, false);
      // The two APIs: the same lists in table order; the C API has no topics or evidence values.
      Report cpp_names = cpp_json_style;
      cpp_names.fired = fact_names(cpp_names.fired);
      require_same(from_c_api, cpp_names, "C API", "C++ API", false, false);
      // The VM's own flags: a flag is listed as fired exactly when it is true.
      std::size_t fired = 0, open = 0;
      for (const auto value : evaluation.flags) {
        fired += value == redflag::Tri::True;
        open += value == redflag::Tri::Unknown;
      }
      REQUIRE(result.fired.size() == fired);
      REQUIRE(result.undetermined.size() == open);

      ++cases_compared;
      fired_seen += static_cast<int>(result.fired.size());
      undetermined_seen += static_cast<int>(result.undetermined.size());
      topics_seen += static_cast<int>(result.topics.size());
      reordered += json_urgency_order.fired != cpp_json_style.fired;
    }
  }
  INFO("fired " << fired_seen << ", undetermined " << undetermined_seen << ", topics " << topics_seen
                << ", cases whose fired lists the orders differ on " << reordered);
  CHECK(cases_compared == kKbs * kCasesPerKb);
  CHECK(fired_seen > 1000);
  CHECK(undetermined_seen > 1000);
  CHECK(topics_seen > 1000);
  CHECK(reordered > 100);
}
