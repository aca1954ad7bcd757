// Fuzzes the language server: any bytes as its stdin, through the base protocol reader, the
// JSON parser and the dispatcher to every feature. Every input must end in an exit status (0
// or 1) without an exception escaping, a sanitizer report or unbounded memory; what the server
// answers is not checked here (tests/lsp/ transcripts do that).
#include <string>

#include "tests/fuzz/fuzz_require.hpp"
#include "tools/lsp/serve.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  redflag::lsp::BufferSource input(std::string_view(reinterpret_cast<const char*>(data), size));
  redflag::lsp::ServeOptions options;
  options.server.today = "2026-12-01";
  options.debounce_ms = 0;
  std::size_t written = 0;
  const int status = redflag::lsp::serve(input, [&written](std::string_view bytes) { written += bytes.size(); }, options);
  redflag::fuzz::require(status == 0 || status == 1, "the server ended with a status other than 0 or 1");
  return 0;
}
