// The non-code parts of an Image: metadata, facts, flag and topic tables, tests.
// compiler/codegen/codegen.cpp fills the code-dependent fields (code offsets, fact lists).
#pragma once

#include "compiler/ast.hpp"
#include "runtime/image.hpp"

namespace redflag::codegen {

ImageMeta meta_of(const ast::Kb& kb);
std::vector<ImageFact> facts_of(const ast::Kb& kb);
ImageFlag flag_entry_of(const ast::Kb& kb, const ast::Flag& flag);
ImageTopic topic_entry_of(const ast::Topic& topic);
std::vector<ImageTest> tests_of(const ast::Kb& kb);

}  // namespace redflag::codegen
