#!/usr/bin/env python3
"""Nothing lost, end to end: `redflag eval` on generated JSON Lines streams.

- 2,000 lines mixing good cases, bad JSON, unknown facts, empty and blank lines and one line
  over the 16 MiB limit give 2,000 records, in input order, each error naming its line; exit 2.
  The same good lines alone give exit 0. Both from a file and from a pipe written in small
  pieces.
- A 100 MB line followed by a good line: an error record naming the limit, the good line still
  evaluated, and peak memory far below the line's size. A `.json` case file over the same
  limit: an error record, and the next file still evaluated.
- A closed output pipe (`| head -1`) ends the run quietly: exit 0 or 2, nothing on stderr, no
  signal.

Inputs are generated in a temporary directory, never committed.
usage: eval_streams_test.py REDFLAG_BINARY KB
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import threading

LIMIT = 16 << 20  # LineReader::kDefaultMaxLine
LIMIT_MESSAGE = f"line is longer than the limit of {LIMIT} bytes"
# Peak RSS the 100 MB line may add to a one-line run's: the reader holds at most the limit plus
# one 1 MiB chunk (measured: 32 MiB, 55 MiB under ASan, whose runtime alone takes 72 MiB).
MAX_EXTRA_RSS_MB = 80

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAILED:", what, file=sys.stderr)


def good(i):
    return json.dumps({"id": f"g{i}", "fever": i % 3 == 0, "weight_loss": f"{i % 20} lb", "age": i % 100})


def batch(count, rng):
    """[count] lines and, per line, the expected record kind: None for a result, else a
    substring of the error message."""
    lines, expected = [], []
    for i in range(count):
        kind = rng.randrange(10)
        if i == count // 2:
            lines.append('{"id": "long", "notes": "' + "x" * (LIMIT + 10) + '"}')
            expected.append(LIMIT_MESSAGE)
        elif kind == 0:
            lines.append("")
            expected.append("empty line")
        elif kind == 1:
            lines.append("   \t")
            expected.append("empty line")
        elif kind == 2:
            lines.append('{"id": "b%d", "fever": ' % i)
            expected.append("invalid JSON")
        elif kind == 3:
            lines.append('{"id": "u%d", "feverr": true}' % i)
            expected.append("unknown fact `feverr`")
        else:
            lines.append(good(i))
            expected.append(None)
    return lines, expected


def run_eval(binary, kb, args, stdin_data=None):
    """Runs `redflag eval KB ARGS --format json`; returns (exit status, stdout lines, stderr,
    peak RSS in MiB)."""
    process = subprocess.Popen([binary, "eval", kb] + args + ["--format", "json"],
                               stdin=subprocess.PIPE if stdin_data is not None else subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if stdin_data is not None:
        def feed():
            for start in range(0, len(stdin_data), 4093):  # odd-sized pieces, as a pipe delivers
                process.stdin.write(stdin_data[start:start + 4093])
            process.stdin.close()
        writer = threading.Thread(target=feed)
        writer.start()
    out_chunks, err_chunks = [], []
    reader = threading.Thread(target=lambda: err_chunks.append(process.stderr.read()))
    reader.start()
    out_chunks.append(process.stdout.read())
    reader.join()
    if stdin_data is not None:
        writer.join()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return (process.returncode, out_chunks[0].decode().splitlines(), err_chunks[0].decode(),
            usage.ru_maxrss / 1024)


def check_records(name, records, expected, file_name):
    check(len(records) == len(expected), f"{name}: {len(expected)} lines gave {len(records)} records")
    for number, (record, want) in enumerate(zip(records, expected), start=1):
        record = json.loads(record)
        if want is None:
            ok = "error" not in record and record["id"] == f"g{number - 1}"
        else:
            ok = (record.get("line") == number and record.get("file") == file_name
                  and want in record["error"]["message"])
        if not ok:
            check(False, f"{name}: line {number} expected {want or 'a result'}, got {str(record)[:200]}")
            return


def main():
    binary, kb = sys.argv[1], sys.argv[2]
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as tmp:
        # First, while this process is small: a child's peak RSS counts what it forked from.
        huge = os.path.join(tmp, "huge.jsonl")
        with open(huge, "w") as file:
            file.write('{"id": "huge", "notes": "')
            chunk = "y" * (1 << 20)
            for _ in range(100):
                file.write(chunk)
            file.write('"}\n' + good(0) + "\n")
        one = os.path.join(tmp, "one.jsonl")
        with open(one, "w") as file:
            file.write(good(0) + "\n")
        _, _, _, baseline = run_eval(binary, kb, [one])
        status, records, stderr, rss = run_eval(binary, kb, [huge])
        check(status == 2, f"100 MB line: exit {status}, expected 2")
        check(len(records) == 2, f"100 MB line: {len(records)} records, expected 2")
        if len(records) == 2:
            error = json.loads(records[0])
            check(error.get("line") == 1 and error["error"]["message"] == LIMIT_MESSAGE,
                  f"100 MB line: first record {records[0][:200]}")
            check(json.loads(records[1]).get("id") == "g0", f"100 MB line: second record {records[1][:200]}")
        check(rss - baseline < MAX_EXTRA_RSS_MB,
              f"100 MB line: peak RSS {rss:.0f} MiB, {baseline:.0f} MiB for one line; at most {MAX_EXTRA_RSS_MB} MiB more")
        print(f"100 MB line: peak RSS {rss:.1f} MiB, one line {baseline:.1f} MiB")

        lines, expected = batch(2000, rng)
        mixed = os.path.join(tmp, "mixed.jsonl")
        with open(mixed, "w") as file:
            file.write("\n".join(lines) + "\n")
        status, records, stderr, _ = run_eval(binary, kb, [mixed])
        check(status == 2, f"mixed batch: exit {status}, expected 2")
        check(stderr == "", f"mixed batch: stderr {stderr[:200]!r}")
        check_records("mixed batch", records, expected, mixed)

        status, records, stderr, _ = run_eval(binary, kb, ["-"], ("\n".join(lines) + "\n").encode())
        check(status == 2, f"mixed batch from a pipe: exit {status}, expected 2")
        check_records("mixed batch from a pipe", records, expected, "<stdin>")

        good_lines = [good(i) for i in range(1000)]
        with open(os.path.join(tmp, "good.jsonl"), "w") as file:
            file.write("\n".join(good_lines))  # no newline after the last line
        status, records, stderr, _ = run_eval(binary, kb, [os.path.join(tmp, "good.jsonl")])
        check(status == 0, f"good batch: exit {status}, expected 0")
        check_records("good batch", records, [None] * 1000, "")

        # A .json file holds one case, so the line limit applies to the whole file.
        long_case = os.path.join(tmp, "long.json")
        with open(long_case, "w") as file:
            file.write('{"id": "long", "notes": "' + "z" * LIMIT + '"}')
        short_case = os.path.join(tmp, "short.json")
        with open(short_case, "w") as file:
            file.write(good(3))
        status, records, _, _ = run_eval(binary, kb, [long_case, short_case])
        check(status == 2 and len(records) == 2, f"17 MiB .json: exit {status}, {len(records)} records")
        if len(records) == 2:
            check(json.loads(records[0]).get("error", {}).get("message") ==
                  f"case file is longer than the limit of {LIMIT} bytes", f"17 MiB .json: {records[0][:200]}")
            check(json.loads(records[1]).get("id") == "g3", f"17 MiB .json: {records[1][:200]}")

        big = os.path.join(tmp, "big.jsonl")
        with open(big, "w") as file:
            file.write("\n".join(good(i) for i in range(100000)) + "\n")
        result = subprocess.run(["bash", "-c", '"$0" eval "$1" "$2" --format json | head -1 >/dev/null;'
                                 ' echo "${PIPESTATUS[0]}"', binary, kb, big], capture_output=True, text=True)
        check(result.stdout.strip() in ("0", "2"), f"closed pipe: redflag exit {result.stdout.strip()}, expected 0 or 2")
        check(result.stderr == "", f"closed pipe: stderr {result.stderr[:200]!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
