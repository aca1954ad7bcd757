#!/usr/bin/env python3
"""Golden tests of the redflag command line.

Each case is tests/golden/<verb>/<name>.cmd: one line of arguments for `redflag` (split like a
shell would, without running one), run from tests/golden/<verb>/ so that relative paths and the
output stay machine-independent; `{tmp}` stands for a fresh temporary directory, in the
arguments and in the output, and `{docs}` for the build's REDFLAG_DOCS_URL (from the
environment) in the output, so SARIF rule links do not depend on the install prefix. Standard
input comes from <name>.stdin when it exists. The expected result is <name>.expected: standard
output, then standard error after a `--- stderr ---` line, then `--- exit N ---`.
REDFLAG_UPDATE_GOLDEN=1 rewrites .expected files.

usage: golden_cli.py REDFLAG_BINARY CASE.cmd
"""
import os
import shlex
import subprocess
import sys
import tempfile


def render(result: subprocess.CompletedProcess) -> str:
    return (result.stdout.decode("utf-8", "replace") + "--- stderr ---\n" +
            result.stderr.decode("utf-8", "replace") + f"--- exit {result.returncode} ---\n")


def main() -> int:
    binary, case = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    directory = os.path.dirname(case)
    stem = case[: -len(".cmd")]
    with open(case, encoding="utf-8") as file:
        arguments = shlex.split(file.read(), comments=True)
    stdin = open(stem + ".stdin", "rb") if os.path.exists(stem + ".stdin") else subprocess.DEVNULL
    with tempfile.TemporaryDirectory() as tmp:
        arguments = [argument.replace("{tmp}", tmp) for argument in arguments]
        result = subprocess.run([binary] + arguments, cwd=directory, stdin=stdin,
                                capture_output=True, timeout=120)
        actual = render(result).replace(tmp, "{tmp}")
    if os.environ.get("REDFLAG_DOCS_URL"):
        actual = actual.replace(os.environ["REDFLAG_DOCS_URL"], "{docs}")
    if os.environ.get("REDFLAG_UPDATE_GOLDEN"):
        with open(stem + ".expected", "w", encoding="utf-8") as file:
            file.write(actual)
        return 0
    with open(stem + ".expected", encoding="utf-8") as file:
        expected = file.read()
    if actual == expected:
        return 0
    import difflib
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                               "expected", "actual"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
