"""KnowledgeBase.evaluate and evaluate_many: records equal to the CLI's, unknown facts, every
error path with the case reader's message, threads sharing one KB."""
import json
import math
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import redflag
from conftest import BACK_PAIN, cli_records

CASE = {"id": "p01", "age": 61, "weight_loss": "12 lb", "pain_duration": {"value": 6, "unit": "wk"},
        "worse_at_night": True, "cancer_history": True, "cancer_type": "prostate", "fever": None}


def test_record_is_the_cli_record(back_pain):
    assert back_pain.evaluate(CASE) == cli_records(BACK_PAIN, [json.dumps(CASE)])[0]


def test_record_shape(back_pain):
    record = back_pain.evaluate(CASE)
    assert record["id"] == "p01"
    assert record["kb"] == {"id": back_pain.id, "version": back_pain.version, "hash": back_pain.hash}
    assert record["urgency"] in back_pain.levels
    assert record["status"] == "incomplete"
    assert {"flag", "urgency", "title", "evidence"} <= set(record["fired"][0])
    assert all("needs" in flag for flag in record["undetermined"])


def test_unknown_is_absent_none_or_nan_never_false(back_pain):
    absent = back_pain.evaluate({"age": 61})
    assert back_pain.evaluate({"age": 61, "fever": None}) == absent
    assert back_pain.evaluate({"age": 61, "weight_loss": math.nan}) == absent
    assert absent["status"] == "incomplete"
    assert absent["undetermined"], "flags over unknown facts are undetermined, not cleared"
    cleared = back_pain.evaluate({"age": 61, "fever": False})
    assert cleared != absent


@pytest.mark.parametrize("case", [
    CASE,
    {"id": "p02", "age": 61.0, "weight_loss": {"value": 12.5, "unit": "[lb_av]"}, "fever": True, "note": "é \"q\"\n"},
    {"age": 0.1 + 0.2, "weight_loss": math.nan, "fever": False, "cancer_type": None},
    {"age": math.inf},
    {"age": 2 ** 70},
    {"age": 61, "fever": [True]},
    {1: 61},
])
def test_the_c_plus_plus_case_text_reads_as_json_dumps(back_pain, case):
    """Cases are written to JSON in C++ (python/src/case_json.cpp) for the common types and by
    json.dumps for the rest: the record, or the error, is the one json.dumps' text gives the CLI."""
    text = json.dumps(case, allow_nan=True).replace("NaN", "null").replace("Infinity", "1e999")
    try:
        got = back_pain.evaluate(case)
    except redflag.CaseError as error:
        got = {"error": {"message": str(error), "field": error.field}}
    want = cli_records(BACK_PAIN, [text])[0]
    if "error" in want:
        want = {"error": {"message": want["error"]["message"], "field": want["error"]["field"]}}
    assert got == want


def test_numpy_scalars_are_values(back_pain):
    numpy = pytest.importorskip("numpy", reason="numpy scalars need python3-numpy")
    assert back_pain.evaluate({"age": numpy.int64(61), "fever": numpy.bool_(True), "weight_loss": numpy.float32(12)}) \
        == back_pain.evaluate({"age": 61, "fever": True, "weight_loss": 12})


# Each bad case, the message of the case reader (docs/cases.md "Errors") and the field.
BAD_CASES = [
    ({"age": 61, "weight_los": "12 lb"}, "unknown fact `weight_los`; did you mean `weight_loss`?", "weight_los"),
    ({"fever": "yes"}, '`fever` expects true or false, got "yes"', "fever"),
    ({"age": "61"}, '`age` expects a number, got "61"', "age"),
    ({"age": 131}, "`age` expects a number from 0 to 130, got 131", "age"),
    ({"age": math.inf}, "`age` expects a number from 0 to 130, got 1e999", "age"),
    ({"cancer_type": "skin"},
     '`cancer_type` expects one of "breast", "lung", "prostate", "kidney" or "other", got "skin"', "cancer_type"),
    ({"weight_loss": "12 lbz"}, None, "weight_loss"),
    ({"weight_loss": "-20 lb"}, "`weight_loss` is a mass and cannot be negative, got -20 lb", "weight_loss"),
    ({"pain_duration": "12 kg"}, "`pain_duration` is a time; `12 kg` is a mass", "pain_duration"),
    ({"weight_loss": {"value": 3}},
     "`weight_loss` expects a quantity object with exactly the keys `value` (a number) and `unit` (a string)",
     "weight_loss"),
    ({"id": True}, "`id` expects a string or a number, got true", "id"),
    ({"age": {1, 2}}, "`age` expects a number, got a set", "age"),
    ({"id": {1}}, "`id` expects a string or a number, got a set", "id"),
    ({"agee": {1}}, "unknown fact `agee`; did you mean `age`?", "agee"),
]


@pytest.mark.parametrize("case, message, field", BAD_CASES)
def test_bad_case_raises_case_error(back_pain, case, message, field):
    with pytest.raises(redflag.CaseError) as caught:
        back_pain.evaluate({"id": "bad", **case} if "id" not in case else case)
    error = caught.value
    assert error.field == field
    if message is not None:
        assert error.message == message == str(error)
    assert error.index is None
    if "id" not in case:
        assert error.id == "bad"


def test_bad_case_messages_are_the_cli_messages(back_pain):
    cases = [json.dumps(case) for case, _, _ in BAD_CASES if _is_json(case)]
    cli = cli_records(BACK_PAIN, cases)
    for text, record in zip(cases, cli):
        with pytest.raises(redflag.CaseError) as caught:
            back_pain.evaluate(json.loads(text))
        assert (caught.value.message, caught.value.field) == (record["error"]["message"], record["error"]["field"])


def _is_json(case):
    """Whether [case] is also a case file (no set, no infinity)."""
    return not any(isinstance(value, set) or value == math.inf for value in case.values())


def test_a_case_must_be_an_object(back_pain):
    with pytest.raises(redflag.CaseError, match="^a case must be a JSON object, got an array$") as caught:
        back_pain.evaluate([1, 2])
    assert caught.value.field is None


def test_evaluate_many_records_errors_in_place(back_pain):
    cases = [{"id": "a", "age": 30}, {"id": "b", "fever": "yes"}, {"id": "c", "age": {1}}, {"id": "d", "age": 80}]
    records = back_pain.evaluate_many(iter(cases))
    assert [record["id"] for record in records] == ["a", "b", "c", "d"]
    assert records[0] == back_pain.evaluate(cases[0])
    assert records[3] == back_pain.evaluate(cases[3])
    assert records[1] == {"id": "b", "index": 1,
                          "error": {"message": '`fever` expects true or false, got "yes"', "field": "fever"}}
    assert records[2] == {"id": "c", "index": 2, "error": {"message": "`age` expects a number, got a set", "field": "age"}}


def test_evaluate_many_raise(back_pain):
    cases = [{"age": 30}] * 1500 + [{"id": "x", "fever": 3}]
    with pytest.raises(redflag.CaseError) as caught:
        back_pain.evaluate_many(cases, errors="raise")
    assert (caught.value.index, caught.value.id, caught.value.field) == (1500, "x", "fever")
    assert caught.value.message == "`fever` expects true or false, got 3"
    with pytest.raises(redflag.CaseError) as caught:
        back_pain.evaluate_many([{"age": 1}, {"age": {1}}], errors="raise")
    assert caught.value.index == 1


def test_evaluate_many_crosses_chunks_in_order(back_pain):
    cases = [{"id": str(i), "age": i % 130, "fever": i % 3 == 0} for i in range(2500)]
    records = back_pain.evaluate_many(cases)
    assert [record["id"] for record in records] == [str(i) for i in range(2500)]
    assert records[2049] == back_pain.evaluate(cases[2049])
    assert back_pain.evaluate_many([]) == []


def test_errors_argument_is_checked(back_pain):
    with pytest.raises(ValueError, match="^errors must be \"record\" or \"raise\", got 'ignore'$"):
        back_pain.evaluate_many([], errors="ignore")


def test_threads_share_one_kb(back_pain):
    cases = [{"id": str(i), "age": 20 + i % 70, "weight_loss": f"{i % 15} lb", "worse_at_night": i % 2 == 0,
              "cancer_history": i % 5 == 0} for i in range(400)]
    expected = [back_pain.evaluate(case) for case in cases]
    start = threading.Barrier(8)

    def work(offset):
        start.wait()
        got = []
        for round_ in range(5):
            order = cases[offset:] + cases[:offset]
            got.append(back_pain.evaluate_many(order) if round_ % 2 else [back_pain.evaluate(c) for c in order])
        return offset, got

    with ThreadPoolExecutor(8) as pool:
        for offset, rounds in pool.map(work, range(0, 400, 50)):
            for records in rounds:
                assert records == expected[offset:] + expected[:offset]


def test_the_gil_is_released_while_evaluating(back_pain):
    texts = [json.dumps({"age": i % 130, "fever": True}) for i in range(100_000)]
    assert gil_released_during(lambda: back_pain._kb.evaluate_cases(texts))


def gil_released_during(call) -> bool:
    """Whether another Python thread ran while [call] did. With a switch interval of 100 s no
    thread takes the GIL from this one, so the other thread runs only when [call] lets it go."""
    progress = [0]
    go = threading.Event()

    def count():
        go.wait()
        for n in range(1, 200_001):
            progress[0] = n

    counter = threading.Thread(target=count)
    counter.start()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(100)
    try:
        go.set()
        call()
        seen = progress[0]
    finally:
        sys.setswitchinterval(interval)
        counter.join()
    return seen > 0
