// `--format json`: one object per case and line (docs/cli.md#eval-json).
#include <iterator>

#include "compiler/cli/case_view.hpp"
#include "compiler/cli/json_text.hpp"
#include "compiler/cli/result_writer.hpp"

namespace redflag::cli {
namespace {

class JsonWriter final : public ResultWriter {
 public:
  JsonWriter(const Image& image, std::FILE* out) : ResultWriter(image, out) {
    fmt::memory_buffer kb;
    kb.append(std::string_view(R"("kb":{"id":)"));
    append_json_string(kb, image.meta.id);
    kb.append(std::string_view(R"(,"version":)"));
    append_json_string(kb, image.meta.version);
    kb.append(std::string_view(R"(,"hash":")"));
    kb.append(hash_hex(image));
    kb.append(std::string_view(R"("})"));
    kb_object_ = fmt::to_string(kb);
  }

  void result(std::string_view id, const std::vector<FactValue>& facts,
              const Evaluation& evaluation) override {
    const CaseView view = view_case(image_, evaluation);
    auto& out = buffer_;
    out.append(std::string_view(R"({"id":)"));
    append_json_string(out, id);
    out.push_back(',');
    out.append(kb_object_);
    out.append(std::string_view(R"(,"urgency":)"));
    append_json_string(out, image_.levels.at(evaluation.urgency));
    out.append(evaluation.complete ? std::string_view(R"(,"status":"complete")")
                                   : std::string_view(R"(,"status":"incomplete")"));
    out.append(std::string_view(R"(,"fired":[)"));
    for (std::size_t i = 0; i < view.fired.size(); ++i) {
      if (i > 0) out.push_back(',');
      write_fired(view.fired[i], facts);
    }
    out.append(std::string_view(R"(],"undetermined":[)"));
    for (std::size_t i = 0; i < view.undetermined.size(); ++i) {
      if (i > 0) out.push_back(',');
      write_undetermined(view.undetermined[i], facts);
    }
    out.append(std::string_view(R"(],"topics":[)"));
    for (std::size_t i = 0; i < view.topics.size(); ++i) {
      if (i > 0) out.push_back(',');
      const auto& topic = image_.topics[view.topics[i]];
      out.append(std::string_view(R"({"topic":)"));
      append_json_string(out, topic.name);
      out.append(std::string_view(R"(,"title":)"));
      append_json_string(out, topic.title);
      out.push_back('}');
    }
    out.append(std::string_view("]}\n"));
    record_done();
  }

  void error(std::string_view id, const CaseOrigin& origin, std::string_view message,
             std::string_view field) override {
    auto& out = buffer_;
    out.append(std::string_view(R"({"id":)"));
    append_json_string(out, id);
    out.append(std::string_view(R"(,"file":)"));
    append_json_string(out, origin.file);
    if (origin.line > 0) fmt::format_to(std::back_inserter(out), R"(,"line":{})", origin.line);
    out.append(std::string_view(R"(,"error":{"message":)"));
    append_json_string(out, message);
    out.append(std::string_view(R"(,"field":)"));
    if (field.empty()) {
      out.append(std::string_view("null"));
    } else {
      append_json_string(out, field);
    }
    out.append(std::string_view("}}\n"));
    record_done();
  }

 private:
  void write_flag_head(std::uint32_t index) {
    const auto& flag = image_.flags[index];
    buffer_.append(std::string_view(R"({"flag":)"));
    append_json_string(buffer_, flag.name);
    buffer_.append(std::string_view(R"(,"urgency":)"));
    append_json_string(buffer_, image_.levels.at(flag.level));
    buffer_.append(std::string_view(R"(,"title":)"));
    append_json_string(buffer_, flag.title);
  }

  void write_fired(std::uint32_t index, const std::vector<FactValue>& facts) {
    write_flag_head(index);
    buffer_.append(std::string_view(R"(,"evidence":[)"));
    const auto evidence = evidence_of(image_.flags[index], facts);
    for (std::size_t i = 0; i < evidence.size(); ++i) {
      if (i > 0) buffer_.push_back(',');
      write_evidence(evidence[i], facts[evidence[i]]);
    }
    buffer_.append(std::string_view("]}"));
  }

  void write_evidence(std::uint32_t index, const FactValue& value) {
    const auto& fact = image_.facts[index];
    buffer_.append(std::string_view(R"({"fact":)"));
    append_json_string(buffer_, fact.name);
    buffer_.append(std::string_view(R"(,"value":)"));
    switch (fact.type) {
      case FactType::Bool: buffer_.append(std::string_view(value.value != 0 ? "true" : "false")); break;
      case FactType::Enum: append_json_string(buffer_, display_value(fact, value)); break;
      case FactType::Text: buffer_.append(std::string_view("null")); break;
      case FactType::Number:
      case FactType::Quantity: append_json_number(buffer_, value.value); break;
    }
    if (fact.type == FactType::Quantity) {
      buffer_.append(std::string_view(R"(,"unit":)"));
      append_json_string(buffer_, fact.unit);
    }
    buffer_.push_back('}');
  }

  void write_undetermined(std::uint32_t index, const std::vector<FactValue>& facts) {
    write_flag_head(index);
    buffer_.append(std::string_view(R"(,"needs":[)"));
    const auto needs = needs_of(image_.flags[index], facts);
    for (std::size_t i = 0; i < needs.size(); ++i) {
      if (i > 0) buffer_.push_back(',');
      append_json_string(buffer_, image_.facts[needs[i]].name);
    }
    buffer_.append(std::string_view("]}"));
  }

  std::string kb_object_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_json_writer(const Image& image, std::FILE* out) {
  return std::make_unique<JsonWriter>(image, out);
}

}  // namespace redflag::cli
