// Benchmark of the language server's hot paths (docs/performance.md "Language server"):
// diagnostics after a change for kb/back_pain and for synthetic KBs of 250 to 2,000 flags,
// hover and completion medians, and the heap a KB's analysis holds. Not a test: it asserts no
// speed. Usage: lsp_bench KB_DIR (kb/back_pain); tests/bench/run.sh builds it in Release.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tools/lsp/features.hpp"
#include "tools/lsp/kb_workspace.hpp"

namespace fs = std::filesystem;
using redflag::lsp::json;

namespace {

template <typename F>
double median_ms(int runs, F&& run) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// Diagnostics after a change: the KB is touched, analysed again and its notifications built.
double diagnostics_ms(redflag::lsp::Workspace& workspace, const std::string& file) {
  return median_ms(21, [&] {
    workspace.touch(file);
    const auto notifications = redflag::lsp::publish_diagnostics(workspace.kb_of(file));
    if (notifications.empty()) std::abort();
  });
}

// A KB of [flags] flags over flags / 4 facts, each flag with a test, in [dir].
void write_synthetic(const fs::path& dir, int flags) {
  fs::create_directories(dir);
  std::ofstream(dir / "kb.rf") << "kb synthetic\n  title \"Synthetic\"\n  version 1.0.0\n  status draft\n\n"
                                  "levels routine < consult < immediate\n\nsource seed \"Seed\"\n";
  std::ofstream facts(dir / "facts.rf");
  const int fact_count = std::max(1, flags / 4);
  for (int i = 0; i < fact_count; ++i) {
    facts << "fact f" << i << " : mass in kg\n  ask \"Weight " << i << "?\"\n  means \"weight " << i << "\"\n\n";
  }
  std::ofstream rules(dir / "flags.rf");
  std::ofstream tests(dir / "tests.rf");
  for (int i = 0; i < flags; ++i) {
    const int a = i % fact_count, b = (i * 7 + 1) % fact_count;
    rules << "flag g" << i << " " << (i % 2 ? "consult" : "immediate") << "\n  title \"Flag " << i << "\"\n  when f" << a
          << " >= " << (i % 50 + 1) << " kg and (f" << b << " < 200 lb or not known(f" << b << "))\n"
          << "  because \"reason " << i << "\"\n  cite seed \"Section " << i << "\"\n\n";
    tests << "test \"t" << i << "\"\n  given f" << a << " = 60 kg, f" << b << " = 10 kg\n  expect fired g" << i << "\n\n";
  }
}

std::size_t heap_bytes() { return mallinfo2().uordblks; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: lsp_bench KB_DIR\n");
    return 64;
  }
  const std::string kb = fs::absolute(argv[1]).lexically_normal().string();
  redflag::lsp::Workspace workspace({"2026-12-01"});
  workspace.add_folder(kb);
  const std::string flags = kb + "/flags.rf";
  std::printf("back_pain diagnostics after a change: %.2f ms (median of 21)\n", diagnostics_ms(workspace, flags));

  const json at = {{"textDocument", {{"uri", "file://" + flags}}}, {"position", {{"line", 9}, {"character", 10}}}};
  std::printf("hover on a fact: %.3f ms (median of 201)\n",
              median_ms(201, [&] { redflag::lsp::hover(workspace, at); }));
  std::printf("completion in a condition: %.3f ms (median of 201)\n",
              median_ms(201, [&] { redflag::lsp::completion(workspace, at); }));

  const fs::path scratch = fs::temp_directory_path() / ("lsp_bench." + std::to_string(::getpid()));
  for (const int size : {250, 500, 1000, 2000}) {
    const fs::path dir = scratch / std::to_string(size);
    write_synthetic(dir, size);
    redflag::lsp::Workspace synthetic({"2026-12-01"});
    synthetic.add_folder(dir.string());
    const std::size_t before = heap_bytes();
    synthetic.kb_of((dir / "flags.rf").string());
    const std::size_t held = heap_bytes() - before;
    std::printf("%d flags: diagnostics after a change %.1f ms (median of 21), analysis holds %.1f MiB\n", size,
                diagnostics_ms(synthetic, (dir / "flags.rf").string()), static_cast<double>(held) / (1 << 20));
  }
  fs::remove_all(scratch);
  return 0;
}
