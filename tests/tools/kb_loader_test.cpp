// The one door (tools/kb/kb_loader.hpp): bytecode or sources decided by the `.rfb` name or the
// magic's first byte, and every failure returned as data, never printed.
#include <catch2/catch.hpp>

#include <tuple>

#include "tests/tools/tools_fixture.hpp"
#include "tools/kb/kb_loader.hpp"

namespace redflag {
namespace {

constexpr const char* kSource = R"(kb door
  title "Door"
  version 1.2.3
  status draft

levels routine < urgent

fact fever : bool

flag fever urgent
  title "Fever"
  when fever
)";

std::string_view as_text(const std::vector<std::uint8_t>& bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

TEST_CASE("sources on disk are compiled; the result keeps the AST, the bytes and the image", "[tools][kb]") {
  test::ScratchDir dir;
  const auto kb = tools::load_kb({dir.write("door.rf", kSource)});
  REQUIRE(kb.ok());
  REQUIRE(kb.frontend);
  CHECK(kb.frontend->diagnostics.empty());
  CHECK(kb.image->meta.id == "door");
  CHECK_FALSE(kb.bytes.empty());
  CHECK_FALSE(kb.error);
}

TEST_CASE("a file that starts with the magic is loaded as bytecode, with no front end", "[tools][kb]") {
  test::ScratchDir dir;
  const auto bytes = compile_sources({{"door.rf", kSource}}).bytes;
  const auto kb = tools::load_kb({dir.write("door.rfb", as_text(bytes))});
  REQUIRE(kb.ok());
  CHECK_FALSE(kb.frontend);
  CHECK(kb.image->meta.version == "1.2.3");
}

TEST_CASE("in-memory bytecode and in-memory sources go through the same door", "[tools][kb]") {
  const auto bytes = compile_sources({{"door.rf", kSource}}).bytes;
  const auto from_bytes = tools::open_kb({{}, std::vector<SourceFile>{{"rev:door.rfb", std::string(as_text(bytes))}}, "rev:door.rfb"});
  const auto from_text = tools::open_kb({{}, std::vector<SourceFile>{{"door.rf", kSource}}, "door.rf"});
  REQUIRE(from_bytes.ok());
  REQUIRE(from_text.ok());
  CHECK(from_bytes.image->content_hash == from_text.image->content_hash);
}

TEST_CASE("bad bytecode is an input error naming the file; nothing is compiled", "[tools][kb]") {
  test::ScratchDir dir;
  auto bytes = compile_sources({{"door.rf", kSource}}).bytes;
  bytes.resize(bytes.size() / 2);
  const std::string path = dir.write("cut.rfb", as_text(bytes));
  const auto kb = tools::load_kb({path});
  CHECK_FALSE(kb.ok());
  CHECK_FALSE(kb.frontend);
  REQUIRE(kb.error);
  CHECK(kb.error->kind == tools::LoadError::Kind::Input);
  CHECK_THAT(kb.error->message, Catch::StartsWith(path + ": bad bytecode ("));
}

TEST_CASE("a damaged or short .rfb, on disk or at a revision, is bad bytecode, never sources", "[tools][kb]") {
  test::ScratchDir dir;
  const auto bytes = compile_sources({{"door.rf", kSource}}).bytes;
  std::string damaged(as_text(bytes));
  damaged[3] = 'X';
  for (const auto& [name, text, reason] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"damaged.rfb", damaged, "bad magic"},
           {"damaged.bin", damaged, "bad magic"},  // by its first byte
           {"short.RFB", damaged.substr(0, 5), "bad magic"},
           {"cut.bin", std::string(as_text(bytes)).substr(0, 2), "truncated header (2 of 72 bytes)"},
           {"empty.rfb", "", "truncated header (0 of 72 bytes)"}}) {
    INFO(name);
    const std::string path = dir.write(name, text);
    const auto on_disk = tools::load_kb({path});
    REQUIRE(on_disk.error);
    CHECK_FALSE(on_disk.frontend);
    CHECK(on_disk.error->message == path + ": bad bytecode (" + reason + ")");
    const auto at_revision = tools::open_kb({{}, std::vector<SourceFile>{{"HEAD:" + name, text}}, "HEAD:" + name});
    REQUIRE(at_revision.error);
    CHECK(at_revision.error->message == "HEAD:" + name + ": bad bytecode (" + reason + ")");
  }
}

TEST_CASE("sources in memory are stored under their KB-relative name, as on disk", "[tools][kb]") {
  test::ScratchDir dir;
  const auto on_disk = tools::load_kb({dir.write("door.rf", kSource)});
  const auto at_revision = tools::open_kb({{}, std::vector<SourceFile>{{"HEAD:kb/door.rf", kSource, "door.rf"}}, "HEAD:kb"});
  REQUIRE(on_disk.ok());
  REQUIRE(at_revision.ok());
  CHECK(on_disk.bytes == at_revision.bytes);
  CHECK(at_revision.image->flags[0].file == "door.rf");
}

TEST_CASE("a path that does not exist is a source diagnostic (E001), not a load error", "[tools][kb]") {
  const auto kb = tools::load_kb({"/nonexistent/redflag/kb.rf"});
  CHECK_FALSE(kb.ok());
  CHECK_FALSE(kb.error);
  REQUIRE(kb.frontend);
  REQUIRE(kb.frontend->diagnostics.size() == 1);
  CHECK(diag_code(kb.frontend->diagnostics[0].kind) == "E001");
}

TEST_CASE("compile_kb never takes a file for bytecode", "[tools][kb]") {
  test::ScratchDir dir;
  const auto bytes = compile_sources({{"door.rf", kSource}}).bytes;
  const auto kb = tools::compile_kb({dir.write("door.rfb", as_text(bytes))});
  CHECK_FALSE(kb.ok());
  REQUIRE(kb.frontend);
  CHECK(kb.frontend->has_errors());
}

}  // namespace
}  // namespace redflag
