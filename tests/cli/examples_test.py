#!/usr/bin/env python3
"""Every example case evaluates to what examples/expected.tsv says a clinician would expect.

usage: examples_test.py REDFLAG_BINARY REPO_ROOT
Runs `redflag eval kb/back_pain examples/cases/*.json examples/batch.jsonl --format json` and
compares each output record's urgency, status and fired flags with the row of its id.
"""
import csv
import glob
import json
import os
import subprocess
import sys


def main() -> int:
    binary, root = sys.argv[1], sys.argv[2]
    with open(os.path.join(root, "examples", "expected.tsv"), encoding="utf-8") as file:
        expected = {row["id"]: row for row in csv.DictReader(file, delimiter="\t")}
    cases = sorted(glob.glob(os.path.join(root, "examples", "cases", "*.json")))
    result = subprocess.run([binary, "eval", os.path.join(root, "kb", "back_pain"), *cases,
                             os.path.join(root, "examples", "batch.jsonl"), "--format", "json"],
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
            print(f"{record['id']}: no row in examples/expected.tsv")
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
        print(f"{missing}: expected in examples/expected.tsv but not evaluated")
        failures += 1
    print(f"{matched} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
