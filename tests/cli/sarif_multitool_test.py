#!/usr/bin/env python3
"""`redflag lint --format sarif` through Microsoft's SARIF multitool, with GitHub's rules.

The multitool (npm @microsoft/sarif-multitool-linux, pinned in tests/data/sarif/, installed
there by .ci/setup) checks the SARIF rules and GitHub Advanced Security's ingestion rules
(`--rule-kind "Sarif;Gh"`). Every log of sarif_test.py's runs (the lint goldens, the KBs that
do not compile, the runs stopped by a bad config) must give no error and no warning. A control log whose result has no
location must give GitHub's errors, so the checker is known to be live. Skips (exit 77) and
says why when the multitool is not installed.

usage: sarif_multitool_test.py REDFLAG_BINARY REPO_ROOT
"""
import json
import os
import re
import subprocess
import sys
import tempfile

from sarif_test import BROKEN, CONFIG_ERRORS, RUNS

SKIP = 77


def findings(multitool: str, log_path: str, tmp: str) -> list:
    """The multitool's errors and warnings about [log_path], one line each."""
    result = subprocess.run([multitool, "validate", log_path, "--rule-kind", "Sarif;Gh", "--level", "Error;Warning",
                             "-o", os.path.join(tmp, "validation.sarif"), "--log", "ForceOverwrite"],
                            capture_output=True, text=True, timeout=300)
    lines = re.findall(r"^.*: (?:error|warning) [A-Z]+\d+: .*$", result.stdout + result.stderr, re.M)
    if result.returncode != 0 and not lines:
        lines.append(f"multitool exit {result.returncode}: {result.stdout[-500:]}{result.stderr[-500:]}")
    return lines


def main() -> int:
    binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    multitool = os.path.join(root, "tests", "data", "sarif", "node_modules", "@microsoft", "sarif-multitool-linux",
                             "Sarif.Multitool")
    if not os.access(multitool, os.X_OK):
        print("skipped: the SARIF multitool is not installed: run `npm ci` in tests/data/sarif "
              "(.ci/setup does when npm is there)")
        return SKIP
    golden = os.path.join(root, "tests", "golden")
    runs = [(arguments, os.path.join(golden, "lint"), {}) for arguments in RUNS]
    runs += [(["lint", "--format", "sarif", source], os.path.join(golden, "check"), {}) for source, _ in BROKEN]
    runs += [(arguments, os.path.join(golden, "lint"), environment) for arguments, environment, _ in CONFIG_ERRORS]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (arguments, directory, environment) in enumerate(runs):
            result = subprocess.run([binary] + arguments, cwd=directory, capture_output=True, timeout=120,
                                    env=dict(os.environ, **environment))
            with open(os.path.join(tmp, f"lint{index}.sarif"), "wb") as file:
                file.write(result.stdout)
            problems += [f"{arguments[-1]}: {line}" for line in findings(multitool, file.name, tmp)]
        # The control: the first log (all_lints.rf, whose results are many) without locations.
        log_path = os.path.join(tmp, "control.sarif")
        with open(os.path.join(tmp, "lint0.sarif"), encoding="utf-8") as file:
            control = json.load(file)
        for result in control["runs"][0]["results"]:
            del result["locations"]
        with open(log_path, "w", encoding="utf-8") as file:
            json.dump(control, file)
        if not any(" error GH" in line for line in findings(multitool, log_path, tmp)):
            problems.append("the control log without locations gave no GitHub error: is the checker live?")
    for problem in problems:
        print(problem)
    print(f"{len(runs)} logs; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
