#include "compiler/diagnostics/fix.hpp"

#include <algorithm>

namespace redflag {

std::string apply_fixes(std::string_view text, std::uint32_t file_id, const std::vector<const Fix*>& fixes,
                        std::size_t* skipped) {
  std::vector<const TextEdit*> edits;
  for (const Fix* fix : fixes) {
    for (const auto& edit : fix->edits) {
      if (edit.span.begin.file_id == file_id && edit.span.begin.offset + edit.span.length <= text.size()) {
        edits.push_back(&edit);
      }
    }
  }
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit* a, const TextEdit* b) {
    return a->span.begin.offset < b->span.begin.offset;
  });
  std::string out;
  std::size_t copied = 0;  // bytes of [text] consumed so far
  std::size_t overlapping = 0;
  for (const TextEdit* edit : edits) {
    const std::size_t begin = edit->span.begin.offset;
    // An insertion at the end of the previous edit is kept; anything reaching into it is not.
    if (begin < copied) {
      ++overlapping;
      continue;
    }
    out.append(text.substr(copied, begin - copied));
    out += edit->replacement;
    copied = begin + edit->span.length;
  }
  out.append(text.substr(copied));
  if (skipped) *skipped = overlapping;
  return out;
}

}  // namespace redflag
