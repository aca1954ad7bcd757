// `redflag doc`: a handbook of a KB for clinicians who do not read rule code.
//
// The handbook states the KB's metadata, every flag (title, urgency, its condition in plain
// language, rationale, advice, citations, related topics), every topic, the fact vocabulary and
// a diagram of facts → flags → urgency levels, as Markdown (with a Mermaid diagram) or as one
// self-contained, printable HTML file (inline CSS and SVG, no scripts). It reads a checked AST
// (every reference resolved) and writes nothing itself; docs/handbook.md describes the result.
#pragma once

#include <string>

#include "compiler/ast.hpp"

namespace redflag {

enum class HandbookFormat { Markdown, Html };

// The handbook of [kb], which name resolution and type checking accepted.
std::string render_handbook(const ast::Kb& kb, HandbookFormat format);

// [expr], a checked condition of [kb], in plain language: `weight_loss >= 10 lb` reads
// "weight loss (unexplained weight loss) of 10 lb or more". Defines are named, not expanded.
std::string plain_condition(const ast::Kb& kb, const ast::Expr& expr);

// How the handbook names fact [fact]: its name in words, then its `means` text in parentheses.
std::string fact_label(const ast::Fact& fact);

// A unit as clinicians write it: `[lb_av]` reads "lb", `Cel` "°C"; other units as written.
std::string unit_label(std::string_view unit);

// How the handbook names an identifier such as a define: `bowel_bladder` reads "bowel bladder".
std::string words(std::string_view identifier);

}  // namespace redflag
