// GcPause: Python's cyclic garbage collector held off while one call builds its results.
//
// evaluate_frame and evaluate_many make one or more containers per row (the lists of fired and
// undetermined flags, the record dicts). Every 700 of them start a collection, and now and then a
// full one that walks every object of the process, the results built so far included: on
// 200,000 rows beside 200,000 case dicts, 80 % of evaluate_frame's time (docs/performance.md
// "Python"). Nothing these calls build can form a cycle, so there is nothing for the collector to
// find there. The pause is counted, so that calls of several threads nest (each runs with the
// GIL held when it starts and ends), and the last one to end restores the collector's state as
// the first one found it: a collector the program turned off stays off.
#pragma once

#include <Python.h>

namespace redflag::python {

class GcPause {
 public:
  // Call with the GIL held.
  GcPause() {
    if (depth_++ == 0) was_enabled_ = PyGC_Disable() == 1;
  }
  // Runs with the GIL held.
  ~GcPause() {
    if (--depth_ == 0 && was_enabled_) PyGC_Enable();
  }
  GcPause(const GcPause&) = delete;
  GcPause& operator=(const GcPause&) = delete;

 private:
  static inline int depth_ = 0;  // pauses under way; read and written with the GIL held
  static inline bool was_enabled_ = false;
};

}  // namespace redflag::python
