// Whether a file name ends in an extension, in any ASCII letter case (`cases.JSONL`, `KB.RFB`):
// the one test of extensions that tools/ uses, and only as a hint next to the content.
#pragma once

#include <algorithm>
#include <cctype>
#include <string_view>

namespace redflag::tools {

// Whether [name] ends in [suffix], a lower-case extension such as ".jsonl", in any letter case.
inline bool ends_with_ignoring_case(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  const auto tail = name.substr(name.size() - suffix.size());
  return std::equal(tail.begin(), tail.end(), suffix.begin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

}  // namespace redflag::tools
