// Which files a KB's paths name (compiler/source_tree.hpp): KB-relative source names however
// the paths are spelt, and every directory entry that cannot be used reported with its reason.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "tests/support/temp_dir.hpp"
#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/source_tree.hpp"

namespace fs = std::filesystem;
using redflag::test_support::TempDir;

namespace {

void touch(const fs::path& path) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << "# a source\n";
}

struct Expanded {
  std::vector<redflag::SourceFile> files;
  std::vector<std::uint32_t> readable;
  std::vector<redflag::Diagnostic> diagnostics;

  // The stored names of the readable files.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto id : readable) out.push_back(files[id].name);
    return out;
  }
  // Each diagnostic as `check` prints its first line.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const auto& diagnostic : diagnostics) {
      const std::string text = redflag::render_text(diagnostic, files);
      out.push_back(text.substr(0, text.find('\n')));
    }
    return out;
  }
};

Expanded expand(const std::vector<std::string>& paths) {
  Expanded result;
  redflag::Diagnostics diagnostics;
  result.readable = redflag::expand_paths(paths, result.files, diagnostics);
  result.diagnostics = diagnostics.take();
  return result;
}

// Runs [body] with [directory] as the working directory.
template <typename Body>
void inside(const fs::path& directory, Body body) {
  const fs::path before = fs::current_path();
  fs::current_path(directory);
  body();
  fs::current_path(before);
}

}  // namespace

TEST_CASE("source names are relative to the KB root, however the path is spelt") {
  const TempDir tmp;
  touch(tmp.path / "kb" / "flags.rf");
  touch(tmp.path / "kb" / "tests" / "units.rf");
  const std::vector<std::string> expected{"flags.rf", "tests/units.rf"};
  inside(tmp.path, [&] {
    for (const std::string& spelling : std::vector<std::string>{"kb", "./kb/", "kb//", "kb/../kb", (tmp.path / "kb").string()}) {
      INFO(spelling);
      const Expanded result = expand({spelling});
      CHECK(result.diagnostics.empty());
      CHECK(result.names() == expected);
    }
    // The path as given stays for diagnostics.
    CHECK(expand({"./kb/"}).files[0].path == "./kb/flags.rf");
    // A single file is its base name; several arguments are relative to the folder holding them all.
    CHECK(expand({"kb/tests/units.rf"}).names() == std::vector<std::string>{"units.rf"});
    CHECK(expand({"kb/flags.rf", "./kb/tests/units.rf"}).names() == expected);
    CHECK(expand({"kb/tests", "kb/flags.rf"}).names() == std::vector<std::string>{"tests/units.rf", "flags.rf"});
  });
  inside(tmp.path / "kb", [&] { CHECK(expand({"."}).names() == expected); });
  // Sorted by whole path, as before and as git lists a tree: `a.rf` before `a/b.rf`.
  touch(tmp.path / "order" / "a.rf");
  touch(tmp.path / "order" / "a" / "b.rf");
  touch(tmp.path / "order" / "a-z.rf");
  CHECK(expand({(tmp.path / "order").string()}).names() == std::vector<std::string>{"a-z.rf", "a.rf", "a/b.rf"});
  CHECK(redflag::relative_source_name("kb/a/x.rf", "kb") == "a/x.rf");
  CHECK(redflag::relative_source_name("kb/x.rf", "kb/x.rf") == "x.rf");
  CHECK(redflag::relative_source_name("kb/a/x.rf", "./kb/") == "a/x.rf");
  CHECK(redflag::relative_source_name("kb/x.rf", "./kb/x.rf") == "x.rf");
  CHECK(redflag::relative_source_name("kb/x.rf", ".") == "kb/x.rf");
}

TEST_CASE("entries of a KB directory that cannot be used are reported with the reason") {
  const TempDir tmp;
  const fs::path kb = tmp.path / "kb";
  touch(kb / "good.rf");
  fs::create_symlink("/nonexistent/flags.rf", kb / "dangling.rf");
  fs::create_symlink("loop.rf", kb / "loop.rf");
  fs::create_symlink("/dev/zero", kb / "device.rf");
  REQUIRE(::mkfifo((kb / "fifo.rf").c_str(), 0600) == 0);
  fs::create_symlink("/nonexistent/rules", kb / "shared");
  fs::create_symlink(".", kb / "self");
  touch(tmp.path / "other" / "extra.rf");
  fs::create_symlink("../other", kb / "linked");
  touch(kb / "notes.txt");
  inside(tmp.path, [&] {
    const Expanded result = expand({"kb"});
    CHECK(result.messages() == std::vector<std::string>{
        "kb/dangling.rf: error[E001]: cannot read `kb/dangling.rf`: No such file or directory",
        "kb/device.rf: error[E001]: cannot read `kb/device.rf`: it is a character device, not a regular file",
        "kb/fifo.rf: error[E001]: cannot read `kb/fifo.rf`: it is a FIFO, not a regular file",
        "kb/loop.rf: error[E001]: cannot read `kb/loop.rf`: Too many levels of symbolic links",
        "kb/self: warning[W001]: skipped `kb/self`: a symbolic link to a directory it is inside, not followed",
        "kb/shared: warning[W001]: skipped `kb/shared`: a symbolic link that cannot be followed (No such file or "
        "directory)",
    });
    // A linked directory is followed, and named through the link.
    CHECK(result.names() == std::vector<std::string>{"good.rf", "linked/extra.rf"});
  });
}

TEST_CASE("a source given explicitly that is not a regular file names what it is") {
  const TempDir tmp;
  REQUIRE(::mkfifo((tmp.path / "pipe.rf").c_str(), 0600) == 0);
  for (const auto& [path, why] : std::vector<std::pair<std::string, std::string>>{
           {(tmp.path / "pipe.rf").string(), "it is a FIFO, not a regular file"},
           {"/dev/zero", "it is a character device, not a regular file"}}) {
    std::vector<redflag::SourceFile> files{{path, {}, {}}};
    redflag::Diagnostics diagnostics;
    CHECK_FALSE(redflag::read_source(files[0], 0, diagnostics));
    const auto reported = diagnostics.take();
    REQUIRE(reported.size() == 1);
    CHECK(reported[0].message == "cannot read `" + path + "`: " + why);
  }
}
