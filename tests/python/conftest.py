"""Shared fixtures of the Python package's tests: the CLI to compare with, the shipped KBs.

CTest (tests/python/CMakeLists.txt) sets REDFLAG_CLI (the redflag executable of this build) and
REDFLAG_SOURCE_DIR, and PYTHONPATH to the built module and python/.
"""
import json
import os
import pathlib
import subprocess
from typing import Dict, List

import pytest

import redflag

SOURCE_DIR = pathlib.Path(os.environ["REDFLAG_SOURCE_DIR"])
CLI = os.environ["REDFLAG_CLI"]
BACK_PAIN = SOURCE_DIR / "kb" / "back_pain"
EXAMPLES = SOURCE_DIR / "examples"


def cli_records(kb_path, cases: List[str]) -> List[Dict]:
    """`redflag eval KB - --format json` of the JSON cases [cases], as dicts."""
    run = subprocess.run([CLI, "eval", str(kb_path), "-", "--format", "json"], input="\n".join(cases) + "\n",
                         capture_output=True, text=True, check=False)
    assert run.returncode in (0, 2), run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


@pytest.fixture(scope="session")
def back_pain() -> redflag.KnowledgeBase:
    return redflag.load(BACK_PAIN)


@pytest.fixture(scope="session")
def back_pain_rfb(tmp_path_factory) -> pathlib.Path:
    path = tmp_path_factory.mktemp("rfb") / "back_pain.rfb"
    subprocess.run([CLI, "build", str(BACK_PAIN), "-o", str(path)], check=True, capture_output=True)
    return path


@pytest.fixture(scope="session")
def news2() -> redflag.KnowledgeBase:
    return redflag.load(EXAMPLES / "kb" / "news2")
