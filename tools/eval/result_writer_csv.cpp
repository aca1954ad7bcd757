// `--format csv`: one row per case for spreadsheets (docs/cli.md#eval-csv).
//
// Columns id,urgency,status,fired,undetermined,error; fired and undetermined list flag names
// joined by `;`, highest urgency first. A case that could not be read has status `error`, an
// empty urgency and its message in the error column. Every field holding a comma, a quote or a
// line break is quoted with quotes doubled (RFC 4180), flag names from a crafted `.rfb`
// included; ids and names are written exactly, messages through visible_text. Lines end in "\n".
#include "tools/eval/result_order.hpp"
#include "tools/eval/result_writer.hpp"
#include "runtime/visible_text.hpp"

namespace redflag::tools {
namespace {

void put(fmt::memory_buffer& out, std::string_view text) { out.append(text.data(), text.data() + text.size()); }

// Whether [text] must be quoted as a CSV field.
bool needs_quotes(std::string_view text) { return text.find_first_of(",\"\r\n") != std::string_view::npos; }

// Appends [text] as one CSV field, quoted only when it must be.
void put_field(fmt::memory_buffer& out, std::string_view text) {
  if (!needs_quotes(text)) {
    put(out, text);
    return;
  }
  out.push_back('"');
  for (const char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

class CsvWriter final : public ResultWriter {
 public:
  CsvWriter(const Image& image, std::FILE* out) : ResultWriter(image, out), order_(flags_by_urgency(image)) {
    for (const auto& flag : image.flags) quoted_names_ = quoted_names_ || needs_quotes(flag.name);
    if (out != nullptr) put(buffer_, "id,urgency,status,fired,undetermined,error\n");
  }

  void result(std::string_view id, const Evaluation& evaluation, const FactValue* /*facts*/) override {
    put_field(buffer_, id);
    buffer_.push_back(',');
    put_field(buffer_, image_.levels[evaluation.urgency]);
    put(buffer_, evaluation.complete ? ",complete," : ",incomplete,");
    write_flags(evaluation, Tri::True);
    buffer_.push_back(',');
    write_flags(evaluation, Tri::Unknown);
    put(buffer_, ",\n");
    record_done();
  }

  void error(std::string_view id, const CaseOrigin& /*origin*/, std::string_view message,
             std::string_view /*field*/) override {
    put_field(buffer_, id);
    put(buffer_, ",,error,,,");
    put_field(buffer_, visible_text(message));
    buffer_.push_back('\n');
    record_done();
  }

 private:
  // The names of the flags whose result is [which], joined by `;`, as one field.
  void write_flags(const Evaluation& evaluation, Tri which) {
    if (!quoted_names_) {
      join_flags(evaluation, which, buffer_);
      return;
    }
    names_.clear();
    join_flags(evaluation, which, names_);
    put_field(buffer_, std::string_view(names_.data(), names_.size()));
  }

  // Appends the names of the flags whose result is [which] to [out], joined by `;`.
  void join_flags(const Evaluation& evaluation, Tri which, fmt::memory_buffer& out) {
    bool first = true;
    for (const std::uint32_t flag_id : order_) {
      if (evaluation.flags[flag_id] != which) continue;
      if (!first) out.push_back(';');
      first = false;
      put(out, image_.flags[flag_id].name);
    }
  }

  std::vector<std::uint32_t> order_;  // flags_by_urgency
  bool quoted_names_ = false;         // some flag name needs quotes (only a crafted `.rfb`)
  fmt::memory_buffer names_;          // write_flags' field when it may need quotes, reused
};

}  // namespace

std::unique_ptr<ResultWriter> make_csv_writer(const Image& image, std::FILE* out) {
  return std::make_unique<CsvWriter>(image, out);
}

}  // namespace redflag::tools
