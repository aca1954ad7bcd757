// `redflag questionnaire KB`: the KB's facts as a FHIR R4 Questionnaire (docs/fhir.md).
#include <CLI/CLI.hpp>

#include <memory>

#include "cli/diagnostics_output.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "tools/fhir/questionnaire.hpp"
#include "tools/kb/kb_loader.hpp"

namespace redflag::cli {
namespace {

struct QuestionnaireOptions {
  std::vector<std::string> paths;
  DiagnosticsStyle diagnostics;
};

int run_questionnaire(const QuestionnaireOptions& options) {
  const auto kb = tools::load_kb(options.paths);
  if (!report_load(kb, options.diagnostics)) return 1;
  print_output(tools::fhir::questionnaire_json(*kb.image));
  return 0;
}

}  // namespace

void add_questionnaire_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<QuestionnaireOptions>();
  auto* verb = root.add_subcommand("questionnaire", "Print a FHIR R4 Questionnaire asking for a KB's facts");
  verb->footer("One item per fact, linkId = the fact's name. Exit 0, or 1 when the KB is bad.");
  verb->add_option("KB", options->paths, "A .rfb file, or KB source files or directories")->required();
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] { exit_code = run_questionnaire(*options); });
}

}  // namespace redflag::cli
