#include "python/src/record_dict.hpp"

#include <cmath>

#include "runtime/sha256.hpp"
#include "tools/eval/result_order.hpp"

namespace py = pybind11;

namespace redflag::python {
namespace {

// The record's keys, made once.
struct Keys {
  py::str id{"id"}, kb{"kb"}, version{"version"}, hash{"hash"}, urgency{"urgency"}, status{"status"},
      fired{"fired"}, undetermined{"undetermined"}, topics{"topics"}, scores{"scores"}, flag{"flag"},
      title{"title"}, evidence{"evidence"}, fact{"fact"}, value{"value"}, unit{"unit"}, computed{"computed"},
      min{"min"}, max{"max"}, needs{"needs"}, topic{"topic"}, score{"score"}, index{"index"}, error{"error"},
      message{"message"}, field{"field"}, complete{"complete"}, incomplete{"incomplete"};
};

const Keys& keys() {
  static const Keys* made = new Keys();  // lives as long as the interpreter: never destroyed
  return *made;
}

void set(py::dict& dict, const py::str& key, py::handle value) {
  if (PyDict_SetItem(dict.ptr(), key.ptr(), value.ptr()) != 0) throw py::error_already_set();
}

// [value] as json.loads reads the JSON writer's text of it (tools/json_text.cpp).
py::object number(double value) {
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15) {
    return py::reinterpret_steal<py::object>(PyLong_FromLongLong(static_cast<long long>(value)));
  }
  return py::float_(value);
}

template <typename Strings>
std::vector<py::str> strings(const Strings& items, std::string (*text)(const typename Strings::value_type&)) {
  std::vector<py::str> made;
  for (const auto& item : items) made.emplace_back(text(item));
  return made;
}

}  // namespace

RecordBuilder::RecordBuilder(const Image& image)
    : image_(image), order_(tools::flags_by_urgency(image)) {
  for (std::uint32_t slot = 0; slot < image.numbers.size(); ++slot) {
    if (image.numbers[slot].kind == NumberKind::Score) scores_.push_back(slot);
  }
  const Keys& key = keys();
  set(kb_, key.id, py::str(image.meta.id));
  set(kb_, key.version, py::str(image.meta.version));
  set(kb_, key.hash, py::str(to_hex(image.content_hash)));
  levels_ = strings(image.levels, [](const std::string& level) { return level; });
  flag_names_ = strings(image.flags, [](const ImageFlag& flag) { return flag.name; });
  flag_titles_ = strings(image.flags, [](const ImageFlag& flag) { return flag.title; });
  fact_names_ = strings(image.facts, [](const ImageFact& fact) { return fact.name; });
  fact_units_ = strings(image.facts, [](const ImageFact& fact) { return fact.unit; });
  number_names_ = strings(image.numbers, [](const ImageNumber& number) { return number.name; });
  number_units_ = strings(image.numbers, [](const ImageNumber& number) { return number.unit; });
  topic_names_ = strings(image.topics, [](const ImageTopic& topic) { return topic.name; });
  topic_titles_ = strings(image.topics, [](const ImageTopic& topic) { return topic.title; });
  for (const ImageFact& fact : image.facts) {
    enum_values_.push_back(strings(fact.values, [](const std::string& value) { return value; }));
  }
}

py::dict RecordBuilder::record(const Outcome& outcome) {
  const Keys& key = keys();
  py::dict record;
  set(record, key.id, py::str(outcome.id));
  if (!outcome.read) {
    set(record, key.index, py::int_(outcome.position));
    py::dict error;
    set(error, key.message, py::str(outcome.message));
    set(error, key.field, outcome.field.empty() ? py::object(py::none()) : py::object(py::str(outcome.field)));
    set(record, key.error, error);
    return record;
  }
  const Evaluation& evaluation = outcome.evaluation;
  set(record, key.kb, py::reinterpret_steal<py::object>(PyDict_Copy(kb_.ptr())));
  set(record, key.urgency, levels_[evaluation.urgency]);
  set(record, key.status, evaluation.complete ? key.complete : key.incomplete);
  set(record, key.fired, fired(outcome));
  set(record, key.undetermined, undetermined(outcome));
  set(record, key.topics, topics(outcome));
  if (!scores_.empty()) set(record, key.scores, scores(outcome));
  return record;
}

py::list RecordBuilder::fired(const Outcome& outcome) {
  const Keys& key = keys();
  py::list flags;
  for (const std::uint32_t flag_id : order_) {
    if (outcome.evaluation.flags[flag_id] != Tri::True) continue;
    const ImageFlag& flag = image_.flags[flag_id];
    py::dict entry;
    set(entry, key.flag, flag_names_[flag_id]);
    set(entry, key.urgency, levels_[flag.level]);
    set(entry, key.title, flag_titles_[flag_id]);
    py::list evidence;
    for (const std::uint32_t fact_id : flag.facts) {
      const FactValue& value = outcome.facts[fact_id];
      if (!value.known) continue;
      const ImageFact& fact = image_.facts[fact_id];
      py::dict item;
      set(item, key.fact, fact_names_[fact_id]);
      switch (fact.type) {
        case FactType::Bool: set(item, key.value, py::bool_(value.value != 0)); break;
        case FactType::Enum: set(item, key.value, enum_values_[fact_id].at(static_cast<std::size_t>(value.value))); break;
        case FactType::Text: set(item, key.value, py::none()); break;
        case FactType::Number:
        case FactType::Integer:
        case FactType::Quantity: set(item, key.value, number(value.value)); break;
      }
      if (fact.type == FactType::Quantity) set(item, key.unit, fact_units_[fact_id]);
      evidence.append(item);
    }
    for (const std::uint32_t slot : flag.numbers) {
      py::dict item;
      set(item, key.computed, number_names_[slot]);
      set_range(item, outcome.evaluation.numbers.at(slot));
      if (image_.numbers[slot].unit != "1") set(item, key.unit, number_units_[slot]);
      evidence.append(item);
    }
    set(entry, key.evidence, evidence);
    flags.append(entry);
  }
  return flags;
}

py::list RecordBuilder::undetermined(const Outcome& outcome) {
  const Keys& key = keys();
  py::list flags;
  for (const std::uint32_t flag_id : order_) {
    if (outcome.evaluation.flags[flag_id] != Tri::Unknown) continue;
    py::dict entry;
    set(entry, key.flag, flag_names_[flag_id]);
    set(entry, key.urgency, levels_[image_.flags[flag_id].level]);
    set(entry, key.title, flag_titles_[flag_id]);
    set(entry, key.needs, needs(image_.flags[flag_id].facts, outcome));
    flags.append(entry);
  }
  return flags;
}

py::list RecordBuilder::topics(const Outcome& outcome) {
  const Keys& key = keys();
  tools::shown_topics(image_, outcome.evaluation, shown_);
  py::list topics;
  for (std::size_t i = 0; i < shown_.size(); ++i) {
    if (shown_[i] == 0) continue;
    py::dict entry;
    set(entry, key.topic, topic_names_[i]);
    set(entry, key.title, topic_titles_[i]);
    topics.append(entry);
  }
  return topics;
}

py::list RecordBuilder::scores(const Outcome& outcome) {
  const Keys& key = keys();
  py::list scores;
  for (const std::uint32_t slot : scores_) {
    const Interval& value = outcome.evaluation.numbers[slot];
    py::dict entry;
    set(entry, key.score, number_names_[slot]);
    set_range(entry, value);
    if (value.lo != value.hi) set(entry, key.needs, needs(image_.numbers[slot].facts, outcome));
    scores.append(entry);
  }
  return scores;
}

py::list RecordBuilder::needs(const std::vector<std::uint32_t>& fact_ids, const Outcome& outcome) {
  py::list names;
  for (const std::uint32_t fact_id : fact_ids) {
    if (!outcome.facts[fact_id].known) names.append(fact_names_[fact_id]);
  }
  return names;
}

void RecordBuilder::set_range(py::dict& entry, const Interval& range) {
  const Keys& key = keys();
  if (range.lo == range.hi) {
    set(entry, key.value, number(range.lo));
    return;
  }
  set(entry, key.min, number(range.lo));
  set(entry, key.max, number(range.hi));
}

}  // namespace redflag::python
