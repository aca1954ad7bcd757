// The fuzz targets' one check: a broken property is a finding, so it aborts (libFuzzer then
// saves the input) after saying which property broke.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace redflag::fuzz {

inline void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "property broken: %s\n", what);
    std::abort();
  }
}

}  // namespace redflag::fuzz
