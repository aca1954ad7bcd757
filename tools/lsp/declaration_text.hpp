// A KB's declarations as short Markdown for hover and completion details.
#pragma once

#include <string>

#include "tools/lsp/kb_workspace.hpp"
#include "tools/lsp/symbol_index.hpp"

namespace redflag::lsp {

// The fact's type as declared: `bool`, `mass in [lb_av]`, `one of breast, lung`.
std::string fact_type_text(const ast::Fact& fact);
// What a hover over [key] in [kb] shows, as Markdown; "" when [kb] declares no such thing.
std::string describe(const KbAnalysis& kb, const SymbolKey& key);

}  // namespace redflag::lsp
