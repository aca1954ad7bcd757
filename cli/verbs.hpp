// The `redflag` command-line verbs. Each verb lives in its own file `verb_<name>.cpp` and
// registers itself on the root CLI11 app; when it runs it stores its exit code in [exit_code]:
// 0 success, 1 errors in the KB or in the usage, 2 input errors in some cases (eval), and
// diff's gates 3 and 4 (docs/cli.md lists them).
#pragma once

namespace CLI {
class App;
}

namespace redflag::cli {

void add_check_verb(CLI::App& root, int& exit_code);
void add_explain_verb(CLI::App& root, int& exit_code);
void add_build_verb(CLI::App& root, int& exit_code);
void add_eval_verb(CLI::App& root, int& exit_code);
void add_show_verb(CLI::App& root, int& exit_code);
void add_disasm_verb(CLI::App& root, int& exit_code);
void add_test_verb(CLI::App& root, int& exit_code);
void add_fmt_verb(CLI::App& root, int& exit_code);
void add_doc_verb(CLI::App& root, int& exit_code);
void add_lint_verb(CLI::App& root, int& exit_code);
void add_diff_verb(CLI::App& root, int& exit_code);
void add_questionnaire_verb(CLI::App& root, int& exit_code);
void add_serve_verb(CLI::App& root, int& exit_code);

}  // namespace redflag::cli
