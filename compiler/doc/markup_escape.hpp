// Escaping text for XML and HTML: the handbook's HTML and the JUnit XML report share it.
#pragma once

#include <string>
#include <string_view>

namespace redflag {

// [text] with `&`, `<`, `>` and `"` replaced by entities; safe in element text and in
// double-quoted attribute values of both HTML and XML.
std::string html_escape(std::string_view text);

}  // namespace redflag
