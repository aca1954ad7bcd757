// One fact of a case as the VM reads it: a number, or absent (unknown).
//
// Bool facts hold 0 or 1, enums the value's index, quantities the value in the fact's canonical
// unit; for text facts only [known] matters. Its own header because the case reader, the VM,
// the embedding API and the compiler's reference evaluator all share it.
#pragma once

namespace redflag {

struct FactValue {
  double value = 0;
  bool known = false;
};

}  // namespace redflag
