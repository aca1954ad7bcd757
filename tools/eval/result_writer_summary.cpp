// `--format summary`: counts only, written once after the last case (docs/cli.md#eval-summary).
//
// One JSON object: the KB, the number of records, how many were errors, and the evaluated
// cases counted per urgency (every level, lowest first, zeros included) and per status.
#include "tools/json_text.hpp"
#include "tools/eval/result_writer.hpp"
#include "runtime/sha256.hpp"

namespace redflag::tools {
namespace {

class SummaryWriter final : public ResultWriter {
 public:
  SummaryWriter(const Image& image, std::FILE* out) : ResultWriter(image, out), urgency_(image.levels.size(), 0) {}

  void result(std::string_view /*id*/, const Evaluation& evaluation, const FactValue* /*facts*/) override {
    ++urgency_[evaluation.urgency];
    ++(evaluation.complete ? complete_ : incomplete_);
  }

  void error(std::string_view /*id*/, const CaseOrigin& /*origin*/, std::string_view /*message*/,
             std::string_view /*field*/) override {
    ++errors_;
  }

  void merge(const ResultWriter& other) override {
    const auto& summary = static_cast<const SummaryWriter&>(other);
    for (std::size_t i = 0; i < urgency_.size(); ++i) urgency_[i] += summary.urgency_[i];
    complete_ += summary.complete_;
    incomplete_ += summary.incomplete_;
    errors_ += summary.errors_;
  }

  void finish() override {
    auto out = std::back_inserter(buffer_);
    buffer_.append(std::string_view(R"({"kb":{"id":)"));
    append_json_string(buffer_, image_.meta.id);
    buffer_.append(std::string_view(R"(,"version":)"));
    append_json_string(buffer_, image_.meta.version);
    fmt::format_to(out, R"(,"hash":"{}"}},"cases":{},"errors":{},"urgency":{{)", to_hex(image_.content_hash),
                   complete_ + incomplete_ + errors_, errors_);
    for (std::size_t i = 0; i < urgency_.size(); ++i) {
      if (i > 0) buffer_.push_back(',');
      append_json_string(buffer_, image_.levels[i]);
      fmt::format_to(out, ":{}", urgency_[i]);
    }
    fmt::format_to(out, R"(}},"status":{{"complete":{},"incomplete":{}}}}})"
                        "\n",
                   complete_, incomplete_);
  }

 private:
  std::vector<std::uint64_t> urgency_;  // evaluated cases per level
  std::uint64_t complete_ = 0;
  std::uint64_t incomplete_ = 0;
  std::uint64_t errors_ = 0;
};

}  // namespace

std::unique_ptr<ResultWriter> make_summary_writer(const Image& image, std::FILE* out) {
  return std::make_unique<SummaryWriter>(image, out);
}

}  // namespace redflag::tools
