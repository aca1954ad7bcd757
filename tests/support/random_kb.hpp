// Random knowledge bases and cases for property and differential tests.
//
// ConditionGenerator writes random conditions in the surface syntax (facts of every type,
// comparisons, sets, `between`, `known`, `at least`, defines, the three constants), so the
// parser and checker are exercised along with whatever a test compares. make_random_kb builds a
// whole KB around them (a fixed header of facts and levels, two defines, N flags, seven topics
// whose conditions read `urgency`); with RandomKbOptions::links it also adds topics without a
// condition and `see` links from flags to topics, for tests of what a result lists.
// random_case gives a case for a compiled KB, with about 30% of the facts unknown.
//
// Everything is driven by one std::mt19937 the caller seeds, so a test is deterministic and a
// failure is reproduced by its seed. The draws for a plain KB (options.links false) are those
// differential_test.cpp has always made: changing their order changes every KB it tests.
// It deliberately generates only checked-clean sources: tests of diagnostics do not use it.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "runtime/fact_value.hpp"
#include "runtime/image.hpp"

namespace redflag::test_support {

// The facts and levels every random KB declares: b0..b3 bool, n0 a number between 0 and 20,
// n1 an unbounded number, weight a mass in [lb_av], span a time in wk, kind one of a..d, note
// text; levels low < mid < high.
extern const char* const kRandomKbHeader;

class ConditionGenerator {
 public:
  explicit ConditionGenerator(std::mt19937& random) : random_(random) {}

  // A random condition nested at most [depth] levels, which may use defines d0 .. d[defines]-1.
  std::string condition(int depth, int defines);

 private:
  int pick(int bound);
  std::string cmp();
  std::string enum_value();
  std::string quantity(const std::vector<std::string>& units);
  // A condition as an operand of `not`, `and` or `or`: parenthesised.
  std::string operand(int depth, int defines);
  std::string junction(const char* word, int depth, int defines);

  std::mt19937& random_;
};

struct RandomKbOptions {
  int flags = 3;
  // Adds topics t7 and t8 without a condition and gives about half the flags `see` links.
  bool links = false;
};

// A random KB as its parts, so that a test can replace conditions and print it again.
struct RandomKb {
  struct Flag {
    std::string name;   // f0, f1, ...
    std::string level;  // low, mid or high
    std::string when;
    std::vector<std::string> see;  // topic names
  };
  struct Topic {
    std::string name;  // t0, t1, ...
    std::string when;  // empty for a topic without a condition
  };
  std::vector<std::string> defines;  // the conditions of d0, d1, ...
  std::vector<Flag> flags;
  std::vector<Topic> topics;

  // The KB as one source file.
  std::string source() const;
};

RandomKb make_random_kb(std::mt19937& random, const RandomKbOptions& options);

// make_random_kb(random, {flags}).source(): the source differential_test.cpp has always used.
std::string random_kb(std::mt19937& random, int flags);

// A random KB of numeric values: quantity facts in mm[Hg], /min, kg and [lb_av], numeric
// defines (sums, products, quotients, a mean arterial pressure, a shock index), one score with
// condition, banded, guarded and bool items, and [flags] flags comparing random arithmetic,
// scores, items and `at most` / `exactly` counts, for the differential test of CMPN and ITEM.
std::string random_numeric_kb(std::mt19937& random, int flags);

// A case for a random_numeric_kb: values around its thresholds and bands (0 among them, for
// division by zero), each fact unknown with probability 3/10.
std::vector<FactValue> random_numeric_case(std::mt19937& random, const Image& image);

// A random case for [image] (a random KB, compiled), one FactValue per fact: each fact unknown
// with probability [unknown_in_ten]/10, else bools 0/1, enum indices, numbers 0..20, quantities
// 0..29 or a multiple of 2.20462262185 (so that thresholds converted from kg land on exact
// values).
std::vector<FactValue> random_case(std::mt19937& random, const Image& image, int unknown_in_ten = 3);

}  // namespace redflag::test_support
