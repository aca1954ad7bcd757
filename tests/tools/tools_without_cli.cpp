// A front end that links redflag_tools and not the CLI: loads a KB, evaluates a batch into
// JSON, runs the KB's tests and diffs two versions, printing a short account of each.
//
// usage: tools_without_cli KB_DIR BATCH.jsonl
// Exits 0 when every step worked and said what the KB's own files say it should, 1 otherwise.
#include <cstdio>
#include <string>

#include "runtime/vm.hpp"
#include "tools/diff/diff_report.hpp"
#include "tools/eval/eval_pipeline.hpp"
#include "tools/kb/kb_loader.hpp"
#include "tools/test/test_report.hpp"

namespace {

int fail(const std::string& why) {
  std::fprintf(stderr, "tools_without_cli: %s\n", why.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace redflag;
  if (argc != 3) return fail("usage: tools_without_cli KB_DIR BATCH.jsonl");
  const auto kb = tools::load_kb({argv[1]});
  if (!kb.ok() || !kb.frontend || kb.frontend->has_errors()) return fail("the KB did not load");

  const Program program(*kb.image);
  tools::EvalSettings settings;
  settings.inputs = {argv[2]};
  settings.jobs = 2;
  const auto writer = tools::make_result_writer(tools::OutputFormat::Json, *kb.image, nullptr);
  if (tools::evaluate_cases(*kb.image, program, settings, *writer).had_input_errors) return fail("the batch had input errors");
  const std::string records = fmt::to_string(writer->buffer());
  std::size_t lines = 0;
  for (const char c : records) lines += c == '\n';
  if (lines == 0 || records.rfind("{\"id\":", 0) != 0) return fail("no JSON records");

  const auto run = tools::run_kb_tests(*kb.frontend, *kb.image, true);
  if (run.outcomes.empty() || run.failed != 0) return fail("the KB's tests did not all pass");

  // The KB against itself with its first flag's title changed: a text-only change, a patch bump.
  auto files = kb.frontend->files;
  const std::string title = "  title \"";
  bool edited = false;
  for (auto& file : files) {
    const auto flag = file.text.find("\nflag ");
    if (flag == std::string::npos || edited) continue;
    const auto at = file.text.find(title, flag);
    file.text.insert(at + title.size(), "Edited: ");
    edited = true;
  }
  const auto changed = tools::open_kb({{}, std::move(files), "edited"});
  if (!edited || !changed.ok()) return fail("the edited KB did not compile");
  const auto report = tools::diff_kbs(*kb.image, *changed.image, 5);
  if (report.items.empty() || report.version.required != tools::Bump::Patch) return fail("the diff missed the edit");

  std::printf("loaded %s %s: %zu flags\nevaluated %zu cases into JSON\ntests: %zu passed\n"
              "diff: %zu changes, needs a %s bump\n",
              kb.image->meta.id.c_str(), kb.image->meta.version.c_str(), kb.image->flags.size(), lines,
              run.outcomes.size(), report.items.size(), std::string(tools::bump_name(report.version.required)).c_str());
  return 0;
}
