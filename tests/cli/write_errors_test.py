#!/usr/bin/env python3
"""No write error is silent: every verb, with its standard output on a broken target.

For each verb (build, check, eval, test, lint, fmt, doc, diff, show, explain, disasm, and
`--help` and `--version`) and each target below, redflag must say `error: cannot write standard output: REASON` on standard error
and exit 1, never die by a signal or an uncaught exception:

- /dev/full (ENOSPC), a file past `ulimit -f` (EFBIG: SIGXFSZ is ignored), a terminal whose other
  side hung up (EIO), a closed standard output (`>&-`, EBADF);
- a pipe whose reader has gone (EPIPE) is the exception: the verb ends quietly, with no error on
  standard error and the exit code it has with a working output (docs/cli.md).

`check` prints nothing on standard output, so it must succeed on every target; its diagnostics
go to standard error, and a standard error on /dev/full must not crash any verb.
usage: write_errors_test.py REDFLAG KB_DIR BATCH.jsonl MESSY.rf
"""
import os
import pty
import resource
import shutil
import subprocess
import sys
import tempfile

failures = 0
scratch = None  # the temporary directory every run starts in


def check(condition, message):
    global failures
    if not condition:
        failures += 1
        print("FAIL:", message)


def verbs(kb, batch, messy):
    """Each verb's command line (after the binary), and its exit code with a working output."""
    return {
        "build": (["build", kb, "-o", "-"], 0),
        "build-status-line": (["build", kb, "-o", os.path.join(os.path.dirname(messy), "kb.rfb")], 0),
        "check": (["check", kb], 0),
        "eval": (["eval", kb, batch, "--format", "json"], 0),
        "eval-jobs": (["eval", kb, batch, "--format", "csv", "--jobs", "2"], 0),
        "test": (["test", kb], 0),
        "test-junit": (["test", kb, "--junit", "-"], 0),
        "lint": (["lint", kb, "--format", "sarif", "--today", "2026-01-01"], 0),
        "fmt": (["fmt", "--diff", messy], 1),
        "doc": (["doc", kb, "-o", "-"], 0),
        "diff": (["diff", kb, kb, "--format", "json"], 0),
        "show": (["show", kb, "weight_loss"], 0),
        "explain": (["explain", "E012"], 0),
        "disasm": (["disasm", kb], 0),
        "--help": (["--help"], 0),
        "eval --help": (["eval", "--help"], 0),
        "--version": (["--version"], 0),
    }


def run(binary, args, stdout, preexec_fn=None, stderr=subprocess.PIPE):
    # In the scratch directory: a binary that takes `-o -` for a file name leaves it there.
    return subprocess.run([binary] + args, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
                          preexec_fn=preexec_fn, timeout=120, cwd=scratch)


def no_file_size(limit_bytes):
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))


def expect_error(name, target, result, reason, writes_stdout=True, output="standard output"):
    stderr = result.stderr.decode("utf-8", "replace")
    label = f"{name} > {target}"
    check(result.returncode >= 0, f"{label}: killed by signal {-result.returncode}")
    check("terminate called" not in stderr, f"{label}: uncaught exception: {stderr[-300:]!r}")
    if writes_stdout:
        check(result.returncode == 1, f"{label}: exit {result.returncode}, expected 1")
        check(f"error: cannot write {output}: {reason}\n" in stderr,
              f"{label}: no `cannot write {output}: {reason}` in {stderr[-300:]!r}")
    else:
        check(result.returncode == 0, f"{label}: exit {result.returncode}, expected 0 (it writes no stdout)")


def main():
    global scratch
    binary, kb, batch, messy_source = (os.path.abspath(path) for path in sys.argv[1:5])
    with tempfile.TemporaryDirectory() as tmp:
        scratch = tmp
        messy = os.path.join(tmp, "messy.rf")
        shutil.copy(messy_source, messy)
        for name, (args, code) in verbs(kb, batch, messy).items():
            writes_stdout = name != "check"
            with open("/dev/full", "wb") as full:
                expect_error(name, "/dev/full", run(binary, args, full), "No space left on device", writes_stdout)
            # `build -o FILE` meets the limit in FILE first.
            output = f"`{args[-1]}`" if name == "build-status-line" else "standard output"
            reason = "write failed: File too large" if name == "build-status-line" else "File too large"
            with open(os.path.join(tmp, "limited.out"), "wb") as limited:
                expect_error(name, "ulimit -f 0", run(binary, args, limited, no_file_size(0)), reason,
                             writes_stdout, output)
            master, slave = pty.openpty()
            os.close(master)  # the terminal hung up: writes to its slave side fail with EIO
            expect_error(name, "a hung-up terminal", run(binary, args, slave), "Input/output error", writes_stdout)
            os.close(slave)
            closed = run(binary, args, None, preexec_fn=lambda: os.close(1))
            expect_error(name, ">&-", closed, "Bad file descriptor", writes_stdout)
            reader, writer = os.pipe()
            os.close(reader)  # the reader went away before the first write: EPIPE
            gone = run(binary, args, writer)
            os.close(writer)
            check(gone.returncode == code and b"error" not in gone.stderr,
                  f"{name} | (closed pipe): exit {gone.returncode} (expected {code} quietly), stderr {gone.stderr[-300:]!r}")
            # Standard error on /dev/full: the verb's own result stays right, nothing crashes.
            with open("/dev/full", "wb") as full:
                quiet = run(binary, args, subprocess.DEVNULL, stderr=full)
            check(quiet.returncode == code, f"{name} 2> /dev/full: exit {quiet.returncode}, expected {code}")
        # An error message to a full standard error must not crash either (report_load, print_error).
        with open("/dev/full", "wb") as full:
            broken = run(binary, ["disasm", os.path.join(tmp, "no-such.rfb")], subprocess.DEVNULL, stderr=full)
        check(broken.returncode == 1, f"disasm of a missing file 2> /dev/full: exit {broken.returncode}, expected 1")
    if failures == 0:
        print("write errors: all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
