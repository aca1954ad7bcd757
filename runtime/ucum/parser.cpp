#include "runtime/ucum/internal/parser.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "runtime/ucum/internal/atoms.hpp"
#include "runtime/ucum/internal/unit_algebra.hpp"

namespace redflag::ucum::internal {

namespace {

// Deepest nesting of parentheses: clinical codes use one level; the limit bounds the recursion.
constexpr int kMaxDepth = 32;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// UCUM codes are printable ASCII without space (§1).
bool is_printable(char c) { return c >= '!' && c <= '~'; }

// Characters that end an atom symbol outside square brackets (generate_table.py checks that
// no atom but `10*` and `10^` holds one). `[` opens a bracketed part, which may hold any of them.
bool ends_symbol(char c) {
  switch (c) {
    case '+': case '-': case '.': case '/': case '(': case ')': case '{': case '}': case ']': return true;
    default: return is_digit(c) || !is_printable(c);
  }
}

std::string quoted(std::string_view text) { return "`" + std::string(text) + "`"; }

// How to name byte [c] in a message: `x`, or its hex value when it is not printable.
std::string describe(char c) {
  if (is_printable(c)) return quoted(std::string_view(&c, 1));
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
  return std::string("byte ") + hex;
}

class Parser {
 public:
  Parser(std::string_view text, AtomSource& atoms) : text_(text), atoms_(atoms) {}

  ParseResult run() {
    Unit unit;
    if (text_.empty()) return failed("empty unit code; a number without unit is `1`", 0);
    if (!main_term(unit)) return {std::nullopt, error_};
    return {std::move(unit), {}};
  }

 private:
  ParseResult failed(std::string message, std::size_t offset) {
    fail(std::move(message), offset);
    return {std::nullopt, error_};
  }

  bool fail(std::string message, std::size_t offset) {
    error_ = {std::move(message), offset};
    return false;
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  bool main_term(Unit& unit) {
    const bool leading_slash = peek() == '/';
    if (leading_slash) ++pos_;
    if (!term(unit, leading_slash)) return false;
    if (!at_end()) return fail("unmatched `)`", pos_);  // term stops only at `)` or the end
    return true;
  }

  bool special_alone(std::size_t start, std::size_t end) {
    return fail(quoted(text_.substr(start, end - start)) + " is a special unit and cannot be multiplied or divided", start);
  }

  // A leading `/` ([invert_first]) divides 1 by the first component only: `/L.h` is h/L, as
  // `1/L.h` would be (and as ucum-lhc and UCUM's Java reference read it).
  bool term(Unit& unit, bool invert_first = false) {
    const std::size_t start = pos_;
    if (!component(unit)) return false;
    std::size_t left_end = pos_;
    if (invert_first) {
      if (unit.special != SpecialFunction::None) return special_alone(start, left_end);
      Unit inverse;
      multiply(inverse, unit, -1);
      unit = std::move(inverse);
    }
    while (peek() == '.' || peek() == '/') {
      const int sign = peek() == '.' ? 1 : -1;
      ++pos_;
      const std::size_t right_start = pos_;
      Unit right;
      if (!component(right)) return false;
      if (unit.special != SpecialFunction::None) return special_alone(start, left_end);
      if (right.special != SpecialFunction::None) return special_alone(right_start, pos_);
      multiply(unit, right, sign);
      if (!in_range(unit)) return fail("the unit's magnitude or exponents are out of range", right_start);
      left_end = pos_;
    }
    return true;
  }

  // After a component only an operator, `)` or the end may follow.
  bool component(Unit& unit) {
    const std::size_t start = pos_;
    if (!component_body(unit)) return false;
    if (at_end() || peek() == '.' || peek() == '/' || peek() == ')') return true;
    if (peek() == '(') return fail("`(` after " + quoted(text_.substr(start, pos_ - start)) + "; join the parts with `.` or `/`", pos_);
    if (text_[pos_ - 1] == '}') return fail("an annotation must be followed by `.`, `/`, `)` or the end, not " + describe(peek()), pos_);
    return fail("unexpected " + describe(peek()) + " after " + quoted(text_.substr(start, pos_ - start)) +
                    "; join the parts with `.` or `/`",
                pos_);
  }

  bool component_body(Unit& unit) {
    const char c = peek();
    if (at_end()) return fail("a unit is missing at the end", pos_);
    if (c == '(') return parenthesised(unit);
    if (c == '{') return annotation();
    if (is_digit(c)) return number_or_ten(unit);
    if (ends_symbol(c)) return fail("unexpected " + describe(c) + "; expected a unit", pos_);
    const std::size_t start = pos_;
    std::size_t end = start;
    if (!scan_symbol(end)) return false;
    return simple_unit(unit, start, end);
  }

  bool parenthesised(Unit& unit) {
    const std::size_t open = pos_;
    if (++depth_ > kMaxDepth) return fail("parentheses nested deeper than 32", open);
    ++pos_;
    if (!term(unit)) return false;
    if (peek() != ')') return fail("unclosed `(`", open);
    ++pos_;
    --depth_;
    if (is_digit(peek()) || peek() == '+' || peek() == '-') {
      return fail("an exponent cannot follow `)`; UCUM exponents apply to a unit symbol only", pos_);
    }
    return true;
  }

  // A run of digits: a factor (`8` in `/(8.h)`), or the `10` of `10*3` / `10^3`.
  bool number_or_ten(Unit& unit) {
    const std::size_t start = pos_;
    while (is_digit(peek())) ++pos_;
    if (text_.substr(start, pos_ - start) == "10" && (peek() == '*' || peek() == '^')) {
      ++pos_;
      return simple_unit(unit, start, pos_);
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, value);
    (void)end;
    if (ec != std::errc() || !std::isfinite(value) || value == 0) {
      return fail("factor " + quoted(text_.substr(start, pos_ - start)) + " is zero or out of range", start);
    }
    unit.factor = value;
    return peek() == '{' ? annotation() : true;
  }

  // Moves [end] past the atom symbol starting there, brackets and all.
  bool scan_symbol(std::size_t& end) {
    while (end < text_.size()) {
      if (text_[end] == '[') {
        const std::size_t close = text_.find(']', end);
        if (close == std::string_view::npos) return fail("unclosed `[`", end);
        end = close + 1;
      } else if (ends_symbol(text_[end])) {
        break;
      } else {
        ++end;
      }
    }
    return true;
  }

  bool simple_unit(Unit& unit, std::size_t start, std::size_t end) {
    const std::string_view symbol = text_.substr(start, end - start);
    for (std::size_t i = 0; i < symbol.size(); ++i) {
      if (!is_printable(symbol[i])) return fail("unexpected " + describe(symbol[i]) + " in a unit symbol", start + i);
    }
    pos_ = end;
    if (!lookup(unit, symbol, start)) return false;
    int exponent = 1;
    const std::size_t exponent_start = pos_;
    if (!read_exponent(exponent)) return false;
    if (pos_ != exponent_start) {
      if (unit.special != SpecialFunction::None) {
        return fail(quoted(symbol) + " is a special unit and cannot take an exponent", exponent_start);
      }
      raise(unit, exponent);
      if (!in_range(unit)) return fail("the unit's magnitude or exponents are out of range", start);
    }
    return peek() == '{' ? annotation() : true;
  }

  // [symbol] as an atom, else as a prefix and a metric atom.
  bool lookup(Unit& unit, std::string_view symbol, std::size_t start) {
    if (const auto index = find_atom(symbol)) return take_atom(unit, *index, start);
    for (std::size_t length = 1; length <= 2 && length < symbol.size(); ++length) {
      const auto prefix = find_prefix(symbol.substr(0, length));
      const auto index = prefix ? find_atom(symbol.substr(length)) : std::nullopt;
      if (!index) continue;
      if (!table::kAtoms[*index].metric) {
        return fail(quoted(symbol.substr(length)) + " is not metric, so it takes no prefix (" + quoted(symbol) + ")", start);
      }
      if (!take_atom(unit, *index, start)) return false;
      if (unit.special != SpecialFunction::None) {
        unit.special_prefix = *prefix;  // dB: tenths of a bel
      } else {
        unit.factor *= *prefix;
      }
      return true;
    }
    return fail("unknown unit atom " + quoted(symbol), start);
  }

  bool take_atom(Unit& unit, std::size_t index, std::size_t start) {
    std::string why;
    const Unit* atom = atoms_.atom(index, why);
    if (atom == nullptr) return fail(why, start);
    unit = *atom;
    return true;
  }

  // An optional signed exponent; leaves pos_ unchanged when there is none.
  bool read_exponent(int& exponent) {
    const std::size_t start = pos_;
    std::size_t digits = pos_ + ((peek() == '+' || peek() == '-') ? 1 : 0);
    std::size_t end = digits;
    while (end < text_.size() && is_digit(text_[end])) ++end;
    if (end == digits) {
      if (digits != start) return fail(quoted(text_.substr(start, 1)) + " must be followed by the exponent's digits", start);
      return true;
    }
    const char* first = text_.data() + (text_[start] == '+' ? digits : start);  // from_chars takes no `+`
    const auto [ptr, ec] = std::from_chars(first, text_.data() + end, exponent);
    (void)ptr;
    if (ec != std::errc() || exponent > kMaxExponent || exponent < -kMaxExponent) {
      return fail("exponent " + quoted(text_.substr(start, end - start)) + " is out of range", start);
    }
    pos_ = end;
    return true;
  }

  // `{…}`: printable ASCII without braces; it annotates and means nothing (alone it is 1).
  bool annotation() {
    const std::size_t open = pos_++;
    while (!at_end() && peek() != '}') {
      if (peek() == '{') return fail("`{` inside an annotation; annotations do not nest", pos_);
      if (!is_printable(peek())) return fail("unexpected " + describe(peek()) + " in an annotation; annotations hold printable ASCII only", pos_);
      ++pos_;
    }
    if (at_end()) return fail("unclosed `{`", open);
    ++pos_;
    return true;
  }

  std::string_view text_;
  AtomSource& atoms_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  Error error_;
};

}  // namespace

ParseResult parse_with(std::string_view code, AtomSource& atoms) { return Parser(code, atoms).run(); }

}  // namespace redflag::ucum::internal
