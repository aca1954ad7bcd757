// `redflag eval KB CASE...`: evaluate patient cases (JSON, JSON Lines or standard input).
#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <memory>
#include <optional>

#include "compiler/cli/choice_option.hpp"
#include "compiler/cli/kb_input.hpp"
#include "compiler/cli/result_writer.hpp"
#include "compiler/cli/verbs.hpp"
#include "runtime/case_reader.hpp"
#include "runtime/line_reader.hpp"
#include "runtime/next_question.hpp"
#include "runtime/redflag.hpp"

namespace redflag::cli {
namespace {

struct EvalOptions {
  std::string kb;
  std::vector<std::string> cases;
  std::optional<OutputFormat> format;
  DiagnosticsFormat diagnostics_format = DiagnosticsFormat::Text;
  bool ask = false;
};

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Evaluates every case of every input, in order, through one reader, VM and writer.
class CaseEvaluator {
 public:
  CaseEvaluator(const Image& image, ResultWriter& writer)
      : image_(image), program_(image), evaluation_(program_), reader_(image.facts), writer_(writer) {}

  // `--ask`: rank the next questions for every case from now on.
  void ask_questions() { ranker_.emplace(image_, program_); }

  // One case held in [json] from [origin].
  void evaluate_case(std::string_view json, const CaseOrigin& origin) {
    if (!reader_.read(json, facts_, id_, error_)) {
      report(origin, error_.message, error_.field);
      return;
    }
    evaluate(program_, facts_.data(), evaluation_);
    describe_case(image_, evaluation_, facts_.data(), result_);
    if (ranker_) writer_.set_questions(&ranker_->rank(facts_.data(), evaluation_));
    writer_.result(id_, result_);
  }

  // Every line of the JSON Lines stream [fd], named [file] in error records.
  void evaluate_lines(int fd, std::string_view file) {
    LineReader lines(fd);
    std::string_view line;
    std::uint64_t number = 0;
    bool too_long = false;
    std::string read_error;
    while (writer_.ok() && lines.next(line, number, too_long, read_error)) {
      const CaseOrigin origin{file, number};
      if (too_long) {
        id_.clear();
        report(origin, fmt::format("line is longer than the limit of {} bytes", LineReader::kDefaultMaxLine), "");
      } else if (is_blank(line)) {
        id_.clear();
        report(origin, "empty line; JSON Lines needs one case object per line", "");
      } else {
        evaluate_case(line, origin);
      }
    }
    if (!read_error.empty()) {
      id_.clear();
      report({file, number + 1}, "cannot read input: " + read_error, "");
    }
  }

  // A problem with the input itself (no case id can be known): an error record, exit code 2.
  void input_error(std::string_view file, const std::string& message) {
    id_.clear();
    report({file, 0}, message, "");
  }

  bool had_input_errors() const { return had_input_errors_; }

 private:
  void report(const CaseOrigin& origin, std::string_view message, std::string_view field) {
    had_input_errors_ = true;
    writer_.error(id_, origin, message, field);
  }

  const Image& image_;
  Program program_;
  Evaluation evaluation_;
  CaseReader reader_;
  ResultWriter& writer_;
  std::vector<FactValue> facts_;
  std::string id_;
  CaseError error_;
  CaseResult result_;
  std::optional<QuestionRanker> ranker_;
  bool had_input_errors_ = false;
};

// Reads all of [fd] into [contents], stopping once it holds more than [limit] bytes; returns
// the errno text on failure.
std::string read_all(int fd, std::size_t limit, std::string& contents) {
  char chunk[1 << 16];
  while (contents.size() <= limit) {
    const ssize_t got = read(fd, chunk, sizeof chunk);
    if (got == 0) return {};
    if (got < 0) {
      if (errno == EINTR) continue;
      return std::strerror(errno);
    }
    contents.append(chunk, static_cast<std::size_t>(got));
  }
  return {};
}

void evaluate_input(CaseEvaluator& evaluator, const std::string& path) {
  if (path == "-") {
    evaluator.evaluate_lines(STDIN_FILENO, "<stdin>");
    return;
  }
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    evaluator.input_error(path, fmt::format("cannot open `{}`: {}", path, std::strerror(errno)));
    return;
  }
  if (ends_with(path, ".jsonl")) {
    evaluator.evaluate_lines(fd, path);
  } else {
    // One case, so the same limit as one JSON Lines line: memory stays bounded.
    constexpr std::size_t kMaxCase = LineReader::kDefaultMaxLine;
    std::string contents;
    if (const auto error = read_all(fd, kMaxCase, contents); !error.empty()) {
      evaluator.input_error(path, fmt::format("cannot read `{}`: {}", path, error));
    } else if (contents.size() > kMaxCase) {
      evaluator.input_error(path, fmt::format("case file is longer than the limit of {} bytes", kMaxCase));
    } else {
      evaluator.evaluate_case(contents, {path, 0});
    }
  }
  close(fd);
}

int run_eval(const EvalOptions& options) {
  const auto image = load_kb_input({options.kb}, options.diagnostics_format);
  if (!image) return 1;
  // A closed pipe (`| head -1`) must end the run quietly: let write() fail with EPIPE instead.
  std::signal(SIGPIPE, SIG_IGN);
  const OutputFormat format =
      options.format.value_or(isatty(STDOUT_FILENO) ? OutputFormat::Text : OutputFormat::Json);
  const auto writer = make_result_writer(format, *image, stdout);
  CaseEvaluator evaluator(*image, *writer);
  if (options.ask) evaluator.ask_questions();
  for (const auto& path : options.cases) {
    if (!writer->ok()) break;
    evaluate_input(evaluator, path);
  }
  writer->flush();
  return evaluator.had_input_errors() ? 2 : 0;
}

}  // namespace

void add_eval_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<EvalOptions>();
  auto* verb = root.add_subcommand("eval", "Evaluate patient cases against a KB");
  verb->footer(
      "CASE is a .json file (one case), a .jsonl file (one case per line) or - (standard input,\n"
      "read as JSON Lines). Output has one record per case, in input order. Exit 0 when every\n"
      "case was evaluated, 2 when some case had an input error (the others were still\n"
      "evaluated), 1 when the KB or the command line is wrong.");
  verb->add_option("KB", options->kb, "A .rfb file, or a KB source directory or file")->required();
  verb->add_option("CASE", options->cases, "Case files: .json, .jsonl, or - for standard input")
      ->required();
  add_choice_option(*verb, "--format", options->format,
                    "Output format: text (default on a terminal) or json (one object per line)",
                    std::vector<std::pair<std::string, OutputFormat>>{{"text", OutputFormat::Text},
                                                                      {"json", OutputFormat::Json}});
  verb->add_flag("--ask", options->ask,
                 "For incomplete cases, list the unknown facts to ask about, most consequential first");
  add_diagnostics_format_option(*verb, options->diagnostics_format);
  verb->callback([options, &exit_code] { exit_code = run_eval(*options); });
}

}  // namespace redflag::cli
