// Hostile inputs: each must give a clear diagnostic (naming the limit when one is hit) or be
// handled correctly, and never crash or overflow the stack.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "tests/support/temp_dir.hpp"
#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/frontend.hpp"

namespace fs = std::filesystem;
using redflag::test_support::TempDir;
using redflag::DiagKind;

namespace {

const std::string kHeader = "kb t title \"T\" version 1.0.0 status draft\nlevels low < high\n";

redflag::FrontendResult load_text(std::string text) {
  return redflag::check_sources({redflag::SourceFile{"mem.rf", std::move(text)}});
}

// The only diagnostic of [result], which must have exactly one.
redflag::Diagnostic only(const redflag::FrontendResult& result) {
  INFO(redflag::render_text(result.diagnostics, result.files));
  REQUIRE(result.diagnostics.size() == 1);
  return result.diagnostics.front();
}

}  // namespace

TEST_CASE("an empty file is a KB without header or levels") {
  const auto result = load_text("");
  REQUIRE(result.diagnostics.size() == 2);
  CHECK(result.diagnostics[0].message ==
        "the KB has no `kb` declaration; add one such as "
        "`kb my_kb title \"...\" version 0.1.0 status draft`");
  CHECK(redflag::render_text(result.diagnostics[0], result.files).rfind("error[E028]: ", 0) == 0);
}

TEST_CASE("invalid UTF-8 and NUL bytes name their line and column") {
  const auto bad = only(load_text("fact x : bool\n  ask \"\xC0\xAF\"\n"));
  CHECK(bad.kind == DiagKind::InvalidUtf8);
  CHECK(bad.span.begin.line == 2);
  CHECK(bad.span.begin.column == 8);
  CHECK(bad.message == "invalid UTF-8 byte `0xC0`; sources must be UTF-8 text");
  const auto nul = only(load_text(std::string("fact x : bool\0", 14)));
  CHECK(nul.kind == DiagKind::NulByte);
  CHECK(nul.span.begin.column == 14);
}

TEST_CASE("a BOM, CRLF line ends and tabs are handled") {
  const auto result = load_text("\xEF\xBB\xBFkb t title \"T\"\r\n\tversion 1.0.0 status draft\r\n"
                                "levels low < high\r\nfact a : bool\r\n\task \"A?\"\r\n");
  INFO(redflag::render_text(result.diagnostics, result.files));
  CHECK(result.diagnostics.empty());
  CHECK(result.kb.facts.at(0).ask == "A?");
  const auto tab = only(load_text(kHeader + "fact a : bool\n\tfakt"));
  CHECK(tab.span.begin.column == 2);
  CHECK(redflag::render_text(tab, {{"mem.rf", kHeader + "fact a : bool\n\tfakt"}})
            .find(" | \tfakt\n   | \t^~~~\n") != std::string::npos);
}

TEST_CASE("100,000-deep parentheses and `not`s stop at the nesting limit") {
  const std::string parens = std::string(100000, '(') + "a" + std::string(100000, ')');
  const auto deep = only(load_text(kHeader + "define d = " + parens + "\n"));
  CHECK(deep.kind == DiagKind::NestingTooDeep);
  CHECK(deep.message == "conditions nest more than 256 deep (parentheses and `not`); split the "
                        "condition with `define`");
  std::string nots;
  for (int i = 0; i < 100000; ++i) nots += "not ";
  CHECK(only(load_text(kHeader + "define d = " + nots + "a\n")).kind == DiagKind::NestingTooDeep);
}

TEST_CASE("a chain of 100,000 defines is checked without deep recursion") {
  std::string text = kHeader + "fact f : bool\ndefine d0 = f\n";
  for (int i = 1; i < 100000; ++i) text += fmt::format("define d{} = d{}\n", i, i - 1);
  text += "define d99999x = d99999 or d99999x\n";
  const auto cycle = only(load_text(text));
  CHECK(cycle.message == "define `d99999x` depends on itself: `d99999x` -> `d99999x`");
}

TEST_CASE("a 1 MB identifier is reported with the limit") {
  const auto too_long = only(load_text("fact " + std::string(1 << 20, 'x') + " : bool\n"));
  CHECK(too_long.message == "identifier is 1048576 bytes long; the limit is 128 bytes");
}

TEST_CASE("65,536 `at least` items exceed the limit") {
  std::string items = "fever";
  for (int i = 1; i < 65536; ++i) items += ", fever";
  const auto many = only(load_text(kHeader + "fact fever : bool\ndefine d = at least 1 of (" +
                                    items + ")\n"));
  CHECK(many.message == "`at least` lists 65536 conditions; the limit is 65535");
}

TEST_CASE("a 50 MB file loads; a file over 64 MiB is refused with the limit") {
  TempDir dir;
  const fs::path big = dir.path / "big.rf";
  {
    std::ofstream out(big, std::ios::binary);
    out << kHeader;
    const std::string line = "# " + std::string(97, '.') + "\n";
    for (int i = 0; i < 500000; ++i) out << line;
    out << "fact last : bool\n";
  }
  REQUIRE(fs::file_size(big) > 50'000'000);
  const auto result = redflag::check_paths({big.string()});
  CHECK(result.diagnostics.empty());
  CHECK(result.kb.facts.size() == 1);
  fs::resize_file(big, (64ull << 20) + 1);
  const auto too_big = only(redflag::check_paths({big.string()}));
  CHECK(too_big.message == "file is 67108865 bytes; the limit is 64 MiB (67108864 bytes)");
  CHECK(redflag::render_text(too_big, {{big.string(), ""}}) ==
        big.string() + ": error[E060]: file is 67108865 bytes; the limit is 64 MiB (67108864 bytes)\n");
}

TEST_CASE("missing paths and directories without sources are reported") {
  TempDir dir;
  const auto missing = only(redflag::check_paths({(dir.path / "nope.rf").string()}));
  CHECK(missing.kind == DiagKind::CannotRead);
  CHECK(missing.message.rfind("cannot read `" + (dir.path / "nope.rf").string() + "`: ", 0) == 0);
  const auto empty = only(redflag::check_paths({dir.path.string()}));
  CHECK(empty.message == "no `.rf` files in directory `" + dir.path.string() + "`");
}
