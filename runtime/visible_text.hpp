// Text from inputs made safe to show: control and invisible characters written as escapes.
//
// Case ids, names read from a `.rfb`, source lines and messages that quote them can hold bytes a
// terminal acts on (ESC sequences that clear the screen or set its title, a CR that overwrites
// the line, a NUL) or characters nobody can see (a no-break space, a byte order mark, a
// bidirectional override). Every text output (eval's text output and messages, diagnostics,
// disasm, show) shows such input through visible_text. Each of those characters becomes `\u{1b}`: its
// code point in lower-case hex, as Rust and Swift write it; a byte that is not valid UTF-8
// becomes `\x89`. Everything else, a backslash included, is left as it is: the JSON outputs
// carry the exact value. The list is in docs/cli.md "Control characters".
#pragma once

#include <string>
#include <string_view>

namespace redflag {

// Which layout characters are left as they are: none (a name, an id, a message), tabs (a source
// line, so the caret still lines up), or tabs and line feeds (a whole multi-line text).
enum class Keep : unsigned char { Nothing, Tabs, TabsAndLineFeeds };

// [text] with every control or invisible character escaped, except those [keep] names.
std::string visible_text(std::string_view text, Keep keep = Keep::Nothing);

// Whether [text] needs visible_text at all (the common case, plain text, costs one scan).
bool needs_escapes(std::string_view text, Keep keep = Keep::Nothing);

}  // namespace redflag
