#!/usr/bin/env python3
"""A Markdown document's shell session, replayed: every file it writes and every command it
shows, run in an empty directory, must print what the document says (docs/tutorial.md).

Usage: docs_session_test.py REDFLAG DOCUMENT.md

The document's fenced blocks say what to do, in order:
- a block whose info string has `file=PATH` (```redflag file=first_kb/kb.rf) is written to PATH,
  replacing what an earlier block wrote there;
- a ```console block holds commands, each on a line starting with `$ `, each followed by the
  output it must print (standard output and standard error as one stream, trailing blank lines
  ignored). In an expected line, `...` stands for any text, for output that changes by itself
  (a content hash, a file size).
Commands run with `sh` in that directory, `redflag` being REDFLAG, with NO_COLOR set and
today's date fixed (REDFLAG_TODAY) so that review-date lints do not age. Other blocks are
prose. With REDFLAG_UPDATE_GOLDEN=1 the outputs in the document are rewritten to what the
commands print (lines with `...` that still match are kept).
"""
import os
import re
import subprocess
import sys
import tempfile

TODAY = "2026-12-01"


def fenced_blocks(lines):
    """(info string, index of the first body line, body lines) of every fenced block."""
    blocks, open_at, info = [], None, ""
    for index, line in enumerate(lines):
        if not line.startswith("```"):
            continue
        if open_at is None:
            open_at, info = index, line[3:].strip()
        else:
            blocks.append((info, open_at + 1, lines[open_at + 1:index]))
            open_at = None
    return blocks


def matches(expected, actual):
    pattern = ".*".join(re.escape(part) for part in expected.split("..."))
    return re.fullmatch(pattern, actual) is not None


def trimmed(lines):
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def main():
    redflag, document = os.path.abspath(sys.argv[1]), sys.argv[2]
    with open(document, encoding="utf-8") as source:
        lines = source.read().split("\n")
    update = os.environ.get("REDFLAG_UPDATE_GOLDEN") == "1"
    env = dict(os.environ, NO_COLOR="1", REDFLAG_TODAY=TODAY,
               PATH=os.path.dirname(redflag) + os.pathsep + os.environ.get("PATH", ""))
    failures, replacements, commands = [], [], 0
    with tempfile.TemporaryDirectory() as work:
        for info, first, body in fenced_blocks(lines):
            words = info.split()
            path = next((word[5:] for word in words if word.startswith("file=")), None)
            if path:
                os.makedirs(os.path.dirname(os.path.join(work, path)) or work, exist_ok=True)
                with open(os.path.join(work, path), "w", encoding="utf-8") as out:
                    out.write("\n".join(body) + "\n")
                continue
            if words[:1] != ["console"]:
                continue
            starts = [i for i, line in enumerate(body) if line.startswith("$ ")]
            for n, start in enumerate(starts):
                end = starts[n + 1] if n + 1 < len(starts) else len(body)
                command, expected = body[start][2:], trimmed(body[start + 1:end])
                run = subprocess.run(["sh", "-c", command], cwd=work, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, timeout=60)
                actual = trimmed(run.stdout.replace(work, "WORK").split("\n"))
                commands += 1
                same = len(expected) == len(actual) and all(map(matches, expected, actual))
                if same:
                    continue
                where = f"{document}:{first + start + 1}"
                failures.append(f"{where}: `{command}` printed\n" + "\n".join(actual) +
                                "\n--- where the document says ---\n" + "\n".join(expected))
                kept = [e if i < len(actual) and matches(e, actual[i]) else None for i, e in enumerate(expected)]
                new = [kept[i] if i < len(kept) and kept[i] is not None else line for i, line in enumerate(actual)]
                blank_after = [""] * (end - start - 1 - len(expected))
                replacements.append((first + start + 1, first + end, new + blank_after))
    if update and replacements:
        for begin, end, new in sorted(replacements, reverse=True):
            lines[begin:end] = new
        with open(document, "w", encoding="utf-8") as out:
            out.write("\n".join(lines))
        print(f"updated {len(replacements)} output(s) in {document}")
        return 0
    for failure in failures:
        print("FAIL:", failure, "\n")
    print(f"{document}: {commands} commands, {len(failures)} with other output")
    return 1 if failures or commands == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
