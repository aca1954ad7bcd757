#!/usr/bin/env python3
"""SARIF output of `redflag lint` against the official SARIF 2.1.0 JSON schema.

Runs `redflag lint --format sarif` on tests/golden/lint/all_lints.rf (every lint but
draft-in-release fires) and on draft.rf with --release (draft-in-release fires: a KB cannot be
both active, for review-overdue, and a draft). Each log must validate against
tests/data/sarif/sarif-schema-2.1.0.json with jsonschema's Draft 7 validator and with the
validator of the schema's own `$schema` (draft 2020-12); list every lint as a rule (id, short
description, help, default level, a helpUri whose anchor is a heading of docs/) with each
result's ruleIndex pointing at its rule; give the driver an absolute informationUri and every
result a `ruleFileLineHash/v1` fingerprint, unique in the log; and together the two logs must
hold a result of every rule. The fingerprints must not change when blank lines move every
finding down, while the regions do.

KBs that do not compile (tests/golden/check/fail_several_errors.rf, and fail_missing_kb.rf whose
error belongs to no line: it is placed at 1:1 of the KB's file) must still give a valid log on stdout, exit 1, with the compile
errors as results (their codes, lines and columns, rules linked to docs/diagnostics.md) and
`executionSuccessful: false`; the text diagnostics still go to stderr. So must a bad config
file and a bad REDFLAG_TODAY: no results, the error (as on stderr) the invocation's
toolConfigurationNotification.

usage: sarif_test.py REDFLAG_BINARY SCHEMA LINT_GOLDEN_DIR DOCS_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

import jsonschema

RUNS = [
    ["lint", "--format", "sarif", "--today", "2026-11-24", "all_lints.rf"],
    ["lint", "--format", "sarif", "--release", "draft.rf"],
]


# KBs that do not compile, from tests/golden/check/, and the (code, line, column) of each error.
BROKEN = [
    ("fail_several_errors.rf", [("E010", 4, 1), ("E011", 6, 13), ("E011", 7, 8)]),
    ("fail_missing_kb.rf", [("E028", 1, 1)]),
]


# Lint runs in tests/golden/lint/ stopped by their configuration: (arguments, environment, error).
CONFIG_ERRORS = [
    (["lint", "--format", "sarif", "--config", "bad_syntax.toml", "warnings.rf"], {},
     "bad_syntax.toml:2:15: error: invalid TOML: error while parsing value: could not determine value type"),
    (["lint", "--format", "sarif", "warnings.rf"], {"REDFLAG_TODAY": "x"},
     "error: REDFLAG_TODAY is `x`; write a date as YYYY-MM-DD"),
]


def anchors_of(markdown_path: str) -> set:
    """The anchors GitHub gives the headings of [markdown_path]."""
    anchors = set()
    with open(markdown_path, encoding="utf-8") as file:
        for line in file:
            match = re.match(r"#+ (.*)", line)
            if match:
                heading = match.group(1).strip().lower()
                anchors.add(re.sub(r"[^a-z0-9 _-]", "", heading).replace(" ", "-"))
    return anchors


def link_problems(log: dict, docs: str) -> list:
    """informationUri and helpUri are absolute and point at headings of docs/."""
    problems = []
    driver = log["runs"][0]["tool"]["driver"]
    if urllib.parse.urlparse(driver.get("informationUri", "")).scheme == "":
        problems.append(f"driver informationUri {driver.get('informationUri')!r} is not absolute")
    for rule in driver["rules"]:
        uri = urllib.parse.urlparse(rule.get("helpUri", ""))
        page = os.path.join(docs, os.path.basename(uri.path))
        if uri.scheme == "" or not os.path.exists(page) or uri.fragment not in anchors_of(page):
            problems.append(f"rule {rule['id']} has helpUri {rule.get('helpUri')!r}: no such heading in docs/")
    fingerprints = [r.get("partialFingerprints", {}).get("ruleFileLineHash/v1") for r in log["runs"][0]["results"]]
    if None in fingerprints or len(set(fingerprints)) != len(fingerprints):
        problems.append(f"fingerprints missing or repeated: {fingerprints}")
    return problems


def problems_of(log: dict, schema: dict) -> list:
    problems = []
    for validator_class in (jsonschema.Draft7Validator, jsonschema.validators.validator_for(schema)):
        validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
        for error in validator.iter_errors(log):
            problems.append(f"{validator_class.__name__}: {list(error.absolute_path)}: {error.message}")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for rule in rules:
        for key in ("shortDescription", "fullDescription", "help"):
            if not rule.get(key, {}).get("text"):
                problems.append(f"rule {rule['id']} has no {key}")
        if rule["defaultConfiguration"]["level"] not in ("warning", "error"):
            problems.append(f"rule {rule['id']} has default level {rule['defaultConfiguration']}")
    for result in run["results"]:
        if rules[result["ruleIndex"]]["id"] != result["ruleId"]:
            problems.append(f"result {result['ruleId']} has ruleIndex {result['ruleIndex']}")
        region = result["locations"][0]["physicalLocation"]["region"]
        if region["startLine"] < 1 or region["endColumn"] <= region["startColumn"]:
            problems.append(f"result {result['ruleId']} has region {region}")
    return problems


def run_lint(binary: str, arguments: list, directory: str, environment: dict = None) -> tuple:
    result = subprocess.run([binary] + arguments, cwd=directory, capture_output=True, timeout=120,
                            env=dict(os.environ, **(environment or {})))
    return result, (json.loads(result.stdout) if result.stdout else None)


def moved_lines_problems(binary: str, arguments: list, directory: str, log: dict) -> list:
    """The same findings three lines lower keep their fingerprints."""
    with tempfile.TemporaryDirectory() as tmp:
        source = arguments[-1]
        with open(os.path.join(directory, source), encoding="utf-8") as file:
            text = file.read()
        with open(os.path.join(tmp, source), "w", encoding="utf-8") as file:
            file.write("\n\n\n" + text)
        _, moved = run_lint(binary, arguments, tmp)
    def keyed(results):
        return sorted((r["ruleId"], r.get("partialFingerprints", {}).get("ruleFileLineHash/v1", ""),
                       r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results)
    before, after = keyed(log["runs"][0]["results"]), keyed(moved["runs"][0]["results"])
    if [(rule, hash_) for rule, hash_, _ in before] != [(rule, hash_) for rule, hash_, _ in after]:
        return [f"{source}: fingerprints changed when the lines moved"]
    if any(line + 3 != moved_line for (_, _, line), (_, _, moved_line) in zip(before, after)):
        return [f"{source}: the regions did not move with the lines"]
    return []


def broken_problems(binary: str, schema: dict, docs: str, check_dir: str) -> list:
    problems = []
    for source, errors in BROKEN:
        result, log = run_lint(binary, ["lint", "--format", "sarif", source], check_dir)
        if result.returncode != 1 or log is None or b"error[" not in result.stderr:
            problems.append(f"{source}: exit {result.returncode}, stdout {result.stdout[:80]!r}, stderr {result.stderr!r}")
            continue
        problems += [f"{source}: {p}" for p in problems_of(log, schema) + link_problems(log, docs)]
        run = log["runs"][0]
        if run.get("invocations") != [{"executionSuccessful": False}]:
            problems.append(f"{source}: invocations {run.get('invocations')}")
        got = []
        for r in run["results"]:
            location = r["locations"][0]["physicalLocation"]
            region = location.get("region", {})
            got.append((r["ruleId"], region.get("startLine"), region.get("startColumn")))
            if r["level"] != "error" or location["artifactLocation"]["uri"] != source:
                problems.append(f"{source}: result {r}")
        if got != errors:
            problems.append(f"{source}: results {got}, expected {errors}")
    return problems


def config_error_problems(binary: str, schema: dict, directory: str) -> list:
    problems = []
    for arguments, environment, error in CONFIG_ERRORS:
        result, log = run_lint(binary, arguments, directory, environment)
        if result.returncode != 1 or log is None or result.stderr.decode() != error + "\n":
            problems.append(f"{arguments}: exit {result.returncode}, stdout {result.stdout[:80]!r}, stderr {result.stderr!r}")
            continue
        problems += [f"{arguments}: {p}" for p in problems_of(log, schema)]
        notification = {"level": "error", "message": {"text": error}}
        want = [{"executionSuccessful": False, "toolConfigurationNotifications": [notification]}]
        if log["runs"][0].get("invocations") != want or log["runs"][0]["results"]:
            problems.append(f"{arguments}: invocations {log['runs'][0].get('invocations')}, "
                            f"{len(log['runs'][0]['results'])} results")
    return problems


def main() -> int:
    binary, schema_path, directory, docs = (os.path.abspath(path) for path in sys.argv[1:5])
    with open(schema_path, encoding="utf-8") as file:
        schema = json.load(file)
    problems, rule_ids, fired = [], None, set()
    for arguments in RUNS:
        result, log = run_lint(binary, arguments, directory)
        if result.returncode != 1 or result.stderr:
            problems.append(f"{arguments}: exit {result.returncode}, stderr {result.stderr!r}")
        problems += [f"{arguments[-1]}: {p}" for p in problems_of(log, schema) + link_problems(log, docs)]
        problems += moved_lines_problems(binary, arguments, directory, log)
        if log["runs"][0].get("invocations") != [{"executionSuccessful": True}]:
            problems.append(f"{arguments[-1]}: invocations {log['runs'][0].get('invocations')}")
        ids = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
        if rule_ids is not None and ids != rule_ids:
            problems.append("the two runs list different rules")
        rule_ids = ids
        fired |= {result["ruleId"] for result in log["runs"][0]["results"]}
    if len(set(rule_ids)) != len(rule_ids):
        problems.append(f"duplicate rule ids: {rule_ids}")
    for missing in sorted(set(rule_ids) - fired):
        problems.append(f"no finding of rule {missing}")
    problems += broken_problems(binary, schema, docs, os.path.join(os.path.dirname(directory), "check"))
    problems += config_error_problems(binary, schema, directory)
    for problem in problems:
        print(problem)
    print(f"{len(rule_ids)} rules, {len(fired)} fired; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
