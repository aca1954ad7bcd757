// A case dict (or a frame's object cell) written as the JSON text the case reader reads, in
// C++: what json.dumps gives for the types a case holds (str, bool, int, float, None, and dicts
// of them for quantities), with NaN as null (unknown) and an infinity as 1e999 (refused as not
// finite, as in a case file). Anything else (a list, a numpy scalar, a key that is not a str, an
// int beyond 64 bits) is left to json.dumps, whose callers know how to name it in an error.
#pragma once

#include <Python.h>
#include <fmt/format.h>

namespace redflag::python {

// Appends [value] as JSON to [out]; false (with [out] partly written) when it is not one of the
// types above.
bool append_case_json(fmt::memory_buffer& out, PyObject* value);

}  // namespace redflag::python
