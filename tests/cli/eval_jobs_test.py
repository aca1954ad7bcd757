#!/usr/bin/env python3
"""`redflag eval --jobs N` writes exactly what `--jobs 1` writes, in input order.

usage: eval_jobs_test.py REDFLAG_BINARY GOLDEN_EVAL_DIR
Builds a batch of many blocks (tests/golden/eval/batch.jsonl, good cases and every kind of
error record, repeated with distinct ids, about 600 KB: three blocks), then compares the output and exit
status of --jobs 2, 3 and 8 with --jobs 1 in every output format, with a .json case file and
a missing file among the inputs, and through standard input.
"""
import os
import subprocess
import sys
import tempfile

from eval_records import write_repeated_batch

# A few 256 KiB blocks of input: enough for the CLI's threads to hand blocks over. The pipeline
# itself is tested over hundreds of small blocks in process (tests/tools/eval_pipeline_test.cpp).
REPEATS = 3000


def main() -> int:
    binary, golden = sys.argv[1], sys.argv[2]
    kb = os.path.join(golden, "kb.rf")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        batch = os.path.join(tmp, "big.jsonl")
        total = write_repeated_batch(os.path.join(golden, "batch.jsonl"), batch, REPEATS)
        inputs = [batch, os.path.join(golden, "one.json"), os.path.join(tmp, "missing.jsonl"), batch]
        for form in ("json", "csv", "summary", "text"):
            runs = {}
            for jobs in (1, 2, 3, 8):
                result = subprocess.run([binary, "eval", kb, *inputs, "--format", form, "--jobs", str(jobs)],
                                        capture_output=True, timeout=300)
                runs[jobs] = (result.returncode, result.stdout, result.stderr)
            records = runs[1][1].count(b"\n")
            if runs[1][0] != 2 or records < total // 2 and form != "summary":
                print(f"{form}: --jobs 1 exited {runs[1][0]} with {records} lines")
                failures += 1
            for jobs in (2, 3, 8):
                if runs[jobs] != runs[1]:
                    print(f"{form}: --jobs {jobs} differs from --jobs 1")
                    failures += 1
        with open(batch, "rb") as stdin:
            piped = subprocess.run([binary, "eval", kb, "-", "--format", "json", "--jobs", "2"], stdin=stdin,
                                   capture_output=True, timeout=300)
        direct = subprocess.run([binary, "eval", kb, batch, "--format", "json"], capture_output=True, timeout=300)
        if piped.stdout.replace(b'"file":"<stdin>"', b'"file":"' + batch.encode() + b'"') != direct.stdout:
            print("standard input with --jobs 2 differs from the file with --jobs 1")
            failures += 1
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
