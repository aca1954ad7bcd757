// XML text escaping (tools/xml_text.hpp): markup as entities, control characters and bytes that
// are not UTF-8 as visible escapes, line breaks kept in attributes.
#include "tools/xml_text.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

std::string escaped(std::string_view text, redflag::tools::XmlPlace place) {
  fmt::memory_buffer out;
  redflag::tools::append_xml_text(out, text, place);
  return fmt::to_string(out);
}

using redflag::tools::XmlPlace;

}  // namespace

TEST_CASE("markup characters become entities, so a CDATA end cannot appear", "[tools][xml]") {
  CHECK(escaped("a<b & \"c\" ]]> d", XmlPlace::Element) == "a&lt;b &amp; &quot;c&quot; ]]&gt; d");
  CHECK(escaped("a<b & \"c\" ]]> d", XmlPlace::Attribute) == "a&lt;b &amp; &quot;c&quot; ]]&gt; d");
}

TEST_CASE("control characters become visible u-escapes", "[tools][xml]") {
  CHECK(escaped("ctl \x01 and \x1b[31m red", XmlPlace::Attribute) == "ctl \\u0001 and \\u001b[31m red");
  CHECK(escaped(std::string_view("nul \0 end", 9), XmlPlace::Element) == "nul \\u0000 end");
  CHECK(escaped("del \x7f nel \u0085 non-characters \ufffe \uffff", XmlPlace::Element) ==
        "del \\u007f nel \\u0085 non-characters \\ufffe \\uffff");
}

TEST_CASE("tab, line feed and carriage return survive attribute normalisation", "[tools][xml]") {
  CHECK(escaped("a\tb\nc\rd", XmlPlace::Attribute) == "a&#9;b&#10;c&#13;d");
  CHECK(escaped("a\tb\nc\rd", XmlPlace::Element) == "a\tb\nc&#13;d");
}

TEST_CASE("UTF-8 text is kept and bytes that are not UTF-8 become x-escapes", "[tools][xml]") {
  CHECK(escaped("é 😀 \u00a0 \u2028", XmlPlace::Element) == "é 😀 \u00a0 \u2028");
  CHECK(escaped("lone \xff, overlong \xc0\x80, surrogate \xed\xa0\x80, cut \xe2\x82", XmlPlace::Element) ==
        "lone \\xff, overlong \\xc0\\x80, surrogate \\xed\\xa0\\x80, cut \\xe2\\x82");
  CHECK(escaped("beyond U+10FFFF \xf4\x90\x80\x80", XmlPlace::Element) == "beyond U+10FFFF \\xf4\\x90\\x80\\x80");
}
