// `--format text`: a readable report per case (docs/cli.md#eval-text).
#include <iterator>
#include <string_view>
#include <type_traits>

#include "tools/eval/fact_display.hpp"
#include "tools/eval/question_text.hpp"
#include "tools/eval/result_writer.hpp"
#include "runtime/sha256.hpp"
#include "runtime/visible_text.hpp"

namespace redflag::tools {
namespace {

// A string argument of the text report, formatted through visible_text (copied only when it
// holds something to escape).
struct Visible {
  Visible(std::string_view value, Keep kept = Keep::Nothing) : text(value), keep(kept) {}  // NOLINT: implicit
  std::string_view text;
  Keep keep;  // a multi-line text keeps its line feeds
};

// What put formats an argument of type T as: strings as Visible, anything else as it is.
template <typename T>
using Shown = std::conditional_t<std::is_convertible_v<const T&, std::string_view>, Visible, const T&>;

}  // namespace
}  // namespace redflag::tools

template <>
struct fmt::formatter<redflag::tools::Visible> : fmt::formatter<fmt::string_view> {
  auto format(const redflag::tools::Visible& value, fmt::format_context& context) const {
    if (!redflag::needs_escapes(value.text, value.keep)) {
      return fmt::formatter<fmt::string_view>::format(value.text, context);
    }
    return fmt::formatter<fmt::string_view>::format(redflag::visible_text(value.text, value.keep), context);
  }
};

namespace redflag::tools {
namespace {

class TextWriter final : public ResultWriter {
 public:
  TextWriter(const Image& image, std::FILE* out) : ResultWriter(image, out) {}

  void result(std::string_view id, const Evaluation& evaluation, const FactValue* facts) override {
    describe_case(image_, evaluation, facts, result_);
    numbers_ = &evaluation.numbers;
    const CaseResult& result = result_;
    paint(kBold);
    put("case {}: urgency {}", id.empty() ? "(no id)" : id, result.urgency_name);
    paint(kReset);
    put(", {}\n", result.complete ? "complete" : "incomplete: some flags could not be decided");
    if (result.fired.empty()) put("  no red flag fired\n");
    for (const auto* fired : fired_by_urgency(image_, result)) write_fired(*fired);
    for (const auto* open : undetermined_by_urgency(image_, result)) write_undetermined(*open);
    write_scores(evaluation, facts);
    if (questions_ != nullptr && !questions_->empty()) write_questions(*questions_, evaluation.urgency);
    if (!result.topics.empty()) {
      put("  read more:\n");
      for (const auto index : result.topics) {
        put("    - {} ({})\n", image_.topics[index].title, image_.topics[index].name);
      }
    }
    put("  kb: {} {} (hash {})\n\n", image_.meta.id, image_.meta.version,
        to_hex(image_.content_hash).substr(0, 16));
    record_done();
  }

  void error(std::string_view id, const CaseOrigin& origin, std::string_view message,
             std::string_view field) override {
    const std::string where = origin.line > 0 ? fmt::format("{}:{}", origin.file, origin.line)
                                              : std::string(origin.file);
    put("case {} ({}): ", id.empty() ? "(no id)" : id, where);
    paint(kRed);
    put("error");
    paint(kReset);
    put(": {}", message);
    if (!field.empty()) put(" [field `{}`]", field);
    put("\n\n");
    record_done();
  }

 private:
  CaseResult result_;  // the current case, its storage reused
  const std::vector<Interval>* numbers_ = nullptr;  // the current case's numeric values

  // "  score news2 = 8", or its bounds and the facts that could decide it.
  void write_scores(const Evaluation& evaluation, const FactValue* facts) {
    for (std::uint32_t slot = 0; slot < image_.numbers.size(); ++slot) {
      const ImageNumber& score = image_.numbers[slot];
      if (score.kind != NumberKind::Score) continue;
      const Interval& value = evaluation.numbers[slot];
      if (value.lo == value.hi) {
        put("  score {} = {}\n", score.name, display_range(value, score.unit));
        continue;
      }
      std::string needs;
      for (const auto fact : score.facts) {
        if (!facts[fact].known) needs += (needs.empty() ? "" : ", ") + image_.facts[fact].name;
      }
      put("  score {}: {} (needs {})\n", score.name, display_range(value, score.unit), needs);
    }
  }

  // Formats into the record, every string argument (ids, names, titles, messages: input) shown
  // through visible_text so that no control character reaches the terminal.
  // An ANSI SGR sequence, straight into the record (put would escape it), when colouring.
  static constexpr std::string_view kBold = "\x1b[1m", kRed = "\x1b[1;31m", kYellow = "\x1b[1;33m", kReset = "\x1b[0m";
  void paint(std::string_view sgr) {
    if (color_) buffer_.append(sgr.data(), sgr.data() + sgr.size());
  }

  template <typename... Args>
  void put(fmt::format_string<Shown<Args>...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, Shown<Args>(args)...);
  }

  void write_fired(const FiredFlag& fired) {
    const ImageFlag& flag = image_.flags[fired.flag_id];
    put("  ");
    paint(kRed);
    put("FIRED");
    paint(kReset);
    put(" [{}] {}: {}\n", image_.levels.at(flag.level), flag.name, flag.title);
    if (!flag.because.empty()) {
      put("    why: {}\n", Visible(indent_continuation(flag.because, "         "), Keep::TabsAndLineFeeds));
    }
    for (const auto& evidence : fired.evidence) {
      put("    evidence: {} = {}\n", evidence.fact,
          display_value(image_.facts[evidence.fact_id], evidence.value));
    }
    for (const auto slot : flag.numbers) {
      const ImageNumber& number = image_.numbers[slot];
      put("    evidence: {} = {}\n", number.name, display_range(numbers_->at(slot), number.unit));
    }
    for (const auto& advice : flag.advice) put("    advice: {}\n", advice);
    for (const auto& cite : flag.cites) {
      put("    source: {}{}{}\n", image_.meta.sources.at(cite.source).title,
          cite.section.empty() ? "" : ", ", cite.section);
    }
  }

  void write_undetermined(const UndeterminedFlag& open) {
    const ImageFlag& flag = image_.flags[open.flag_id];
    put("  ");
    paint(kYellow);
    put("UNDETERMINED");
    paint(kReset);
    put(" [{}] {}: {}\n", image_.levels.at(flag.level), flag.name, flag.title);
    if (open.needs.empty()) {
      put("    needs: no fact: the condition is unknown with every fact it reads known (a division by zero, or `unknown`)\n");
    }
    for (const auto fact : open.needs) {
      const auto& entry = image_.facts[fact];
      if (entry.ask.empty()) {
        put("    needs: {}\n", entry.name);
      } else {
        put("    needs: {}: ask \"{}\"\n", entry.name, entry.ask);
      }
    }
  }

  // `eval --ask`: the unknown facts, most consequential first, each with its question and
  // what its answer could do (tools/eval/question_text.hpp) in a case at [urgency].
  void write_questions(const std::vector<Question>& questions, std::uint32_t urgency) {
    put("  ask next:\n");
    for (const Question& question : questions) {
      const ImageFact& fact = image_.facts[question.fact_id];
      put("    - {}{}\n", fact.name, fact.ask.empty() ? "" : ": \"" + fact.ask + "\"");
      for (const auto& line : question_effects(image_, question, urgency)) put("      {}\n", line);
    }
  }
};

}  // namespace

std::unique_ptr<ResultWriter> make_text_writer(const Image& image, std::FILE* out) {
  return std::make_unique<TextWriter>(image, out);
}

}  // namespace redflag::tools
