#include "compiler/source_tree.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>

namespace redflag {
namespace fs = std::filesystem;
namespace {

// [path] made absolute and normal, without a trailing `/`: the same for every spelling.
fs::path normal_absolute(const fs::path& path) {
  std::error_code error;
  fs::path normal = fs::absolute(path, error).lexically_normal();
  if (normal.filename().empty()) normal = normal.parent_path();
  return normal;
}

// Collects the entries of a walk into the files list, reporting what cannot be used.
class Collector {
 public:
  Collector(std::vector<SourceFile>& files, Diagnostics& diagnostics) : files_(files), diagnostics_(diagnostics) {}

  std::uint32_t add(const fs::path& path) {
    files_.push_back(SourceFile{path.generic_string(), {}, {}});
    return static_cast<std::uint32_t>(files_.size() - 1);
  }
  void source(const fs::path& path) { readable_.push_back(add(path)); }
  // A source found in a directory: added by add_found, so that a directory's sources are in
  // the order of their whole paths (`a.rf` before `a/b.rf`), as git lists a tree.
  void found(const fs::path& path) { found_.push_back(path.generic_string()); }
  void add_found() {
    std::sort(found_.begin(), found_.end());
    for (const auto& path : found_) source(path);
    found_.clear();
  }
  void cannot_read(const fs::path& path, const std::string& why) {
    diagnostics_.report<DiagKind::CannotRead>(whole_file(add(path)), path.generic_string(), why);
  }
  void skipped(const fs::path& path, const std::string& why) {
    diagnostics_.report<DiagKind::SkippedEntry>(whole_file(add(path)), path.generic_string(), why);
  }
  std::vector<std::uint32_t>& readable() { return readable_; }

 private:
  std::vector<SourceFile>& files_;
  Diagnostics& diagnostics_;
  std::vector<std::uint32_t> readable_;
  std::vector<std::string> found_;
};

// Adds every `.rf` below [directory], in name order; [inside] holds the canonical paths of the
// directories being walked, so a link back to one of them is not followed.
void walk(const fs::path& directory, std::vector<fs::path>& inside, Collector& out) {
  std::error_code error;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    entries.push_back(it->path());
  }
  if (error) {
    out.cannot_read(directory, error.message());
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    const bool named_rf = entry.extension() == ".rf";
    const fs::file_status target = fs::status(entry, error);  // through links
    if (error) {
      const std::string why = error.message();
      if (named_rf) {
        out.cannot_read(entry, why);
      } else if (fs::is_symlink(fs::symlink_status(entry, error))) {
        out.skipped(entry, "a symbolic link that cannot be followed (" + why + ")");
      }
      continue;
    }
    if (fs::is_directory(target)) {
      const fs::path canonical = fs::canonical(entry, error);
      if (error) {
        out.cannot_read(entry, error.message());
      } else if (std::find(inside.begin(), inside.end(), canonical) != inside.end()) {
        out.skipped(entry, "a symbolic link to a directory it is inside, not followed");
      } else {
        inside.push_back(canonical);
        walk(entry, inside, out);
        inside.pop_back();
      }
      continue;
    }
    if (!named_rf) continue;
    if (!fs::is_regular_file(target)) {
      out.cannot_read(entry, not_regular_reason(target.type()));
      continue;
    }
    out.found(entry);
  }
}

// The deepest directory that holds every one of [paths] (a directory argument holds itself).
fs::path common_root(const std::vector<std::string>& paths) {
  std::optional<fs::path> root;
  for (const auto& path : paths) {
    std::error_code error;
    const fs::path normal = normal_absolute(path);
    const fs::path anchor = fs::is_directory(path, error) ? normal : normal.parent_path();
    if (!root) {
      root = anchor;
      continue;
    }
    fs::path shared;
    for (auto a = root->begin(), b = anchor.begin(); a != root->end() && b != anchor.end() && *a == *b; ++a, ++b) {
      shared /= *a;
    }
    root = shared;
  }
  return root.value_or(fs::path());
}

}  // namespace

std::string relative_source_name(const std::string& file, const std::string& argument) {
  const fs::path normal_file = fs::path(file).lexically_normal();
  fs::path normal_argument = fs::path(argument).lexically_normal();
  if (normal_argument.filename().empty()) normal_argument = normal_argument.parent_path();
  if (normal_file == normal_argument) return normal_file.filename().generic_string();
  return normal_file.lexically_relative(normal_argument).generic_string();
}

std::vector<std::uint32_t> expand_paths(const std::vector<std::string>& paths,
                                        std::vector<SourceFile>& files, Diagnostics& diagnostics) {
  Collector out(files, diagnostics);
  for (const auto& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      out.source(path);  // read_source says why it cannot be read, if it cannot
      continue;
    }
    const std::size_t before = files.size();
    std::vector<fs::path> inside{fs::canonical(path, error)};
    walk(path, inside, out);
    out.add_found();
    if (files.size() == before) {
      diagnostics.report<DiagKind::NoSourceFiles>(whole_file(out.add(path)), path);
    }
  }
  const fs::path root = common_root(paths);
  for (auto& file : files) file.name = normal_absolute(file.path).lexically_relative(root).generic_string();
  return std::move(out.readable());
}

}  // namespace redflag
