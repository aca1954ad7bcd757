#include "runtime/condition_text.hpp"

#include "runtime/disasm.hpp"
#include "runtime/instruction.hpp"
#include "runtime/number_text.hpp"

namespace redflag {
namespace {

// Binding strength, loosest first: `or` < `and` < `not` < a comparison or a name.
enum class Precedence { Or, And, Not, Atom };

// The same for numeric values: an item's rows < `+`, `-` < `*`, `/` < a number or a name.
enum class NumberPrecedence { Rows, Sum, Product, Atom };

template <typename Level>
struct Text {
  std::string text;
  Level precedence = Level::Atom;
};
using Term = Text<Precedence>;
using NumberTerm = Text<NumberPrecedence>;

// [term]'s text, parenthesised when it binds looser than [context] needs.
template <typename Level>
std::string operand(const Text<Level>& term, Level context) {
  return term.precedence < context ? "(" + term.text + ")" : term.text;
}

std::string enum_set(const ImageFact& fact, std::uint64_t mask) {
  std::string out = "{";
  for (std::size_t bit = 0; bit < fact.values.size(); ++bit) {
    if (((mask >> bit) & 1u) == 0) continue;
    if (out.size() > 1) out += ", ";
    out += fact.values[bit];
  }
  return out + "}";
}

class Decompiler {
 public:
  explicit Decompiler(const Image& image) : image_(image) {
    texts_.defines.resize(image.defines.size());
    texts_.flags.resize(image.flags.size());
    texts_.topics.resize(image.topics.size());
    texts_.numbers.resize(image.numbers.size());
  }

  ConditionTexts run() {
    Instruction in;
    for (std::uint32_t pc = 0; pc < image_.code.size(); pc = in.end()) {
      if (decode_instruction(image_.code, pc, in) != DecodeStatus::Ok) break;
      step(in);
    }
    return std::move(texts_);
  }

 private:
  // Jumps only short-circuit `and`/`or`, which AND/OR spell out anyway.
  void step(const Instruction& in) {
    switch (in.op) {
      case Op::Push: push({in.a == 0 ? "false" : in.a == 1 ? "true" : "unknown"}); break;
      case Op::Fact: push({fact_name(in.a)}); break;
      case Op::Known: push({"known(" + fact_name(in.a) + ")"}); break;
      case Op::CmpConst:
        push({fact_name(in.a) + " " + cmp(in.c) + " " + value_text(image_, in.a, image_.constants[in.b])});
        break;
      case Op::CmpFact: push({fact_name(in.a) + " " + cmp(in.c) + " " + fact_name(in.b)}); break;
      case Op::InSet: push({fact_name(in.a) + " in " + enum_set(image_.facts[in.a], in.b)}); break;
      case Op::Not: {
        Term term = pop();
        push({"not " + operand(term, Precedence::Not), Precedence::Not});
        break;
      }
      case Op::And: binary(" and ", Precedence::And); break;
      case Op::Or: binary(" or ", Precedence::Or); break;
      case Op::JumpIfFalse:
      case Op::JumpIfTrue:
      case Op::Halt: break;
      case Op::AtLeast: count("at least ", in.a, in.b); break;
      case Op::AtMost: count("at most ", in.a, in.b); break;
      case Op::Exactly: count("exactly ", in.a, in.b); break;
      case Op::DefSet: texts_.defines[in.a] = pop().text; break;
      case Op::DefGet: push({image_.defines[in.a].name}); break;
      case Op::Flag: texts_.flags[in.a] = pop().text; break;
      case Op::Urgency: push({"urgency " + cmp(in.c) + " " + image_.levels[in.b]}); break;
      case Op::Topic: texts_.topics[in.a] = pop().text; break;
      case Op::Num: numbers_.push_back({fact_name(in.a)}); break;
      case Op::NumConst: numbers_.push_back({shortest_text(image_.constants[in.b])}); break;
      case Op::Add: arithmetic(" + ", NumberPrecedence::Sum); break;
      case Op::Sub: arithmetic(" - ", NumberPrecedence::Sum); break;
      case Op::Mul: arithmetic(" * ", NumberPrecedence::Product); break;
      case Op::Div: arithmetic(" / ", NumberPrecedence::Product); break;
      case Op::CmpNumber: {
        NumberTerm right = pop_number();
        NumberTerm left = pop_number();
        push({operand(left, NumberPrecedence::Sum) + " " + cmp(in.c) + " " + operand(right, NumberPrecedence::Sum)});
        break;
      }
      case Op::Item: item(in.a, in.b, in.c != 0); break;
      case Op::NumSet: texts_.numbers[in.a] = pop_number().text; break;
      case Op::NumGet: numbers_.push_back({image_.numbers[in.a].name}); break;
    }
  }

  // `x + y`: the right operand parenthesised at its own strength too, so the text keeps the
  // order of evaluation (which rounding depends on).
  void arithmetic(const char* symbol, NumberPrecedence precedence) {
    NumberTerm right = pop_number();
    NumberTerm left = pop_number();
    const auto right_context = static_cast<NumberPrecedence>(static_cast<int>(precedence) + 1);
    numbers_.push_back({operand(left, precedence) + symbol + operand(right, right_context), precedence});
  }

  // `3 when A, 1 when B, otherwise 0`: row i scores K[first + i] points.
  void item(std::uint64_t first, std::uint64_t rows, bool zero) {
    std::string text;
    for (std::size_t i = stack_.size() - rows, k = 0; i < stack_.size(); ++i, ++k) {
      text += (text.empty() ? "" : ", ") + shortest_text(image_.constants[first + k]) + " when " + stack_[i].text;
    }
    stack_.resize(stack_.size() - rows);
    numbers_.push_back({text + (zero ? ", otherwise 0" : ""), NumberPrecedence::Rows});
  }

  void binary(const char* word, Precedence precedence) {
    Term right = pop();
    Term left = pop();
    // Both operators are associative, so a left operand of the same strength needs no parentheses.
    const auto right_context = static_cast<Precedence>(static_cast<int>(precedence) + 1);
    push({operand(left, precedence) + word + operand(right, right_context), precedence});
  }

  // `at least N of (...)`, `at most`, `exactly`, as [words] says, over the top [members] terms.
  void count(const char* words, std::uint64_t needed, std::uint64_t members) {
    std::string list;
    for (std::size_t i = stack_.size() - members; i < stack_.size(); ++i) {
      list += (list.empty() ? "" : ", ") + stack_[i].text;
    }
    stack_.resize(stack_.size() - members);
    push({words + std::to_string(needed) + " of (" + list + ")"});
  }

  std::string fact_name(std::uint64_t fact) const { return image_.facts[fact].name; }
  static std::string cmp(std::uint8_t code) { return std::string(cmp_symbol(static_cast<CmpCode>(code))); }

  void push(Term term) { stack_.push_back(std::move(term)); }
  Term pop() {
    Term term = std::move(stack_.back());
    stack_.pop_back();
    return term;
  }
  NumberTerm pop_number() {
    NumberTerm term = std::move(numbers_.back());
    numbers_.pop_back();
    return term;
  }

  const Image& image_;
  ConditionTexts texts_;
  std::vector<Term> stack_;
  std::vector<NumberTerm> numbers_;
};

}  // namespace

ConditionTexts decompile_conditions(const Image& image) { return Decompiler(image).run(); }

}  // namespace redflag
