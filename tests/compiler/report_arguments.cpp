// Compiled, not run, by tests/compiler/CMakeLists.txt: a report with the wrong number of
// arguments for its kind's format must not build, and the same report with the right number must.
#include "compiler/diagnostics/diagnostic.hpp"

void report_cannot_read(redflag::Diagnostics& diagnostics) {
  using redflag::DiagKind;
#if defined(REDFLAG_TOO_FEW_ARGUMENTS)
  diagnostics.report<DiagKind::CannotRead>(redflag::SourceSpan{}, "kb.rf");
#elif defined(REDFLAG_TOO_MANY_ARGUMENTS)
  diagnostics.report<DiagKind::CannotRead>(redflag::SourceSpan{}, "kb.rf", "no such file", 2);
#else
  diagnostics.report<DiagKind::CannotRead>(redflag::SourceSpan{}, "kb.rf", "no such file");
#endif
}
