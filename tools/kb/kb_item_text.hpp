// One flag, topic, score, fact or define of a KB as text, with all of its content: what
// `redflag show` prints and what an editor's hover can show (docs/cli.md#redflag-show).
// Conditions are shown as written when the KB's checked sources are at hand, and decompiled
// from the bytecode (runtime/condition_text.hpp) when it was loaded from a `.rfb`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/frontend.hpp"
#include "runtime/image.hpp"

namespace redflag::tools {

// The flag, the topic, the score, the fact and the define named [name] in [image] (in that
// order, a blank line between), or nullopt when none exists. [sources], when given, is the
// checked front end [image] was compiled from.
std::optional<std::string> describe_item(const Image& image, std::string_view name,
                                         const FrontendResult* sources = nullptr);

// Why [name] names nothing in [image]: `no flag, topic, score, fact or define `x` in KB `y`;
// did you mean ...`.
std::string unknown_item_message(const Image& image, std::string_view name);

}  // namespace redflag::tools
