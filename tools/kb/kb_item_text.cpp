#include "tools/kb/kb_item_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

#include "compiler/written_text.hpp"

#include "runtime/condition_text.hpp"
#include "runtime/number_text.hpp"
#include "runtime/suggest.hpp"
#include "runtime/visible_text.hpp"
#include "tools/eval/fact_display.hpp"

namespace redflag::tools {
namespace {

using Out = std::back_insert_iterator<fmt::memory_buffer>;

// Where conditions come from: the sources as written when at hand, else the bytecode.
struct Conditions {
  const FrontendResult* sources;
  ConditionTexts decompiled;

  // The text of the condition of the declaration named [name] in [declarations] (flags,
  // topics or defines of the sources), or [fallback] without sources.
  template <typename Declaration>
  std::string of(const std::vector<Declaration> ast::Kb::*declarations, std::string_view name,
                 const std::string& fallback) const {
    if (sources == nullptr) return fallback;
    for (const auto& declaration : sources->kb.*declarations) {
      if (declaration.name != name || !declaration.condition) continue;
      const auto& condition = *declaration.condition;
      return written_text(sources->files.at(condition.span.begin.file_id).text, condition);
    }
    return fallback;
  }
};

void append_citations(Out out, const Image& image, const std::vector<ImageCitation>& cites) {
  for (const auto& cite : cites) {
    const auto& source = image.meta.sources.at(cite.source);
    fmt::format_to(out, "  source: {}{}{}{}\n", source.title, cite.section.empty() ? "" : ", ", cite.section,
                   source.url.empty() ? "" : fmt::format(" <{}>", source.url));
  }
}

void append_flag(Out out, const Image& image, const Conditions& conditions, std::uint32_t index) {
  const ImageFlag& flag = image.flags[index];
  fmt::format_to(out, "flag {} [{}]: {}\n", flag.name, image.levels.at(flag.level), flag.title);
  fmt::format_to(out, "  defined at {}:{}\n", flag.file, flag.line);
  fmt::format_to(out, "  when: {}\n", conditions.of(&ast::Kb::flags, flag.name, conditions.decompiled.flags[index]));
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

void append_topic(Out out, const Image& image, const Conditions& conditions, std::uint32_t index) {
  const ImageTopic& topic = image.topics[index];
  fmt::format_to(out, "topic {}: {}\n", topic.name, topic.title);
  if (topic.has_condition) {
    fmt::format_to(out, "  when: {}\n",
                   conditions.of(&ast::Kb::topics, topic.name, conditions.decompiled.topics[index]));
  }
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

// `quantity in Cel between 30 and 45`: the fact's type, canonical unit and declared range.
std::string fact_type(const ImageFact& fact) {
  static constexpr const char* kTypes[] = {"bool", "number", "quantity", "one of", "text", "integer"};
  std::string out = kTypes[static_cast<std::size_t>(fact.type)];
  for (std::size_t i = 0; i < fact.values.size(); ++i) out += (i == 0 ? " " : ", ") + fact.values[i];
  const std::string unit = fact.unit.empty() ? "" : " " + fact.unit;
  if (!fact.unit.empty()) out += " in" + unit;
  // The language declares a range with both bounds (`between`) or none.
  if (!std::isnan(fact.min) && !std::isnan(fact.max)) {
    out += fmt::format(" between {}{} and {}{}", number_text(fact.min), unit, number_text(fact.max), unit);
  }
  return out;
}

void append_fact(Out out, const Image& image, std::uint32_t index) {
  const ImageFact& fact = image.facts[index];
  fmt::format_to(out, "fact {}: {}\n", fact.name, fact_type(fact));
  if (!fact.ask.empty()) fmt::format_to(out, "  ask: \"{}\"\n", fact.ask);
  if (!fact.means.empty()) fmt::format_to(out, "  means: {}\n", fact.means);
  for (const auto& flag : image.flags) {
    if (std::find(flag.facts.begin(), flag.facts.end(), index) == flag.facts.end()) continue;
    fmt::format_to(out, "  read by: flag {} [{}]\n", flag.name, image.levels.at(flag.level));
  }
}

}  // namespace

std::optional<std::string> describe_item(const Image& image, std::string_view name,
                                         const FrontendResult* sources) {
  fmt::memory_buffer text;
  bool found = false;
  const Conditions conditions{sources, decompile_conditions(image)};
  // Starts the next item, a blank line after the one before.
  const auto next = [&] {
    if (found) fmt::format_to(std::back_inserter(text), "\n");
    found = true;
    return std::back_inserter(text);
  };
  for (std::uint32_t i = 0; i < image.flags.size(); ++i) {
    if (image.flags[i].name == name) append_flag(next(), image, conditions, i);
  }
  for (std::uint32_t i = 0; i < image.topics.size(); ++i) {
    if (image.topics[i].name == name) append_topic(next(), image, conditions, i);
  }
  for (std::uint32_t slot = 0; slot < image.numbers.size(); ++slot) {
    if (image.numbers[slot].kind != NumberKind::Score || image.numbers[slot].name != name) continue;
    append_score(next(), image, slot);
  }
  for (std::uint32_t i = 0; i < image.facts.size(); ++i) {
    if (image.facts[i].name == name) append_fact(next(), image, i);
  }
  for (std::uint32_t i = 0; i < image.defines.size(); ++i) {
    if (image.defines[i].name != name) continue;
    fmt::format_to(next(), "define {} = {}\n", name,
                   conditions.of(&ast::Kb::defines, name, conditions.decompiled.defines[i]));
  }
  for (std::uint32_t slot = 0; slot < image.numbers.size(); ++slot) {
    if (image.numbers[slot].kind != NumberKind::Define || image.numbers[slot].name != name) continue;
    fmt::format_to(next(), "define {} = {}\n", name,
                   conditions.of(&ast::Kb::defines, name, conditions.decompiled.numbers[slot]));
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
    if (number.kind != NumberKind::Item) names.push_back(number.name);
  }
  for (const auto& fact : image.facts) names.push_back(fact.name);
  for (const auto& define : image.defines) names.push_back(define.name);
  return fmt::format("no flag, topic, score, fact or define `{}` in KB `{}`{}", name, image.meta.id,
                     did_you_mean(name, names));
}

}  // namespace redflag::tools
