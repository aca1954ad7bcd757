// `--format text`: a readable report per case (docs/cli.md#eval-text).
#include <iterator>

#include "compiler/cli/case_view.hpp"
#include "compiler/cli/result_writer.hpp"

namespace redflag::cli {
namespace {

class TextWriter final : public ResultWriter {
 public:
  TextWriter(const Image& image, std::FILE* out) : ResultWriter(image, out) {}

  void result(std::string_view id, const std::vector<FactValue>& facts,
              const Evaluation& evaluation) override {
    const CaseView view = view_case(image_, evaluation);
    put("case {}: urgency {}, {}\n", id.empty() ? "(no id)" : id,
        image_.levels.at(evaluation.urgency),
        evaluation.complete ? "complete" : "incomplete: some flags could not be decided");
    if (view.fired.empty()) put("  no red flag fired\n");
    for (const auto index : view.fired) write_fired(image_.flags[index], facts);
    for (const auto index : view.undetermined) write_undetermined(image_.flags[index], facts);
    if (!view.topics.empty()) {
      put("  read more:\n");
      for (const auto index : view.topics) {
        put("    - {} ({})\n", image_.topics[index].title, image_.topics[index].name);
      }
    }
    put("  kb: {} {} (hash {})\n\n", image_.meta.id, image_.meta.version,
        hash_hex(image_).substr(0, 16));
    record_done();
  }

  void error(std::string_view id, const CaseOrigin& origin, std::string_view message,
             std::string_view field) override {
    const std::string where = origin.line > 0 ? fmt::format("{}:{}", origin.file, origin.line)
                                              : std::string(origin.file);
    put("case {} ({}): error: {}", id.empty() ? "(no id)" : id, where, message);
    if (!field.empty()) put(" [field `{}`]", field);
    put("\n\n");
    record_done();
  }

 private:
  template <typename... Args>
  void put(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
  }

  void write_fired(const ImageFlag& flag, const std::vector<FactValue>& facts) {
    put("  FIRED [{}] {}: {}\n", image_.levels.at(flag.level), flag.name, flag.title);
    if (!flag.because.empty()) put("    why: {}\n", flag.because);
    for (const auto fact : evidence_of(flag, facts)) {
      put("    evidence: {} = {}\n", image_.facts[fact].name,
          display_value(image_.facts[fact], facts[fact]));
    }
    for (const auto& advice : flag.advice) put("    advice: {}\n", advice);
    for (const auto& cite : flag.cites) {
      put("    source: {}{}{}\n", image_.meta.sources.at(cite.source).title,
          cite.section.empty() ? "" : ", ", cite.section);
    }
  }

  void write_undetermined(const ImageFlag& flag, const std::vector<FactValue>& facts) {
    put("  UNDETERMINED [{}] {}: {}\n", image_.levels.at(flag.level), flag.name, flag.title);
    for (const auto fact : needs_of(flag, facts)) {
      const auto& entry = image_.facts[fact];
      if (entry.ask.empty()) {
        put("    needs: {}\n", entry.name);
      } else {
        put("    needs: {}: ask \"{}\"\n", entry.name, entry.ask);
      }
    }
  }
};

}  // namespace

std::unique_ptr<ResultWriter> make_text_writer(const Image& image, std::FILE* out) {
  return std::make_unique<TextWriter>(image, out);
}

}  // namespace redflag::cli
