// JSON or JSON Lines by content (tools/eval/input_framing.hpp): what the first value tells.
#include <catch2/catch.hpp>

#include "tools/eval/input_framing.hpp"

using redflag::tools::detect_framing;
using redflag::tools::Framing;

TEST_CASE("framing: a first value spanning lines is JSON, one followed by more is JSON Lines") {
  CHECK(detect_framing("{\n  \"id\": \"a\"\n}\n", true, false) == Framing::Json);
  CHECK(detect_framing("{\n", false, true) == Framing::Json);  // decided before the value ends
  CHECK(detect_framing("{\"id\":\"a\"}\n{\"id\":\"b\"}\n", true, false) == Framing::JsonLines);
  CHECK(detect_framing("{\"id\":\"a\"}\r{\"id\":\"b\"}", true, false) == Framing::JsonLines);  // CR-only
  CHECK(detect_framing("\n\n  {\"id\":\"a\"}\n\n{}", true, false) == Framing::JsonLines);
  CHECK(detect_framing("{} {}", true, false) == Framing::JsonLines);  // more on the first line
  // Braces, quotes and line breaks inside strings do not count; an escaped quote does not end one.
  CHECK(detect_framing("{\"a\":\"}{\\\"\\n\"}\n{}", true, false) == Framing::JsonLines);
  CHECK(detect_framing("[1, [2, {\"x\": [3]}]]\n[4]", true, false) == Framing::JsonLines);
  CHECK(detect_framing("{\"a\": \"line\nbreak\"}\n{}", true, false) == Framing::Json);  // a raw break: spans
  CHECK(detect_framing("12\n13\n", true, false) == Framing::JsonLines);
}

TEST_CASE("framing: a lone one-line value goes by the input's kind, and waits only when it must") {
  CHECK(detect_framing("{\"id\":\"a\"}\n", true, false) == Framing::Json);
  CHECK(detect_framing("{\"id\":\"a\"}\n", true, true) == Framing::JsonLines);
  CHECK(detect_framing("", true, false) == Framing::Json);
  CHECK(detect_framing("  \n", true, true) == Framing::JsonLines);
  // Standard input answers as soon as line 1 is complete; a file waits to see what follows.
  CHECK(detect_framing("{\"id\":\"a\"}", false, true) == Framing::JsonLines);
  CHECK(detect_framing("{\"id\":\"a\"}\n", false, false) == Framing::Undecided);
  CHECK(detect_framing("{\"id\":", false, true) == Framing::Undecided);
  CHECK(detect_framing("{\"id\":", true, false) == Framing::Json);  // cut: the case reader says why
  CHECK(detect_framing("\"a\\", false, false) == Framing::Undecided);
}
