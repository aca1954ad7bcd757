// Numbers do not follow the C locale: a host that calls setlocale (Python, an editor) gets the
// same `.rfb` bytes, disasm, handbook, diagnostics and eval output as the "C" locale gives.
#include <catch2/catch.hpp>

#include <clocale>
#include <cstdio>
#include <fstream>
#include <locale>
#include <string>
#include <vector>

#include "compiler/compiler.hpp"
#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/doc/handbook.hpp"
#include "runtime/disasm.hpp"
#include "tests/tools/tools_fixture.hpp"

namespace {

using redflag::tools::OutputFormat;

// A locale whose decimal separator is a comma: printf writes 0.5 as "0,5" and strtod stops at ".".
constexpr const char* kCommaLocale = "de_DE.UTF-8";

const char* const kFeverKb = R"rf(kb fever
  title "Fever thresholds"
  version 1.0.0
  status draft

levels routine < urgent

fact body_temp : temperature in Cel between 30 and 45.5
fact heart_rate : number between 0 and 300.5
fact weight_loss : mass in kg

flag fever urgent
  title "Temperature of 38.5 °C or more"
  when body_temp >= 38.5 Cel

flag tachycardia routine
  title "Heart rate over 100.25 with some weight loss"
  when heart_rate > 100.25 and weight_loss >= 2.25 kg

test "38.7 °C is a fever"
  given body_temp = 38.7 Cel, heart_rate = 72.5, weight_loss = 0.5 kg
  expect urgency urgent
)rf";

// A threshold outside its fact's range: the diagnostic quotes decimals.
const char* const kOutOfRangeKb = R"rf(kb too_hot
  title "Out of range"
  version 1.0.0
  status draft

levels routine < urgent

fact body_temp : temperature in Cel between 30 and 45.5

flag fever urgent
  title "Too hot"
  when body_temp >= 46.5 Cel
)rf";

const char* const kFeverCases =
    R"({"id": "warm", "body_temp": "38.7 Cel", "heart_rate": 101.75, "weight_loss": "2.5 kg"})"
    "\n"
    R"({"id": "fahrenheit", "body_temp": "101.3 [degF]", "heart_rate": 100.25, "weight_loss": "4.4 [lb_av]"})"
    "\n"
    R"({"id": "too_fast", "body_temp": "36.6 Cel", "heart_rate": 300.75})"
    "\n";

const char* const kBackPainCases =
    R"({"id": "kilograms", "age": 45.5, "weight_loss": "4.53 kg", "pain_duration": "3.5 wk", "fever": false})"
    "\n"
    R"({"id": "pounds", "age": 71.25, "weight_loss": "10.5 lb", "pain_duration": "30.4375 d", "improving": false})"
    "\n"
    R"({"id": "too_old", "age": 130.5})"
    "\n";

// Every text and byte a KB turns into that holds numbers.
struct Outputs {
  std::vector<std::uint8_t> bytes;
  std::string disasm, markdown, html, json, text;
};

// [text] in a file of the test's build directory named [name]; returns its path.
std::string written_file(const std::string& name, const char* text) {
  const std::string path = std::string(REDFLAG_LOCALE_TEST_DIR) + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

Outputs outputs_of(const redflag::CompileResult& compiled, const std::string& cases_path) {
  INFO(redflag::render_text(compiled.frontend.diagnostics, compiled.frontend.files));
  REQUIRE(compiled.ok());
  const redflag::Image& image = *compiled.image;
  return {compiled.bytes,
          redflag::disassemble(image),
          redflag::render_handbook(compiled.frontend.kb, redflag::HandbookFormat::Markdown),
          redflag::render_handbook(compiled.frontend.kb, redflag::HandbookFormat::Html),
          redflag::test::evaluated(image, {cases_path}, OutputFormat::Json).output,
          redflag::test::evaluated(image, {cases_path}, OutputFormat::Text).output};
}

// Everything the test compares, made afresh in the current locale.
struct Run {
  Outputs back_pain, fever;
  std::string diagnostics;
};

Run run() {
  const std::string back_pain_cases = written_file("back_pain_cases.jsonl", kBackPainCases);
  const std::string fever_cases = written_file("fever_cases.jsonl", kFeverCases);
  const auto out_of_range = redflag::compile_sources({{"too_hot.rf", kOutOfRangeKb}});
  return {outputs_of(redflag::compile_paths({REDFLAG_BACK_PAIN_DIR}), back_pain_cases),
          outputs_of(redflag::compile_sources({{"fever.rf", kFeverKb}}), fever_cases),
          redflag::render_text(out_of_range.frontend.diagnostics, out_of_range.frontend.files)};
}

// Switches the C and C++ locales to [name] for its lifetime, then back to "C".
class GlobalLocale {
 public:
  explicit GlobalLocale(const char* name) : active_(std::setlocale(LC_ALL, name) != nullptr) {
    if (active_) std::locale::global(std::locale(name));
  }
  ~GlobalLocale() {
    std::setlocale(LC_ALL, "C");
    std::locale::global(std::locale::classic());
  }
  GlobalLocale(const GlobalLocale&) = delete;
  GlobalLocale& operator=(const GlobalLocale&) = delete;
  bool active() const { return active_; }

 private:
  bool active_;
};

// Checks that each of [kb]'s outputs in the comma locale ([comma]) is the one "C" gave ([c]).
void check_same(const char* kb, const Outputs& comma, const Outputs& c) {
  INFO("KB " << kb);
  CHECK(comma.bytes == c.bytes);
  CHECK(comma.disasm == c.disasm);
  CHECK(comma.markdown == c.markdown);
  CHECK(comma.html == c.html);
  CHECK(comma.json == c.json);
  CHECK(comma.text == c.text);
}

std::string printf_half() {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%g", 0.5);
  return buffer;
}

}  // namespace

TEST_CASE("a comma-decimal locale changes nothing the compiler, disasm, handbook or eval write") {
  std::setlocale(LC_ALL, "C");
  const Run in_c = run();
  REQUIRE(in_c.fever.disasm.find("38.5") != std::string::npos);
  REQUIRE(in_c.diagnostics.find("46.5") != std::string::npos);

  const GlobalLocale comma(kCommaLocale);
  if (!comma.active()) {
    // Never a silent pass: the test is only meaningful with the locale present.
    FAIL("locale " << kCommaLocale << " is not installed; run .ci/setup (Debian: apt-get install locales, "
                   << "add `de_DE.UTF-8 UTF-8` to /etc/locale.gen, then locale-gen)");
  }
  REQUIRE(printf_half() == "0,5");  // the locale really is in force

  const Run in_comma = run();
  check_same("back_pain", in_comma.back_pain, in_c.back_pain);
  check_same("fever", in_comma.fever, in_c.fever);
  CHECK(in_comma.diagnostics == in_c.diagnostics);
}
