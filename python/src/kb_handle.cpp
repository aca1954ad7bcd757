#include "python/src/kb_handle.hpp"

#include <utility>

#include "runtime/bytecode_writer.hpp"
#include "tools/eval/case_blocks.hpp"
#include "tools/eval/case_evaluator.hpp"
#include "tools/eval/result_writer.hpp"

namespace redflag::python {
namespace {

// A result writer that keeps what it is given, reusing the storage of earlier calls.
class OutcomeWriter final : public tools::ResultWriter {
 public:
  explicit OutcomeWriter(const Image& image) : ResultWriter(image, nullptr) {}

  void start() { count_ = 0; }
  const std::vector<Outcome>& outcomes() {
    outcomes_.resize(count_);
    return outcomes_;
  }

  void result(std::string_view id, const Evaluation& evaluation, const FactValue* facts) override {
    Outcome& outcome = next(id);
    outcome.read = true;
    outcome.evaluation = evaluation;
    outcome.facts.assign(facts, facts + image_.facts.size());
  }

  void error(std::string_view id, const tools::CaseOrigin& origin, std::string_view message,
             std::string_view field) override {
    Outcome& outcome = next(id);
    static_cast<void>(origin);  // records keep input order: the position is the count so far
    outcome.read = false;
    outcome.message = message;
    outcome.field = field;
  }

 private:
  Outcome& next(std::string_view id) {
    if (count_ == outcomes_.size()) outcomes_.emplace_back();
    Outcome& outcome = outcomes_[count_];
    outcome.position = count_++;
    outcome.id = id;
    return outcome;
  }

  std::vector<Outcome> outcomes_;
  std::size_t count_ = 0;
};

}  // namespace

// One thread's reader, batch and results, with the block of cases it fills.
struct KbHandle::Evaluator {
  explicit Evaluator(const Kb& kb) : source(names), writer(kb.image()), evaluator(kb.image(), kb.program(), writer) {}

  const std::vector<std::string> names{"<cases>"};
  tools::InputSource source;  // never filled: it only names the input of error records
  OutcomeWriter writer;
  tools::CaseEvaluator evaluator;
  tools::Block block;
};

KbHandle::KbHandle(tools::LoadedKb loaded)
    : kb_(std::make_shared<const Kb>(std::move(*loaded.image))), bytecode_(std::move(loaded.bytes)) {
  if (bytecode_.empty()) bytecode_ = write_image(kb_->image());  // loaded from a .rfb file
}

KbHandle::~KbHandle() = default;

KbHandle::Session::Session(const KbHandle& kb) : kb_(kb) {
  std::lock_guard<std::mutex> lock(kb.pool_mutex_);
  if (!kb.pool_.empty()) {
    evaluator_ = std::move(kb.pool_.back());
    kb.pool_.pop_back();
  }
}

KbHandle::Session::~Session() {
  if (!evaluator_) return;
  std::lock_guard<std::mutex> lock(kb_.pool_mutex_);
  kb_.pool_.push_back(std::move(evaluator_));
}

const std::vector<Outcome>& KbHandle::Session::evaluate(const std::vector<std::string_view>& cases) {
  if (!evaluator_) evaluator_ = std::make_unique<Evaluator>(*kb_.kb_);
  tools::Block& block = evaluator_->block;
  block.text.clear();
  block.entries.clear();
  block.had_input_errors = false;
  for (const std::string_view json : cases) {
    tools::Entry entry;
    entry.line = block.entries.size() + 1;
    entry.offset = block.text.size();
    entry.size = json.size();
    block.text.append(json);
    block.entries.push_back(entry);
  }
  block.text.append(CaseReader::kPadding, ' ');  // cases are read in place
  evaluator_->writer.start();
  evaluator_->evaluator.evaluate(block, evaluator_->source);
  return evaluator_->writer.outcomes();
}

}  // namespace redflag::python
