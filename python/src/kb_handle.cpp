#include "python/src/kb_handle.hpp"

#include <utility>

#include "runtime/bytecode_writer.hpp"
#include "tools/eval/case_blocks.hpp"
#include "tools/eval/case_evaluator.hpp"
#include "tools/eval/result_writer.hpp"

namespace redflag::python {

// One thread's reader, batch and JSON writer (buffering only), with the block it fills.
struct KbHandle::Evaluator {
  explicit Evaluator(const Kb& kb)
      : source(names),
        writer(tools::make_result_writer(tools::OutputFormat::Json, kb.image(), nullptr)),
        evaluator(kb.image(), kb.program(), *writer) {}

  const std::vector<std::string> names{std::string(kCasesName)};  // what error records call the input
  tools::InputSource source;  // never filled: it only names the input for error records
  std::unique_ptr<tools::ResultWriter> writer;
  tools::CaseEvaluator evaluator;
  tools::Block block;
};

KbHandle::KbHandle(tools::LoadedKb loaded)
    : kb_(std::make_shared<const Kb>(std::move(*loaded.image))), bytecode_(std::move(loaded.bytes)) {
  if (bytecode_.empty()) bytecode_ = write_image(kb_->image());  // loaded from a .rfb file
}

KbHandle::~KbHandle() = default;

std::string KbHandle::evaluate(const std::vector<std::string_view>& cases) const {
  std::unique_ptr<Evaluator> evaluator = acquire();
  tools::Block& block = evaluator->block;
  block.text.clear();
  block.entries.clear();
  block.had_input_errors = false;
  std::uint64_t line = 0;
  for (const std::string_view json : cases) {
    tools::Entry entry;
    entry.line = ++line;
    entry.offset = block.text.size();
    entry.size = json.size();
    block.text.append(json);
    block.entries.push_back(entry);
  }
  block.text.append(CaseReader::kPadding, ' ');  // cases are read in place
  evaluator->evaluator.evaluate(block, evaluator->source);
  fmt::memory_buffer& records = evaluator->writer->buffer();
  std::string text(records.data(), records.size());
  records.clear();
  release(std::move(evaluator));
  return text;
}

std::unique_ptr<KbHandle::Evaluator> KbHandle::acquire() const {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!pool_.empty()) {
      std::unique_ptr<Evaluator> evaluator = std::move(pool_.back());
      pool_.pop_back();
      return evaluator;
    }
  }
  return std::make_unique<Evaluator>(*kb_);
}

void KbHandle::release(std::unique_ptr<Evaluator> evaluator) const {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  pool_.push_back(std::move(evaluator));
}

}  // namespace redflag::python
