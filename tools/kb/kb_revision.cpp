#include "tools/kb/kb_revision.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "compiler/source_tree.hpp"
#include "tools/kb/child_process.hpp"

namespace redflag::tools {
namespace {

// The first line of git's complaint, for our error message.
std::string first_line(const std::string& text) {
  const auto end = text.find('\n');
  return text.substr(0, end);
}

// A KB that cannot be used, for [message].
LoadedKb failed(std::string message) {
  LoadedKb kb;
  kb.error = LoadError{LoadError::Kind::Input, std::move(message)};
  return kb;
}

// The files under [path] at [revision] in the checkout at [top], as `git ls-tree` lists them.
// On failure, [error] says why and the result is empty.
std::optional<std::vector<std::string>> list_files(const std::string& top, const std::string& revision,
                                                   const std::string& path, std::string& error) {
  const ProcessResult listed = run_process({"git", "-C", top, "ls-tree", "-r", "-z", "--name-only", revision, "--", path});
  if (!listed.ok()) {
    error = fmt::format("cannot list `{}` at git revision `{}`: {}", path, revision,
                        first_line(listed.err.empty() ? listed.error : listed.err));
    return std::nullopt;
  }
  std::vector<std::string> files;
  for (std::size_t begin = 0; begin < listed.out.size();) {
    const auto end = listed.out.find('\0', begin);
    files.push_back(listed.out.substr(begin, end - begin));
    begin = end == std::string::npos ? listed.out.size() : end + 1;
  }
  return files;
}

LoadedKb load_from_git(const std::string& argument, const std::string& revision, std::string path) {
  const ProcessResult top = run_process({"git", "rev-parse", "--show-toplevel"});
  if (!top.ok()) {
    return failed(fmt::format("`{}` is not a file or directory, and not a git revision here: {}", argument,
               top.started ? "not inside a git checkout" : "cannot run git: " + top.error));
  }
  const std::string root = top.out.substr(0, top.out.find('\n'));
  // A leading `-` would reach git as an option.
  if (revision.front() == '-') {
    return failed(fmt::format("`{}` is not a git revision name", revision));
  }
  if (path.empty()) path = ".";
  if (!run_process({"git", "-C", root, "rev-parse", "--verify", "--quiet", revision + "^{commit}"}).ok()) {
    return failed(fmt::format("unknown git revision `{}` (in `{}`)", revision, argument));
  }
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  std::string list_error;
  auto files = list_files(root, revision, path, list_error);
  if (!files) return failed(list_error);
  if (files->empty()) {
    return failed(fmt::format("`{}` does not exist at git revision `{}`", path, revision));
  }
  const bool single = files->size() == 1 && (*files)[0] == path;
  std::vector<SourceFile> sources;
  for (const auto& file : *files) {
    if (!single && std::filesystem::path(file).extension() != ".rf") continue;
    const ProcessResult blob = run_process({"git", "-C", root, "cat-file", "blob", revision + ":" + file});
    if (!blob.ok()) {
      return failed(fmt::format("cannot read `{}` at git revision `{}`: {}", file, revision, first_line(blob.err)));
    }
    sources.push_back({revision + ":" + file, blob.out, relative_source_name(file, path)});
  }
  if (sources.empty()) {
    return failed(fmt::format("no `.rf` files under `{}` at git revision `{}`", path, revision));
  }
  return open_kb(KbSource{{}, std::move(sources), argument});
}

}  // namespace

LoadedKb load_kb_revision(const std::string& argument) {
  std::error_code error;
  const auto colon = argument.find(':');
  if (std::filesystem::exists(argument, error) || colon == std::string::npos || colon == 0) {
    return load_kb({argument});
  }
  return load_from_git(argument, argument.substr(0, colon), argument.substr(colon + 1));
}

}  // namespace redflag::tools
