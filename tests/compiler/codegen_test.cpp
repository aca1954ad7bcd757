// Code generation, checked by comparing disassembly: each tests/golden/codegen/NAME.rf compiles
// to the listing in NAME.expected. REDFLAG_UPDATE_GOLDEN=1 rewrites the expected files.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/codegen/codegen.hpp"
#include "compiler/frontend.hpp"
#include "runtime/bytecode_writer.hpp"
#include "runtime/disasm.hpp"
#include "runtime/loader.hpp"
#include "runtime/verifier.hpp"

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Compiles [source] (named [name] in the listing), verifies it by loading, and disassembles.
std::string listing_of(const std::string& name, const std::string& source) {
  const auto frontend = redflag::check_sources({{name, source}});
  REQUIRE_FALSE(frontend.has_errors());
  const auto image = redflag::generate_image(frontend.kb);
  // The declared stack size is exactly what the code needs, as the verifier measures it.
  CHECK(image.max_stack == redflag::max_stack_depth(image.code));
  const auto bytes = redflag::write_image(image);
  const auto loaded = redflag::load_image(bytes.data(), bytes.size());
  INFO(loaded.error);
  REQUIRE(loaded.ok());
  return redflag::disassemble(*loaded.image);
}

}  // namespace

TEST_CASE("code generation matches the golden disassembly", "[codegen]") {
  const bool update = std::getenv("REDFLAG_UPDATE_GOLDEN") != nullptr;
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(REDFLAG_DISASM_DIR)) {
    if (entry.path().extension() != ".rf") continue;
    const auto expected_path = std::filesystem::path(entry.path()).replace_extension(".expected");
    const auto listing = listing_of(entry.path().filename().string(), read_text(entry.path()));
    if (update) std::ofstream(expected_path, std::ios::binary) << listing;
    SECTION(entry.path().filename().string()) { CHECK(listing == read_text(expected_path)); }
    ++checked;
  }
  CHECK(checked >= 5);
}

TEST_CASE("the same sources give byte-identical bytecode", "[codegen][determinism]") {
  const auto source = read_text(std::filesystem::path(REDFLAG_DISASM_DIR) / "folding.rf");
  const auto compile = [&] {
    return redflag::write_image(redflag::generate_image(redflag::check_sources({{"folding.rf", source}}).kb));
  };
  CHECK(compile() == compile());
}
