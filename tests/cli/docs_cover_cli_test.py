#!/usr/bin/env python3
"""docs/cli.md covers every verb and every option that the binary has.

Reads the verbs and each verb's options from the binary's own help (`redflag help`, `redflag
VERB --help`) and requires, for each verb, a `##` heading naming `redflag VERB`, and in that
section (up to the next `##` heading) every spelling of each option (`--jobs` and `-j`). The
options every verb shares are documented once: `--color` under "## Colour",
`--diagnostics-format` under "## Diagnostics", `--help`/`-h` at the top.

usage: docs_cover_cli_test.py REDFLAG_BINARY DOCS_CLI_MD
"""
import re
import subprocess
import sys

SHARED = {"--color": "## Colour", "--diagnostics-format": "## Diagnostics", "--help": "# The `redflag` command line",
          "-h": "# The `redflag` command line"}


def help_of(binary, *arguments):
    return subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=60, check=True).stdout


def spellings(help_text):
    """Every option spelling of one verb's help: `-j`, `--jobs`, ..."""
    options_list = help_text.split("\nOptions:\n")[1].split("\n\n")[0]
    names = [match.group(1) for match in re.finditer(r"^  (-\S+)", options_list, re.M)]
    return [spelling for name in names for spelling in name.split(",")]


def sections(markdown):
    """{heading line: its text up to the next heading of level 1 or 2}, outside code blocks."""
    found, heading, in_code = {}, None, False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if not in_code and re.match(r"##? ", line):
            heading = line
            found[heading] = ""
        elif heading is not None:
            found[heading] += line + "\n"
    return found


def main():
    binary, docs_path = sys.argv[1], sys.argv[2]
    with open(docs_path, encoding="utf-8") as file:
        docs = sections(file.read())
    verbs = re.findall(r"^  ([a-z]+) ", help_of(binary, "help").split("Verbs:\n")[1], re.M)
    failures = []
    for verb in verbs:
        headings = [heading for heading in docs if heading.startswith("## ") and f"`redflag {verb}" in heading]
        if not headings:
            failures.append(f"{verb}: no `## ... `redflag {verb}` heading")
            continue
        text = headings[0] + "\n" + docs[headings[0]]
        for spelling in spellings(help_of(binary, verb, "--help")):
            if spelling in SHARED:
                shared = next((body for heading, body in docs.items() if heading.startswith(SHARED[spelling])), "")
                if spelling not in shared and spelling not in text:
                    failures.append(f"{verb} {spelling}: not under {SHARED[spelling]!r}")
            elif not re.search(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])", text):
                failures.append(f"{verb} {spelling}: not in its section {headings[0]!r}")
    for failure in failures:
        print("FAIL", failure)
    print(f"{len(verbs)} verbs checked, {len(failures)} gaps")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
