// `redflag diff`, in structure: what changed between two versions of a KB, table by table.
//
// The two Images are compared table by table, matching entries by name; conditions are compared
// as decompiled text (runtime/condition_text.hpp), so sources and `.rfb` files compare alike and
// layout-only edits are not changes. Images only: no AST, no source text.
#pragma once

#include <string>
#include <vector>

#include "runtime/image.hpp"
#include "tools/diff/bump.hpp"

namespace redflag::tools {

// One field of an item that differs: old and new rendered as text ("" for a list element
// that was added or removed).
struct FieldChange {
  std::string field, old_value, new_value;
};

enum class ItemChangeKind : std::uint8_t { Added, Removed, Changed };

// One kb header, level, fact, define, score, score item, flag, topic, source or test that was
// added, removed or changed.
struct ItemChange {
  std::string kind;  // "kb", "level", "fact", "define", "score", "score item", "flag", "topic", "source", "test"
  std::string name;
  ItemChangeKind change = ItemChangeKind::Changed;
  std::vector<FieldChange> fields;  // Changed only
  Bump bump = Bump::None;           // what this change alone requires
  std::string why;                  // why it requires that bump
};

// Compares [old_kb] with [new_kb], item kind by kind, in table order.
std::vector<ItemChange> structural_diff(const Image& old_kb, const Image& new_kb);

}  // namespace redflag::tools
