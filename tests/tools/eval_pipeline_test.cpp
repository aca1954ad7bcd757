// Bulk evaluation (tools/eval/eval_pipeline.hpp) in process: small blocks so that a few hundred
// cases cross many block boundaries, on one thread and on several, in every output format; and a
// write that fails.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "tests/tools/tools_fixture.hpp"
#include "tools/eval/eval_pipeline.hpp"

namespace redflag {
namespace {

constexpr const char* kSource = R"(kb pipe
  title "Pipe"
  version 1.0.0
  status draft

levels routine < urgent

fact fever : bool
fact weight : mass in kg

flag fever urgent
  title "Fever"
  when fever

flag heavy urgent
  title "Heavy"
  when weight >= 100 kg
)";

// [count] cases, every seventh a malformed line and every eleventh a blank one.
std::string batch(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    if (i % 7 == 3) {
      text += "{\"id\": \"bad" + std::to_string(i) + "\", \"fever\": 12}\n";
    } else if (i % 11 == 5) {
      text += "\n";
    } else {
      text += "{\"id\": \"c" + std::to_string(i) + "\", \"fever\": " + (i % 2 ? "true" : "false") +
              ", \"weight\": \"" + std::to_string(60 + i % 80) + " kg\"}\n";
    }
  }
  return text;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++count;
  return count;
}

TEST_CASE("one record per line, in input order, with error records where the bad lines were", "[tools][eval]") {
  const Image image = test::compiled(kSource);
  test::ScratchDir dir;
  const std::string input = dir.write("cases.jsonl", batch(300));
  const auto run = test::evaluated(image, {input}, tools::OutputFormat::Json, 1, 512);
  CHECK(run.outcome.had_input_errors);
  CHECK(count_of(run.output, "\n") == 300);
  // Records keep the input order across block boundaries.
  CHECK(run.output.find("\"c0\"") < run.output.find("\"bad3\""));
  CHECK(run.output.find("\"bad3\"") < run.output.find("\"c4\""));
  CHECK(run.output.find("\"c298\"") < run.output.find("\"c299\""));
  CHECK(count_of(run.output, "\"id\":\"bad") == count_of(batch(300), "\"bad"));
}

TEST_CASE("progress is told the records and error records after every block, up to the outcome", "[tools][eval]") {
  const Image image = test::compiled(kSource);
  test::ScratchDir dir;
  const std::string input = dir.write("cases.jsonl", batch(300));
  for (const unsigned jobs : {1u, 3u}) {
    INFO("jobs " << jobs);
    std::vector<tools::EvalOutcome> told;
    const auto run = test::evaluated(image, {input}, tools::OutputFormat::Json, jobs, 512, {},
                                     [&told](const tools::EvalOutcome& so_far) { told.push_back(so_far); });
    CHECK(run.outcome.input_errors == count_of(run.output, "\"error\":{"));
    CHECK(run.outcome.input_errors > 40);
    REQUIRE(told.size() > 10);
    for (std::size_t i = 1; i < told.size(); ++i) {
      CHECK(told[i].records > told[i - 1].records);
      CHECK(told[i].input_errors >= told[i - 1].input_errors);
    }
    CHECK(told.back().records == 300);
    CHECK(told.back().input_errors == run.outcome.input_errors);
  }
}

TEST_CASE("several threads write exactly what one thread writes, in every format", "[tools][eval]") {
  const Image image = test::compiled(kSource);
  test::ScratchDir dir;
  const std::string input = dir.write("cases.jsonl", batch(400));
  const std::string one = dir.write("one.json", R"({"id": "single", "fever": true})");
  const std::vector<std::string> inputs{input, one, dir.path("missing.jsonl"), input};
  for (const auto format : {tools::OutputFormat::Json, tools::OutputFormat::Text, tools::OutputFormat::Csv,
                            tools::OutputFormat::Summary}) {
    const auto single = test::evaluated(image, inputs, format, 1, 700);
    CHECK(single.outcome.had_input_errors);
    for (const unsigned jobs : {2u, 3u, 8u}) {
      const auto several = test::evaluated(image, inputs, format, jobs, 700);
      CHECK(several.outcome.had_input_errors);
      CHECK(several.output == single.output);
    }
  }
}

TEST_CASE("the block size changes nothing but the hand-over", "[tools][eval]") {
  const Image image = test::compiled(kSource);
  test::ScratchDir dir;
  const std::string input = dir.write("cases.jsonl", batch(200));
  const auto whole = test::evaluated(image, {input}, tools::OutputFormat::Json, 1, tools::InputSource::kBlockBytes);
  for (const std::size_t block_bytes : {1u, 64u, 4096u}) {
    CHECK(test::evaluated(image, {input}, tools::OutputFormat::Json, 2, block_bytes).output == whole.output);
  }
}

// A stop predicate that says yes from its [calls]-th question on.
std::function<bool()> stop_after(int calls) {
  return [asked = 0, calls]() mutable { return ++asked >= calls; };
}

TEST_CASE("a stopped batch writes the first records whole, counts them and writes no summary", "[tools][eval]") {
  const Image image = test::compiled(kSource);
  test::ScratchDir dir;
  const std::string input = dir.write("cases.jsonl", batch(300));
  for (const unsigned jobs : {1u, 3u}) {
    const auto whole = test::evaluated(image, {input}, tools::OutputFormat::Json, jobs, 512);
    CHECK_FALSE(whole.outcome.stopped);
    CHECK(whole.outcome.records == 300);
    const auto stopped = test::evaluated(image, {input}, tools::OutputFormat::Json, jobs, 512, stop_after(12));
    CHECK(stopped.outcome.stopped);
    CHECK(stopped.outcome.records < 300);
    CHECK(count_of(stopped.output, "\n") == stopped.outcome.records);
    CHECK(whole.output.compare(0, stopped.output.size(), stopped.output) == 0);  // its first records
    const auto csv = test::evaluated(image, {input}, tools::OutputFormat::Csv, jobs, 512, stop_after(12));
    CHECK(count_of(csv.output, "\n") == csv.outcome.records);  // an in-memory writer has no header
    const auto summary = test::evaluated(image, {input}, tools::OutputFormat::Summary, jobs, 512, stop_after(12));
    CHECK(summary.outcome.stopped);
    CHECK(summary.output.empty());
  }
  // Asked before the first block: nothing is written.
  const auto at_once = test::evaluated(image, {input}, tools::OutputFormat::Json, 1, 512, stop_after(1));
  CHECK(at_once.outcome.stopped);
  CHECK(at_once.outcome.records == 0);
  CHECK(at_once.output.empty());
}

TEST_CASE("a batch without bad cases reports no input errors", "[tools][eval]") {
  const Image image = test::compiled(kSource);
  test::ScratchDir dir;
  const std::string input = dir.write("good.jsonl", "{\"fever\": true}\n{\"weight\": \"120 kg\"}\n");
  const auto run = test::evaluated(image, {input}, tools::OutputFormat::Csv, 1, 64);
  CHECK_FALSE(run.outcome.had_input_errors);
}

TEST_CASE("a failed write stops the batch and keeps its errno", "[tools][eval]") {
  const Image image = test::compiled(kSource);
  test::ScratchDir dir;
  const std::string input = dir.write("many.jsonl", batch(500));
  std::FILE* full = std::fopen("/dev/full", "w");
  REQUIRE(full != nullptr);
  for (const unsigned jobs : {1u, 2u}) {
    const auto writer = tools::make_result_writer(tools::OutputFormat::Json, image, full);
    const Program program(image);
    tools::EvalSettings settings;
    settings.inputs = {input};
    settings.jobs = jobs;
    settings.block_bytes = 64;
    tools::evaluate_cases(image, program, settings, *writer);
    CHECK_FALSE(writer->ok());
    CHECK(writer->error_number() == ENOSPC);
  }
  std::fclose(full);
}

}  // namespace
}  // namespace redflag
