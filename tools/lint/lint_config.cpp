#include "tools/lint/lint_config.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <cctype>
#include <filesystem>
#include <system_error>

#include "runtime/suggest.hpp"

namespace redflag::tools {
namespace {

namespace fs = std::filesystem;

std::string error_at(const std::string& path, const toml::source_region& where,
                     const std::string& message) {
  return fmt::format("{}:{}:{}: error: {}", path, where.begin.line, where.begin.column, message);
}

// Checks one `id = "level"` entry of [lints] into [config]; returns an error or "".
std::string read_entry(const std::string& path, const toml::key& key, const toml::node& value,
                       LintConfig& config) {
  const auto lint = lint::find_lint(key.str());
  if (!lint) {
    std::vector<std::string_view> ids;
    for (const auto& info : lint::lint_catalog()) ids.push_back(info.id);
    return error_at(path, key.source(),
                    fmt::format("unknown lint `{}`{}", key.str(), did_you_mean(key.str(), ids)));
  }
  const auto* text = value.as_string();
  const auto level = text ? lint::parse_level(text->get()) : std::nullopt;
  if (!level) {
    return error_at(path, value.source(),
                    fmt::format("the level of `{}` must be \"off\", \"warning\" or \"error\"",
                                key.str()));
  }
  config.levels[static_cast<std::size_t>(*lint)] = *level;
  return {};
}

}  // namespace

LintConfig read_lint_config(const std::string& path) {
  LintConfig config;
  for (const auto& info : lint::lint_catalog()) config.levels.push_back(info.default_level);
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    config.error = fmt::format("{}: error: cannot read the lint config file", path);
    return config;
  }
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& bad) {
    std::string description(bad.description());
    if (!description.empty()) description[0] = static_cast<char>(std::tolower(description[0]));
    config.error = error_at(path, bad.source(), "invalid TOML: " + description);
    return config;
  }
  for (const auto& [key, node] : table) {
    if (key.str() != "lints" || !node.is_table()) {
      config.error = error_at(path, key.source(),
                              fmt::format("unexpected `{}`; the config has one table, `[lints]`",
                                          key.str()));
      return config;
    }
    for (const auto& [id, value] : *node.as_table()) {
      config.error = read_entry(path, id, value, config);
      if (!config.error.empty()) return config;
    }
  }
  return config;
}

std::string find_lint_config(const std::vector<std::string>& kb_paths) {
  if (kb_paths.empty()) return {};
  std::error_code error;
  const fs::path first(kb_paths.front());
  const fs::path directory = fs::is_directory(first, error) ? first : first.parent_path();
  const fs::path candidate = directory / kLintConfigName;
  return fs::is_regular_file(candidate, error) ? candidate.string() : std::string();
}

}  // namespace redflag::tools
