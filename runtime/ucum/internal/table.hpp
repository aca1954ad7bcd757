// The UCUM table as rows: what runtime/ucum/generate_table.py copies out of ucum-essence.xml.
//
// Rows only, no meaning: resolving a definition such as `[lb_av]` = 0.45359237 `kg` into a
// magnitude and a dimension is atoms.cpp's job, with the same parser that reads user input.
#pragma once

#include <cstddef>
#include <string_view>

namespace redflag::ucum::table {

struct Prefix {
  std::string_view code;  // case-sensitive, e.g. "da"
  double value;           // e.g. 10
};

enum class AtomKind : unsigned char { Base, Defined, Special, Arbitrary };

// One atom: a base unit, or a unit defined as [value] × [unit]. For a special unit [value] and
// [unit] are the function's reference (`[degF]`: 5 `K/9`) and [function] names the function.
struct Atom {
  std::string_view code;
  std::string_view name;
  AtomKind kind;
  bool metric;          // takes prefixes
  int base_index;       // position in the dimension vector, base units only (else -1)
  double value;
  std::string_view unit;
  std::string_view function;
};

extern const std::string_view kVersion;
extern const std::string_view kRevisionDate;
extern const Prefix kPrefixes[];
extern const std::size_t kPrefixCount;
extern const Atom kAtoms[];
extern const std::size_t kAtomCount;

}  // namespace redflag::ucum::table
