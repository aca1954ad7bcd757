// `eval --format json` records as Python dicts, built straight from the VM's results.
//
// The same content, key for key and in the same order, as tools/eval/result_writer_json.cpp
// writes (docs/cli.md "eval json"), without the JSON text in between: id, kb, urgency, status,
// fired (with evidence and computed values), undetermined (with needs), topics and, when the KB
// has scores, scores. A number is an int when the JSON writer prints it without a fraction (an
// integral value under 1e15), else a float, so that json.loads of the CLI's line gives an
// equal dict of equal types; tests/python/test_agreement.py checks both on every example and on
// 20,000 generated cases. Every name and title is made into a Python string once per KB.
// Builders run with the GIL held.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <vector>

#include "python/src/kb_handle.hpp"

namespace redflag::python {

class RecordBuilder {
 public:
  explicit RecordBuilder(const Image& image);

  // The record of [outcome]: a result, or for a case that could not be read
  // {"id", "index", "error": {"message", "field"}} (field None when empty).
  pybind11::dict record(const Outcome& outcome);

 private:
  pybind11::list fired(const Outcome& outcome);
  pybind11::list undetermined(const Outcome& outcome);
  pybind11::list topics(const Outcome& outcome);
  pybind11::list scores(const Outcome& outcome);
  // The unknown facts among [fact_ids], by name.
  pybind11::list needs(const std::vector<std::uint32_t>& fact_ids, const Outcome& outcome);
  // Sets "value", or "min" and "max" when [range] is not one value, in [entry].
  void set_range(pybind11::dict& entry, const Interval& range);

  const Image& image_;
  std::vector<std::uint32_t> order_;   // flags_by_urgency
  std::vector<std::uint32_t> scores_;  // number slots of the scores
  pybind11::dict kb_;
  std::vector<pybind11::str> levels_, flag_names_, flag_titles_, fact_names_, fact_units_, number_names_,
      number_units_, topic_names_, topic_titles_;
  std::vector<std::vector<pybind11::str>> enum_values_;  // per fact
  std::vector<char> shown_;  // scratch: the topics of the current case
};

}  // namespace redflag::python
