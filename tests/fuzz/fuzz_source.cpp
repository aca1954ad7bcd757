// Fuzzes the compiler: any bytes as one source file. The front end must report problems as
// diagnostics; a KB it accepts must generate, write and load back (the loader re-verifies what
// codegen produced). Anything else (an exception, a rejected image, a sanitizer report) aborts.
#include <string>

#include "compiler/codegen/codegen.hpp"
#include "compiler/frontend.hpp"
#include "runtime/bytecode_writer.hpp"
#include "runtime/loader.hpp"
#include "tests/fuzz/fuzz_require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  redflag::FrontendResult result =
      redflag::check_sources({redflag::SourceFile{"fuzz.rf", std::string(reinterpret_cast<const char*>(data), size)}});
  if (result.has_errors()) return 0;
  const std::vector<std::uint8_t> bytes = redflag::write_image(redflag::generate_image(result.kb));
  const redflag::LoadResult loaded = redflag::load_image(bytes.data(), bytes.size());
  redflag::fuzz::require(loaded.ok(), "an accepted source gave an image the loader rejects");
  return 0;
}
