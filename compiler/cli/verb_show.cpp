// `redflag show KB NAME`: print one flag or topic with all of its content.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

#include "compiler/cli/fact_display.hpp"
#include "compiler/cli/kb_input.hpp"
#include "compiler/cli/verbs.hpp"
#include "runtime/suggest.hpp"

namespace redflag::cli {
namespace {

struct ShowOptions {
  std::string kb;
  std::string name;
  DiagnosticsFormat diagnostics_format = DiagnosticsFormat::Text;
};

void print_citations(const Image& image, const std::vector<ImageCitation>& cites) {
  for (const auto& cite : cites) {
    const auto& source = image.meta.sources.at(cite.source);
    fmt::print("  source: {}{}{}{}\n", source.title, cite.section.empty() ? "" : ", ", cite.section,
               source.url.empty() ? "" : fmt::format(" <{}>", source.url));
  }
}

void print_flag(const Image& image, const ImageFlag& flag) {
  fmt::print("flag {} [{}]: {}\n", flag.name, image.levels.at(flag.level), flag.title);
  fmt::print("  defined at {}:{}\n", flag.file, flag.line);
  if (!flag.because.empty()) fmt::print("  why: {}\n", indent_continuation(flag.because, "       "));
  for (const auto fact : flag.facts) {
    const auto& entry = image.facts[fact];
    fmt::print("  reads: {}{}{}\n", entry.name, entry.means.empty() ? "" : " (" + entry.means + ")",
               entry.ask.empty() ? "" : "; ask \"" + entry.ask + "\"");
  }
  for (const auto& advice : flag.advice) fmt::print("  advice: {}\n", advice);
  print_citations(image, flag.cites);
  for (const auto topic : flag.see) {
    fmt::print("  see: {} ({})\n", image.topics[topic].title, image.topics[topic].name);
  }
}

void print_topic(const Image& image, const ImageTopic& topic) {
  fmt::print("topic {}: {}\n", topic.name, topic.title);
  print_citations(image, topic.cites);
  fmt::print("\n  {}\n", indent_continuation(topic.body, "  "));
}

int run_show(const ShowOptions& options) {
  const auto image = load_kb_input({options.kb}, options.diagnostics_format);
  if (!image) return 1;
  bool found = false;
  std::vector<std::string_view> names;
  for (const auto& flag : image->flags) {
    names.push_back(flag.name);
    if (flag.name != options.name) continue;
    print_flag(*image, flag);
    found = true;
  }
  for (const auto& topic : image->topics) {
    names.push_back(topic.name);
    if (topic.name != options.name) continue;
    if (found) fmt::print("\n");
    print_topic(*image, topic);
    found = true;
  }
  if (found) return 0;
  fmt::print(stderr, "error: no flag or topic `{}` in KB `{}`{}\n", options.name, image->meta.id,
             did_you_mean(options.name, names));
  return 1;
}

}  // namespace

void add_show_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<ShowOptions>();
  auto* verb = root.add_subcommand("show", "Print a flag or a topic of a KB with its content");
  verb->footer("Exit 0 when NAME was found, 1 otherwise (with the nearest names suggested).");
  verb->add_option("KB", options->kb, "A .rfb file, or a KB source directory or file")->required();
  verb->add_option("NAME", options->name, "The id of a flag or a topic")->required();
  add_diagnostics_format_option(*verb, options->diagnostics_format);
  verb->callback([options, &exit_code] { exit_code = run_show(*options); });
}

}  // namespace redflag::cli
