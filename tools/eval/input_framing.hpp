// Whether a case input is one JSON case or JSON Lines: decided by its content, or stated by
// `eval --input-format` (docs/cli.md "Case input"), never by the file name alone.
//
// `auto` looks at the first JSON value. One that spans lines makes the input one JSON case (a
// pretty-printed case). One that ends on its line with more text after it, on that line or a
// later one, makes it JSON Lines. A lone one-line value reads the same either way; only then
// does the input's kind pick, which decides whether its record carries a line number: standard
// input and a name ending in `.jsonl` (any letter case) give JSON Lines, other files JSON. Line
// ends are LF, CR LF or a lone CR. The scan only tracks brackets and strings: it does not
// validate JSON (the case reader does).
#pragma once

#include <cstdint>
#include <string_view>

namespace redflag::tools {

// How the CASE inputs are framed (`--input-format`). Fhir: each input is one FHIR document,
// translated into one case (EvalSettings::translate, tools/fhir/fhir_input.hpp).
enum class InputFormat : std::uint8_t { Auto, Json, JsonLines, Fhir };

enum class Framing : std::uint8_t { Json, JsonLines, Undecided };

// The framing of an input that begins with [text]. [complete] says [text] is all of the input;
// when it is not, the answer may be Undecided (read more and ask again). [lines_when_alone]
// picks JSON Lines for a lone one-line value (standard input, `.jsonl`), and lets the answer
// come as soon as the first line is complete, without waiting for more input.
Framing detect_framing(std::string_view text, bool complete, bool lines_when_alone);

}  // namespace redflag::tools
