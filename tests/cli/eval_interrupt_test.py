#!/usr/bin/env python3
"""SIGINT and SIGTERM stop `redflag eval` at a record boundary (docs/cli.md, "Signals").

usage: eval_interrupt_test.py REDFLAG_BINARY GOLDEN_EVAL_DIR
Evaluates a generated batch of about 200,000 cases (tests/golden/eval/batch.jsonl, good cases and
every kind of error record, repeated with distinct ids) and sends the signal once eval has
written its first records (at once, or up to 50 ms later, when a pipe may be full and a write
blocked), in every --format, with --jobs 1 and --jobs 2, to a pipe and to a file. Each run
must exit 128 + the signal's number, print exactly one line on stderr naming the signal and the
number of cases written, and write exactly that many records, every one whole. --format summary
writes nothing and says so. A second SIGINT ends a run blocked on its input at once, and a
SIGINT ignored when eval started stays ignored.
"""
import os
import platform
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

from eval_records import whole_records, write_repeated_batch

REPEATS = 14000  # 15 lines each: 210,000 records, about a second of work at --jobs 1
SIGNALS = {"INT": signal.SIGINT, "TERM": signal.SIGTERM}
MESSAGE = re.compile(r"error: interrupted by SIG(INT|TERM) after (\d+) cases?; "
                     r"(the output is complete up to that case|no summary was written)\n")


def catches_signals(pid: int, numbers=(signal.SIGINT, signal.SIGTERM)) -> bool:
    """True once redflag has its handlers for [numbers]: eval is under way."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("SigCgt:"):
                caught = int(line.split()[1], 16)
                return all(caught >> (number - 1) & 1 for number in numbers)
    return False


# The number of read(2) in /proc/PID/syscall, by machine.
READ_SYSCALL = {"x86_64": 0, "aarch64": 63}


def reads_standard_input(pid: int) -> bool:
    """True once a thread of [pid] is blocked in read(2) on file descriptor 0. The handlers are
    in place a little before that; a SIGINT in between rightly ends the run at its first check."""
    number = READ_SYSCALL[platform.machine()]
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/syscall", encoding="ascii") as syscall:
                fields = syscall.read().split()
        except OSError:  # the thread ended
            continue
        if len(fields) > 1 and fields[0] == str(number) and int(fields[1], 16) == 0:
            return True
    return False


def wait_until(condition, process) -> None:
    """Polls [condition] while [process] runs; fails after 20 s or when the process ends first."""
    deadline = time.monotonic() + 20
    while not condition():
        assert process.poll() is None and time.monotonic() < deadline, "eval ended or hung first"
        time.sleep(0.001)


def second_signal_ends_a_blocked_run(binary: str, kb: str) -> None:
    """eval waiting on a silent pipe: the first SIGINT is noted, the second ends it at once."""
    process = subprocess.Popen([binary, "eval", kb, "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        wait_until(lambda: catches_signals(process.pid) and reads_standard_input(process.pid), process)
        process.send_signal(signal.SIGINT)
        time.sleep(0.2)
        assert process.poll() is None, f"the first SIGINT ended the run (exit {process.returncode})"
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
        assert process.returncode == -signal.SIGINT, f"exit {process.returncode} after the second SIGINT"
    finally:
        process.kill()
        process.communicate()


def ignored_sigint_stays_ignored(binary: str, kb: str, batch: str, total: int) -> None:
    """Started with SIGINT ignored (nohup, a background job), eval runs on to the end."""
    process = subprocess.Popen([binary, "eval", kb, batch, "--format", "json"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    first = b""
    try:
        wait_until(lambda: catches_signals(process.pid, (signal.SIGTERM,)), process)
        assert not catches_signals(process.pid, (signal.SIGINT,)), "eval caught the ignored SIGINT"
        first = os.read(process.stdout.fileno(), 1 << 16)
        process.send_signal(signal.SIGINT)
    finally:
        rest, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (2, b""), f"exit {process.returncode}, stderr {err[:200]!r}"
    assert len(whole_records("json", first + rest)) == total, "the batch did not run to its end"


def interrupted_run(command: list, sig: int, form: str, out_path: str, delay: float):
    """Runs [command], sends [sig] [delay] seconds after eval has started and (but for summary)
    has written a record; returns (exit code, stdout, stderr)."""
    to_file = out_path is not None
    stdout = open(out_path, "wb") if to_file else subprocess.PIPE
    # The child gets the default SIGINT whatever CTest's (a background job ignores it).
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    first = b""
    try:
        wait_until(lambda: catches_signals(process.pid), process)
        if form != "summary":
            if to_file:
                wait_until(lambda: os.path.getsize(out_path) > 0, process)
            else:
                first = os.read(process.stdout.fileno(), 1 << 16)  # unbuffered: communicate() reads on
    except (AssertionError, OSError):
        process.kill()  # it may be blocked on a full pipe
        process.communicate()
        raise
    time.sleep(delay)  # a pipe fills meanwhile: the signal may land while a write blocks
    process.send_signal(sig)
    rest, err = process.communicate(timeout=120)
    if to_file:
        stdout.close()
        with open(out_path, "rb") as file:
            rest = file.read()
    return process.returncode, first + (rest or b""), err


def main() -> int:
    binary, golden = sys.argv[1], sys.argv[2]
    kb = os.path.join(golden, "kb.rf")
    failures = 0
    delays = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        batch = os.path.join(tmp, "big.jsonl")
        total = write_repeated_batch(os.path.join(golden, "batch.jsonl"), batch, REPEATS)
        for form in ("json", "csv", "text", "summary"):
            for jobs in ("1", "2"):
                for name, sig in SIGNALS.items():
                    for target in ("pipe", "file"):
                        label = f"{form} --jobs {jobs} SIG{name} to a {target}"
                        out_path = os.path.join(tmp, "out") if target == "file" else None
                        command = [binary, "eval", kb, batch, "--format", form, "--jobs", jobs]
                        delay = delays.choice((0, delays.uniform(0.001, 0.05)))
                        try:
                            code, output, err = interrupted_run(command, sig, form, out_path, delay)
                            message = MESSAGE.fullmatch(err.decode("utf-8", "replace"))
                            assert message, f"stderr is {err[:300]!r}"
                            assert message.group(1) == name, f"the message names SIG{message.group(1)}"
                            assert code == 128 + sig, f"exit code {code}, expected {128 + sig}"
                            cases = int(message.group(2))
                            assert cases < total, f"the signal landed after the last of {total} cases"
                            if form == "summary":
                                assert message.group(3) == "no summary was written", message.group(3)
                                assert output == b"", f"a summary of part of the batch: {output[:200]!r}"
                            else:
                                assert message.group(3).startswith("the output is complete"), message.group(3)
                                written = len(whole_records(form, output))
                                assert written == cases, f"{written} records written, the message says {cases}"
                                assert written > 0, "the signal was sent after the first record"
                            print(f"ok: {label} after {delay * 1000:.0f} ms: {cases} of {total} cases")
                        except (AssertionError, OSError, ValueError) as problem:
                            print(f"FAIL: {label}: {problem}")
                            failures += 1
        for label, run in (("a second SIGINT ends a run blocked on input", lambda: second_signal_ends_a_blocked_run(binary, kb)),
                           ("a SIGINT ignored at start stays ignored", lambda: ignored_sigint_stays_ignored(binary, kb, batch, total))):
            try:
                run()
                print(f"ok: {label}")
            except (AssertionError, OSError, ValueError, subprocess.TimeoutExpired) as problem:
                print(f"FAIL: {label}: {problem}")
                failures += 1
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
