// Appending XML 1.0 text to an fmt buffer: the one place reports escape strings for XML.
//
// Markup characters become entities (`>` too, so `]]>` never appears). Characters that XML 1.0
// cannot hold at all, not even as character references (C0 controls other than tab, line feed
// and carriage return; U+FFFE, U+FFFF), and the other control characters (DEL, C1), which it
// holds but a reader cannot see, become a visible `\u001b`-style escape: four lower-case hex
// digits, as in JSON. A byte that is not UTF-8 becomes `\xff`. A backslash stays as it is, so a
// name that already holds the text `\u001b` reads the same (pytest's `#x1B` has the same
// ambiguity). Nothing here parses XML.
#pragma once

#include <fmt/format.h>

#include <string_view>

namespace redflag::tools {

// Where the text goes: an attribute value normalises tab, line feed and carriage return to
// spaces, so they are written there as character references.
enum class XmlPlace { Element, Attribute };

// Appends [text], UTF-8, escaped for [place] in a document written as UTF-8.
void append_xml_text(fmt::memory_buffer& out, std::string_view text, XmlPlace place);

}  // namespace redflag::tools
