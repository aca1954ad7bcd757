// The slips authors carry over from other languages and word processors (`==`, `&&`, `//`,
// smart quotes, `38,5`, `WHEN`, a missing `,`, a word after `expect urgency high`), recognised
// where the parser fails.
//
// The parser calls report_common_mistake before it reports a generic E010/E011; when the text
// at the error is one of these slips, a specific diagnostic (E090-E097 and E099,
// docs/diagnostics.md "Common mistakes") is reported instead, with a machine-applicable fix when
// the intent is unambiguous. It reads the source text, and the test being built to tell a list
// from a single expectation: it never changes what the grammar accepts.
#pragma once

#include <string_view>

#include "compiler/syntax/parse_builder.hpp"

namespace redflag::internal {

// Where and in what the parser failed.
struct SyntaxErrorSite {
  SourceLoc error;             // where the failed rule started (the end of the token before it)
  SourceLoc found;             // the token found there, after whitespace and comments
  std::string_view name_of;    // "fact", "flag", ... when the rule expected that kind of name
  bool compared_value = false;  // the rule expected the right-hand side of a comparison
  bool test_clause = false;     // the rule expected a test clause (after a `given` or `expect` list)
};

// Reports the specific diagnostic when the text at [site] is a common slip; false when it is
// none of them (the caller then reports E010 or E011).
bool report_common_mistake(ParseBuilder& b, const SyntaxErrorSite& site);

}  // namespace redflag::internal
