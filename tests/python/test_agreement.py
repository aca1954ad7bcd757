"""Records equal the CLI's: on every shipped example case, and on 20,000 generated back-pain
cases with 20 % of facts missing (tests/bench/generate.py), through evaluate, evaluate_many and
evaluate_frame."""
import json
import subprocess
import sys

import pandas
import pytest

import redflag
from conftest import BACK_PAIN, EXAMPLES, SOURCE_DIR, cli_records
from test_frame import rows, summary

EXAMPLE_SETS = [
    (BACK_PAIN, [EXAMPLES / "cases"], [EXAMPLES / "batch.jsonl"]),
    (EXAMPLES / "kb" / "news2", [EXAMPLES / "news2" / "cases"], []),
    (EXAMPLES / "kb" / "qsofa", [EXAMPLES / "qsofa" / "cases"], []),
]


def example_cases(directories, jsonl_files):
    texts = [json.dumps(json.loads(path.read_text())) for directory in directories
             for path in sorted(directory.glob("*.json"))]
    for path in jsonl_files:
        texts += [line for line in path.read_text().splitlines() if line.strip()]
    return texts


@pytest.mark.parametrize("kb_path, directories, jsonl_files", EXAMPLE_SETS, ids=["back_pain", "news2", "qsofa"])
def test_shipped_examples(kb_path, directories, jsonl_files):
    kb = redflag.load(kb_path)
    texts = example_cases(directories, jsonl_files)
    assert len(texts) >= 9, "every example set has at least 9 cases"
    cases = [json.loads(text) for text in texts]
    cli = cli_records(kb_path, texts)
    assert_same_records([kb.evaluate(case) for case in cases], cli)
    assert_same_records(kb.evaluate_many(cases), cli)


def assert_same_records(records, cli):
    """Equal, and with the same key order and number types (61, not 61.0): the same JSON text."""
    assert records == cli
    assert [json.dumps(record) for record in records] == [json.dumps(record) for record in cli]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("cases") / "cases.jsonl"
    subprocess.run([sys.executable, str(SOURCE_DIR / "tests" / "bench" / "generate.py"), "cases", "20000", str(path),
                    "0.2"], check=True)
    return path.read_text().splitlines()


def test_generated_cases(back_pain, generated):
    assert len(generated) == 20_000
    cases = [json.loads(text) for text in generated]
    present = sum(len(case) - 1 for case in cases)  # every key but id is a fact
    missing = 1 - present / (17 * len(cases))  # generate.py writes back_pain's 17 facts
    assert 0.15 < missing < 0.25, "about 20 % of the facts are missing"
    cli = cli_records(BACK_PAIN, generated)
    assert_same_records(back_pain.evaluate_many(cases), cli)
    assert_same_records([back_pain.evaluate(case) for case in cases], cli)
    assert any(record["status"] == "incomplete" for record in cli)
    assert any(record["fired"] for record in cli)


def test_generated_cases_as_a_frame(back_pain, generated):
    cases = [json.loads(text) for text in generated]
    frame = pandas.DataFrame.from_records(cases)  # quantity columns mix strings, objects and numbers
    table = back_pain.evaluate_frame(frame)
    cli = cli_records(BACK_PAIN, generated)
    assert list(table["id"]) == [record["id"] for record in cli]
    assert rows(table) == [summary(record) for record in cli]
