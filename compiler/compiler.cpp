#include "compiler/compiler.hpp"

#include "compiler/codegen/codegen.hpp"
#include "runtime/bytecode_writer.hpp"
#include "runtime/loader.hpp"

namespace redflag {

CompileResult compile(FrontendResult checked) {
  CompileResult result{std::move(checked), {}, std::nullopt, {}};
  if (result.frontend.has_errors()) return result;
  auto bytes = write_image(generate_image(result.frontend.kb));
  auto loaded = load_image(bytes.data(), bytes.size());
  if (!loaded.ok()) {
    result.internal_error = std::move(loaded.error);
    return result;
  }
  result.bytes = std::move(bytes);
  result.image = std::move(loaded.image);
  return result;
}

CompileResult compile_paths(const std::vector<std::string>& paths) { return compile(check_paths(paths)); }

CompileResult compile_sources(std::vector<SourceFile> files) {
  return compile(check_sources(std::move(files)));
}

}  // namespace redflag
