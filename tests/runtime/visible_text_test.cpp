// Control and invisible characters as escapes (runtime/visible_text.hpp): what is escaped, how,
// and what is left alone.
#include <catch2/catch.hpp>

#include "runtime/visible_text.hpp"

namespace redflag {

TEST_CASE("visible text: controls and invisible characters become \\u{..}, bad bytes \\x..") {
  CHECK(visible_text("esc\x1b[31mRED") == "esc\\u{1b}[31mRED");
  CHECK(visible_text(std::string("a\0b", 3)) == "a\\u{0}b");
  CHECK(visible_text("a\r\nb\tc\x7f") == "a\\u{d}\\u{a}b\\u{9}c\\u{7f}");
  CHECK(visible_text("\xc2\x85 \xc2\xa0 \xe2\x80\xae \xef\xbb\xbf \xe2\x80\x8b") ==
        "\\u{85} \\u{a0} \\u{202e} \\u{feff} \\u{200b}");  // NEL, no-break space, RLO, BOM, ZWSP
  CHECK(visible_text("\x89RFB \xc0\xaf \xed\xa0\x80") == "\\x89RFB \\xc0\\xaf \\xed\\xa0\\x80");  // not UTF-8
}

TEST_CASE("visible text: ordinary text, backslashes and what Keep names stay as they are") {
  CHECK(visible_text("café ≥ 10 lb, C:\\kb\\u{1b}") == "café ≥ 10 lb, C:\\kb\\u{1b}");
  CHECK_FALSE(needs_escapes("plain ASCII, and ünïcode"));
  CHECK(needs_escapes("tab\there"));
  CHECK_FALSE(needs_escapes("tab\there", Keep::Tabs));
  CHECK(visible_text("a\tb\nc", Keep::Tabs) == "a\tb\\u{a}c");
  CHECK(visible_text("a\tb\nc\rd", Keep::TabsAndLineFeeds) == "a\tb\nc\\u{d}d");
}

}  // namespace redflag
