// Appending JSON text to an fmt buffer: the one place the CLI escapes strings for JSON.
// Output verbs build their JSON with these and fmt::format_to; nothing here parses JSON.
#pragma once

#include <fmt/format.h>

#include <string_view>

namespace redflag::tools {

// Appends [text] as a JSON string literal (quotes included), escaping per RFC 8259.
void append_json_string(fmt::memory_buffer& out, std::string_view text);

// Appends [value] as a JSON number: the shortest text that reads back to the same double.
void append_json_number(fmt::memory_buffer& out, double value);

}  // namespace redflag::tools
