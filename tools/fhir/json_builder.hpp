// Writing indented JSON documents (FHIR resources, CDS Hooks responses) into an fmt buffer.
//
// The builder tracks commas and indentation; callers say what comes next. It never parses and
// never checks that a document is balanced beyond what its methods need (a closing call pops
// one level). Two spaces per level, one member or element per line, as FHIR's examples print.
#pragma once

#include <fmt/format.h>

#include <string_view>
#include <vector>

namespace redflag::tools::fhir {

class JsonBuilder {
 public:
  // [indent] false writes everything on one line (CDS Hooks responses, log lines).
  explicit JsonBuilder(fmt::memory_buffer& out, bool indent = true) : out_(out), indent_(indent) {}

  JsonBuilder& object(std::string_view key = {});  // `"key": {` (no key inside an array or at the top)
  JsonBuilder& array(std::string_view key = {});
  JsonBuilder& close();                             // `}` or `]`
  JsonBuilder& string(std::string_view key, std::string_view value);
  JsonBuilder& number(std::string_view key, double value);
  JsonBuilder& boolean(std::string_view key, bool value);
  JsonBuilder& raw(std::string_view key, std::string_view json);  // already-encoded JSON

 private:
  // A comma if needed, the line break and indentation, then `"key": ` when [key] is given.
  void begin(std::string_view key);
  // Opens an object or array ([opener]) that close() ends with [closer].
  JsonBuilder& open(std::string_view key, char opener, char closer);

  fmt::memory_buffer& out_;
  bool indent_;
  std::vector<bool> first_;  // per open level: nothing written in it yet
  std::vector<char> closers_;
};

}  // namespace redflag::tools::fhir
