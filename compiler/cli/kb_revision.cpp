#include "compiler/cli/kb_revision.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "compiler/cli/child_process.hpp"
#include "compiler/frontend.hpp"
#include "runtime/format.hpp"
#include "runtime/loader.hpp"

namespace redflag::cli {
namespace {

// The first line of git's complaint, for our error message.
std::string first_line(const std::string& text) {
  const auto end = text.find('\n');
  return text.substr(0, end);
}

bool has_magic(const std::string& bytes) {
  return bytes.size() >= kMagic.size() &&
         std::equal(kMagic.begin(), kMagic.end(), reinterpret_cast<const unsigned char*>(bytes.data()));
}

// The files under [path] at [revision] in the checkout at [top], as `git ls-tree` lists them.
std::optional<std::vector<std::string>> list_files(const std::string& top, const std::string& revision,
                                                   const std::string& path) {
  const ProcessResult listed = run_process({"git", "-C", top, "ls-tree", "-r", "-z", "--name-only", revision, "--", path});
  if (!listed.ok()) {
    fmt::print(stderr, "error: cannot list `{}` at git revision `{}`: {}\n", path, revision,
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

std::optional<Image> load_from_git(const std::string& argument, const std::string& revision, std::string path,
                                   DiagnosticsFormat format) {
  const ProcessResult top = run_process({"git", "rev-parse", "--show-toplevel"});
  if (!top.ok()) {
    fmt::print(stderr, "error: `{}` is not a file or directory, and not a git revision here: {}\n", argument,
               top.started ? "not inside a git checkout" : "cannot run git: " + top.error);
    return std::nullopt;
  }
  const std::string root = top.out.substr(0, top.out.find('\n'));
  // A leading `-` would reach git as an option.
  if (revision.front() == '-') {
    fmt::print(stderr, "error: `{}` is not a git revision name\n", revision);
    return std::nullopt;
  }
  if (path.empty()) path = ".";
  if (!run_process({"git", "-C", root, "rev-parse", "--verify", "--quiet", revision + "^{commit}"}).ok()) {
    fmt::print(stderr, "error: unknown git revision `{}` (in `{}`)\n", revision, argument);
    return std::nullopt;
  }
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  auto files = list_files(root, revision, path);
  if (!files) return std::nullopt;
  if (files->empty()) {
    fmt::print(stderr, "error: `{}` does not exist at git revision `{}`\n", path, revision);
    return std::nullopt;
  }
  const bool single = files->size() == 1 && (*files)[0] == path;
  std::vector<SourceFile> sources;
  for (const auto& file : *files) {
    if (!single && std::filesystem::path(file).extension() != ".rf") continue;
    const ProcessResult blob = run_process({"git", "-C", root, "cat-file", "blob", revision + ":" + file});
    if (!blob.ok()) {
      fmt::print(stderr, "error: cannot read `{}` at git revision `{}`: {}\n", file, revision, first_line(blob.err));
      return std::nullopt;
    }
    sources.push_back({revision + ":" + file, blob.out});
  }
  if (sources.empty()) {
    fmt::print(stderr, "error: no `.rf` files under `{}` at git revision `{}`\n", path, revision);
    return std::nullopt;
  }
  if (single && has_magic(sources[0].text)) {
    const std::string& bytes = sources[0].text;
    auto loaded = load_image(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    if (!loaded.ok()) {
      fmt::print(stderr, "error: {}: {}\n", argument, loaded.error);
      return std::nullopt;
    }
    return std::move(*loaded.image);
  }
  auto compiled = compile_frontend(load_sources(std::move(sources)), format);
  if (!compiled) return std::nullopt;
  return std::move(compiled->image);
}

}  // namespace

std::optional<Image> load_kb_revision(const std::string& argument, DiagnosticsFormat format) {
  std::error_code error;
  const auto colon = argument.find(':');
  if (std::filesystem::exists(argument, error) || colon == std::string::npos || colon == 0) {
    return load_kb_input({argument}, format);
  }
  return load_from_git(argument, argument.substr(0, colon), argument.substr(colon + 1), format);
}

}  // namespace redflag::cli
