// `redflag eval KB CASE...`: evaluate patient cases (JSON, JSON Lines or standard input).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <ctime>
#include <memory>
#include <optional>

#include "cli/choice_option.hpp"
#include "cli/diagnostics_output.hpp"
#include "cli/eval_progress.hpp"
#include "cli/standard_output.hpp"
#include "cli/interrupt.hpp"
#include "cli/verbs.hpp"
#include "runtime/vm.hpp"
#include "tools/eval/eval_pipeline.hpp"
#include "tools/fhir/fhir_input.hpp"
#include "tools/fhir/fhir_time.hpp"
#include "tools/kb/kb_loader.hpp"

namespace redflag::cli {
namespace {

using tools::OutputFormat;

struct EvalOptions {
  std::string kb;
  std::vector<std::string> cases;
  std::optional<OutputFormat> format;
  tools::InputFormat input_format = tools::InputFormat::Auto;
  DiagnosticsStyle diagnostics;
  bool ask = false;
  bool quiet = false;
  unsigned jobs = 1;
  std::string now;  // --now, a FHIR dateTime; empty: the clock
};

// `--input-format fhir`: each input mapped by the KB's bindings, every issue a warning naming
// the input and the element's path. False (after an error) when --now is not a dateTime.
bool set_fhir_translation(const EvalOptions& options, const Image& image, tools::EvalSettings& settings) {
  tools::fhir::FhirOptions fhir;
  fhir.now = static_cast<std::int64_t>(std::time(nullptr));
  if (!options.now.empty()) {
    const auto now = tools::fhir::parse_fhir_time(options.now);
    if (!now) {
      print_error(fmt::format("--now `{}` is not a FHIR dateTime such as 2026-12-02T10:00:00Z", options.now));
      return false;
    }
    fhir.now = *now;
  }
  const std::vector<std::string>& inputs = options.cases;
  settings.translate = tools::fhir::fhir_translator(image, fhir, [&inputs](std::uint32_t input, const tools::fhir::FhirIssue& issue) {
    print_warning(fmt::format("{}: {}: {}", inputs[input] == "-" ? "<stdin>" : inputs[input], issue.path, issue.message));
  });
  return true;
}

int run_eval(const EvalOptions& options) {
  const auto kb = tools::load_kb({options.kb});
  if (!report_load(kb, options.diagnostics)) return 1;
  const Image& image = *kb.image;
  tools::EvalSettings settings;
  settings.inputs = options.cases;
  settings.format = options.format.value_or(isatty(STDOUT_FILENO) ? OutputFormat::Text : OutputFormat::Json);
  settings.input_format = options.input_format;
  settings.jobs = options.jobs;
  settings.ask = options.ask;
  if (options.input_format == tools::InputFormat::Fhir && !set_fhir_translation(options, image, settings)) return 1;
  settings.color = use_color(options.diagnostics.color, STDOUT_FILENO);
  std::optional<EvalProgress> progress;
  if (progress_wanted(options.quiet, settings.format)) {
    progress.emplace();
    settings.progress = [&progress](const tools::EvalOutcome& so_far) { progress->update(so_far); };
  }
  // A summary is held back until the progress line is cleared, so that it does not land on it.
  const bool hold_summary = progress && settings.format == OutputFormat::Summary;
  const auto writer = tools::make_result_writer(settings.format, image, hold_summary ? nullptr : stdout);
  const Program program(image);
  catch_interrupts();
  settings.stop_requested = [] { return interrupt_signal() != 0; };
  tools::EvalOutcome outcome;
  try {
    outcome = tools::evaluate_cases(image, program, settings, *writer);
  } catch (const tools::ThreadStartError& error) {
    progress.reset();
    print_error(error.what());
    return 1;
  }
  progress.reset();
  if (hold_summary) print_output(std::string_view(writer->buffer().data(), writer->buffer().size()));
  if (!writer->ok()) note_output_error(writer->error_number());
  if (const int signal_number = interrupt_signal()) {
    return report_interrupted_batch(signal_number, outcome.records,
                                    outcome.stopped && settings.format == OutputFormat::Summary);
  }
  return outcome.had_input_errors ? 2 : 0;
}

}  // namespace

void add_eval_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<EvalOptions>();
  auto* verb = root.add_subcommand("eval", "Evaluate patient cases against a KB");
  verb->footer(
      "CASE is a file or - (standard input): one JSON case, or JSON Lines (one case per line),\n"
      "told apart by content (see --input-format). Output has one record per case, in input\n"
      "order. Exit 0 when every case was evaluated, 2 when some case had an input error (the\n"
      "others were still evaluated), 1 when the KB or the command line is wrong.");
  verb->add_option("KB", options->kb, "A .rfb file, or a KB source directory or file")->required();
  verb->add_option("CASE", options->cases, "Case files (JSON or JSON Lines), or - for standard input")
      ->required();
  add_choice_option(*verb, "--input-format", options->input_format,
                    "How CASE inputs are framed: auto (default: a first value that spans lines is one JSON "
                    "case, one followed by more is JSON Lines), json (each input is one case), jsonl, or fhir "
                    "(each input is a FHIR R4 Bundle, QuestionnaireResponse, resource or CDS Hooks request, "
                    "mapped by the KB's fhir bindings)",
                    std::vector<std::pair<std::string, tools::InputFormat>>{{"auto", tools::InputFormat::Auto},
                                                                            {"json", tools::InputFormat::Json},
                                                                            {"jsonl", tools::InputFormat::JsonLines},
                                                                            {"fhir", tools::InputFormat::Fhir}});
  verb->add_option("--now", options->now,
                   "With --input-format fhir: the instant look-back windows and ages end at, a FHIR dateTime "
                   "(default: the clock)");
  add_choice_option(*verb, "--format", options->format,
                    "Output format: text (default on a terminal), json (one object per line), csv (one "
                    "row per case) or summary (counts only)",
                    std::vector<std::pair<std::string, OutputFormat>>{{"text", OutputFormat::Text},
                                                                      {"json", OutputFormat::Json},
                                                                      {"csv", OutputFormat::Csv},
                                                                      {"summary", OutputFormat::Summary}});
  verb->add_option("--jobs,-j", options->jobs, "Evaluate on N threads (1 to 256); output stays in input order")
      ->type_name("N")
      ->check(CLI::Range(1u, 256u));
  verb->add_flag("--ask", options->ask,
                 "For incomplete cases, list the unknown facts to ask about, most consequential first");
  verb->add_flag("--quiet,-q", options->quiet, "No progress line on standard error");
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] { exit_code = run_eval(*options); });
}

}  // namespace redflag::cli
