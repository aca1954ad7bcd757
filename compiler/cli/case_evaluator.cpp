#include "compiler/cli/case_evaluator.hpp"

namespace redflag::cli {

CaseEvaluator::CaseEvaluator(const Image& image, const Program& program, ResultWriter& writer)
    : image_(image), program_(program), evaluation_(program), reader_(image.facts), writer_(writer) {}

void CaseEvaluator::ask_questions() { ranker_.emplace(image_, program_); }

void CaseEvaluator::evaluate(Block& block, const InputSource& source) {
  for (const Entry& entry : block.entries) {
    if (!writer_.ok()) return;
    const CaseOrigin origin{source.name(entry.file), entry.line};
    switch (entry.kind) {
      case Entry::Kind::Case:
        evaluate_case(block.text_of(entry), origin, block);
        break;
      case Entry::Kind::Blank:
        id_.clear();
        report(origin, "empty line; JSON Lines needs one case object per line", "", block);
        break;
      case Entry::Kind::TooLong:
        id_.clear();
        report(origin, fmt::format("line is longer than the limit of {} bytes", LineReader::kDefaultMaxLine), "",
               block);
        break;
      case Entry::Kind::InputError:
        id_.clear();
        report(origin, block.text_of(entry), "", block);
        break;
    }
  }
}

void CaseEvaluator::evaluate_case(std::string_view json, const CaseOrigin& origin, Block& block) {
  if (!reader_.read(json, facts_, id_, error_)) {
    report(origin, error_.message, error_.field, block);
    return;
  }
  redflag::evaluate(program_, facts_.data(), evaluation_);
  if (ranker_) writer_.set_questions(&ranker_->rank(facts_.data(), evaluation_));
  writer_.result(id_, evaluation_, facts_.data());
}

void CaseEvaluator::report(const CaseOrigin& origin, std::string_view message, std::string_view field,
                           Block& block) {
  block.had_input_errors = true;
  writer_.error(id_, origin, message, field);
}

}  // namespace redflag::cli
