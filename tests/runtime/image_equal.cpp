#include "tests/runtime/image_equal.hpp"

#include <cmath>
#include <tuple>

namespace redflag::test {
namespace {

bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

auto key(const ImageSource& s) { return std::tie(s.id, s.title, s.url); }
auto key(const ImageCitation& c) { return std::tie(c.source, c.section); }
auto key(const ImageDefine& d) { return std::tie(d.name, d.code_offset); }
auto key(const ImageLine& l) { return std::tie(l.code_offset, l.file, l.line); }
auto key(const ImageExpectation& e) { return std::tie(e.kind, e.args, e.low, e.high); }

template <typename T>
bool same_list(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (key(a[i]) != key(b[i])) return false;
  }
  return true;
}

bool same_fact(const ImageFact& a, const ImageFact& b) {
  return std::tie(a.name, a.type, a.dimension, a.unit, a.ask, a.means, a.values) ==
             std::tie(b.name, b.type, b.dimension, b.unit, b.ask, b.means, b.values) &&
         same(a.min, b.min) && same(a.max, b.max);
}

bool same_flag(const ImageFlag& a, const ImageFlag& b) {
  return std::tie(a.name, a.level, a.title, a.because, a.code_offset, a.file, a.line, a.advice, a.see, a.facts,
                  a.numbers) ==
             std::tie(b.name, b.level, b.title, b.because, b.code_offset, b.file, b.line, b.advice, b.see, b.facts,
                      b.numbers) &&
         same_list(a.cites, b.cites);
}

bool same_number(const ImageNumber& a, const ImageNumber& b) {
  return std::tie(a.name, a.kind, a.unit, a.title, a.code_offset, a.score, a.fact, a.facts) ==
             std::tie(b.name, b.kind, b.unit, b.title, b.code_offset, b.score, b.fact, b.facts) &&
         same_list(a.cites, b.cites);
}

bool same_topic(const ImageTopic& a, const ImageTopic& b) {
  return std::tie(a.name, a.title, a.body, a.has_condition) == std::tie(b.name, b.title, b.body, b.has_condition) &&
         same_list(a.cites, b.cites);
}

bool same_test(const ImageTest& a, const ImageTest& b) {
  if (std::tie(a.name, a.file, a.line) != std::tie(b.name, b.file, b.line)) return false;
  if (a.givens.size() != b.givens.size() || !same_list(a.expectations, b.expectations)) return false;
  for (std::size_t i = 0; i < a.givens.size(); ++i) {
    const ImageGiven& x = a.givens[i];
    const ImageGiven& y = b.givens[i];
    if (x.fact != y.fact || x.known != y.known || !same(x.value, y.value)) return false;
  }
  return true;
}

template <typename T, typename Same>
bool all_same(const std::vector<T>& a, const std::vector<T>& b, Same same_item) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!same_item(a[i], b[i])) return false;
  }
  return true;
}

}  // namespace

std::string image_difference(const Image& a, const Image& b) {
  const ImageMeta& m = a.meta;
  const ImageMeta& n = b.meta;
  if (std::tie(m.id, m.title, m.version, m.status, m.reviewed, m.next_review, m.authors) !=
      std::tie(n.id, n.title, n.version, n.status, n.reviewed, n.next_review, n.authors)) {
    return "meta";
  }
  if (!same_list(m.sources, n.sources)) return "meta.sources";
  if (a.levels != b.levels) return "levels";
  if (!all_same(a.facts, b.facts, same_fact)) return "facts";
  if (!same_list(a.defines, b.defines)) return "defines";
  if (!all_same(a.flags, b.flags, same_flag)) return "flags";
  if (!all_same(a.topics, b.topics, same_topic)) return "topics";
  if (!all_same(a.numbers, b.numbers, same_number)) return "numbers";
  if (a.max_number_stack != b.max_number_stack) return "max_number_stack";
  if (!all_same(a.tests, b.tests, same_test)) return "tests";
  if (!all_same(a.constants, b.constants, same)) return "constants";
  if (a.max_stack != b.max_stack) return "max_stack";
  if (a.code != b.code) return "code";
  if (!same_list(a.lines, b.lines)) return "lines";
  return "";
}

}  // namespace redflag::test
