// `--format json`: one object per case and line (docs/cli.md#eval-json).
#include <iterator>

#include "compiler/cli/fact_display.hpp"
#include "compiler/cli/json_text.hpp"
#include "compiler/cli/result_writer.hpp"
#include "runtime/sha256.hpp"

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
    kb.append(to_hex(image.content_hash));
    kb.append(std::string_view(R"("})"));
    kb_object_ = fmt::to_string(kb);
  }

  void result(std::string_view id, const CaseResult& result) override {
    auto& out = buffer_;
    out.append(std::string_view(R"({"id":)"));
    append_json_string(out, id);
    out.push_back(',');
    out.append(kb_object_);
    out.append(std::string_view(R"(,"urgency":)"));
    append_json_string(out, result.urgency_name);
    out.append(result.complete ? std::string_view(R"(,"status":"complete")")
                                   : std::string_view(R"(,"status":"incomplete")"));
    out.append(std::string_view(R"(,"fired":[)"));
    const auto fired = fired_by_urgency(image_, result);
    for (std::size_t i = 0; i < fired.size(); ++i) {
      if (i > 0) out.push_back(',');
      write_fired(*fired[i]);
    }
    out.append(std::string_view(R"(],"undetermined":[)"));
    const auto undetermined = undetermined_by_urgency(image_, result);
    for (std::size_t i = 0; i < undetermined.size(); ++i) {
      if (i > 0) out.push_back(',');
      write_undetermined(*undetermined[i]);
    }
    out.append(std::string_view(R"(],"topics":[)"));
    for (std::size_t i = 0; i < result.topics.size(); ++i) {
      if (i > 0) out.push_back(',');
      const auto& topic = image_.topics[result.topics[i]];
      out.append(std::string_view(R"({"topic":)"));
      append_json_string(out, topic.name);
      out.append(std::string_view(R"(,"title":)"));
      append_json_string(out, topic.title);
      out.push_back('}');
    }
    out.push_back(']');
    if (questions_ != nullptr) write_questions(*questions_);
    out.append(std::string_view("}\n"));
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

  void write_fired(const FiredFlag& flag) {
    write_flag_head(flag.flag_id);
    buffer_.append(std::string_view(R"(,"evidence":[)"));
    for (std::size_t i = 0; i < flag.evidence.size(); ++i) {
      if (i > 0) buffer_.push_back(',');
      write_evidence(flag.evidence[i]);
    }
    buffer_.append(std::string_view("]}"));
  }

  void write_evidence(const Evidence& evidence) {
    const auto& fact = image_.facts[evidence.fact_id];
    buffer_.append(std::string_view(R"({"fact":)"));
    append_json_string(buffer_, fact.name);
    buffer_.append(std::string_view(R"(,"value":)"));
    switch (fact.type) {
      case FactType::Bool: buffer_.append(std::string_view(evidence.value != 0 ? "true" : "false")); break;
      case FactType::Enum: append_json_string(buffer_, display_value(fact, evidence.value)); break;
      case FactType::Text: buffer_.append(std::string_view("null")); break;
      case FactType::Number:
      case FactType::Quantity: append_json_number(buffer_, evidence.value); break;
    }
    if (fact.type == FactType::Quantity) {
      buffer_.append(std::string_view(R"(,"unit":)"));
      append_json_string(buffer_, fact.unit);
    }
    buffer_.push_back('}');
  }

  void write_undetermined(const UndeterminedFlag& flag) {
    write_flag_head(flag.flag_id);
    buffer_.append(std::string_view(R"(,"needs":[)"));
    for (std::size_t i = 0; i < flag.needs.size(); ++i) {
      if (i > 0) buffer_.push_back(',');
      append_json_string(buffer_, image_.facts[flag.needs[i]].name);
    }
    buffer_.append(std::string_view("]}"));
  }

  // `,"ask":[...]`: each question with the fact's ask text, the urgency its answer could reach
  // and the undetermined flags it could settle.
  void write_questions(const std::vector<Question>& questions) {
    buffer_.append(std::string_view(R"(,"ask":[)"));
    for (std::size_t i = 0; i < questions.size(); ++i) {
      const Question& question = questions[i];
      const ImageFact& fact = image_.facts[question.fact_id];
      if (i > 0) buffer_.push_back(',');
      buffer_.append(std::string_view(R"({"fact":)"));
      append_json_string(buffer_, fact.name);
      buffer_.append(std::string_view(R"(,"ask":)"));
      append_json_string(buffer_, fact.ask);
      buffer_.append(std::string_view(R"(,"could_reach":)"));
      append_json_string(buffer_, image_.levels[question.could_reach]);
      buffer_.append(std::string_view(R"(,"flags":[)"));
      for (std::size_t j = 0; j < question.flags.size(); ++j) {
        if (j > 0) buffer_.push_back(',');
        append_json_string(buffer_, image_.flags[question.flags[j]].name);
      }
      buffer_.append(std::string_view("]}"));
    }
    buffer_.push_back(']');
  }

  std::string kb_object_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_json_writer(const Image& image, std::FILE* out) {
  return std::make_unique<JsonWriter>(image, out);
}

}  // namespace redflag::cli
