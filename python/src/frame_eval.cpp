#include "python/src/frame_eval.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "python/src/case_json.hpp"
#include "python/src/gc_pause.hpp"
#include "runtime/cases/case_reader.hpp"
#include "runtime/fact_input.hpp"
#include "runtime/vm_batch.hpp"
#include "tools/eval/result_order.hpp"
#include "tools/json_text.hpp"

namespace py = pybind11;

namespace redflag::python {
namespace {

constexpr std::size_t kChunkRows = 4096;       // rows read, then evaluated without the GIL, at a time
constexpr std::size_t kMaxCachedCells = 4096;  // distinct strings remembered per column

// [value] as a case file would write it, for messages: `131`, `0.5`.
std::string number_text(double value) {
  fmt::memory_buffer text;
  tools::append_json_number(text, value);
  return fmt::to_string(text);
}

// A cell as read: its value, or why it was refused.
struct Cell {
  FactValue value;
  std::string error;
};

// Reads object cells as the JSON case reader reads the value of a key: the cell is written as a
// one-key case, `{"fact":VALUE}`, and read. A string's verdict is remembered per column.
class CellReader {
 public:
  explicit CellReader(const Image& image)
      : image_(image), reader_(image.facts), cache_(image.facts.size()), dumps_(py::module_::import("json").attr("dumps")) {
    for (const ImageFact& fact : image.facts) {
      fmt::memory_buffer key;
      key.push_back('{');
      tools::append_json_string(key, fact.name);
      key.push_back(':');
      keys_.push_back(fmt::to_string(key));
    }
  }

  // Reads [cell], of fact [fact_id]'s column: None and NaN are unknown.
  Cell read(std::uint32_t fact_id, PyObject* cell) {
    if (cell == Py_None) return {};
    if (PyUnicode_Check(cell)) {
      Py_ssize_t size = 0;
      const char* data = PyUnicode_AsUTF8AndSize(cell, &size);
      if (data == nullptr) throw py::error_already_set();
      const std::string_view text(data, static_cast<std::size_t>(size));
      auto& cache = cache_[fact_id];
      if (auto found = cache.find(text); found != cache.end()) return found->second;
      start(fact_id);
      tools::append_json_string(json_, text);
      Cell result = finish(fact_id);
      if (cache.size() < kMaxCachedCells) cache.emplace(strings_.emplace_back(text), result);
      return result;
    }
    if (PyFloat_Check(cell) && std::isnan(PyFloat_AS_DOUBLE(cell))) return {};
    start(fact_id);
    if (!append_value(cell)) return {FactValue{}, wrong_type_error(image_.facts[fact_id], type_text(cell))};
    return finish(fact_id);
  }

 private:
  void start(std::uint32_t fact_id) {
    json_.clear();
    json_.append(std::string_view(keys_[fact_id]));
  }

  Cell finish(std::uint32_t fact_id) {
    json_.push_back('}');
    if (!reader_.read(std::string_view(json_.data(), json_.size()), facts_, id_, error_)) {
      return {FactValue{}, error_.message};
    }
    return {facts_[fact_id], ""};
  }

  // Appends [cell] as JSON; false when it has no JSON form. The common types as a case dict's
  // (case_json.hpp), a numpy scalar as its Python value, the rest through json.dumps.
  bool append_value(PyObject* cell) {
    const std::size_t start = json_.size();
    if (append_case_json(json_, cell)) return true;
    json_.resize(start);  // a dict written in part
    py::handle object(cell);
    if (py::hasattr(object, "item") && !PyLong_Check(cell)) return append_value(object.attr("item")().ptr());
    try {
      const std::string text = py::str(dumps_(object, py::arg("allow_nan") = false));
      json_.append(std::string_view(text));
    } catch (py::error_already_set&) {  // not JSON: a date, a set
      return false;
    }
    return true;
  }

  // How a message names a value with no JSON form: `a Timestamp`.
  static std::string type_text(PyObject* cell) { return std::string("a ") + Py_TYPE(cell)->tp_name; }

  const Image& image_;
  CaseReader reader_;
  std::vector<std::string> keys_;  // per fact: `{"name":`
  std::vector<std::unordered_map<std::string_view, Cell>> cache_;  // per fact, keyed into strings_
  std::deque<std::string> strings_;
  py::object dumps_;
  fmt::memory_buffer json_;
  std::vector<FactValue> facts_;
  std::string id_;
  CaseError error_;
};

// Checks [value] from a float64 column for [fact] into [out]: "" or why not.
std::string float_input(const ImageFact& fact, double value, double& out) {
  switch (fact.type) {
    case FactType::Bool:
      if (value != 0 && value != 1) return wrong_type_error(fact, number_text(value));
      out = value;
      return "";
    case FactType::Number:
    case FactType::Integer:
    case FactType::Quantity: return number_input(fact, value, out);
    case FactType::Enum:
    case FactType::Text: break;
  }
  return wrong_type_error(fact, number_text(value));
}

// The chunk of rows being read: facts row by row, and each row's first problem. [capacity] rows
// at most, so that a small frame does not pay for kChunkRows evaluations.
struct Chunk {
  Chunk(std::size_t fact_count, const Program& program, std::size_t capacity)
      : fact_count(fact_count),
        facts(capacity * fact_count),
        errors(capacity),
        error_facts(capacity),
        evaluations(capacity, Evaluation(program)) {}

  void reset(std::size_t rows) {
    count = rows;
    std::fill(facts.begin(), facts.begin() + static_cast<std::ptrdiff_t>(rows * fact_count), FactValue{});
    for (std::size_t i = 0; i < rows; ++i) errors[i].clear();
  }
  FactValue& fact(std::size_t row, std::uint32_t fact_id) { return facts[row * fact_count + fact_id]; }
  // Keeps [reason] as [row]'s problem, unless it already has one (the first cell refused wins).
  void refuse(std::size_t row, std::uint32_t fact_id, std::string reason) {
    if (!errors[row].empty()) return;
    errors[row] = std::move(reason);
    error_facts[row] = fact_id;
  }

  std::size_t fact_count;
  std::size_t count = 0;
  std::vector<FactValue> facts;
  std::vector<std::string> errors;
  std::vector<std::uint32_t> error_facts;
  std::vector<Evaluation> evaluations;
};

// Reads rows [start, start + chunk.count) of [column] into [chunk].
void read_column(const Image& image, const FactColumn& column, std::size_t start, CellReader& cells, Chunk& chunk) {
  const ImageFact& fact = image.facts[column.fact_id];
  switch (column.kind) {
    case ColumnKind::Float: {
      const double* values = static_cast<const double*>(column.data.data()) + start;
      for (std::size_t row = 0; row < chunk.count; ++row) {
        if (std::isnan(values[row])) continue;
        FactValue& out = chunk.fact(row, column.fact_id);
        if (std::string reason = float_input(fact, values[row], out.value); !reason.empty()) {
          chunk.refuse(row, column.fact_id, std::move(reason));
        } else {
          out.known = true;
        }
      }
      return;
    }
    case ColumnKind::Bool: {
      const std::uint8_t* values = static_cast<const std::uint8_t*>(column.data.data()) + start;
      for (std::size_t row = 0; row < chunk.count; ++row) {
        if (fact.type != FactType::Bool) {
          chunk.refuse(row, column.fact_id, wrong_type_error(fact, values[row] != 0 ? "true" : "false"));
          continue;
        }
        chunk.fact(row, column.fact_id) = FactValue{values[row] != 0 ? 1.0 : 0.0, true};
      }
      return;
    }
    case ColumnKind::Object: {
      PyObject* const* values = static_cast<PyObject* const*>(column.data.data()) + start;
      for (std::size_t row = 0; row < chunk.count; ++row) {
        Cell cell = cells.read(column.fact_id, values[row]);
        if (!cell.error.empty()) {
          chunk.refuse(row, column.fact_id, std::move(cell.error));
        } else {
          chunk.fact(row, column.fact_id) = cell.value;
        }
      }
      return;
    }
  }
}

// Evaluates the rows of [chunk] that were read without a problem, 64 at a time.
void evaluate_chunk(BatchEvaluator& batch, Chunk& chunk) {
  const FactValue* cases[kBatchSize];
  Evaluation* outs[kBatchSize];
  std::size_t waiting = 0;
  for (std::size_t row = 0; row < chunk.count; ++row) {
    if (!chunk.errors[row].empty()) continue;
    cases[waiting] = chunk.facts.data() + row * chunk.fact_count;
    outs[waiting] = &chunk.evaluations[row];
    if (++waiting == kBatchSize) {
      batch.evaluate(cases, waiting, outs);
      waiting = 0;
    }
  }
  if (waiting > 0) batch.evaluate(cases, waiting, outs);
}

// Checks that [column] is what redflag/__init__.py promises: [rows] contiguous values of its kind.
void check_column(const Image& image, const FactColumn& column, std::size_t rows) {
  const py::ssize_t itemsize = column.kind == ColumnKind::Float ? 8 : column.kind == ColumnKind::Bool ? 1 : sizeof(PyObject*);
  const bool object = column.data.dtype().kind() == 'O';
  if (column.fact_id >= image.facts.size() || column.data.ndim() != 1 ||
      static_cast<std::size_t>(column.data.shape(0)) != rows || column.data.itemsize() != itemsize ||
      (column.kind == ColumnKind::Object) != object || (column.data.flags() & py::array::c_style) == 0) {
    throw py::value_error("evaluate_frame: a column does not match its kind (an internal error)");
  }
}

// Sets item [index] of [list], which it owns from now on, to [value].
void set_item(py::list& list, std::size_t index, py::object value) {
  PyList_SET_ITEM(list.ptr(), static_cast<Py_ssize_t>(index), value.release().ptr());
}

// A result column of Python objects: a numpy object array, filled in place row by row, which
// pandas takes as it is (a list would be copied into such an array).
class ObjectColumn {
 public:
  explicit ObjectColumn(std::size_t rows)
      : array_(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(rows)}),
        items_(static_cast<PyObject**>(array_.mutable_data())) {}

  // Sets [row] to [value], which the column then also holds.
  void set(std::size_t row, py::handle value) {
    PyObject* const old = items_[row];  // null or None in a new array
    items_[row] = value.inc_ref().ptr();
    Py_XDECREF(old);
  }
  const py::array& array() const { return array_; }

 private:
  py::array array_;
  PyObject** items_;
};

}  // namespace

py::dict evaluate_frame(const KbHandle& kb, const std::vector<FactColumn>& columns, std::size_t rows) {
  const Image& image = kb.image();
  for (const FactColumn& column : columns) check_column(image, column, rows);
  const std::vector<std::uint32_t> order = tools::flags_by_urgency(image);
  std::vector<std::uint32_t> scores;
  for (std::uint32_t slot = 0; slot < image.numbers.size(); ++slot) {
    if (image.numbers[slot].kind == NumberKind::Score) scores.push_back(slot);
  }
  std::vector<py::str> levels;
  for (const std::string& level : image.levels) levels.emplace_back(level);
  std::vector<py::str> flag_names;
  for (const ImageFlag& flag : image.flags) flag_names.emplace_back(flag.name);
  std::vector<py::str> fact_names;
  for (const ImageFact& fact : image.facts) fact_names.emplace_back(fact.name);
  const py::str complete("complete"), incomplete("incomplete"), error_status("error");

  ObjectColumn urgency(rows), status(rows), fired(rows), undetermined(rows), error(rows), error_field(rows);
  struct ScoreColumns {
    py::array_t<double> value, min, max;
  };
  std::vector<ScoreColumns> score_columns;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    score_columns.push_back({py::array_t<double>(rows), py::array_t<double>(rows), py::array_t<double>(rows)});
  }

  const GcPause gc_pause;  // a list per row and column of flags, none of them in a cycle
  CellReader cells(image);
  BatchEvaluator batch(kb.kb().program());
  Chunk chunk(image.facts.size(), kb.kb().program(), std::min(kChunkRows, rows));
  std::vector<std::uint32_t> listed;
  // The flags of [evaluation] whose result is [which], as a list of names in output order.
  auto flags_list = [&](const Evaluation& evaluation, Tri which) {
    listed.clear();
    for (const std::uint32_t flag_id : order) {
      if (evaluation.flags[flag_id] == which) listed.push_back(flag_id);
    }
    py::list names(listed.size());
    for (std::size_t i = 0; i < listed.size(); ++i) set_item(names, i, flag_names[listed[i]]);
    return names;
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const py::none none;
  for (std::size_t start = 0; start < rows; start += kChunkRows) {
    chunk.reset(std::min(kChunkRows, rows - start));
    for (const FactColumn& column : columns) read_column(image, column, start, cells, chunk);
    {
      py::gil_scoped_release release;
      evaluate_chunk(batch, chunk);
    }
    for (std::size_t row = 0; row < chunk.count; ++row) {
      const std::size_t at = start + row;
      if (!chunk.errors[row].empty()) {
        urgency.set(at, none);
        status.set(at, error_status);
        fired.set(at, none);
        undetermined.set(at, none);
        for (ScoreColumns& score : score_columns) {
          score.value.mutable_data()[at] = score.min.mutable_data()[at] = score.max.mutable_data()[at] = nan;
        }
        error.set(at, py::str(chunk.errors[row]));
        error_field.set(at, fact_names[chunk.error_facts[row]]);
        continue;
      }
      const Evaluation& evaluation = chunk.evaluations[row];
      urgency.set(at, levels[evaluation.urgency]);
      status.set(at, evaluation.complete ? complete : incomplete);
      fired.set(at, flags_list(evaluation, Tri::True));
      undetermined.set(at, flags_list(evaluation, Tri::Unknown));
      for (std::size_t i = 0; i < scores.size(); ++i) {
        const Interval& value = evaluation.numbers[scores[i]];
        score_columns[i].value.mutable_data()[at] = value.lo == value.hi ? value.lo : nan;
        score_columns[i].min.mutable_data()[at] = value.lo;
        score_columns[i].max.mutable_data()[at] = value.hi;
      }
      error.set(at, none);
      error_field.set(at, none);
    }
  }

  py::dict result;
  result["urgency"] = urgency.array();
  result["status"] = status.array();
  result["fired"] = fired.array();
  result["undetermined"] = undetermined.array();
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const std::string& name = image.numbers[scores[i]].name;
    result[py::str(name)] = score_columns[i].value;
    result[py::str(name + "_min")] = score_columns[i].min;
    result[py::str(name + "_max")] = score_columns[i].max;
  }
  result["error"] = error.array();
  result["error_field"] = error_field.array();
  return result;
}

}  // namespace redflag::python
