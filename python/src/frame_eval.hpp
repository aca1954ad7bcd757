// KnowledgeBase.evaluate_frame's engine: a table of cases, read column by column straight out of
// numpy buffers, evaluated 64 rows at a time by the batch VM (runtime/vm_batch.hpp), answered
// as result columns. docs/python.md "Tables" is the column convention.
//
// No Python object is made per fact: a float64 column is read as a buffer (NaN is unknown), a
// bool column as bytes, and only object columns (strings such as "12 lb", enum values) hold a
// Python object per cell, which is read where it lies; each distinct string is read once per
// column by the JSON case reader (runtime/cases/case_reader.hpp), so cells are accepted and
// refused exactly as in a case file, with the same messages. Results are written straight into
// numpy arrays: float64 for scores, object arrays for the rest, with a new list per row only for
// the fired and undetermined flags. The GIL is held while cells are read and result objects made,
// and released while the VM runs; the garbage collector is paused for the call (gc_pause.hpp).
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "python/src/kb_handle.hpp"

namespace redflag::python {

// How redflag/__init__.py hands over a fact's column.
enum class ColumnKind : int {
  Float = 0,   // float64, NaN unknown: number, integer, quantity (canonical unit), bool (0 or 1)
  Bool = 1,    // uint8 0 or 1, every value known
  Object = 2,  // Python objects, None unknown: read as the JSON value a case file would hold
};

struct FactColumn {
  std::uint32_t fact_id;
  ColumnKind kind;
  pybind11::array data;  // [rows] values of [kind]
};

// Evaluates [rows] cases whose facts are [columns] (facts without a column are unknown). Returns
// the result columns, numpy arrays of [rows] items, by name, in order: urgency, status, fired, undetermined, then per score
// `NAME` (its value when exact, else NaN), `NAME_min` and `NAME_max`, then error and
// error_field. A row whose cell cannot be read has status "error", the reader's message and the
// fact's name, and None or NaN elsewhere.
pybind11::dict evaluate_frame(const KbHandle& kb, const std::vector<FactColumn>& columns, std::size_t rows);

}  // namespace redflag::python
