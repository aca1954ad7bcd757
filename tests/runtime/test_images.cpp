#include "tests/runtime/test_images.hpp"

#include "runtime/crc32.hpp"
#include "runtime/format.hpp"
#include "runtime/internal/byte_writer.hpp"
#include "runtime/sha256.hpp"
#include "runtime/verifier.hpp"

namespace redflag::test {
namespace {

ImageFact fact(const char* name, FactType type) {
  ImageFact result;
  result.name = name;
  result.type = type;
  return result;
}

ImageFlag flag(const char* name, std::uint32_t level, std::uint32_t code_offset, std::uint32_t line,
               std::vector<std::uint32_t> facts) {
  ImageFlag result;
  result.name = name;
  result.level = level;
  result.title = std::string("title of ") + name;
  result.code_offset = code_offset;
  result.file = "kb.rf";
  result.line = line;
  result.facts = std::move(facts);
  return result;
}

void fact_operand(CodeBuilder& code, Op op, std::uint32_t fact) {
  code.emit(op);
  code.uleb(fact);
}

void compare_const(CodeBuilder& code, std::uint32_t fact, CmpCode cmp, std::uint32_t constant) {
  code.emit(Op::CmpConst);
  code.uleb(fact);
  code.u8(static_cast<std::uint8_t>(cmp));
  code.uleb(constant);
}

}  // namespace

Image logic_image(const std::function<void(CodeBuilder&)>& emit) {
  Image image;
  image.meta.id = "logic";
  image.levels = {"low", "high"};
  image.facts = {fact("a", FactType::Bool),   fact("b", FactType::Bool),   fact("c", FactType::Bool),
                 fact("n", FactType::Number), fact("colour", FactType::Enum), fact("note", FactType::Text)};
  image.facts[kColour].values = {"red", "green", "blue"};
  image.constants = {10.0};
  CodeBuilder code;
  emit(code);
  code.emit(Op::Flag);
  code.uleb(0);
  code.emit(Op::Halt);
  image.flags = {flag("f", 1, 0, 1, {})};
  image.code = code.bytes();
  image.max_stack = max_stack_depth(image.code);
  return image;
}

Tri evaluate_flag(const Image& image, const std::vector<FactValue>& facts) {
  const Program program(image);
  Evaluation evaluation(program);
  evaluate(program, facts.data(), evaluation);
  return evaluation.flags.at(0);
}

void reseal(std::vector<std::uint8_t>& bytes) {
  const Sha256Digest hash = sha256(bytes.data() + kHeaderSize, bytes.size() - kHeaderSize);
  std::copy(hash.begin(), hash.end(), bytes.begin() + kOffsetContentHash);
  internal::ByteWriter out(bytes);
  out.patch_u32(kOffsetChecksum, 0);
  out.patch_u32(kOffsetChecksum, crc32(bytes.data(), bytes.size()));
}

Image sample_image() {
  Image image;
  image.meta = {"backpain", "Back pain red flags", "1.2.0", KbStatus::Active, "2026-11-23", "2027-11-23",
                {"Dr. A. Author"}, {{"seed", "Can Back Pain Be a Sign of Cancer?", "https://example.org/a"}}};
  image.levels = {"routine", "consult", "immediate"};
  image.facts = {fact("fever", FactType::Bool), fact("age", FactType::Number), fact("weight_loss", FactType::Quantity),
                 fact("cancer_type", FactType::Enum), fact("notes", FactType::Text)};
  image.facts[0].ask = "Has the patient had a persistent fever?";
  image.facts[0].means = "persistent fever";
  image.facts[1].min = 0;
  image.facts[1].max = 130;
  image.facts[2].dimension = Dimension::Mass;
  image.facts[2].unit = "[lb_av]";
  image.facts[3].values = {"breast", "lung", "prostate"};
  image.constants = {10.0, 50.0};

  CodeBuilder code;
  // define systemic = fever or weight_loss >= 10 lb
  image.lines.push_back({code.offset(), "defs.rf", 3});
  image.defines.push_back({"systemic", code.offset()});
  fact_operand(code, Op::Fact, 0);
  std::size_t jump = code.emit_jump(Op::JumpIfTrue);
  compare_const(code, 2, CmpCode::Ge, 0);
  code.emit(Op::Or);
  code.patch_jump(jump);
  fact_operand(code, Op::DefSet, 0);
  // flag weight_loss_flag immediate: when systemic and age > 50
  image.lines.push_back({code.offset(), "flags.rf", 10});
  image.flags.push_back(flag("weight_loss_flag", 2, code.offset(), 10, {0, 1, 2}));
  fact_operand(code, Op::DefGet, 0);
  jump = code.emit_jump(Op::JumpIfFalse);
  compare_const(code, 1, CmpCode::Gt, 1);
  code.emit(Op::And);
  code.patch_jump(jump);
  fact_operand(code, Op::Flag, 0);
  // flag cancer_history consult: when cancer_type in {breast, lung}
  image.lines.push_back({code.offset(), "flags.rf", 20});
  image.flags.push_back(flag("cancer_history", 1, code.offset(), 20, {3}));
  fact_operand(code, Op::InSet, 3);
  code.uleb(0b011);
  fact_operand(code, Op::Flag, 1);
  // topic escalation: when urgency >= consult
  image.lines.push_back({code.offset(), "topics.rf", 30});
  code.emit(Op::Urgency);
  code.u8(static_cast<std::uint8_t>(CmpCode::Ge));
  code.uleb(1);
  fact_operand(code, Op::Topic, 1);
  code.emit(Op::Halt);
  image.code = code.bytes();
  image.max_stack = max_stack_depth(image.code);

  image.flags[0].because = "Unexplained weight loss suggests a systemic process.";
  image.flags[0].cites = {{0, "Critical Symptoms"}};
  image.flags[0].advice = {"Order a CBC and ESR."};
  image.flags[0].see = {0};
  image.topics = {{"workup", "Work-up", "Blood tests first.", {{0, ""}}, false},
                  {"escalation", "Escalation", "Refer promptly.", {}, true}};
  ImageTest test;
  test.name = "a lifting strain stays routine";
  test.file = "tests.rf";
  test.line = 40;
  test.givens = {{1, true, 34}, {2, true, 0}, {0, true, 0}, {3, false, 0}};
  test.expectations = {{ExpectKind::Urgency, {0}}, {ExpectKind::FlagsExactly, {}}};
  image.tests = {test};
  return image;
}

}  // namespace redflag::test
