#!/usr/bin/env python3
"""Inputs named honestly (docs/cli.md "Case input", "KB"): a case input is one JSON case or JSON
Lines by its content or `--input-format`, never by its name alone; CR-only line ends end lines; a
byte order mark starts an input harmlessly and is named when it starts a later line; a damaged,
cut or empty `.rfb` is bad bytecode, not a source with errors.

usage: eval_input_test.py REDFLAG_BINARY KB_SOURCE
"""
import json
import os
import subprocess
import sys
import tempfile

# 14 cases; c5 names an unknown fact, so its error record shows where it was read.
CASES = [{"id": f"c{i}", ("fevr" if i == 5 else "fever"): i % 2 == 0} for i in range(14)]
JSONL = "".join(json.dumps(case) + "\n" for case in CASES)


def evaluate(binary, kb, *cases, stdin=b"", options=()):
    command = [binary, "eval", kb, *cases, "--format", "json", *options]
    result = subprocess.run(command, input=stdin, capture_output=True)
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    return result.returncode, records, result.stderr.decode("utf-8", "replace")


def main() -> int:
    binary, kb = sys.argv[1], sys.argv[2]
    failures = []

    def expect(name, got, want):
        if got != want:
            failures.append(f"{name}: got {got!r}, want {want!r}")

    def ids(records):
        return [record.get("id") for record in records]

    def lines(records):  # where each error was read (`line` is only in error records)
        return [record.get("line") for record in records if "error" in record]

    with tempfile.TemporaryDirectory() as tmp:
        def write(name, data):
            path = os.path.join(tmp, name)
            with open(path, "wb") as file:
                file.write(data if isinstance(data, bytes) else data.encode())
            return path

        want = [case["id"] for case in CASES]
        # JSON Lines is found by content, whatever the name.
        for name in ["cases.JSONL", "cases.txt", "cases.json", "cases"]:
            status, records, _ = evaluate(binary, kb, write(name, JSONL))
            expect(f"{name}: ids", ids(records), want)
            expect(f"{name}: error line", lines(records), [6])
            expect(f"{name}: exit", status, 2)
        path = write("batch.jsonl", JSONL)
        result = subprocess.run(["bash", "-c", '"$0" eval "$1" <(cat "$2") --format json', binary, kb, path],  # a FIFO
                                capture_output=True)
        expect("<(cat batch.jsonl): ids", ids([json.loads(l) for l in result.stdout.decode().splitlines()]), want)
        # One case spanning lines is one JSON case, in a file or on standard input (`jq . case.json |`).
        pretty = json.dumps(CASES[0], indent=2) + "\n"
        for name, arguments, stdin in [("pretty file", [write("case.txt", pretty)], b""),
                                       ("pretty stdin", ["-"], pretty.encode())]:
            status, records, _ = evaluate(binary, kb, *arguments, stdin=stdin)
            expect(f"{name}: records", [(r.get("id"), r.get("line")) for r in records], [("c0", None)])
        # A lone one-line case reads the same either way; the name only decides the line number.
        one = json.dumps(CASES[5]) + "\n"
        expect("one-line .json", lines(evaluate(binary, kb, write("one.json", one))[1]), [None])
        expect("one-line .jsonl", lines(evaluate(binary, kb, write("one.jsonl", one))[1]), [1])
        expect("one-line stdin", lines(evaluate(binary, kb, "-", stdin=one.encode())[1]), [1])
        # --input-format states it.
        status, records, _ = evaluate(binary, kb, write("forced.jsonl", pretty), options=["--input-format", "json"])
        expect("--input-format json", ids(records), ["c0"])
        status, records, _ = evaluate(binary, kb, write("forced.json", pretty), options=["--input-format", "jsonl"])
        expect("--input-format jsonl: one record per line", len(records), len(pretty.splitlines()))
        status, _, stderr = evaluate(binary, kb, "-", options=["--input-format", "yaml"])
        expect("--input-format yaml", (status, "--input-format: yaml not in {auto,json,jsonl,fhir}" in stderr), (1, True))
        # CR-only line ends, from a file and from a pipe.
        cr = JSONL.replace("\n", "\r")
        expect("CR-only file", ids(evaluate(binary, kb, write("cr.txt", cr))[1]), want)
        expect("CR-only stdin", ids(evaluate(binary, kb, "-", stdin=cr.encode())[1]), want)
        expect("CR CR LF", ids(evaluate(binary, kb, "-", stdin=JSONL.replace("\n", "\r\r\n").encode())[1]), want)
        # A byte order mark at the start of an input is white space; at the start of a later line it is named.
        bom = b"\xef\xbb\xbf"
        expect("BOM .json", ids(evaluate(binary, kb, write("bom.json", bom + pretty.encode()))[1]), ["c0"])
        expect("BOM .jsonl", ids(evaluate(binary, kb, write("bom.jsonl", bom + JSONL.encode()))[1]), want)
        status, records, _ = evaluate(binary, kb, "-", stdin=JSONL.encode() + bom + b'{"id":"late"}\n')
        expect("BOM on a later line", (len(records), records[-1]["line"], records[-1]["error"]["message"]),
               (15, 15, "the line starts with a byte order mark (U+FEFF); only the start of an input may have one"))
        # A damaged, cut or empty .rfb is bad bytecode, named, whatever its name.
        built = os.path.join(tmp, "kb.rfb")
        subprocess.run([binary, "build", kb, "-o", built], check=True, capture_output=True)
        with open(built, "rb") as file:
            image = file.read()
        case = write("case.json", pretty)
        for name, data, reason in [
            ("damaged.rfb", b"\x89RFX" + image[4:], "bad magic"),
            ("damaged.bin", b"\x89RFX" + image[4:], "bad magic"),
            ("short.rfb", image[:3], "truncated header (3 of 72 bytes)"),
            ("short.bin", image[:1], "truncated header (1 of 72 bytes)"),
            ("empty.rfb", b"", "truncated header (0 of 72 bytes)"),
            ("TEXT.RFB", b"kb x\n", "bad magic"),
        ]:
            path = write(name, data)
            result = subprocess.run([binary, "eval", path, case], capture_output=True)
            stderr = result.stderr.decode("utf-8", "replace")
            expect(name, (result.returncode, stderr), (1, f"error: {path}: bad bytecode ({reason})\n"))
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
