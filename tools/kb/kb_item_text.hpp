// One flag, topic or score of a KB as text, with all of its content: what `redflag show` prints and
// what an editor's hover can show (docs/cli.md#redflag-show).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "runtime/image.hpp"

namespace redflag::tools {

// The flag, the topic and the score named [name] in [image] (in that order, a blank line
// between), or nullopt when none exists.
std::optional<std::string> describe_item(const Image& image, std::string_view name);

// Why [name] names nothing in [image]: `no flag, topic or score `x` in KB `y`; did you mean ...`.
std::string unknown_item_message(const Image& image, std::string_view name);

}  // namespace redflag::tools
