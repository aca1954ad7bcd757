// Field-by-field comparison of two Images for the round-trip tests (Image has no operator==).
#pragma once

#include <string>

#include "runtime/image.hpp"

namespace redflag::test {

// The name of the first field that differs between [a] and [b], or "" when they are equal.
// NaN equals NaN (an unbounded fact range).
std::string image_difference(const Image& a, const Image& b);

}  // namespace redflag::test
