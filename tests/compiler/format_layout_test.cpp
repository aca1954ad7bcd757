// The layout rules of docs/fmt.md, one small input each, and the unified diff `fmt --diff`
// prints (checked by applying it back).
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "compiler/fmt/format_source.hpp"
#include "compiler/fmt/line_diff.hpp"

namespace {

struct LayoutCase {
  const char* rule;
  std::string input;
  std::string expected;
};

const LayoutCase kCases[] = {
    {"declarations at column 0, one clause per line, blank lines collapsed",
     "kb  demo title \"T\"   version 1.0.0-rc.1\nstatus draft reviewed 2026-01-02\n\n\n\nlevels low<high\n",
     R"rf(kb demo
  title "T"
  version 1.0.0-rc.1
  status draft
  reviewed 2026-01-02

levels low < high
)rf"},
    {"multi-line declarations get a blank line; one-liners keep their grouping; literals as written",
     R"rf(fact a : bool
fact b : bool
  ask "B?"
fact c : bool


fact d:number between -3 and 4.50
fact w : mass in [lb_av] between 0 lb and 1000 lb
)rf",
     R"rf(fact a : bool

fact b : bool
  ask "B?"

fact c : bool

fact d : number between -3 and 4.50
fact w : mass in [lb_av] between 0 lb and 1000 lb
)rf"},
    {"spacing around operators, parentheses, braces and commas",
     "define x=known ( a )and(b or c)and d in{p,q}and at least 2 of(a,b) and not e not in {p}\n",
     "define x = known(a) and (b or c) and d in {p, q} and at least 2 of (a, b) and not e not in {p}\n"},
    {"strings re-escaped, text blocks re-indented",
     "flag f high title \"a\tb \\\"q\\\" \\\\ \\n\" when w >= 10 lb because \"\"\"one line\"\"\" "
     "advise \"\"\"\n        deep\n          deeper\n\n        back\"\"\"\n"
     "topic t \"T\"\n      \"\"\"\n      Body.\n        More.\n      \"\"\"\n",
     R"rf(flag f high
  title "a\tb \"q\" \\ \n"
  when w >= 10 lb
  because """
    one line
    """
  advise """
    deep
      deeper

    back
    """

topic t "T"
  """
  Body.
    More.
  """
)rf"},
    {"long conditions break at every top-level `or`, else fill at `and`, never inside `between`",
     "define long = alpha_condition and beta_condition or gamma_condition and delta_condition and "
     "epsilon between 1 and 2\n"
     "define long2 = alpha_condition and beta_condition and gamma_condition and delta_condition and "
     "epsilon between 1 and 2 and zeta\n",
     R"rf(define long = alpha_condition and beta_condition
    or gamma_condition and delta_condition and epsilon between 1 and 2

define long2 = alpha_condition and beta_condition and gamma_condition and delta_condition
    and epsilon between 1 and 2 and zeta
)rf"},
    {"long lists fill at commas",
     "test \"t\" given alpha_fact = true, beta_fact = false, gamma_fact = 12 kg, delta_fact = unknown, "
     "epsilon_fact = x\n",
     R"rf(test "t"
  given alpha_fact = true, beta_fact = false, gamma_fact = 12 kg, delta_fact = unknown,
    epsilon_fact = x
)rf"},
    {"comments stay: own-line above what follows, trailing at the end of their line (aligned)",
     R"rf(# header

# about a
fact a : bool # trailing
  ask "A?" # longer trailing
fact b : bool
  # before means
  means "b"
define d = a # why a
  # own line inside
  or b


# the end
)rf",
     R"rf(# header

# about a
fact a : bool # trailing
  ask "A?"    # longer trailing

fact b : bool
  # before means
  means "b"

define d = a # why a
    # own line inside
    or b

# the end
)rf"},
    {"byte-order mark, CRLF, tabs and trailing blanks go",
     "\xEF\xBB\xBF" "kb crlf title \"C\"\r\n  version 0.1.0 status draft\r\n\tlevels low < high\r\n",
     "kb crlf\n  title \"C\"\n  version 0.1.0\n  status draft\n\nlevels low < high\n"},
    {"exponents stay as written; an `e` without digits after it is a unit",
     "define x = d > 12e9 and d < 5E-3 or w>=-2.5e+3lb or w >= 1.8e2kg or w >= 10eq\n",
     "define x = d > 12e9 and d < 5E-3 or w >= -2.5e+3 lb or w >= 1.8e2 kg or w >= 10 eq\n"},
    {"an empty file stays empty", "", ""},
    {"a file of comments", "# only a comment\n\n\n# and another   \n",
     "# only a comment\n\n# and another\n"},
};

// Applies the unified diff [diff] to [text] (the subset unified_diff writes).
std::string apply_diff(const std::string& text, const std::string& diff) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
  if (!text.empty() && text.back() != '\n') lines.back().pop_back();
  std::vector<std::string> out;
  std::size_t next = 0;  // the first old line not yet copied
  std::istringstream patch(diff);
  char last_op = ' ';
  for (std::string line; std::getline(patch, line);) {
    if (line.rfind("@@ -", 0) == 0) {
      const std::size_t start = std::stoul(line.substr(4));
      const bool empty = line.find(",0 ") != std::string::npos && line.find(",0 ") < line.find(" +");
      const std::size_t first = empty ? start : start - 1;
      while (next < first) out.push_back(lines[next++]);
    } else if (line == "\\ No newline at end of file") {
      if (last_op == '+') out.back().pop_back();  // old lines are copied without it already
    } else if (line[0] == '+' && line.rfind("+++", 0) != 0) {
      out.push_back(line.substr(1) + "\n");
      last_op = '+';
    } else if (line[0] == ' ' || (line[0] == '-' && line.rfind("---", 0) != 0)) {
      if (line[0] == ' ') out.push_back(lines[next]);
      ++next;
      last_op = line[0];
    }
  }
  while (next < lines.size()) out.push_back(lines[next++]);
  std::string result;
  for (const auto& line : out) result += line;
  return result;
}

}  // namespace

TEST_CASE("fmt layout rules") {
  for (const auto& layout : kCases) {
    INFO(layout.rule);
    CHECK(redflag::format_source(layout.input) == layout.expected);
    CHECK(redflag::format_source(layout.expected) == layout.expected);
  }
}

TEST_CASE("unified diff: hunks, context and missing final newline") {
  CHECK(redflag::unified_diff("a\nb\n", "a\nb\n", "x", "y").empty());
  CHECK(redflag::unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", "a/f", "b/f") ==
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  CHECK(redflag::unified_diff("a\n", "", "a/f", "b/f") == "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n");
  CHECK(redflag::unified_diff("a", "a\n", "a/f", "b/f") ==
        "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n");
}

TEST_CASE("unified diff applied to the old text gives the new one") {
  std::mt19937 random(20261124);
  const auto random_text = [&] {
    std::string text;
    const int lines = static_cast<int>(random() % 40);
    for (int i = 0; i < lines; ++i) text += std::string(1, static_cast<char>('a' + random() % 4)) + "\n";
    if (random() % 5 == 0) text += "z";
    return text;
  };
  for (int round = 0; round < 2000; ++round) {
    const std::string before = random_text(), after = random_text();
    const std::string diff = redflag::unified_diff(before, after, "a/f", "b/f");
    INFO(before << "=>\n" << after << "diff:\n" << diff);
    CHECK(apply_diff(before, diff) == after);
    CHECK(diff.empty() == (before == after));
  }
}
