#!/usr/bin/env python3
"""Golden tests of the redflag command line.

Each case is tests/golden/<verb>/<name>.cmd: one line of arguments for `redflag` (split like a
shell would, without running one), run from tests/golden/<verb>/ so that relative paths and the
output stay machine-independent; `{tmp}` stands for a fresh temporary directory, in the
arguments and in the output, and `{docs}` for the build's REDFLAG_DOCS_URL (from the
environment) in the output, so SARIF rule links do not depend on the install prefix. Standard
input comes from <name>.stdin when it exists. The expected result is <name>.expected: standard
output, then standard error after a `--- stderr ---` line, then `--- exit N ---`.
REDFLAG_UPDATE_GOLDEN=1 rewrites .expected files. fhir_goldens_test.py shares render and
matches_golden.

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
    return 0 if matches_golden(stem + ".expected", actual) else 1


def matches_golden(path: str, actual: str) -> bool:
    """Whether [actual] is the golden file [path]'s text, printing the diff when not; with
    REDFLAG_UPDATE_GOLDEN set, writes [actual] there instead."""
    if os.environ.get("REDFLAG_UPDATE_GOLDEN"):
        with open(path, "w", encoding="utf-8") as file:
            file.write(actual)
        return True
    expected = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    if actual == expected:
        return True
    import difflib
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                               path, "actual"))
    return False


if __name__ == "__main__":
    sys.exit(main())
