// Every place a KB names one of its declarations, for hover, navigation, rename and highlighting.
//
// The index is built from the AST (compiler/ast.hpp), whose spans are names: a declaration's
// span is its name, an expression's Name node is the reference. A reference the checker could not
// resolve (the KB has errors) is looked up by name among facts and defines, so navigation still
// works while the author types. Enum values are not indexed (they are scoped by their fact).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ast.hpp"

namespace redflag::lsp {

enum class SymbolKind : std::uint8_t { Kb, Level, Source, Fact, Define, Flag, Score, Topic, Test };

struct SymbolKey {
  SymbolKind kind = SymbolKind::Fact;
  std::string name;
  bool operator==(const SymbolKey& other) const { return kind == other.kind && name == other.name; }
};

struct Occurrence {
  SymbolKey key;
  SourceSpan span;
  bool declaration = false;
  SymbolKey container;  // the declaration whose text holds this occurrence
};

class SymbolIndex {
 public:
  explicit SymbolIndex(const ast::Kb& kb);

  // The occurrence at byte [offset] of file [file_id] (its end included, where the cursor
  // stands after typing a name), or null.
  const Occurrence* at(std::uint32_t file_id, std::uint64_t offset) const;
  // Every occurrence of [key], declaration first when there is one.
  std::vector<const Occurrence*> of(const SymbolKey& key) const;
  const Occurrence* declaration(const SymbolKey& key) const;
  // The declarations, in source order.
  std::vector<const Occurrence*> declarations() const;
  const std::vector<Occurrence>& all() const { return occurrences_; }

 private:
  std::vector<Occurrence> occurrences_;  // sorted by file, then offset
};

// "fact", "flag", ...: the keyword that declares [kind].
const char* symbol_kind_keyword(SymbolKind kind);

}  // namespace redflag::lsp
