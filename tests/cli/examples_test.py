#!/usr/bin/env python3
"""Every example case evaluates to what its expected.tsv says a clinician would expect.

usage: examples_test.py REDFLAG_BINARY KB EXPECTED_TSV INPUT...
Runs `redflag eval KB INPUT... --format json`, where an INPUT directory stands for the `*.json`
files in it (sorted) and any other INPUT (a `.json` or `.jsonl` file) is passed as it is, and
compares each output record's urgency, status and fired flags with the row of its id in
EXPECTED_TSV (examples/README.md describes the file). Every row must be evaluated. Then each
pretty-printed `.json` case is piped into `redflag eval KB -`, as an author would with `cat
case.json | redflag eval kb -`, and must give the very record its file gave: standard input is
framed by content like a file (docs/cli.md "Case input"), not read as JSON Lines.
"""
import csv
import glob
import json
import os
import subprocess
import sys


def main() -> int:
    if len(sys.argv) < 5:
        print(__doc__)
        return 2
    binary, kb, expected_path, inputs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    name = os.path.relpath(expected_path)
    with open(expected_path, encoding="utf-8") as file:
        expected = {row["id"]: row for row in csv.DictReader(file, delimiter="\t")}
    cases = []
    for path in inputs:
        cases += sorted(glob.glob(os.path.join(path, "*.json"))) if os.path.isdir(path) else [path]
    result = subprocess.run([binary, "eval", kb, *cases, "--format", "json"],
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        print(f"redflag eval exited {result.returncode}\n{result.stderr}{result.stdout}")
        return 1
    failures = 0
    matched = 0
    seen = set()
    for line in result.stdout.splitlines():
        record = json.loads(line)
        row = expected.get(record["id"])
        if row is None:
            print(f"{record['id']}: no row in {name}")
            failures += 1
            continue
        seen.add(record["id"])
        fired = ",".join(sorted(flag["flag"] for flag in record["fired"])) or "-"
        actual = (record["urgency"], record["status"], fired)
        wanted = (row["urgency"], row["status"], row["fired"])
        if actual != wanted:
            print(f"{record['id']}: expected {wanted}, got {actual}")
            failures += 1
        else:
            matched += 1
    for missing in sorted(set(expected) - seen):
        print(f"{missing}: expected in {name} but not evaluated")
        failures += 1
    records = result.stdout.splitlines()
    for case, record in zip(cases, records):
        if not case.endswith(".json"):
            continue
        with open(case, "rb") as stdin:
            piped = subprocess.run([binary, "eval", kb, "-", "--format", "json"], stdin=stdin,
                                   capture_output=True, text=True, timeout=120)
        if (piped.returncode, piped.stdout) != (0, record + "\n"):
            print(f"{case} on standard input: exit {piped.returncode}, {piped.stdout!r}{piped.stderr}; its file gave {record!r}")
            failures += 1
    print(f"{matched} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
