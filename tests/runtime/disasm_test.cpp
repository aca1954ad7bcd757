// The disassembler: header summary and code listing of the sample KB, compared as text.
#include <catch2/catch.hpp>

#include "runtime/bytecode_writer.hpp"
#include "runtime/disasm.hpp"
#include "runtime/loader.hpp"
#include "tests/runtime/test_images.hpp"

namespace redflag {
namespace {

TEST_CASE("disassemble the sample KB") {
  const std::vector<std::uint8_t> bytes = write_image(test::sample_image());
  const LoadResult loaded = load_image(bytes.data(), bytes.size());
  REQUIRE(loaded.ok());
  const std::string text = disassemble(*loaded.image);
  CHECK(text == R"(kb        backpain 1.2.0 (active): Back pain red flags
hash      7a1de4c8c6f0dbb71c3f39bc0086d0849e855b63307f52bfbf8c1cf181d5e30b
format    1.3
sections  STRINGS 746, META 45, LEVELS 16, FACTS 206, DEFINES 12, FLAGS 124, TOPICS 46, TESTS 90, CONSTS 20, CODE 47, LINES 52 bytes
tables    3 levels, 5 facts, 1 defines, 2 flags, 2 topics, 1 tests, 2 constants
code      39 bytes, max stack 2

define systemic:
0000  defs.rf:3     FACT     fever                            ; push truth(F[a]); U when F[a] absent
0002        |       JT       -> 0012                          ; if S[top] = T then pc += j
0007        |       CMPK     weight_loss >= 10 [lb_av]        ; push F[a] c K[b]; U when F[a] absent
0011        |       OR                                        ; pop y; S[top] := S[top] or y
0012        |       DEFSET   systemic                         ; D[a] := S[top]; pop
flag weight_loss_flag (immediate):
0014  flags.rf:10   DEFGET   systemic                         ; push D[a]
0016        |       JF       -> 0026                          ; if S[top] = F then pc += j
0021        |       CMPK     age > 50                         ; push F[a] c K[b]; U when F[a] absent
0025        |       AND                                       ; pop y; S[top] := S[top] and y
0026        |       FLAG     weight_loss_flag                 ; R[a] := S[top]; pop
flag cancer_history (consult):
0028  flags.rf:20   INSET    cancer_type in {breast, lung}    ; push (bit F[a] of m set); U when F[a] absent
0031        |       FLAG     cancer_history                   ; R[a] := S[top]; pop
0033  topics.rf:30  URGENCY  urgency >= consult               ; push urgency c level b  (three-valued)
0036        |       TOPIC    escalation                       ; T[a] := S[top]; pop
0038        |       HALT                                      ; stop; must be the last instruction
)");
}

void op(CodeBuilder& code, Op op, std::uint64_t a) {
  code.emit(op);
  code.uleb(a);
}

TEST_CASE("disassemble the remaining operand shapes") {
  Image image = test::logic_image([](CodeBuilder& code) {
    code.emit(Op::Push);
    code.u8(2);
    op(code, Op::Known, test::kNote);
    op(code, Op::CmpFact, test::kA);
    code.u8(static_cast<std::uint8_t>(CmpCode::Ne));
    code.uleb(test::kB);
    op(code, Op::CmpConst, test::kColour);
    code.u8(static_cast<std::uint8_t>(CmpCode::Eq));
    code.uleb(1);
    op(code, Op::CmpConst, test::kA);
    code.u8(static_cast<std::uint8_t>(CmpCode::Eq));
    code.uleb(2);
    op(code, Op::AtLeast, 2);
    code.uleb(5);
    code.emit(Op::Not);
  });
  image.constants = {10.0, 2.0, 1.0};
  const std::string text = disassemble(image);
  CHECK_THAT(text, Catch::Matchers::Contains("0000  -  PUSH     U   "));
  CHECK_THAT(text, Catch::Matchers::Contains("0002  |  KNOWN    note   "));
  CHECK_THAT(text, Catch::Matchers::Contains("CMPF     a != b   "));
  CHECK_THAT(text, Catch::Matchers::Contains("CMPK     colour = blue   "));
  CHECK_THAT(text, Catch::Matchers::Contains("CMPK     a = true   "));
  CHECK_THAT(text, Catch::Matchers::Contains("ATLEAST  2 of 5   "));
  CHECK_THAT(text, Catch::Matchers::Contains("FLAG     f   "));
}

TEST_CASE("an image that was never loaded shows the hash its bytes will have") {
  const Image image = test::sample_image();
  const std::vector<std::uint8_t> bytes = write_image(image);
  const LoadResult loaded = load_image(bytes.data(), bytes.size());
  REQUIRE(loaded.ok());
  CHECK(describe_image(image) == describe_image(*loaded.image));
}

}  // namespace
}  // namespace redflag
