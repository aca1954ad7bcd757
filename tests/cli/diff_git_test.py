#!/usr/bin/env python3
"""`redflag diff` with git revisions as inputs, in a temporary git repository: REV:PATH for a
directory, a single file and a `.rfb` file, against a revision and the working tree, and the
errors outside a checkout, for an unknown revision and for a path missing at a revision.

usage: diff_git_test.py REDFLAG_BINARY GOLDEN_DIFF_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile


def git(repo, *arguments):
    subprocess.run(["git", "-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
                   check=True, capture_output=True)


def diff(binary, cwd, *arguments):
    return subprocess.run([binary, "diff", *arguments], cwd=cwd, capture_output=True, text=True)


def expect(condition, message, result):
    if not condition:
        print(message, "\nstdout:", result.stdout, "\nstderr:", result.stderr, "\nexit:", result.returncode)
        sys.exit(1)


def main() -> int:
    binary, golden = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        repo = os.path.join(tmp, "repo")
        os.makedirs(os.path.join(repo, "kb", "sub"))
        git(repo, "init", "-q")
        shutil.copy(os.path.join(golden, "base.rf"), os.path.join(repo, "kb", "sub", "k.rf"))
        with open(os.path.join(repo, "kb", "notes.txt"), "w") as file:
            file.write("not a source\n")
        subprocess.run([binary, "build", "kb", "-o", "k.rfb"], cwd=repo, check=True, capture_output=True)
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", "base")
        shutil.copy(os.path.join(golden, "threshold.rf"), os.path.join(repo, "kb", "sub", "k.rf"))
        subprocess.run([binary, "build", "kb", "-o", "k.rfb"], cwd=repo, check=True, capture_output=True)
        git(repo, "commit", "-q", "-am", "threshold")

        for old, new in [("HEAD~1:kb", "HEAD:kb"), ("HEAD~1:kb", "kb"), ("HEAD~1:kb/sub/k.rf", "kb"),
                         ("HEAD~1:k.rfb", "k.rfb")]:
            result = diff(binary, repo, old, new, "--format", "json")
            expect(result.returncode == 0, f"diff {old} {new} failed", result)
            report = json.loads(result.stdout)
            expect(report["old"]["version"] == "1.0.0" and report["new"]["version"] == "2.0.0",
                   f"diff {old} {new}: wrong versions", result)
            expect(report["behaviour"]["changed"] > 0, f"diff {old} {new}: no behaviour change", result)

        # From a subdirectory the path is still relative to the top of the checkout.
        result = diff(binary, os.path.join(repo, "kb"), "HEAD~1:kb", "HEAD:kb", "--fail-on-change")
        expect(result.returncode == 3, "--fail-on-change from a subdirectory", result)

        result = diff(binary, repo, "nosuchrev:kb", "kb")
        expect(result.returncode == 1 and "unknown git revision `nosuchrev`" in result.stderr, "unknown revision", result)
        result = diff(binary, repo, "HEAD:nowhere", "kb")
        expect(result.returncode == 1 and "`nowhere` does not exist at git revision `HEAD`" in result.stderr,
               "missing path", result)
        result = diff(binary, repo, "--", "-x:kb", "kb")
        expect(result.returncode == 1 and "is not a git revision name" in result.stderr, "option-like revision", result)
        outside = os.path.join(tmp, "outside")
        os.makedirs(outside)
        env_result = subprocess.run([binary, "diff", "HEAD:kb", os.path.join(repo, "kb")], cwd=outside,
                                    capture_output=True, text=True, env=dict(os.environ, GIT_CEILING_DIRECTORIES=tmp))
        expect(env_result.returncode == 1 and "not inside a git checkout" in env_result.stderr, "outside a checkout",
               env_result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
