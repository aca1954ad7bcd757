// `--format json`: one object per case and line (docs/cli.md#eval-json).
//
// Built for batches: every piece of a record that depends only on the KB (the kb object, each
// flag's head, each topic, each fact's evidence key and unit, each computed value's name and
// unit, each enum value) is escaped once, here, into a fragment; a record is then mostly a
// sequence of copies. Only the id and number values are formatted per case.
#include <iterator>

#include "runtime/visible_text.hpp"
#include "tools/json_text.hpp"
#include "tools/eval/result_order.hpp"
#include "tools/eval/result_writer.hpp"
#include "runtime/sha256.hpp"

namespace redflag::tools {
namespace {

// [build] run on a fresh buffer, as a string.
template <typename Build>
std::string fragment(Build build) {
  fmt::memory_buffer text;
  build(text);
  return fmt::to_string(text);
}

void put(fmt::memory_buffer& out, std::string_view text) { out.append(text.data(), text.data() + text.size()); }

class JsonWriter final : public ResultWriter {
 public:
  JsonWriter(const Image& image, std::FILE* out) : ResultWriter(image, out), order_(flags_by_urgency(image)) {
    kb_ = fragment([&](fmt::memory_buffer& text) {
      put(text, R"(,"kb":{"id":)");
      append_json_string(text, image.meta.id);
      put(text, R"(,"version":)");
      append_json_string(text, image.meta.version);
      put(text, R"(,"hash":")");
      put(text, to_hex(image.content_hash));
      put(text, R"("})");
    });
    for (const auto& level : image.levels) {
      urgency_.push_back(fragment([&](fmt::memory_buffer& text) {
        put(text, R"(,"urgency":)");
        append_json_string(text, level);
      }));
    }
    for (const auto& flag : image.flags) {
      flag_head_.push_back(fragment([&](fmt::memory_buffer& text) {
        put(text, R"({"flag":)");
        append_json_string(text, flag.name);
        put(text, R"(,"urgency":)");
        append_json_string(text, image.levels.at(flag.level));
        put(text, R"(,"title":)");
        append_json_string(text, flag.title);
      }));
    }
    for (const auto& topic : image.topics) {
      topic_.push_back(fragment([&](fmt::memory_buffer& text) {
        put(text, R"({"topic":)");
        append_json_string(text, topic.name);
        put(text, R"(,"title":)");
        append_json_string(text, topic.title);
        text.push_back('}');
      }));
    }
    for (const auto& fact : image.facts) {
      FactFragments fragments;
      fragments.head = fragment([&](fmt::memory_buffer& text) {
        put(text, R"({"fact":)");
        append_json_string(text, fact.name);
        put(text, R"(,"value":)");
      });
      fragments.name = fragment([&](fmt::memory_buffer& text) { append_json_string(text, fact.name); });
      fragments.tail = fact.type != FactType::Quantity ? "}" : fragment([&](fmt::memory_buffer& text) {
        put(text, R"(,"unit":)");
        append_json_string(text, fact.unit);
        text.push_back('}');
      });
      for (const auto& value : fact.values) {
        fragments.values.push_back(fragment([&](fmt::memory_buffer& text) { append_json_string(text, value); }));
      }
      facts_.push_back(std::move(fragments));
    }
    for (std::uint32_t slot = 0; slot < image.numbers.size(); ++slot) {
      const ImageNumber& number = image.numbers[slot];
      if (number.kind == NumberKind::Score) scores_.push_back(slot);
      NumberFragments fragments;
      fragments.head = fragment([&](fmt::memory_buffer& text) {
        put(text, R"({"computed":)");
        append_json_string(text, number.name);
      });
      fragments.tail = number.unit == "1" ? "}" : fragment([&](fmt::memory_buffer& text) {
        put(text, R"(,"unit":)");
        append_json_string(text, number.unit);
        text.push_back('}');
      });
      numbers_.push_back(std::move(fragments));
    }
  }

  void result(std::string_view id, const Evaluation& evaluation, const FactValue* facts) override {
    auto& out = buffer_;
    evaluation_numbers_ = &evaluation.numbers;
    put(out, R"({"id":)");
    append_json_string(out, id);
    put(out, kb_);
    put(out, urgency_[evaluation.urgency]);
    put(out, evaluation.complete ? std::string_view(R"(,"status":"complete","fired":[)")
                                 : std::string_view(R"(,"status":"incomplete","fired":[)"));
    write_flags(evaluation, Tri::True, facts);
    put(out, R"(],"undetermined":[)");
    write_flags(evaluation, Tri::Unknown, facts);
    put(out, R"(],"topics":[)");
    shown_topics(image_, evaluation, shown_);
    bool first = true;
    for (std::size_t i = 0; i < shown_.size(); ++i) {
      if (shown_[i] == 0) continue;
      if (!first) out.push_back(',');
      first = false;
      put(out, topic_[i]);
    }
    out.push_back(']');
    if (!scores_.empty()) write_scores(evaluation, facts);
    if (questions_ != nullptr) write_questions(*questions_);
    put(out, "}\n");
    record_done();
  }

  void error(std::string_view id, const CaseOrigin& origin, std::string_view message,
             std::string_view field) override {
    auto& out = buffer_;
    put(out, R"({"id":)");
    append_json_string(out, id);
    put(out, R"(,"file":)");
    append_json_string(out, origin.file);
    if (origin.line > 0) fmt::format_to(std::back_inserter(out), R"(,"line":{})", origin.line);
    put(out, R"(,"error":{"message":)");
    append_json_string(out, visible_text(message));  // for people: invisible characters shown
    put(out, R"(,"field":)");
    if (field.empty()) {
      put(out, "null");
    } else {
      append_json_string(out, field);
    }
    put(out, "}}\n");
    record_done();
  }

 private:
  // The fixed text around one fact's evidence.
  struct FactFragments {
    std::string head;                 // {"fact":"name","value":
    std::string name;                 // "name"
    std::string tail;                 // } or ,"unit":"u"}
    std::vector<std::string> values;  // enum values, as JSON strings
  };

  // The fixed text around one computed value's evidence.
  struct NumberFragments {
    std::string head;  // {"computed":"name"
    std::string tail;  // } or ,"unit":"u"}
  };

  // The flags whose result is [which] (T: fired, U: undetermined), comma-separated.
  void write_flags(const Evaluation& evaluation, Tri which, const FactValue* facts) {
    bool first = true;
    for (const std::uint32_t flag_id : order_) {
      if (evaluation.flags[flag_id] != which) continue;
      if (!first) buffer_.push_back(',');
      first = false;
      if (which == Tri::True) {
        write_fired(flag_id, facts);
      } else {
        write_undetermined(flag_id, facts);
      }
    }
  }

  void write_fired(std::uint32_t flag_id, const FactValue* facts) {
    put(buffer_, flag_head_[flag_id]);
    put(buffer_, R"(,"evidence":[)");
    bool first = true;
    for (const std::uint32_t fact_id : image_.flags[flag_id].facts) {
      const FactValue& value = facts[fact_id];
      if (!value.known) continue;
      if (!first) buffer_.push_back(',');
      first = false;
      const FactFragments& fact = facts_[fact_id];
      put(buffer_, fact.head);
      switch (image_.facts[fact_id].type) {
        case FactType::Bool: put(buffer_, value.value != 0 ? "true" : "false"); break;
        case FactType::Enum: put(buffer_, fact.values.at(static_cast<std::size_t>(value.value))); break;
        case FactType::Text: put(buffer_, "null"); break;
        case FactType::Number:
        case FactType::Integer:
        case FactType::Quantity: append_json_number(buffer_, value.value); break;
      }
      put(buffer_, fact.tail);
    }
    for (const std::uint32_t slot : image_.flags[flag_id].numbers) {
      if (!first) buffer_.push_back(',');
      first = false;
      put(buffer_, numbers_[slot].head);
      write_range(evaluation_numbers_->at(slot));
      put(buffer_, numbers_[slot].tail);
    }
    put(buffer_, "]}");
  }

  // `,"value":N` when [range] is exact, else `,"min":A,"max":B`.
  void write_range(const Interval& range) {
    if (range.lo == range.hi) {
      put(buffer_, R"(,"value":)");
      append_json_number(buffer_, range.lo);
      return;
    }
    put(buffer_, R"(,"min":)");
    append_json_number(buffer_, range.lo);
    put(buffer_, R"(,"max":)");
    append_json_number(buffer_, range.hi);
  }

  // `,"scores":[...]`: every score, with the unknown facts it reads when it is not exact.
  void write_scores(const Evaluation& evaluation, const FactValue* facts) {
    put(buffer_, R"(,"scores":[)");
    for (std::size_t i = 0; i < scores_.size(); ++i) {
      const ImageNumber& score = image_.numbers[scores_[i]];
      const Interval& value = evaluation.numbers[scores_[i]];
      if (i > 0) buffer_.push_back(',');
      put(buffer_, R"({"score":)");
      append_json_string(buffer_, score.name);
      write_range(value);
      if (value.lo != value.hi) {
        put(buffer_, R"(,"needs":[)");
        bool first = true;
        for (const std::uint32_t fact_id : score.facts) {
          if (facts[fact_id].known) continue;
          if (!first) buffer_.push_back(',');
          first = false;
          put(buffer_, facts_[fact_id].name);
        }
        buffer_.push_back(']');
      }
      buffer_.push_back('}');
    }
    buffer_.push_back(']');
  }

  void write_undetermined(std::uint32_t flag_id, const FactValue* facts) {
    put(buffer_, flag_head_[flag_id]);
    put(buffer_, R"(,"needs":[)");
    bool first = true;
    for (const std::uint32_t fact_id : image_.flags[flag_id].facts) {
      if (facts[fact_id].known) continue;
      if (!first) buffer_.push_back(',');
      first = false;
      put(buffer_, facts_[fact_id].name);
    }
    put(buffer_, "]}");
  }

  // `,"ask":[...]`: each question with the fact's ask text, the urgency its answer could reach
  // alone and together with others, the undetermined flags that read it, and what it can do to
  // them alone and with which other facts (runtime/next_question.hpp).
  void append_flag_names(const std::vector<std::uint32_t>& flags) {
    buffer_.push_back('[');
    for (std::size_t j = 0; j < flags.size(); ++j) {
      if (j > 0) buffer_.push_back(',');
      append_json_string(buffer_, image_.flags[flags[j]].name);
    }
    buffer_.push_back(']');
  }

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
      buffer_.append(std::string_view(R"(,"flags":)"));
      append_flag_names(question.flags);
      buffer_.append(std::string_view(R"(,"could_reach_together":)"));
      append_json_string(buffer_, image_.levels[question.could_reach_together]);
      buffer_.append(std::string_view(R"(,"fires_alone":)"));
      append_flag_names(question.fires_alone);
      buffer_.append(std::string_view(R"(,"rules_out_alone":)"));
      append_flag_names(question.rules_out_alone);
      buffer_.append(std::string_view(R"(,"together":[)"));
      for (std::size_t j = 0; j < question.together.size(); ++j) {
        const AnsweredTogether& together = question.together[j];
        buffer_.append(std::string_view(j > 0 ? R"(,{"with":[)" : R"({"with":[)"));
        for (std::size_t k = 0; k < together.with.size(); ++k) {
          if (k > 0) buffer_.push_back(',');
          append_json_string(buffer_, image_.facts[together.with[k]].name);
        }
        buffer_.append(std::string_view(R"(],"fires":)"));
        append_flag_names(together.fires);
        buffer_.push_back('}');
      }
      buffer_.append(std::string_view("]}"));
    }
    buffer_.push_back(']');
  }

  std::vector<std::uint32_t> order_;  // flags_by_urgency
  std::string kb_;                     // ,"kb":{...}
  std::vector<std::string> urgency_;   // per level: ,"urgency":"name"
  std::vector<std::string> flag_head_;  // per flag: {"flag":...,"title":"..."
  std::vector<std::string> topic_;     // per topic: {"topic":...,"title":"..."}
  std::vector<FactFragments> facts_;
  std::vector<NumberFragments> numbers_;  // per N-slot
  std::vector<char> shown_;  // scratch: the topics of the current case
  std::vector<std::uint32_t> scores_;  // the N-slots of the scores, in table order
  const std::vector<Interval>* evaluation_numbers_ = nullptr;  // the current case's numbers
};

}  // namespace

std::unique_ptr<ResultWriter> make_json_writer(const Image& image, std::FILE* out) {
  return std::make_unique<JsonWriter>(image, out);
}

}  // namespace redflag::tools
