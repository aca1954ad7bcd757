// The non-code parts of an Image: metadata, facts, flag and topic tables, tests.
// compiler/codegen/codegen.cpp fills the code-dependent fields (code offsets, fact lists).
#pragma once

#include "compiler/ast.hpp"
#include "runtime/image.hpp"

namespace redflag::codegen {

ImageMeta meta_of(const ast::Kb& kb);
std::vector<ImageFact> facts_of(const ast::Kb& kb);
// Every fact's `fhir` clauses, in fact order, codings split at their `|`.
std::vector<ImageFhirBinding> fhir_of(const ast::Kb& kb);
// One CDS Hooks indicator per level when `levels` has `indicator` clauses, else none.
std::vector<CdsIndicator> indicators_of(const ast::Kb& kb);
ImageFlag flag_entry_of(const ast::Kb& kb, const ast::Flag& flag);
ImageTopic topic_entry_of(const ast::Topic& topic);
// The tests; a score expectation names the score's N-slot, [score_slots] by ast score.
std::vector<ImageTest> tests_of(const ast::Kb& kb, const std::vector<std::uint32_t>& score_slots);
std::vector<ImageCitation> citations_of(const std::vector<ast::Citation>& cites);

}  // namespace redflag::codegen
