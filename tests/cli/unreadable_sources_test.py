#!/usr/bin/env python3
"""Unreadable sources in a KB directory are errors naming the entry and the system's reason
(docs/diagnostics.md E001): a `.rf` without read permission, and a subdirectory that cannot be
listed, both named themselves (not the KB's top directory) with `Permission denied`.

Permissions do not bind root, so as root the check runs `redflag` as `nobody` through setpriv
(util-linux); without setpriv it is skipped (exit 77) with a message saying why.

usage: unreadable_sources_test.py REDFLAG_BINARY KB_SOURCE
"""
import os
import shutil
import subprocess
import sys
import tempfile

NOBODY = 65534


def main() -> int:
    binary, kb = os.path.abspath(sys.argv[1]), sys.argv[2]
    prefix = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            print("skipped: running as root, and setpriv is not installed to run as nobody")
            return 77
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        top = os.path.join(tmp, "kb")
        os.makedirs(os.path.join(top, "sub"))
        shutil.copy(kb, os.path.join(top, "kb.rf"))
        for name, mode, entry in [("locked.rf", 0o000, "locked.rf"), ("sub", 0o000, "sub"), ("sub", 0o311, "sub")]:
            path = os.path.join(top, name)
            if name.endswith(".rf"):
                with open(path, "w") as file:
                    file.write("fact locked : bool\n")
            os.chmod(top, 0o755)
            os.chmod(path, mode)
            result = subprocess.run(prefix + [binary, "check", top], capture_output=True, text=True)
            os.chmod(path, 0o755)
            if name.endswith(".rf"):
                os.remove(path)
            shown = os.path.join(top, entry)
            want = f"{shown}: error[E001]: cannot read `{shown}`: Permission denied"
            if result.returncode != 1 or result.stderr.splitlines()[:1] != [want]:
                failures.append(f"{name} mode {mode:o}: exit {result.returncode}, {result.stderr!r}; want {want!r}")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
