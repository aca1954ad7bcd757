#!/usr/bin/env python3
"""SARIF output of `redflag lint` against the official SARIF 2.1.0 JSON schema.

Runs `redflag lint --format sarif` on tests/golden/lint/all_lints.rf (every lint but
draft-in-release fires) and on draft.rf with --release (draft-in-release fires: a KB cannot be
both active, for review-overdue, and a draft). Each log must validate against
tests/data/sarif/sarif-schema-2.1.0.json with jsonschema's Draft 7 validator and with the
validator of the schema's own `$schema` (draft 2020-12); list every lint as a rule (id, short
description, help, default level) with each result's ruleIndex pointing at its rule; and
together the two logs must hold a result of every rule.

usage: sarif_test.py REDFLAG_BINARY SCHEMA LINT_GOLDEN_DIR
"""
import json
import os
import subprocess
import sys

import jsonschema

RUNS = [
    ["lint", "--format", "sarif", "--today", "2026-11-24", "all_lints.rf"],
    ["lint", "--format", "sarif", "--release", "draft.rf"],
]


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


def main() -> int:
    binary, schema_path, directory = (os.path.abspath(path) for path in sys.argv[1:4])
    with open(schema_path, encoding="utf-8") as file:
        schema = json.load(file)
    problems, rule_ids, fired = [], None, set()
    for arguments in RUNS:
        result = subprocess.run([binary] + arguments, cwd=directory, capture_output=True, timeout=120)
        if result.returncode != 1 or result.stderr:
            problems.append(f"{arguments}: exit {result.returncode}, stderr {result.stderr!r}")
        log = json.loads(result.stdout)
        problems += [f"{arguments[-1]}: {p}" for p in problems_of(log, schema)]
        ids = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
        if rule_ids is not None and ids != rule_ids:
            problems.append("the two runs list different rules")
        rule_ids = ids
        fired |= {result["ruleId"] for result in log["runs"][0]["results"]}
    if len(set(rule_ids)) != len(rule_ids):
        problems.append(f"duplicate rule ids: {rule_ids}")
    for missing in sorted(set(rule_ids) - fired):
        problems.append(f"no finding of rule {missing}")
    for problem in problems:
        print(problem)
    print(f"{len(rule_ids)} rules, {len(fired)} fired; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
