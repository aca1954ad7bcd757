#!/usr/bin/env python3
"""`redflag lint --fix` writes the findings' machine-applicable fixes to the sources
(docs/cli.md "redflag lint"): the parentheses of mixed-and-or and the repeated names of
duplicate-see; findings still go to stdout, the files fixed are named on stderr.

usage: lint_fix_test.py REDFLAG_BINARY
"""
import os
import subprocess
import sys
import tempfile

HEAD = """kb t
  title "T"
  version 1.0.0
  status draft
levels low < high
source s "S"
fact fever : bool
fact stiff : bool
fact confused : bool
flag m high
  title "Meningitis"
"""
TAIL = """  because "Why."
  cite s
  see a, b, a
topic a "A"
  when fever
topic b "B"
  when stiff
test "m"
  given fever = true, stiff = true, confused = false
  expect fired m
"""
BEFORE = HEAD + "  when fever and stiff or\n    confused  # note\n" + TAIL
AFTER = (HEAD + "  when (fever and stiff) or\n    confused  # note\n" +
         TAIL.replace("see a, b, a", "see a, b"))


def lint(redflag, path, *extra):
    return subprocess.run([redflag, "lint", path, *extra], capture_output=True, text=True)


def main():
    redflag = sys.argv[1]
    problems = []
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "kb.rf")
        with open(path, "w") as out:
            out.write(BEFORE)
        fixed = lint(redflag, path, "--fix")
        with open(path) as source:
            text = source.read()
        if text != AFTER:
            problems.append(f"fixed source:\n{text}")
        if fixed.stderr != f"fixed {path}: 2 fixes\n":
            problems.append(f"stderr: {fixed.stderr!r}")
        if "[mixed-and-or]" not in fixed.stdout or "[duplicate-see]" not in fixed.stdout:
            problems.append(f"the findings fixed are still reported: {fixed.stdout!r}")
        again = lint(redflag, path, "--fix")
        if again.stdout or again.stderr or again.returncode != 0:
            problems.append(f"second run: {again}")
    if problems:
        sys.exit("\n".join(problems))


main()
