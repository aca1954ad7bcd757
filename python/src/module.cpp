// The extension module redflag._redflag: the C++ under the Python package (python/redflag/).
//
// It binds tools/ (the one door for KBs, the eval pipeline's records) and the frame engine, and
// nothing of cli/. It hands back data, never raises for the user's mistakes: open and open_bytes
// return the handle or what went wrong, and redflag/__init__.py turns that into CompileError,
// LoadError and CaseError. Loading, evaluating and the frame's VM run with the GIL released.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic_render.hpp"
#include "python/src/case_json.hpp"
#include "python/src/frame_eval.hpp"
#include "python/src/gc_pause.hpp"
#include "python/src/kb_handle.hpp"
#include "python/src/record_dict.hpp"
#include "runtime/fact_input.hpp"
#include "runtime/loader.hpp"
#include "runtime/sha256.hpp"

namespace py = pybind11;
using redflag::python::KbHandle;

namespace {

// The Python object `_redflag.Kb`: the handle, and the Python strings its records are made of.
struct PyKb {
  explicit PyKb(redflag::tools::LoadedKb loaded)
      : handle(std::move(loaded)), records(handle.image()) {}
  KbHandle handle;
  redflag::python::RecordBuilder records;
};

// What opening a KB gave: the handle, or the one-line error, or the source diagnostics (as the
// JSON of `check --format json` and as the text the CLI prints). Warnings come with a handle too.
py::tuple opened(redflag::tools::LoadedKb loaded) {
  std::string diagnostics_json = "[]", diagnostics_text;
  if (loaded.frontend && !loaded.frontend->diagnostics.empty()) {
    diagnostics_json = redflag::render_json(loaded.frontend->diagnostics, loaded.frontend->files);
    diagnostics_text = redflag::render_text(loaded.frontend->diagnostics, loaded.frontend->files) + "\n" +
                       redflag::render_summary(loaded.frontend->diagnostics, loaded.frontend->files);
  }
  py::object error = loaded.error ? py::object(py::str(loaded.error->message)) : py::object(py::none());
  py::object handle = py::none();
  if (loaded.ok()) handle = py::cast(std::make_shared<PyKb>(std::move(loaded)));
  return py::make_tuple(handle, error, diagnostics_json, diagnostics_text);
}

std::string_view type_name(redflag::FactType type) {
  switch (type) {
    case redflag::FactType::Bool: return "bool";
    case redflag::FactType::Number: return "number";
    case redflag::FactType::Quantity: return "quantity";
    case redflag::FactType::Enum: return "enum";
    case redflag::FactType::Text: return "text";
    case redflag::FactType::Integer: return "integer";
  }
  return "";
}

// A declared bound, or None when the fact has none (NaN in the image).
py::object bound(double value) { return std::isnan(value) ? py::object(py::none()) : py::object(py::float_(value)); }

// The facts as tuples (name, type, unit or None, min or None, max or None, enum values, ask).
py::list facts_of(const KbHandle& kb) {
  py::list facts;
  for (const redflag::ImageFact& fact : kb.image().facts) {
    py::object unit = fact.type == redflag::FactType::Quantity ? py::object(py::str(fact.unit)) : py::object(py::none());
    facts.append(py::make_tuple(fact.name, type_name(fact.type), unit, bound(fact.min), bound(fact.max),
                                py::tuple(py::cast(fact.values)), fact.ask));
  }
  return facts;
}

// The flags as tuples (name, urgency level, title), in KB order.
py::list flags_of(const KbHandle& kb) {
  py::list flags;
  for (const redflag::ImageFlag& flag : kb.image().flags) {
    flags.append(py::make_tuple(flag.name, kb.image().levels.at(flag.level), flag.title));
  }
  return flags;
}

// The scores' names, in KB order.
py::list scores_of(const KbHandle& kb) {
  py::list scores;
  for (const redflag::ImageNumber& number : kb.image().numbers) {
    if (number.kind == redflag::NumberKind::Score) scores.append(number.name);
  }
  return scores;
}

// The `eval --format json` records of [cases], a sequence of JSON texts (str), as dicts.
py::list evaluate_cases(PyKb& kb, const py::sequence& cases) {
  std::string arena;  // the cases' text, copied so that the GIL can be let go
  std::vector<std::size_t> ends;
  for (const py::handle item : cases) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(item.ptr(), &size);
    if (data == nullptr) throw py::error_already_set();
    arena.append(data, static_cast<std::size_t>(size));
    ends.push_back(arena.size());
  }
  KbHandle::Session session(kb.handle);
  const std::vector<redflag::python::Outcome>* outcomes = nullptr;
  {
    py::gil_scoped_release release;
    std::vector<std::string_view> views;
    std::size_t begin = 0;
    for (const std::size_t end : ends) {
      views.emplace_back(arena.data() + begin, end - begin);
      begin = end;
    }
    outcomes = &session.evaluate(views);
  }
  const redflag::python::GcPause gc_pause;  // a dict per record, none of them in a cycle
  py::list records(outcomes->size());
  for (std::size_t i = 0; i < outcomes->size(); ++i) {
    PyList_SET_ITEM(records.ptr(), static_cast<Py_ssize_t>(i), kb.records.record((*outcomes)[i]).release().ptr());
  }
  return records;
}

py::dict evaluate_columns(const PyKb& kb, const py::list& columns, std::size_t rows) {
  std::vector<redflag::python::FactColumn> facts;
  for (const py::handle column : columns) {
    const auto entry = column.cast<py::tuple>();
    facts.push_back({entry[0].cast<std::uint32_t>(), static_cast<redflag::python::ColumnKind>(entry[1].cast<int>()),
                     entry[2].cast<py::array>()});
  }
  return redflag::python::evaluate_frame(kb.handle, facts, rows);
}

}  // namespace

PYBIND11_MODULE(_redflag, module) {
  module.doc() = "The C++ core of the redflag package; use the redflag module instead.";

  py::class_<PyKb, std::shared_ptr<PyKb>>(module, "Kb")
      .def_property_readonly("id", [](const PyKb& kb) { return kb.handle.image().meta.id; })
      .def_property_readonly("title", [](const PyKb& kb) { return kb.handle.image().meta.title; })
      .def_property_readonly("version", [](const PyKb& kb) { return kb.handle.image().meta.version; })
      .def_property_readonly("hash", [](const PyKb& kb) { return redflag::to_hex(kb.handle.image().content_hash); })
      .def_property_readonly("levels", [](const PyKb& kb) { return kb.handle.image().levels; })
      .def_property_readonly("facts", [](const PyKb& kb) { return facts_of(kb.handle); })
      .def_property_readonly("flags", [](const PyKb& kb) { return flags_of(kb.handle); })
      .def_property_readonly("scores", [](const PyKb& kb) { return scores_of(kb.handle); })
      .def_property_readonly("bytecode",
                             [](const PyKb& kb) {
                               const auto& bytes = kb.handle.bytecode();
                               return py::bytes(reinterpret_cast<const char*>(bytes.data()), bytes.size());
                             })
      .def("unknown_fact_message",
           [](const PyKb& kb, const std::string& name) {
             return redflag::unknown_fact_error(name, kb.handle.image().facts);
           })
      .def("refusal",
           [](const PyKb& kb, const std::string& key, const std::string& got) {
             const std::uint32_t fact_id = kb.handle.kb().fact_id(key);
             if (fact_id == redflag::kNoIndex) return redflag::unknown_fact_error(key, kb.handle.image().facts);
             return redflag::wrong_type_error(kb.handle.image().facts[fact_id], got);
           })
      .def("evaluate_cases", &evaluate_cases, py::arg("cases"))
      .def("evaluate_columns", &evaluate_columns, py::arg("columns"), py::arg("rows"));

  // A case dict's JSON text, or None when it is not a dict or holds a type only json.dumps
  // knows (case_json.hpp).
  module.def("case_json", [](const py::handle& case_dict) -> py::object {
    fmt::memory_buffer text;
    if (!PyDict_CheckExact(case_dict.ptr()) || !redflag::python::append_case_json(text, case_dict.ptr())) {
      return py::none();
    }
    return py::str(text.data(), text.size());
  });

  module.def("open", [](const std::vector<std::string>& paths) {
    redflag::tools::LoadedKb loaded;
    {
      py::gil_scoped_release release;
      loaded = redflag::tools::load_kb(paths);
    }
    return opened(std::move(loaded));
  });

  module.def("open_bytes", [](const py::bytes& data) {
    const std::string bytes = data;
    redflag::tools::LoadedKb loaded;
    {
      py::gil_scoped_release release;
      redflag::LoadResult result = redflag::load_image(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      if (result.ok()) {
        loaded.image = std::move(result.image);
        loaded.bytes.assign(bytes.begin(), bytes.end());
      } else {
        loaded.error = redflag::tools::LoadError{redflag::tools::LoadError::Kind::Input, result.error};
      }
    }
    return opened(std::move(loaded));
  });
}
