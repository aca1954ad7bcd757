#include "runtime/condition_text.hpp"

#include "runtime/disasm.hpp"
#include "runtime/instruction.hpp"

namespace redflag {
namespace {

// Binding strength, loosest first: `or` < `and` < `not` < a comparison or a name.
enum class Precedence { Or, And, Not, Atom };

struct Term {
  std::string text;
  Precedence precedence = Precedence::Atom;
};

// [term]'s text, parenthesised when it binds looser than [context] needs.
std::string operand(const Term& term, Precedence context) {
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
      case Op::AtLeast: at_least(in.a, in.b); break;
      case Op::DefSet: texts_.defines[in.a] = pop().text; break;
      case Op::DefGet: push({image_.defines[in.a].name}); break;
      case Op::Flag: texts_.flags[in.a] = pop().text; break;
      case Op::Urgency: push({"urgency " + cmp(in.c) + " " + image_.levels[in.b]}); break;
      case Op::Topic: texts_.topics[in.a] = pop().text; break;
    }
  }

  void binary(const char* word, Precedence precedence) {
    Term right = pop();
    Term left = pop();
    // Both operators are associative, so a left operand of the same strength needs no parentheses.
    const auto right_context = static_cast<Precedence>(static_cast<int>(precedence) + 1);
    push({operand(left, precedence) + word + operand(right, right_context), precedence});
  }

  void at_least(std::uint64_t needed, std::uint64_t count) {
    std::string members;
    for (std::size_t i = stack_.size() - count; i < stack_.size(); ++i) {
      members += (members.empty() ? "" : ", ") + stack_[i].text;
    }
    stack_.resize(stack_.size() - count);
    push({"at least " + std::to_string(needed) + " of (" + members + ")"});
  }

  std::string fact_name(std::uint64_t fact) const { return image_.facts[fact].name; }
  static std::string cmp(std::uint8_t code) { return std::string(cmp_symbol(static_cast<CmpCode>(code))); }

  void push(Term term) { stack_.push_back(std::move(term)); }
  Term pop() {
    Term term = std::move(stack_.back());
    stack_.pop_back();
    return term;
  }

  const Image& image_;
  ConditionTexts texts_;
  std::vector<Term> stack_;
};

}  // namespace

ConditionTexts decompile_conditions(const Image& image) { return Decompiler(image).run(); }

}  // namespace redflag
