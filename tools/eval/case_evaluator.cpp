#include "tools/eval/case_evaluator.hpp"

namespace redflag::tools {

CaseEvaluator::CaseEvaluator(const Image& image, const Program& program, ResultWriter& writer)
    : image_(image), program_(program), reader_(image.facts), writer_(writer), batch_(program) {
  slots_.resize(kBatchSize);
  for (Slot& slot : slots_) {
    slot.evaluation = Evaluation(program);
    batch_results_.push_back(&slot.evaluation);
  }
  batch_facts_.resize(kBatchSize);
}

void CaseEvaluator::ask_questions() { ranker_.emplace(image_, program_); }

void CaseEvaluator::evaluate(Block& block, const InputSource& source) {
  for (const Entry& entry : block.entries) {
    if (!writer_.ok()) return;
    const CaseOrigin origin{source.name(entry.file), entry.line};
    switch (entry.kind) {
      case Entry::Kind::Case:
        read_case(block.text_of(entry), origin, block);
        break;
      case Entry::Kind::Blank:
        report("", origin, "empty line; JSON Lines needs one case object per line", "", block);
        break;
      case Entry::Kind::TooLong:
        report("", origin, fmt::format("line is longer than the limit of {} bytes", LineReader::kDefaultMaxLine), "",
               block);
        break;
      case Entry::Kind::InputError:
        report("", origin, block.text_of(entry), "", block);
        break;
    }
  }
  flush();
}

void CaseEvaluator::read_case(std::string_view json, const CaseOrigin& origin, Block& block) {
  Slot& slot = slots_[waiting_];
  if (!reader_.read_in_place(json, slot.facts, slot.id, error_)) {  // the block pads its text
    report(slot.id, origin, error_.message, error_.field, block);
    return;
  }
  batch_facts_[waiting_] = slot.facts.data();
  if (++waiting_ == kBatchSize) flush();
}

void CaseEvaluator::flush() {
  batch_.evaluate(batch_facts_.data(), waiting_, batch_results_.data());
  for (std::size_t i = 0; i < waiting_ && writer_.ok(); ++i) {
    const Slot& slot = slots_[i];
    if (ranker_) writer_.set_questions(&ranker_->rank(slot.facts.data(), slot.evaluation));
    writer_.result(slot.id, slot.evaluation, slot.facts.data());
  }
  waiting_ = 0;
}

void CaseEvaluator::report(std::string_view id, const CaseOrigin& origin, std::string_view message,
                           std::string_view field, Block& block) {
  flush();
  block.had_input_errors = true;
  ++block.input_errors;
  writer_.error(id, origin, message, field);
}

}  // namespace redflag::tools
