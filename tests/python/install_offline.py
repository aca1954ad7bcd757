#!/usr/bin/python3
"""CTest python_install: the package installs offline as the README says, and the installed copy works.

usage: install_offline.py SOURCE_DIR

In a temporary directory it copies the repository's sources (not its build trees), makes
`/usr/bin/python3 -m venv --system-site-packages V`, runs
`V/bin/pip install --no-build-isolation --no-index ./python` there (no registry: setuptools and
pybind11 come from Debian) and, from that directory, outside the repository, has V/bin/python
import redflag and evaluate a case. The record must equal the one the build tree's module gives
(this script runs with it on PYTHONPATH), and redflag must come from the venv. Exit 77 (skip,
saying why) when venv or pip is missing. It builds the module again (at -O0, through setup.py's CMAKE_ARGS): label `install`.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

CASE = {"id": "p01", "age": 61, "weight_loss": "12 lb", "pain_duration": "6 wk", "worse_at_night": True,
        "cancer_history": True, "cancer_type": "prostate", "fever": False}
# What the installed copy runs, from the temporary directory: where redflag is, and one record.
PROGRAM = """import json, sys, redflag
kb = redflag.load(sys.argv[1])
print(json.dumps({"file": redflag._redflag.__file__, "record": kb.evaluate(json.loads(sys.argv[2]))}))"""


def missing_tools() -> str:
    """Why the venv and pip cannot be used here, or ""."""
    for module, package in (("venv", "python3-venv"), ("ensurepip", "python3-venv"), ("pip", "python3-pip")):
        if subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode != 0:
            return f"SKIP: {sys.executable} has no {module} module (Debian package {package})"
    return ""


def copy_sources(source: pathlib.Path, target: pathlib.Path) -> None:
    """The repository without build trees, caches or a previous in-tree install's leftovers."""
    anywhere = shutil.ignore_patterns(".git", "*.egg-info", "__pycache__", "node_modules")

    def ignored(directory, names):
        skip = set(anywhere(directory, names))
        if pathlib.Path(directory) in (source, source / "python"):  # build trees: build/, build-asan/, ...
            skip.update(name for name in names if name.startswith("build"))
        return skip

    shutil.copytree(source, target, ignore=ignored)


def run(command, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, command))} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def main() -> int:
    source = pathlib.Path(sys.argv[1]).resolve()
    reason = missing_tools()
    if reason:
        print(reason)
        return 77
    import redflag  # the build tree's module, for the expected record

    expected = redflag.load(source / "kb" / "back_pain").evaluate(CASE)
    with tempfile.TemporaryDirectory(prefix="redflag-install-") as scratch:
        root = pathlib.Path(scratch)
        copy_sources(source, root / "src")
        venv = root / "venv"
        run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(venv)])
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        # Unoptimised: what is tested is the install, not the code (the suite tests that), and -O0
        # compiles in about half the time. One job per core (CTest starts this test first).
        env.setdefault("CMAKE_ARGS", "-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O0")
        if shutil.which("ccache"):
            env.setdefault("CMAKE_CXX_COMPILER_LAUNCHER", "ccache")
            env.setdefault("CCACHE_BASEDIR", scratch)
        run([str(venv / "bin" / "pip"), "install", "--no-build-isolation", "--no-index", "./src/python"],
            cwd=scratch, env=env)
        done = run([str(venv / "bin" / "python"), "-c", PROGRAM, str(root / "src" / "kb" / "back_pain"),
                    json.dumps(CASE)], cwd=scratch, env=env)
        got = json.loads(done.stdout)
        if not got["file"].startswith(str(venv)):
            sys.exit(f"FAIL: the venv imported redflag from {got['file']}, not from {venv}")
        if got["record"] != expected:
            sys.exit(f"FAIL: the installed copy's record differs:\n{got['record']}\nexpected\n{expected}")
    print(f"installed into a venv and evaluated: urgency {expected['urgency']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
