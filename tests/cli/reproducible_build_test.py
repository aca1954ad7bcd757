#!/usr/bin/env python3
"""Reproducible identity: one KB built in many ways gives byte-identical `.rfb` files and one
content hash (docs/bytecode.md "Source names"), while diagnostics keep the path as typed.

The KB is copied into a temporary folder and built as `kb`, `./kb/`, an absolute path, `.` from
inside it, `work/kb` from the folder above, through a symbolic link, from a copy elsewhere, and
read at a git revision (`diff REV:kb`, which reports the hash); `eval` on the sources reports it too. The source names stored must be
KB-relative (`flags.rf`, `tests/units.rf`) and no byte may hold the temporary folder's path;
diagnostics and the test report show the path as typed.

usage: reproducible_build_test.py REDFLAG_BINARY KB_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def run(binary, *arguments, cwd):
    result = subprocess.run([binary, *arguments], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"redflag {' '.join(arguments)} (in {cwd}) failed: {result.stderr}")
    return result.stdout


def main() -> int:
    binary, kb = os.path.abspath(sys.argv[1]), sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, "work")
        shutil.copytree(kb, os.path.join(work, "kb"))
        shutil.copytree(kb, os.path.join(tmp, "elsewhere", "copy"))
        os.symlink(os.path.join(work, "kb"), os.path.join(tmp, "link"))
        ways = {
            "kb": (work, "kb"),
            "./kb/": (work, "./kb/"),
            "absolute": (tmp, os.path.join(work, "kb")),
            ". inside": (os.path.join(work, "kb"), "."),
            "work/kb from above": (tmp, "work/kb"),
            "kb/../kb": (work, "kb/../kb"),
            "symbolic link": (tmp, "link"),
            "copy": (os.path.join(tmp, "elsewhere"), "copy"),
        }
        built = {}
        for name, (cwd, path) in ways.items():
            out = os.path.join(tmp, f"{len(built)}.rfb")
            hash_line = re.search(r"^hash ([0-9a-f]{64})$", run(binary, "build", path, "-o", out, cwd=cwd), re.M)
            with open(out, "rb") as file:
                built[name] = (hash_line.group(1), file.read())
        reference = built["kb"]
        for name, value in built.items():
            if value != reference:
                failures.append(f"`{name}` gives other bytes (hash {value[0]}, `kb` gives {reference[0]})")
        if tmp.encode() in reference[1] or b"work/" in reference[1]:
            failures.append("the bytecode holds a path outside the KB")
        names = set(re.findall(r"^\S+\s+(\S+\.rf):\d+", run(binary, "disasm", os.path.join(tmp, "0.rfb"), cwd=tmp), re.M))
        if "flags.rf" not in names or any(name.startswith(("/", ".", "kb")) for name in names):
            failures.append(f"disasm names sources {sorted(names)}, not KB-relative")
        # Sources compiled on the fly by eval carry the same hash in every record.
        for cwd, path in [(tmp, os.path.join(work, "kb")), (os.path.join(work, "kb"), ".")]:
            record = json.loads(subprocess.run([binary, "eval", path, "-", "--format", "json"], cwd=cwd, input="{}\n",
                                               capture_output=True, text=True).stdout)
            if record["kb"]["hash"] != reference[0]:
                failures.append(f"`eval {path}` reports hash {record['kb']['hash']}, the built `kb` {reference[0]}")
        # A git revision holds the same files, so the same hash.
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main"]
        subprocess.run(git + ["init", "-q"], cwd=work, check=True)
        subprocess.run(git + ["add", "kb"], cwd=work, check=True)
        subprocess.run(git + ["commit", "-q", "-m", "kb"], cwd=work, check=True)
        diffed = json.loads(run(binary, "diff", "HEAD:kb", "kb", "--format", "json", cwd=work))
        if diffed["old"]["hash"] != reference[0]:
            failures.append(f"`HEAD:kb` has hash {diffed['old']['hash']}, the built `kb` {reference[0]}")
        # The test report names each test's file as typed, too.
        report = subprocess.run([binary, "test", "./kb/"], cwd=work, capture_output=True, text=True).stdout
        if not report.startswith("test ./kb/tests/"):
            failures.append(f"`test ./kb/` names its tests otherwise than typed: {report.splitlines()[:1]}")
        # Diagnostics name the file as the user typed it.
        with open(os.path.join(work, "kb", "flags.rf"), "a", encoding="utf-8") as file:
            file.write("\nflag broken\n")
        for cwd, path, shown in [(work, "./kb/", "./kb/flags.rf:"), (tmp, os.path.join(work, "kb"), os.path.join(work, "kb", "flags.rf:"))]:
            stderr = subprocess.run([binary, "check", path], cwd=cwd, capture_output=True, text=True).stderr
            if not stderr.startswith(shown):
                failures.append(f"`check {path}` names the file otherwise than typed: {stderr.splitlines()[:1]}")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
