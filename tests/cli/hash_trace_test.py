#!/usr/bin/env python3
"""Traceability: `redflag build`, `redflag disasm` and `redflag eval` (json and text) name the
same content hash for one KB, and it is the SHA-256 of the built file from byte 72 on
(docs/bytecode.md), so a decision can be traced to the exact rules that made it.

usage: hash_trace_test.py REDFLAG_BINARY KB_DIR
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile


def run(binary, *arguments, stdin=None):
    return subprocess.run([binary, *arguments], input=stdin, capture_output=True, check=True,
                          text=True).stdout


def main() -> int:
    binary, kb = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        rfb = os.path.join(tmp, "kb.rfb")
        built = re.search(r"^hash ([0-9a-f]{64})$", run(binary, "build", kb, "-o", rfb), re.M).group(1)
        with open(rfb, "rb") as file:
            stored = hashlib.sha256(file.read()[72:]).hexdigest()
        hashes = {
            "build": built,
            "file": stored,
            "disasm": re.search(r"^hash +([0-9a-f]{64})$", run(binary, "disasm", rfb), re.M).group(1),
            "disasm (sources)": re.search(r"^hash +([0-9a-f]{64})$", run(binary, "disasm", kb), re.M).group(1),
            "eval json": json.loads(run(binary, "eval", rfb, "-", "--format", "json", stdin="{}\n"))["kb"]["hash"],
            "eval json (sources)": json.loads(run(binary, "eval", kb, "-", "--format", "json", stdin="{}\n"))["kb"]["hash"],
        }
        text = re.search(r"kb: \S+ \S+ \(hash ([0-9a-f]{16})\)", run(binary, "eval", rfb, "-", "--format", "text", stdin="{}\n")).group(1)
    if len(set(hashes.values())) != 1 or not built.startswith(text):
        print("hashes differ:", hashes, "eval text:", text)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
