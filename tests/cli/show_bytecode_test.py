#!/usr/bin/env python3
"""`redflag show` of a `.rfb` prints conditions decompiled from the bytecode, and of sources
prints them as written (docs/cli.md "redflag show"): same KB, two texts.

usage: show_bytecode_test.py REDFLAG_BINARY WHEN_KB
"""
import os
import subprocess
import sys
import tempfile


def show(redflag, kb, name):
    return subprocess.run([redflag, "show", kb, name], capture_output=True, text=True, check=True).stdout


def main():
    redflag, source = sys.argv[1], sys.argv[2]
    problems = []
    with tempfile.TemporaryDirectory() as directory:
        built = os.path.join(directory, "kb.rfb")
        subprocess.run([redflag, "build", source, "-o", built], capture_output=True, check=True)
        cases = [
            # name, line from the sources (as written), line from the bytecode (decompiled)
            ("febrile_older", "  when: (older or age < 2) and fever", "  when: (older or age < 2) and fever"),
            ("working_age", "  when: age between 18 and 65 and not fever", "  when: age >= 18 and age <= 65 and not fever"),
            ("back_advice", "  when: site = back and urgency = routine", "  when: site = back and urgency = routine"),
            ("older", "define older = age >= 50", "define older = age >= 50"),
        ]
        for name, written, decompiled in cases:
            for kb, want in ((source, written), (built, decompiled)):
                got = show(redflag, kb, name).splitlines()
                if want not in got:
                    problems.append(f"show {os.path.basename(kb)} {name}: no line {want!r} in {got}")
    if problems:
        sys.exit("\n".join(problems))


main()
