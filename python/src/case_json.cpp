#include "python/src/case_json.hpp"

#include <cmath>
#include <string_view>

#include "tools/json_text.hpp"

namespace redflag::python {
namespace {

bool append_text(fmt::memory_buffer& out, PyObject* text) {
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(text, &size);
  if (data == nullptr) {  // a lone surrogate: json.dumps would escape it; leave it to that path
    PyErr_Clear();
    return false;
  }
  tools::append_json_string(out, std::string_view(data, static_cast<std::size_t>(size)));
  return true;
}

}  // namespace

bool append_case_json(fmt::memory_buffer& out, PyObject* value) {
  if (value == Py_None) {
    out.append(std::string_view("null"));
  } else if (PyBool_Check(value)) {
    out.append(std::string_view(value == Py_True ? "true" : "false"));
  } else if (PyLong_CheckExact(value)) {
    int overflow = 0;
    const long long number = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (overflow != 0) return false;
    fmt::format_to(fmt::appender(out), "{}", number);
  } else if (PyFloat_CheckExact(value)) {
    const double number = PyFloat_AS_DOUBLE(value);
    if (std::isnan(number)) {
      out.append(std::string_view("null"));
    } else if (std::isinf(number)) {
      out.append(std::string_view(number > 0 ? "1e999" : "-1e999"));
    } else {
      tools::append_json_number(out, number);
    }
  } else if (PyUnicode_CheckExact(value)) {
    return append_text(out, value);
  } else if (PyDict_CheckExact(value)) {
    out.push_back('{');
    PyObject *key = nullptr, *item = nullptr;
    Py_ssize_t position = 0;
    bool first = true;
    while (PyDict_Next(value, &position, &key, &item)) {
      if (!PyUnicode_CheckExact(key)) return false;
      if (!first) out.push_back(',');
      first = false;
      if (!append_text(out, key)) return false;
      out.push_back(':');
      if (!append_case_json(out, item)) return false;
    }
    out.push_back('}');
  } else {
    return false;
  }
  return true;
}

}  // namespace redflag::python
