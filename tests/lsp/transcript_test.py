#!/usr/bin/env python3
"""Runs one language-server transcript: messages in, the expected messages out.

Usage: transcript_test.py REDFLAG TRANSCRIPT.lsp

A transcript (tests/lsp/transcripts/, one per LSP method, as clangd's lit tests) is a list of
blocks, each starting at a line that begins with a marker:
  -->  a message the client sends (JSON, possibly over several lines)
  ==>  raw bytes the client sends (a Python string literal body: \\r\\n, \\x00 ...)
  <--  a message the server must send, in order (compared as JSON)
  exit N   the exit status the server must end with
  #    a comment
`-->*N` sends its message N times. In client messages `${ROOT}` is the file URI of tests/lsp/kb,
`"${FILE:name}"` the text of tests/lsp/kb/name as a JSON string and `"${REPEAT:N:text}"` the
string of N copies of text (\\n for a line break); in expected messages `${ROOT}` stands for the same URI.
All input is given at once on stdin (a file), so the server's output is deterministic: it
publishes diagnostics before answering the next request. With REDFLAG_UPDATE_GOLDEN=1 the
expected messages are rewritten from the actual ones (each request's answer, and the
notifications before it, after the request; then read the diff).
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
KB = HERE / "kb"
ROOT = "file://" + urllib.parse.quote(str(KB))
MARKERS = ("-->", "==>", "<--", "exit", "#")


def parse(path):
    blocks = []  # [kind, text]
    for line in path.read_text(encoding="utf-8").splitlines():
        marker = next((m for m in MARKERS if line.startswith(m)), None)
        if marker == "-->" and line.startswith("-->*"):
            marker = line.split()[0]
        if marker is None and blocks and blocks[-1][0][:3] in ("-->", "<--"):
            blocks[-1][1] += "\n" + line
        elif marker is None:
            if line.strip():
                sys.exit(f"{path}: a line outside any block: {line!r}")
        else:
            blocks.append([marker, line[len(marker):].strip() if marker != "#" else line])
    return blocks


def client_json(text):
    text = text.replace("${ROOT}", ROOT)
    text = re.sub(r'"\$\{FILE:([^}]+)\}"', lambda m: json.dumps((KB / m.group(1)).read_text(encoding="utf-8")), text)
    text = re.sub(r'"\$\{REPEAT:(\d+):([^}]*)\}"',
                  lambda m: json.dumps(m.group(2).replace("\\n", "\n") * int(m.group(1))), text)
    return json.loads(text)


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def split_output(data):
    messages = []
    while data:
        header, _, rest = data.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        messages.append(json.loads(rest[:length]))
        data = rest[length:]
    return messages


def uses_root(message):
    return json.loads(json.dumps(message).replace(ROOT, "${ROOT}").replace(str(KB), "${KB}"))


def matches(want, got):
    if want == "${ANY}":
        return True
    if isinstance(want, dict) and isinstance(got, dict):
        return want.keys() == got.keys() and all(matches(want[k], got[k]) for k in want)
    if isinstance(want, list) and isinstance(got, list):
        return len(want) == len(got) and all(matches(w, g) for w, g in zip(want, got))
    return want == got


def main():
    redflag, transcript = sys.argv[1], pathlib.Path(sys.argv[2])
    blocks = parse(transcript)
    stdin = b""
    for kind, text in blocks:
        if kind.startswith("-->"):
            count = int(kind[4:] or 1)
            stdin += frame(json.dumps(client_json(text)).encode()) * count
        elif kind == "==>":
            stdin += text.encode("latin-1").decode("unicode_escape").encode("latin-1")
    with tempfile.TemporaryFile() as input_file:
        input_file.write(stdin)
        input_file.seek(0)
        run = subprocess.run([redflag, "lsp", "--today", "2026-12-01"], stdin=input_file, capture_output=True, timeout=120)
    actual = [uses_root(m) for m in split_output(run.stdout)]
    expected = [json.loads(text) for kind, text in blocks if kind == "<--"]
    exits = [int(text) for kind, text in blocks if kind == "exit"]
    if os.environ.get("REDFLAG_UPDATE_GOLDEN"):
        write_update(transcript, blocks, actual, run.returncode)
        return 0
    status = 0
    for i in range(max(len(actual), len(expected))):
        want = expected[i] if i < len(expected) else None
        got = actual[i] if i < len(actual) else None
        if not matches(want, got):
            print(f"{transcript.name}: message {i + 1} differs\n  expected: {json.dumps(want, sort_keys=True)}\n"
                  f"  actual:   {json.dumps(got, sort_keys=True)}")
            status = 1
    if exits != [run.returncode]:
        print(f"{transcript.name}: exit status {run.returncode}, expected {exits}")
        status = 1
    if run.stderr:
        print(f"{transcript.name}: stderr: {run.stderr.decode(errors='replace')}")
        status = 1
    return status


def write_update(transcript, blocks, actual, returncode):
    """Inputs and comments as they were; each request's answer (and what came before it) after it."""
    lines = []
    remaining = list(actual)
    if transcript.name != "initialize.lsp":
        for answer in remaining:
            if isinstance(answer.get("result"), dict) and "capabilities" in answer["result"]:
                answer["result"] = "${ANY}"
    for kind, text in blocks:
        if kind in ("<--", "exit"):
            continue
        lines.append(text if kind == "#" else f"{kind} {text}")
        if not kind.startswith("-->"):
            continue
        message = json.loads(text.replace("${ROOT}", ROOT)) if "${FILE:" not in text else {}
        if "id" not in message or "method" not in message:
            continue
        for index, out in enumerate(remaining):
            if "method" not in out and out.get("id") == message["id"]:
                for answer in remaining[:index + 1]:
                    lines.append("<-- " + json.dumps(answer, sort_keys=True, ensure_ascii=False))
                remaining = remaining[index + 1:]
                break
    for answer in remaining:
        lines.append("<-- " + json.dumps(answer, sort_keys=True, ensure_ascii=False))
    lines.append(f"exit {returncode}")
    transcript.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
