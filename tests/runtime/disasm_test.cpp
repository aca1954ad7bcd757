// The disassembler (header summary and code listing, compared as text) and decompiled conditions.
#include <catch2/catch.hpp>

#include "runtime/bytecode_writer.hpp"
#include "runtime/condition_text.hpp"
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
format    1.4
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

TEST_CASE("disassemble the remaining operand shapes") {
  Image image = test::logic_image([](CodeBuilder& code) {
    code.emit(Op::Push);
    code.u8(2);
    test::emit_a(code, Op::Known, test::kNote);
    test::emit_a(code, Op::CmpFact, test::kA);
    code.u8(static_cast<std::uint8_t>(CmpCode::Ne));
    code.uleb(test::kB);
    test::emit_a(code, Op::CmpConst, test::kColour);
    code.u8(static_cast<std::uint8_t>(CmpCode::Eq));
    code.uleb(1);
    test::emit_a(code, Op::CmpConst, test::kA);
    code.u8(static_cast<std::uint8_t>(CmpCode::Eq));
    code.uleb(2);
    test::emit_a(code, Op::AtLeast, 2);
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

TEST_CASE("disassemble numbers: labels, the NUMBERS section and every number shape") {
  const std::string text = disassemble(test::scored_image());
  CHECK_THAT(text, Catch::Matchers::Contains(
                       ", LINES 52, NUMBERS 192 bytes\n"
                       "tables    3 levels, 7 facts, 1 defines, 3 flags, 2 topics, 2 tests, 7 constants, 4 numbers\n"
                       "code      85 bytes, max stack 2, max number stack 2\n"));
  CHECK_THAT(text, Catch::Matchers::Contains(
                       "number qsofa.low_sbp:\n"
                       "0000  -             CMPK     sbp <= 100 mm[Hg]                ; push F[a] c K[b]; U when F[a] absent\n"
                       "0004        |       ITEM     [1] else 0                       ; pop b rows; push N the points of the rows not F (0 too if z, no row T)\n"
                       "0008        |       NSET     qsofa.low_sbp                    ; V[a] := N[top]; pop N\n"));
  CHECK_THAT(text, Catch::Matchers::Contains("ITEM     [0, 1]         "));
  CHECK_THAT(text, Catch::Matchers::Contains(
                       "number qsofa:\n"
                       "0024        |       NGET     qsofa.low_sbp                    ; push N V[a]\n"));
  CHECK_THAT(text, Catch::Matchers::Contains("NUM      resp_rate          "));
  CHECK_THAT(text, Catch::Matchers::Contains("DIV                                       ; pop N y; N[top] := N[top] / y; [-inf, +inf] when y holds 0\n"));
  CHECK_THAT(text, Catch::Matchers::Contains(
                       "flag qsofa_high (consult):\n"
                       "0038        |       NGET     qsofa                            ; push N V[a]\n"
                       "0040        |       NUMK     2                                ; push N [K[b], K[b]]\n"
                       "0042        |       CMPN     >=                               ; pop N y, x; push x c y  (three-valued)\n"));
}

TEST_CASE("a KB without numbers lists no NUMBERS section, numbers or number stack") {
  const std::string text = describe_image(test::sample_image());
  CHECK_THAT(text, !Catch::Matchers::Contains("NUMBERS") && !Catch::Matchers::Contains("number"));
}

TEST_CASE("decompiled conditions spell out arithmetic, items, scores and counts") {
  const ConditionTexts scored = decompile_conditions(test::scored_image());
  CHECK(scored.numbers == std::vector<std::string>{"1 when sbp <= 100 mm[Hg], otherwise 0",
                                                   "0 when resp_rate < 22 /min, 1 when resp_rate >= 22 /min",
                                                   "qsofa.low_sbp + qsofa.fast", "resp_rate / sbp"});
  CHECK(scored.flags[2] == "qsofa >= 2");
  // (sbp - (dbp - 2)) * 3 / rate >= 1 and at most 1 of (p, q, exactly 2 of (p, q, r))
  const Image image = test::number_image({2, 3, 1}, {}, [](CodeBuilder& code) {
    test::emit_a(code, Op::Num, test::kSbp);
    test::emit_a(code, Op::Num, test::kDbp);
    test::emit_numk(code, 0);
    code.emit(Op::Sub);
    code.emit(Op::Sub);
    test::emit_numk(code, 1);
    code.emit(Op::Mul);
    test::emit_a(code, Op::Num, test::kRate);
    code.emit(Op::Div);
    test::emit_numk(code, 2);
    test::emit_cmpn(code, CmpCode::Ge);
    for (const auto fact : {test::kP, test::kQ, test::kP, test::kQ, test::kR}) test::emit_a(code, Op::Fact, fact);
    test::emit_count(code, Op::Exactly, 2, 3);
    test::emit_count(code, Op::AtMost, 1, 3);
    code.emit(Op::And);
  });
  CHECK(decompile_conditions(image).flags[0] ==
        "(sbp - (dbp - 2)) * 3 / rate >= 1 and at most 1 of (p, q, exactly 2 of (p, q, r))");
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
