#include "tests/runtime/test_images.hpp"

#include <limits>

#include "runtime/bytecode_writer.hpp"
#include "runtime/crc32.hpp"
#include "runtime/format.hpp"
#include "runtime/internal/byte_writer.hpp"
#include "runtime/sha256.hpp"
#include "runtime/verifier.hpp"

namespace redflag::test {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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

ImageFact quantity(const char* name, const char* unit, double min, double max) {
  ImageFact result = fact(name, FactType::Quantity);
  result.unit = unit;
  result.min = min;
  result.max = max;
  return result;
}

ImageNumber number(const char* name, NumberKind kind, std::uint32_t code_offset, std::vector<std::uint32_t> facts) {
  ImageNumber result;
  result.name = name;
  result.kind = kind;
  result.unit = "1";
  result.code_offset = code_offset;
  result.facts = std::move(facts);
  return result;
}

// Ends [code] with FLAG 0 and HALT and puts it in [image], with both stack maxima.
void finish_flag_image(Image& image, CodeBuilder& code) {
  emit_a(code, Op::Flag, 0);
  code.emit(Op::Halt);
  image.flags = {flag("f", 1, 0, 1, {})};
  image.code = code.bytes();
  image.max_stack = max_stack_depth(image.code);
  image.max_number_stack = max_number_stack_depth(image.code);
}

}  // namespace

void emit_a(CodeBuilder& code, Op op, std::uint64_t a) {
  code.emit(op);
  code.uleb(a);
}

void emit_numk(CodeBuilder& code, std::uint64_t constant) { emit_a(code, Op::NumConst, constant); }

void emit_cmpn(CodeBuilder& code, CmpCode cmp) {
  code.emit(Op::CmpNumber);
  code.u8(static_cast<std::uint8_t>(cmp));
}

void emit_count(CodeBuilder& code, Op op, std::uint64_t a, std::uint64_t b) {
  emit_a(code, op, a);
  code.uleb(b);
}

void emit_item(CodeBuilder& code, std::uint64_t first, std::uint64_t rows, std::uint8_t zero) {
  emit_count(code, Op::Item, first, rows);
  code.u8(zero);
}

void emit_cmpk(CodeBuilder& code, std::uint32_t fact, CmpCode cmp, std::uint32_t constant) {
  code.emit(Op::CmpConst);
  code.uleb(fact);
  code.u8(static_cast<std::uint8_t>(cmp));
  code.uleb(constant);
}

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
  finish_flag_image(image, code);
  return image;
}

Image number_image(std::vector<double> constants, std::vector<ImageNumber> numbers,
                   const std::function<void(CodeBuilder&)>& emit) {
  Image image;
  image.meta.id = "numbers";
  image.levels = {"low", "high"};
  image.facts = {quantity("sbp", "mm[Hg]", 0, 300), quantity("dbp", "mm[Hg]", kNaN, kNaN), fact("rate", FactType::Number),
                 fact("gcs", FactType::Integer), fact("p", FactType::Bool), fact("q", FactType::Bool),
                 fact("r", FactType::Bool)};
  image.facts[kRate].min = 0;
  image.facts[kGcs].min = 3;
  image.facts[kGcs].max = 15;
  image.constants = std::move(constants);
  image.numbers = std::move(numbers);
  CodeBuilder code;
  emit(code);
  finish_flag_image(image, code);
  return image;
}

Tri evaluate_flag(const Image& image, const std::vector<FactValue>& facts) {
  const Program program(image);
  Evaluation evaluation(program);
  evaluate(program, facts.data(), evaluation);
  return evaluation.flags.at(0);
}

std::shared_ptr<const Kb> open_kb(const Image& image) {
  const std::vector<std::uint8_t> bytes = write_image(image);
  std::string error;
  return Kb::open_bytes(bytes.data(), bytes.size(), error);
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
  emit_a(code, Op::Fact, 0);
  std::size_t jump = code.emit_jump(Op::JumpIfTrue);
  emit_cmpk(code, 2, CmpCode::Ge, 0);
  code.emit(Op::Or);
  code.patch_jump(jump);
  emit_a(code, Op::DefSet, 0);
  // flag weight_loss_flag immediate: when systemic and age > 50
  image.lines.push_back({code.offset(), "flags.rf", 10});
  image.flags.push_back(flag("weight_loss_flag", 2, code.offset(), 10, {0, 1, 2}));
  emit_a(code, Op::DefGet, 0);
  jump = code.emit_jump(Op::JumpIfFalse);
  emit_cmpk(code, 1, CmpCode::Gt, 1);
  code.emit(Op::And);
  code.patch_jump(jump);
  emit_a(code, Op::Flag, 0);
  // flag cancer_history consult: when cancer_type in {breast, lung}
  image.lines.push_back({code.offset(), "flags.rf", 20});
  image.flags.push_back(flag("cancer_history", 1, code.offset(), 20, {3}));
  emit_a(code, Op::InSet, 3);
  code.uleb(0b011);
  emit_a(code, Op::Flag, 1);
  // topic escalation: when urgency >= consult
  image.lines.push_back({code.offset(), "topics.rf", 30});
  code.emit(Op::Urgency);
  code.u8(static_cast<std::uint8_t>(CmpCode::Ge));
  code.uleb(1);
  emit_a(code, Op::Topic, 1);
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

Image scored_image() {
  Image image = sample_image();
  constexpr std::uint32_t kRespFact = 5;
  constexpr std::uint32_t kSbpFact = 6;
  image.facts.push_back(quantity("resp_rate", "/min", 0, 80));
  image.facts.push_back(quantity("sbp", "mm[Hg]", 0, 300));
  image.constants.insert(image.constants.end(), {100, 22, 0, 1, 2});  // K[2..6]
  CodeBuilder code;
  image.numbers.push_back(number("qsofa.low_sbp", NumberKind::Item, code.offset(), {kSbpFact}));
  emit_cmpk(code, kSbpFact, CmpCode::Le, 2);
  emit_item(code, 5, 1, 1);  // 1 when sbp <= 100, otherwise 0
  emit_a(code, Op::NumSet, 0);
  image.numbers.push_back(number("qsofa.fast", NumberKind::Item, code.offset(), {kRespFact}));
  emit_cmpk(code, kRespFact, CmpCode::Lt, 3);
  emit_cmpk(code, kRespFact, CmpCode::Ge, 3);
  emit_item(code, 4, 2, 0);  // 0 below 22 /min, 1 from 22 /min
  emit_a(code, Op::NumSet, 1);
  image.numbers.push_back(number("qsofa", NumberKind::Score, code.offset(), {kRespFact, kSbpFact}));
  emit_a(code, Op::NumGet, 0);
  emit_a(code, Op::NumGet, 1);
  code.emit(Op::Add);
  emit_a(code, Op::NumSet, 2);
  image.numbers.push_back(number("ratio", NumberKind::Define, code.offset(), {kRespFact, kSbpFact}));
  emit_a(code, Op::Num, kRespFact);
  emit_a(code, Op::Num, kSbpFact);
  code.emit(Op::Div);
  emit_a(code, Op::NumSet, 3);
  image.numbers[0].score = image.numbers[1].score = 2;
  image.numbers[1].fact = kRespFact;
  image.numbers[2].title = "quick SOFA";
  image.numbers[2].cites = {{0, "qSOFA"}};
  image.numbers[3].unit = "/min/mm[Hg]";
  ImageFlag qsofa_high = flag("qsofa_high", 1, code.offset(), 50, {kRespFact, kSbpFact});
  qsofa_high.numbers = {2};
  emit_a(code, Op::NumGet, 2);
  emit_numk(code, 6);
  emit_cmpn(code, CmpCode::Ge);
  emit_a(code, Op::Flag, 2);
  // The sample's code follows, its offsets moved by what came before.
  const std::uint32_t shift = code.offset();
  for (auto& define : image.defines) define.code_offset += shift;
  for (auto& flag : image.flags) flag.code_offset += shift;
  for (auto& line : image.lines) line.code_offset += shift;
  image.code.insert(image.code.begin(), code.bytes().begin(), code.bytes().end());
  image.flags.push_back(qsofa_high);
  image.max_stack = max_stack_depth(image.code);
  image.max_number_stack = max_number_stack_depth(image.code);
  ImageTest test;
  test.name = "an empty case scores qsofa 0 to 2";
  test.file = "tests.rf";
  test.line = 60;
  ImageExpectation score{ExpectKind::Score, {2}};
  score.low = 0;
  score.high = 2;
  test.expectations = {score};
  image.tests.push_back(test);
  return image;
}

}  // namespace redflag::test
