// The `redflag` command-line verbs. Each verb lives in its own file `verb_<name>.cpp` and
// registers itself on the root CLI11 app; when it runs it stores its exit code in [exit_code]:
// 0 success, 1 errors in the KB or in the usage, 2 input errors in some cases (eval), and
// diff's gates 3 and 4 (docs/cli.md lists them). main.cpp lists every verb once, in kVerbs;
// a new verb is a new file and one line there.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace redflag::cli {

using AddVerb = void (*)(CLI::App& root, int& exit_code);

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
void add_lsp_verb(CLI::App& root, int& exit_code);
void add_questionnaire_verb(CLI::App& root, int& exit_code);
void add_serve_verb(CLI::App& root, int& exit_code);
void add_help_verb(CLI::App& root, int& exit_code);
void add_version_verb(CLI::App& root, int& exit_code);
void add_completions_verb(CLI::App& root, int& exit_code);
void add_man_verb(CLI::App& root, int& exit_code);

// `redflag 0.1.0`, as `redflag version` and `--version` print it.
std::string version_line();

// Whether [root] has a verb called [name].
bool known_verb(const CLI::App& root, const std::string& name);

// Prints `error: unknown verb `chek`; did you mean `check`?` (or where to find the verbs when no
// name is close). Returns the exit status, 1.
int report_unknown_verb(const CLI::App& root, const std::string& name);

// Whether [given] (`--format`, `-o`, `--format=json`) is an option of [app] (the root or a verb).
bool known_option(const CLI::App& app, const std::string& given);

// Prints `error: unknown option `--formt` for `redflag lint`; did you mean `--format`?` for
// [given], not an option of [app], or where its options are listed. Returns the exit status, 1.
int report_unknown_option(const CLI::App& app, const std::string& given);

}  // namespace redflag::cli
