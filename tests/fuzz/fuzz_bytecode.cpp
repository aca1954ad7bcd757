// Fuzzes the loader and, on whatever it accepts, the VM, the result reader and the
// disassembler. Each input is loaded twice: as is (header, size and checksum checks), and
// resealed with its own size, checksum and content hash so that mutants reach the section
// parsers and the verifier. Every rejection must be `bad bytecode (<reason>)`.
#include <vector>

#include "runtime/disasm.hpp"
#include "runtime/format.hpp"
#include "runtime/loader.hpp"
#include "runtime/redflag.hpp"
#include "tests/fuzz/fuzz_require.hpp"
#include "tests/runtime/test_images.hpp"

namespace {

using redflag::FactValue;

using redflag::fuzz::require;

// Evaluates [image] on all-unknown, all-zero, all-one and alternating facts, and describes each.
void run(const redflag::Image& image) {
  const redflag::Program program(image);
  redflag::Evaluation evaluation(program);
  redflag::CaseResult result;
  const FactValue patterns[][2] = {
      {FactValue{}, FactValue{}}, {FactValue{0, true}, FactValue{0, true}}, {FactValue{1, true}, FactValue{1, true}},
      {FactValue{1, true}, FactValue{}}};
  std::vector<FactValue> facts(program.fact_count);
  for (const auto& pattern : patterns) {
    for (std::size_t i = 0; i < facts.size(); ++i) facts[i] = pattern[i % 2];
    redflag::evaluate(program, facts.data(), evaluation);
    require(evaluation.flags.size() == image.flags.size(), "flag results do not match the flag table");
    redflag::describe_case(image, evaluation, facts.data(), result);
  }
  require(!redflag::disassemble(image).empty(), "empty disassembly");
}

void load_and_run(const std::vector<std::uint8_t>& bytes) {
  const redflag::LoadResult loaded = redflag::load_image(bytes.data(), bytes.size());
  if (loaded.ok()) {
    run(*loaded.image);
    return;
  }
  require(loaded.error.rfind("bad bytecode (", 0) == 0 && loaded.error.back() == ')', "unclear load error");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t> bytes(data, data + size);
  load_and_run(bytes);
  if (size < redflag::kHeaderSize) return 0;
  for (std::size_t i = 0; i < 8; ++i) {
    bytes[redflag::kOffsetFileSize + i] = static_cast<std::uint8_t>(std::uint64_t{size} >> (8 * i));
  }
  redflag::test::reseal(bytes);
  load_and_run(bytes);
  return 0;
}
