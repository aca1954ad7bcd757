// Hostile sources the front-end tests (tests/compiler/hostile_test.cpp) do not cover: binary
// garbage, a 10 MB line, 100,000 flags. Each is generated here; README.md lists every hostile
// input with its expected outcome. Accepted sources go all the way: codegen, write, load, run.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include "compiler/codegen/codegen.hpp"
#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/frontend.hpp"
#include "runtime/bytecode_writer.hpp"
#include "runtime/loader.hpp"
#include "runtime/vm.hpp"

namespace {

const std::string kHeader = "kb t title \"T\" version 1.0.0 status draft\nlevels low < high\n";

redflag::FrontendResult load_text(std::string text) {
  return redflag::check_sources({redflag::SourceFile{"mem.rf", std::move(text)}});
}

// Compiles [text], which must be clean, writes and loads the image back.
redflag::Image compile(std::string text) {
  const auto result = load_text(std::move(text));
  INFO(redflag::render_text(result.diagnostics, result.files).substr(0, 2000));
  REQUIRE(result.diagnostics.empty());
  const std::vector<std::uint8_t> bytes = redflag::write_image(redflag::generate_image(result.kb));
  redflag::LoadResult loaded = redflag::load_image(bytes.data(), bytes.size());
  INFO(loaded.error);
  REQUIRE(loaded.ok());
  return std::move(*loaded.image);
}

std::string random_bytes(std::mt19937& random, int low, int high) {
  std::uniform_int_distribution<int> size(0, 4096);
  std::uniform_int_distribution<int> byte(low, high);
  std::string text(static_cast<std::size_t>(size(random)), '\0');
  for (char& c : text) c = static_cast<char>(byte(random));
  return text;
}

}  // namespace

TEST_CASE("binary garbage is reported with a diagnostic, never a crash") {
  std::mt19937 random(6);
  for (int round = 0; round < 500; ++round) {
    // Any byte (stops at the UTF-8 and NUL checks), then printable ASCII (reaches the parser).
    const std::string text = round % 2 == 0 ? random_bytes(random, 0, 255) : random_bytes(random, 32, 126);
    const auto result = load_text(text);
    CAPTURE(round);
    REQUIRE(result.has_errors());
    REQUIRE_FALSE(redflag::render_text(result.diagnostics, result.files).empty());
  }
}

TEST_CASE("a 10 MB line compiles: a comment, a title, and a 1,000,000-term condition") {
  const std::size_t ten_mb = 10'000'000;
  const std::string flag = "fact a : bool\nflag f high\n  title \"T\"\n  when a\n";
  CHECK(compile(kHeader + "# " + std::string(ten_mb, 'x') + "\n" + flag).flags.size() == 1);

  const std::string title(ten_mb, 't');
  CHECK(compile(kHeader + "fact a : bool\nflag f high\n  title \"" + title + "\"\n  when a\n").flags.at(0).title == title);

  // `a or b and a or ...` is flat, not nested: no limit applies, and the code must still run.
  // Every operand's span once scanned the line from the condition's start: minutes, not seconds.
  std::string terms = "a";
  while (terms.size() < ten_mb) terms += " or b and a";
  const auto start = std::chrono::steady_clock::now();
  const redflag::Image image = compile(kHeader + "fact a : bool\nfact b : bool\nflag f high\n  title \"T\"\n  when " + terms + "\n");
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 120);  // ASan: 39 s
  const redflag::Program program(image);
  redflag::Evaluation evaluation(program);
  std::vector<redflag::FactValue> facts = {{0, true}, {1, true}};  // a false, b true
  redflag::evaluate(program, facts.data(), evaluation);
  CHECK(evaluation.flags.at(0) == redflag::Tri::False);
  facts[0].value = 1;
  redflag::evaluate(program, facts.data(), evaluation);
  CHECK(evaluation.flags.at(0) == redflag::Tri::True);
}

TEST_CASE("100,000 flags over 1,000 facts compile, load and evaluate") {
  std::string text = kHeader;
  for (int i = 0; i < 1000; ++i) text += "fact f" + std::to_string(i) + " : number between 0 and 1000\n";
  for (int i = 0; i < 100000; ++i) {
    const int fact = i % 1000;
    text += "flag r" + std::to_string(i) + (i % 2 == 0 ? " low" : " high") + "\n  title \"Flag " + std::to_string(i) +
            "\"\n  when f" + std::to_string(fact) + " > " + std::to_string(i % 997) + " and f" +
            std::to_string((fact + 1) % 1000) + " < 1000\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const redflag::Image image = compile(std::move(text));
  REQUIRE(image.flags.size() == 100000);
  const redflag::Program program(image);
  redflag::Evaluation evaluation(program);
  std::vector<redflag::FactValue> facts(1000, redflag::FactValue{500, true});
  redflag::evaluate(program, facts.data(), evaluation);
  // Flag i fires when 500 > i % 997.
  for (std::size_t i = 0; i < 100000; i += 4999) CHECK((evaluation.flags[i] == redflag::Tri::True) == (500 > i % 997));
  CHECK(evaluation.urgency == 1);
  facts.assign(1000, redflag::FactValue{});
  redflag::evaluate(program, facts.data(), evaluation);
  CHECK(evaluation.flags[0] == redflag::Tri::Unknown);
  CHECK_FALSE(evaluation.complete);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Generous (sanitizer builds, a loaded machine): docs/reliability.md has the measured times.
  CHECK(seconds < 120);
}
