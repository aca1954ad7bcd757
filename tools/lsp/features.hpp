// The language features, one file each; the dispatcher (server.hpp) routes LSP methods to them.
//
// Each takes the request's params and returns its result as LSP 3.17 defines it, throwing
// LspError for params it cannot serve. None of them writes to the client: notifications such as
// publishDiagnostics are built here and sent by the server.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/diagnostics/diagnostic_render.hpp"
#include "tools/lsp/kb_workspace.hpp"
#include "tools/lsp/lsp_json.hpp"

namespace redflag::lsp {

// lsp_diagnostics.cpp: the publishDiagnostics params for every file of [kb]: compiler
// diagnostics, lint findings and failed tests, each with its code, fixes in `data`.
std::vector<json> publish_diagnostics(const KbAnalysis& kb);
// One [problem] of [kb] in file [file_id] as an LSP Diagnostic from [source], its fixes in `data.fixes`.
json diagnostic_json(const KbAnalysis& kb, const Problem& problem, std::uint32_t file_id, const char* source);

// lsp_hover.cpp
json hover(Workspace& workspace, const json& params);
// lsp_navigation.cpp
json definition(Workspace& workspace, const json& params);
json references(Workspace& workspace, const json& params);
json prepare_rename(Workspace& workspace, const json& params);
json rename(Workspace& workspace, const json& params);
// lsp_formatting.cpp: `redflag fmt`'s output as edits
json formatting(Workspace& workspace, const json& params);
json range_formatting(Workspace& workspace, const json& params);
// lsp_completion.cpp
json completion(Workspace& workspace, const json& params);
// lsp_code_actions.cpp: fixes, suppressions, missing parentheses
json code_actions(Workspace& workspace, const json& params);
// lsp_tests.cpp: a code lens per test, its command, inlay hints with condition values
json code_lenses(Workspace& workspace, const json& params);
json run_tests_command(Workspace& workspace, const json& params);
json inlay_hints(Workspace& workspace, const json& params);
// lsp_semantic_tokens.cpp
json semantic_tokens_legend();
json semantic_tokens(Workspace& workspace, const json& params);
// lsp_symbols.cpp: document and workspace symbols, folding ranges
json document_symbols(Workspace& workspace, const json& params);
json workspace_symbols(Workspace& workspace, const std::vector<std::string>& roots, const json& params);
json folding_ranges(Workspace& workspace, const json& params);

}  // namespace redflag::lsp
