#include "tools/kb/kb_loader.hpp"

#include <fstream>

#include "runtime/format.hpp"
#include "runtime/loader.hpp"

namespace redflag::tools {
namespace {

// The first bytes of the file at [path], enough to hold the magic; fewer when it is shorter or
// cannot be read (then it is compiled, and the front end reports why it cannot be read).
std::vector<std::uint8_t> head_of(const std::string& path) {
  std::vector<std::uint8_t> head(kMagic.size());
  std::ifstream file(path, std::ios::binary);
  file.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file.gcount()));
  return head;
}

LoadedKb from_load_result(LoadResult loaded, const std::string& name) {
  LoadedKb kb;
  if (loaded.ok()) {
    kb.image = std::move(loaded.image);
  } else {
    // A read failure names the path already; a bad file is named here.
    const bool names_path = loaded.error.rfind("bad bytecode", 0) != 0;
    kb.error = LoadError{LoadError::Kind::Input, names_path ? loaded.error : name + ": " + loaded.error};
  }
  return kb;
}

LoadedKb from_compile_result(CompileResult compiled) {
  LoadedKb kb;
  if (!compiled.internal_error.empty()) {
    kb.error = LoadError{LoadError::Kind::Internal, "the compiler produced " + compiled.internal_error};
  }
  kb.image = std::move(compiled.image);
  kb.frontend = std::move(compiled.frontend);
  kb.bytes = std::move(compiled.bytes);
  return kb;
}

}  // namespace

LoadedKb open_kb(KbSource source) {
  if (source.files) {
    auto& files = *source.files;
    if (files.size() == 1) {
      const auto* bytes = reinterpret_cast<const std::uint8_t*>(files[0].text.data());
      if (looks_like_rfb(bytes, files[0].text.size())) {
        return from_load_result(load_image(bytes, files[0].text.size()), source.name);
      }
    }
    return from_compile_result(compile_sources(std::move(files)));
  }
  if (source.paths.size() == 1) {
    const auto head = head_of(source.paths[0]);
    if (looks_like_rfb(head.data(), head.size())) {
      return from_load_result(load_file(source.paths[0]), source.paths[0]);
    }
  }
  return compile_kb(source.paths);
}

LoadedKb compile_kb(const std::vector<std::string>& paths) { return from_compile_result(compile_paths(paths)); }

LoadedKb load_kb(const std::vector<std::string>& paths) { return open_kb(KbSource{paths, std::nullopt, {}}); }

}  // namespace redflag::tools
