#!/usr/bin/env python3
"""Out of memory and out of threads are clean errors for every verb (docs/cli.md, exit codes).

usage: resource_limits_test.py REDFLAG_BINARY GOLDEN_EVAL_DIR
Runs redflag under `ulimit -v` in a shell: every verb on a generated 200,000-fact KB (about
210 MB to build) must print exactly `error: out of memory`, exit 1, write nothing to standard
output and create no output file, while the same verbs on a small KB succeed under the same
limit. `eval` of a batch whose 20,001st case is a 12 MB line must fail the same way in every
format on one thread and two, with every record it wrote before whole. `eval --jobs 256`, whose
255 thread stacks cannot fit, must say it cannot start a worker thread. Skipped (exit 77) when
`ulimit -v` cannot be set or the binary cannot run under it at all, as in an AddressSanitizer
build, which reserves terabytes of shadow memory at start.
"""
import itertools
import os
import subprocess
import sys
import tempfile

from eval_records import whole_records

SKIP = 77
LIMIT_KB = 60000        # runs every verb on a small KB; far below the large inputs' needs
SIMDJSON_LIMIT_KB = 100000  # enough for all but the 12 MB case's parse
THREAD_LIMIT_KB = 100000  # one thread fits, 255 stacks of 2-8 MiB do not
OUT_OF_MEMORY = b"error: out of memory\n"
NO_THREAD = b"error: cannot start a worker thread: Resource temporarily unavailable\n"
SMALL_CASES = 20000


def limited(limit_kb: int, command: list, cwd: str):
    """Runs [command] in [cwd] under `ulimit -v [limit_kb]`; returns (exit code, stdout, stderr)."""
    shell = ['sh', '-c', 'ulimit -v "$0" || exit 125; exec "$@"', str(limit_kb), *command]
    result = subprocess.run(shell, cwd=cwd, capture_output=True, timeout=300)
    return result.returncode, result.stdout, result.stderr


def error_records(form: str, records: list) -> list:
    """The error records among [records] (whole_records of [form])."""
    if form == "json":
        return [record for record in records if "error" in record]
    if form == "csv":
        return [row for row in records if row[2] == "error"]
    return [report for report in records if ": error: " in report.split("\n")[0]]


def write_inputs(tmp: str, golden: str):
    """The large KB source and the batch with one huge case, in [tmp]."""
    with open(os.path.join(tmp, "big.rf"), "w", encoding="utf-8") as out:
        out.write('kb big\n  title "Big"\n  version 1.0.0\n  status draft\n\nlevels routine < high\n\n')
        out.writelines(f"fact f{i} : bool\n" for i in range(200000))
        out.write('flag x high\n  title "x"\n  when f0 or f199999\n')
    with open(os.path.join(tmp, "small.jsonl"), "w", encoding="utf-8") as out:
        out.writelines('{"id": "a%d", "fever": %s, "weight_loss": "%d lb"}\n' % (i, "true" if i % 2 else "false", i % 20)
                       for i in range(SMALL_CASES))
    with open(os.path.join(tmp, "huge.jsonl"), "w", encoding="utf-8") as out:
        with open(os.path.join(tmp, "small.jsonl"), encoding="utf-8") as small:
            out.write(small.read())
        out.write('{"id": "%s", "fever": true}\n' % ("h" * 12_000_000))
        out.writelines('{"id": "b%d", "fever": true}\n' % i for i in range(2000))
    with open(os.path.join(golden, "kb.rf"), encoding="utf-8") as source:
        with open(os.path.join(tmp, "small.rf"), "w", encoding="utf-8") as out:
            out.write(source.read())


def verbs(kb: str, rfb: str, cases: str) -> dict:
    """Every verb, named, on the KB source [kb] or its bytecode [rfb]; `None` marks the output file."""
    return {
        "build": ["build", kb, "-o", None],
        "check": ["check", kb],
        "lint": ["lint", kb],
        "doc": ["doc", kb, "-o", None],
        "fmt --check": ["fmt", "--check", kb],
        "test": ["test", kb],
        "diff": ["diff", kb, kb],
        "disasm": ["disasm", rfb],
        "show": ["show", rfb, "x" if "big" in rfb else "fever"],
        "eval": ["eval", rfb, cases, "--format", "json"],
    }


def main() -> int:
    binary, golden = os.path.abspath(sys.argv[1]), sys.argv[2]
    failures = 0

    def check(label: str, ok: bool, detail: str) -> None:
        nonlocal failures
        print(f"{'ok' if ok else 'FAIL'}: {label}{'' if ok else ': ' + detail}")
        failures += 0 if ok else 1

    with tempfile.TemporaryDirectory() as tmp:
        write_inputs(tmp, golden)
        code, _, err = limited(LIMIT_KB, [binary, "build", "small.rf", "-o", "small.rfb"], tmp)
        if code == 125:
            print(f"SKIP: `ulimit -v {LIMIT_KB}` cannot be set here")
            return SKIP
        if code != 0:
            print(f"SKIP: redflag cannot run under `ulimit -v {LIMIT_KB}` (exit {code}: {err[:200]!r}); "
                  "an AddressSanitizer build reserves its shadow memory at start, so this test needs a plain build")
            return SKIP
        built = subprocess.run([binary, "build", "big.rf", "-o", "big.rfb"], cwd=tmp, capture_output=True)
        if built.returncode != 0:
            print(f"FAIL: the large KB does not build without a limit: {built.stderr[:300]!r}")
            return 1

        for name, small_args in verbs("small.rf", "small.rfb", "small.jsonl").items():
            args = [a if a is not None else "small.out" for a in small_args]
            code, _, err = limited(LIMIT_KB, [binary, *args], tmp)
            check(f"{name} on the small KB runs under the limit", code in (0, 1) and b"memory" not in err,
                  f"exit {code}, stderr {err[:200]!r}")
        for name, big_args in verbs("big.rf", "big.rfb", "small.jsonl").items():
            args = [a if a is not None else "big.out" for a in big_args]
            code, out, err = limited(LIMIT_KB, [binary, *args], tmp)
            check(f"{name} on the large KB is out of memory", (code, out, err) == (1, b"", OUT_OF_MEMORY),
                  f"exit {code}, stdout {out[:100]!r}, stderr {err[:200]!r}")
            check(f"{name} on the large KB leaves no output file", not os.path.exists(os.path.join(tmp, "big.out")),
                  "big.out was created")

        # At the larger limit simdjson itself ran out: the huge case became an error record
        # ("memory allocation failed", exit 2), as if the case were at fault.
        for limit, jobs, form in itertools.product((LIMIT_KB, SIMDJSON_LIMIT_KB), ("1", "2"),
                                                   ("json", "csv", "text", "summary")):
            label = f"eval --jobs {jobs} --format {form} of a 12 MB case under {limit} KiB"
            command = [binary, "eval", "small.rf", "huge.jsonl", "--format", form, "--jobs", jobs]
            code, out, err = limited(limit, command, tmp)
            check(f"{label}: out of memory", (code, err) == (1, OUT_OF_MEMORY), f"exit {code}, stderr {err[:200]!r}")
            try:
                records = whole_records(form, out)
                assert form != "summary" or not records, f"a summary of part of the batch: {out[:200]!r}"
                assert not error_records(form, records), f"a case blamed for the lack of memory: {out[-300:]!r}"
                written = len(records)
                assert written <= SMALL_CASES, f"{written} records, more than the cases before the huge one"
                # One thread writes the blocks before the huge case's as it goes.
                assert written > 0 or jobs != "1" or form == "summary", "no record written before the failure"
                check(f"{label}: {written} whole records", True, "")
            except (AssertionError, ValueError) as problem:
                check(f"{label}: whole records", False, str(problem))

        code, out, err = limited(THREAD_LIMIT_KB, [binary, "eval", "small.rf", "small.jsonl", "--jobs", "1"], tmp)
        check("eval --jobs 1 runs under the thread limit", code == 0, f"exit {code}, stderr {err[:200]!r}")
        code, out, err = limited(THREAD_LIMIT_KB, [binary, "eval", "small.rf", "small.jsonl", "--jobs", "256"], tmp)
        check("eval --jobs 256 cannot start its threads", (code, out, err) == (1, b"", NO_THREAD),
              f"exit {code}, stdout {out[:100]!r}, stderr {err[:200]!r}")
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
