#!/usr/bin/env python3
"""Colour and eval's progress line appear on a terminal, and only there (docs/cli.md "Colour").

Runs redflag with standard error and/or standard output on a pseudo-terminal (Python's pty
module) or on a pipe, and checks: diagnostics, lint findings, explain's heading, eval's text
records and test's verdicts are coloured on a terminal, plain on a pipe, with NO_COLOR or TERM=dumb, and `--color
always|never` (before the verb too) overrides all of these; eval draws `N cases, R cases/s, E errors` on a terminal standard error and clears
it, but not on a pipe, with --quiet, or while records go to the same terminal (a summary does,
after the line is cleared).

usage: terminal_test.py REDFLAG_BINARY TESTS_GOLDEN_CLI_DIR
"""
import os
import pty
import re
import select
import subprocess
import sys
import tempfile

ESC = b"\x1b["
PROGRESS = re.compile(rb"\r[\d,]+ cases?, [\d,]+ cases/s, [\d,]+ errors?\x1b\[K")
failures = []


def expect(name, condition, detail=b""):
    if not condition:
        failures.append(f"{name}: {detail[-400:]!r}")


def read_all(fd):
    data = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            return data
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the other side is closed
            return data
        if not chunk:
            return data
        data += chunk


def run(arguments, tty_stdout=False, tty_stderr=False, env_extra=None):
    """Runs redflag; returns (exit status, standard output, standard error) as bytes."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    env["TERM"] = "xterm"
    env.update(env_extra or {})
    master, slave = pty.openpty()
    # Not a terminal: a file, which never fills up while the terminal is read.
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        process = subprocess.Popen([BINARY] + arguments, stdin=subprocess.DEVNULL, env=env,
                                   stdout=slave if tty_stdout else out_file,
                                   stderr=slave if tty_stderr else err_file)
        os.close(slave)
        from_tty = read_all(master)
        status = process.wait(timeout=60)
        os.close(master)
        out_file.seek(0)
        err_file.seek(0)
        return (status, from_tty if tty_stdout else out_file.read(),
                from_tty if tty_stderr else err_file.read())


def check_colour(directory):
    broken = os.path.join(directory, "broken.rf")
    warning = os.path.join(directory, "lint_warning.rf")
    red_error = ESC + b"1;31merror[E040]"
    _, _, err = run(["check", broken], tty_stderr=True)
    expect("diagnostics on a terminal are coloured", red_error in err, err)
    _, _, err = run(["check", broken])
    expect("diagnostics on a pipe are plain", ESC not in err and b"error[E040]" in err, err)
    _, _, err = run(["check", broken], tty_stderr=True, env_extra={"NO_COLOR": "1"})
    expect("NO_COLOR=1 turns colour off", ESC not in err and b"error[E040]" in err, err)
    _, _, err = run(["check", broken], tty_stderr=True, env_extra={"NO_COLOR": ""})
    expect("an empty NO_COLOR does not", red_error in err, err)
    _, _, err = run(["check", broken], tty_stderr=True, env_extra={"TERM": "dumb"})
    expect("TERM=dumb turns colour off", ESC not in err, err)
    _, _, err = run(["check", "--color", "always", broken], env_extra={"NO_COLOR": "1"})
    expect("--color always wins over a pipe and NO_COLOR", red_error in err, err)
    _, _, err = run(["check", "--color", "never", broken], tty_stderr=True)
    expect("--color never on a terminal", ESC not in err and b"error[E040]" in err, err)
    _, _, err = run(["--color", "never", "check", broken], tty_stderr=True)
    expect("--color never before the verb", ESC not in err and b"error[E040]" in err, err)
    _, _, err = run(["--color", "always", "check", broken], env_extra={"NO_COLOR": "1"})
    expect("--color always before the verb", red_error in err, err)
    _, _, err = run(["--color", "always", "check", "--color", "never", broken])
    expect("the verb's own --color wins over the one before it", ESC not in err and b"error[E040]" in err, err)
    status, _, err = run(["--color", "sometimes", "check", broken])
    expect("a bad --color before the verb is a usage error",
           status == 1 and b"--color: sometimes not in {auto,always,never}" in err, err)
    for verb in (["build", broken, "-o", os.devnull], ["eval", broken, "-"], ["test", broken],
                 ["doc", broken, "-o", "-"], ["disasm", broken], ["show", broken, "f"]):
        _, _, err = run(verb, tty_stderr=True)
        expect(f"{verb[0]} colours its diagnostics on a terminal", red_error in err, err)
    status, out, _ = run(["lint", warning], tty_stdout=True)
    expect("lint findings on a terminal are coloured", ESC + b"1mwarning[unused-fact]" in out.replace(b"\r\n", b"\n"), out)
    status, out, _ = run(["lint", warning])
    expect("lint findings on a pipe are plain", ESC not in out and b"warning[unused-fact]" in out, out)
    cases = os.path.join(directory, "two_cases.jsonl")
    _, out, _ = run(["eval", warning, cases], tty_stdout=True)
    expect("eval's text records on a terminal are coloured",
           ESC + b"1mcase fever: urgency high" + ESC + b"0m" in out and ESC + b"1;31mFIRED" + ESC + b"0m [high] f" in out
           and ESC + b"1;31merror" + ESC + b"0m: " in out, out)
    _, out, _ = run(["eval", warning, cases, "--format", "text"])
    expect("eval's text records on a pipe are plain", ESC not in out and b"  FIRED [high] f: Fever" in out, out)
    _, out, _ = run(["eval", warning, cases, "--format", "text", "--color", "always", "-j", "2"])
    expect("eval --color always -j 2 colours too", ESC + b"1;31mFIRED" in out, out)
    tested = os.path.join(directory, "tested.rf")
    _, out, _ = run(["test", tested], tty_stdout=True)
    out = out.replace(b"\r\n", b"\n")
    expect("test's verdicts on a terminal are coloured",
           b' passes ... ' + ESC + b"1;32mok" + ESC + b"0m\n" in out
           and b' fails ... ok ... ' + ESC + b"1;31mFAILED" + ESC + b"0m\n" in out
           and b"test result: " + ESC + b"1;31mFAILED" + ESC + b"0m. 1 passed, 1 failed" in out, out)
    _, out, _ = run(["test", tested])
    expect("test's report on a pipe is plain", ESC not in out and b"test result: FAILED." in out, out)
    _, out, err = run(["test", tested, "--junit", "-"], tty_stderr=True)
    expect("with --junit - the report on the terminal standard error is coloured", ESC + b"1;32mok" in err and ESC not in out, err)
    _, out, _ = run(["explain", "unused-fact"], tty_stdout=True)
    expect("explain's heading is bold on a terminal", out.startswith(ESC + b"1m## `unused-fact`" + ESC + b"0m"), out)
    _, out, _ = run(["explain", "unused-fact"])
    expect("explain on a pipe is plain", out.startswith(b"## `unused-fact`\n"), out)


def check_progress(directory, tmp):
    kb = os.path.join(directory, "lint_warning.rf")
    small = os.path.join(tmp, "three.jsonl")
    with open(small, "w") as file:
        file.write('{"id": "a", "fever": true}\n{"id": "b", "fever": 12}\n{"id": "c"}\n')
    status, out, err = run(["eval", kb, small, "--format", "json"], tty_stderr=True)
    expect("eval exits 2 with an input error", status == 2, err)
    expect("three JSON records on standard output", out.count(b"\n") == 3, out)
    expect("the progress line counts the cases and the error",
           re.search(rb"\r3 cases, [\d,]+ cases/s, 1 error\x1b\[K", err) is not None, err)
    expect("the progress line is cleared at the end", err.endswith(b"\r\x1b[K"), err)
    big = os.path.join(tmp, "big.jsonl")
    with open(big, "w") as file:
        file.writelines(f'{{"id": "c{i}", "fever": {"true" if i % 2 else "false"}}}\n' for i in range(60000))
    for jobs in ("1", "2"):
        status, out, err = run(["eval", kb, big, "--format", "csv", "-j", jobs], tty_stderr=True)
        lines = PROGRESS.findall(err)
        expect(f"-j {jobs}: a progress line on a terminal", status == 0 and len(lines) >= 1, err)
        expect(f"-j {jobs}: nothing else on standard error", PROGRESS.sub(b"", err) == b"\r\x1b[K", err)
        expect(f"-j {jobs}: every record on standard output", out.count(b"\n") == 60001, out[-200:])
    _, _, err = run(["eval", kb, big, "--format", "csv"])
    expect("no progress on a pipe", err == b"", err)
    _, _, err = run(["eval", kb, big, "--format", "csv", "--quiet"], tty_stderr=True)
    expect("no progress with --quiet", err == b"", err)
    _, out, err = run(["eval", kb, small, "-q"], tty_stderr=True, tty_stdout=True)
    expect("-q on a terminal: text records only", ESC + b"K" not in out and b"a" in out, out)
    # Both on one terminal: the text records would be torn, so no line; a summary comes after it.
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm"
    for format_name, wanted in (("text", False), ("summary", True)):
        master, slave = pty.openpty()
        process = subprocess.Popen([BINARY, "eval", kb, small, "--format", format_name], stdin=subprocess.DEVNULL,
                                   stdout=slave, stderr=slave, env=env)
        os.close(slave)
        both = read_all(master)
        process.wait(timeout=60)
        os.close(master)
        shown = PROGRESS.search(both) is not None
        expect(f"{format_name} on the terminal: progress {'shown' if wanted else 'not shown'}", shown == wanted, both)
        if wanted:
            expect("the summary follows the cleared line", both.index(b"\r\x1b[K") < both.index(b'"cases":'), both)


def main():
    global BINARY
    BINARY, directory = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    check_colour(directory)
    with tempfile.TemporaryDirectory() as tmp:
        check_progress(directory, tmp)
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
