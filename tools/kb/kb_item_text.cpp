#include "tools/kb/kb_item_text.hpp"

#include <fmt/format.h>

#include <iterator>
#include <vector>

#include "runtime/condition_text.hpp"
#include "runtime/suggest.hpp"
#include "runtime/visible_text.hpp"
#include "tools/eval/fact_display.hpp"

namespace redflag::tools {
namespace {

using Out = std::back_insert_iterator<fmt::memory_buffer>;

void append_citations(Out out, const Image& image, const std::vector<ImageCitation>& cites) {
  for (const auto& cite : cites) {
    const auto& source = image.meta.sources.at(cite.source);
    fmt::format_to(out, "  source: {}{}{}{}\n", source.title, cite.section.empty() ? "" : ", ", cite.section,
                   source.url.empty() ? "" : fmt::format(" <{}>", source.url));
  }
}

void append_flag(Out out, const Image& image, const ImageFlag& flag) {
  fmt::format_to(out, "flag {} [{}]: {}\n", flag.name, image.levels.at(flag.level), flag.title);
  fmt::format_to(out, "  defined at {}:{}\n", flag.file, flag.line);
  if (!flag.because.empty()) fmt::format_to(out, "  why: {}\n", indent_continuation(flag.because, "       "));
  for (const auto fact : flag.facts) {
    const auto& entry = image.facts[fact];
    fmt::format_to(out, "  reads: {}{}{}\n", entry.name, entry.means.empty() ? "" : " (" + entry.means + ")",
                   entry.ask.empty() ? "" : "; ask \"" + entry.ask + "\"");
  }
  for (const auto& advice : flag.advice) fmt::format_to(out, "  advice: {}\n", advice);
  append_citations(out, image, flag.cites);
  for (const auto topic : flag.see) {
    fmt::format_to(out, "  see: {} ({})\n", image.topics[topic].title, image.topics[topic].name);
  }
}

void append_topic(Out out, const Image& image, const ImageTopic& topic) {
  fmt::format_to(out, "topic {}: {}\n", topic.name, topic.title);
  append_citations(out, image, topic.cites);
  fmt::format_to(out, "\n  {}\n", indent_continuation(topic.body, "  "));
}

// A score with what it reads and each item's rows, decompiled from the bytecode.
void append_score(Out out, const Image& image, std::uint32_t slot) {
  const ImageNumber& score = image.numbers[slot];
  fmt::format_to(out, "score {}{}{}\n", score.name, score.title.empty() ? "" : ": ", score.title);
  for (const auto fact : score.facts) fmt::format_to(out, "  reads: {}\n", image.facts[fact].name);
  const ConditionTexts texts = decompile_conditions(image);
  for (std::uint32_t item = 0; item < image.numbers.size(); ++item) {
    if (image.numbers[item].kind != NumberKind::Item || image.numbers[item].score != slot) continue;
    fmt::format_to(out, "  item {}: {}\n", image.numbers[item].name, texts.numbers[item]);
  }
  append_citations(out, image, score.cites);
}

}  // namespace

std::optional<std::string> describe_item(const Image& image, std::string_view name) {
  fmt::memory_buffer text;
  bool found = false;
  for (const auto& flag : image.flags) {
    if (flag.name != name) continue;
    append_flag(std::back_inserter(text), image, flag);
    found = true;
  }
  for (const auto& topic : image.topics) {
    if (topic.name != name) continue;
    if (found) fmt::format_to(std::back_inserter(text), "\n");
    append_topic(std::back_inserter(text), image, topic);
    found = true;
  }
  for (std::uint32_t slot = 0; slot < image.numbers.size(); ++slot) {
    if (image.numbers[slot].kind != NumberKind::Score || image.numbers[slot].name != name) continue;
    if (found) fmt::format_to(std::back_inserter(text), "\n");
    append_score(std::back_inserter(text), image, slot);
    found = true;
  }
  if (!found) return std::nullopt;
  // Names, titles and texts come from the image: no control character reaches the terminal.
  return visible_text(fmt::to_string(text), Keep::TabsAndLineFeeds);
}

std::string unknown_item_message(const Image& image, std::string_view name) {
  std::vector<std::string_view> names;
  for (const auto& flag : image.flags) names.push_back(flag.name);
  for (const auto& topic : image.topics) names.push_back(topic.name);
  for (const auto& number : image.numbers) {
    if (number.kind == NumberKind::Score) names.push_back(number.name);
  }
  return fmt::format("no flag, topic or score `{}` in KB `{}`{}", name, image.meta.id, did_you_mean(name, names));
}

}  // namespace redflag::tools
