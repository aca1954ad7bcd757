#include "tools/kb/kb_loader.hpp"

#include <filesystem>
#include <fstream>

#include "runtime/format.hpp"
#include "runtime/loader.hpp"
#include "tools/name_suffix.hpp"

namespace redflag::tools {
namespace {

// Whether the [size] bytes at [data] are meant as bytecode: they start with the magic, or with
// its first byte 0x89, which no UTF-8 source can start with (a damaged or cut magic).
bool bytecode_content(const std::uint8_t* data, std::size_t size) {
  return looks_like_rfb(data, size) || (size > 0 && data[0] == kMagic[0]);
}

// Whether the file at [path] is read as bytecode: by its name, or by its first byte. A file that
// cannot be read is not (the front end reports why).
bool bytecode_file(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return false;
  if (ends_with_ignoring_case(path, ".rfb")) return true;
  std::ifstream file(path, std::ios::binary);
  char first = 0;
  if (!file.get(first)) return false;
  const auto byte = static_cast<std::uint8_t>(first);
  return bytecode_content(&byte, 1);
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
      if (ends_with_ignoring_case(files[0].path, ".rfb") || bytecode_content(bytes, files[0].text.size())) {
        return from_load_result(load_image(bytes, files[0].text.size()), source.name);
      }
    }
    return from_compile_result(compile_sources(std::move(files)));
  }
  if (source.paths.size() == 1) {
    if (bytecode_file(source.paths[0])) {
      return from_load_result(load_file(source.paths[0]), source.paths[0]);
    }
  }
  return compile_kb(source.paths);
}

LoadedKb compile_kb(const std::vector<std::string>& paths) { return from_compile_result(compile_paths(paths)); }

LoadedKb load_kb(const std::vector<std::string>& paths) { return open_kb(KbSource{paths, std::nullopt, {}}); }

}  // namespace redflag::tools
