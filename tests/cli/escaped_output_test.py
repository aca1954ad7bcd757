#!/usr/bin/env python3
"""Control characters from inputs never reach a terminal raw, and CSV follows RFC 4180
(docs/cli.md "Control characters", "eval --format csv").

A `.rfb` is crafted from a built KB by rewriting flag names and a title in place, byte for byte,
to hold `,`, `"`, a line break and an ESC sequence, then resealed (content hash, then CRC-32; as
docs/bytecode.md describes). Text output, disasm and diagnostics must show each control character
as `\\u{1b}`; CSV must quote every field that needs it, so a CSV reader gets the exact names.

usage: escaped_output_test.py REDFLAG_BINARY EVAL_GOLDEN_KB
"""
import csv
import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

SOURCE = """kb crafted title "Crafted" version 1.0.0 status draft
levels low < high
fact a : bool
fact b : bool
flag flag_comma high
  title "TITLE_XXXXX"
  when a
flag flag_quote high
  title "Quote"
  because \"\"\"
    First line of why.
    Second line of why.
    \"\"\"
  when a
flag flag_lines low
  title "Lines"
  when b
flag flag_escap low
  title "Escape"
  when b
"""
RENAMES = {b"flag_comma": b"flag,comma", b"flag_quote": b'flag"quote', b"flag_lines": b"flag\nlines",
           b"flag_escap": b"flag\x1bescap", b"TITLE_XXXXX": b"TITLE\x1b[31mX"}


def reseal(data: bytes) -> bytes:
    data = bytearray(data)
    data[40:72] = hashlib.sha256(bytes(data[72:])).digest()
    data[32:36] = b"\0\0\0\0"
    data[32:36] = struct.pack("<I", zlib.crc32(bytes(data)))
    return bytes(data)


def raw_controls(text: bytes) -> bool:
    return any((byte < 0x20 and byte not in b"\n") or byte == 0x7F for byte in text)


def main() -> int:
    binary, golden_kb = sys.argv[1], sys.argv[2]
    failures = []

    def run(*arguments, stdin=b""):
        return subprocess.run([binary, *arguments], input=stdin, capture_output=True)

    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "crafted.rf")
        with open(source, "w", encoding="utf-8") as file:
            file.write(SOURCE)
        built = os.path.join(tmp, "built.rfb")
        subprocess.run([binary, "build", source, "-o", built], check=True, capture_output=True)
        with open(built, "rb") as file:
            data = file.read()
        for old, new in RENAMES.items():
            assert data.count(old) == 1, old
            data = data.replace(old, new)
        crafted = os.path.join(tmp, "crafted.rfb")
        with open(crafted, "wb") as file:
            file.write(reseal(data))

        cases = (b'{"id":"esc\\u001b[31mRED","a":true,"b":true}\n'
                 b'{"id":"a,b\\"c\\nd\\re","a":false,"b":false}\n')
        # CSV: six fields a row, names and ids exact.
        result = run("eval", crafted, "-", "--format", "csv", stdin=cases)
        rows = list(csv.reader(io.StringIO(result.stdout.decode(), newline="")))
        if result.returncode != 0 or len(rows) != 3 or any(len(row) != 6 for row in rows):
            failures.append(f"csv: exit {result.returncode}, rows {rows}")
        else:
            fired = set(rows[1][3].split(";"))
            if fired != {"flag,comma", 'flag"quote', "flag\nlines", "flag\x1bescap"}:
                failures.append(f"csv: fired names read back as {fired}")
            if [rows[1][0], rows[2][0]] != ["esc\x1b[31mRED", 'a,b"c\nd\re']:
                failures.append(f"csv: ids read back as {[rows[1][0], rows[2][0]]}")
        # Text output: controls escaped, in names, titles and ids.
        result = run("eval", crafted, "-", "--format", "text", stdin=cases)
        text = result.stdout
        if raw_controls(text) or b"esc\\u{1b}[31mRED" not in text or b"flag\\u{a}lines" not in text \
                or b"TITLE\\u{1b}[31mX" not in text or b"a,b\"c\\u{a}d\\u{d}e" not in text:
            failures.append(f"text output: {text!r}")
        # A multi-line text keeps its line breaks (indented), only its controls are escaped.
        if b"    why: First line of why.\n         Second line of why.\n" not in text:
            failures.append(f"text output lost the line breaks of a `because`: {text!r}")
        # disasm, show and diff of the same file.
        for arguments in [("disasm", crafted), ("show", crafted, "flag,comma"), ("diff", built, crafted)]:
            result = run(*arguments)
            if result.returncode not in (0, 4) or raw_controls(result.stdout) or b"\\u{1b}" not in result.stdout:
                failures.append(f"{arguments[0]}: exit {result.returncode}, {result.stdout[:300]!r}")
        # A message quoting input shows invisible characters (a no-break space).
        result = run("eval", golden_kb, "-", "--format", "json", stdin='{"id":"n","weight_loss":"10\u00a0lb"}\n'.encode())
        message = json.loads(result.stdout)["error"]["message"]
        if "10\\u{a0}lb" not in message:
            failures.append(f"no-break space in a message: {message!r}")
        # Diagnostics: the source line and the message, with the caret under the escaped text.
        bad = os.path.join(tmp, "bad.rf")
        with open(bad, "wb") as file:
            file.write(b'kb t title "T" version 1.0.0 status draft\nlevels \x1b[2J < high\n')
        result = run("check", bad)
        stderr = result.stderr.decode()
        want = [" 2 | levels \\u{1b}[2J < high", "   |        ^~~~~~"]  # the caret spans what is shown
        if raw_controls(result.stderr) or not all(line in stderr.splitlines() for line in want) \
                or "found `\\u{1b}`" not in stderr:
            failures.append(f"diagnostics: {stderr!r}")
        with open(bad, "wb") as file:
            file.write(b'kb t title "T" version 1.0.0 status draft\nlevels \xef\xbb\xbflow < high\n')
        stderr = run("check", bad).stderr.decode()
        if "found `\\u{feff}`" not in stderr:
            failures.append(f"a BOM inside a source: {stderr!r}")
        # File names are input too: in a diagnostic, the summary and a load error.
        odd = os.path.join(tmp, "odd\x1b[2J.rf")
        with open(odd, "w", encoding="utf-8") as file:
            file.write("fakt x : bool\n")
        odd_rfb = os.path.join(tmp, "odd\x1b[2J.rfb")
        with open(odd_rfb, "wb") as file:
            file.write(b"garbage")
        for arguments in [("check", odd), ("eval", odd_rfb, "-")]:
            result = run(*arguments)
            if result.returncode != 1 or raw_controls(result.stderr) or b"odd\\u{1b}[2J.rf" not in result.stderr:
                failures.append(f"{arguments[0]} of an odd file name: {result.stderr[:300]!r}")
        # A test name is a source string: the test report escapes it too.
        with open(golden_kb, encoding="utf-8") as file:
            tested = file.read().replace('test "10 lb fires"', 'test "10 lb \x1b[31mfires"')
        assert "\x1b" in tested
        named = os.path.join(tmp, "named.rf")
        with open(named, "w", encoding="utf-8") as file:
            file.write(tested)
        report = run("test", named).stdout
        if raw_controls(report) or b"10 lb \\u{1b}[31mfires ... ok" not in report:
            failures.append(f"test report: {report[:200]!r}")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
