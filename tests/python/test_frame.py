"""KnowledgeBase.evaluate_frame: the column convention (docs/python.md "Tables"), results equal to
evaluate's records, errors recorded per row or raised, the GIL released, the garbage collector
paused while results are built."""
import gc
import math
from concurrent.futures import ThreadPoolExecutor

import numpy
import pandas
import pytest

import redflag
from test_evaluate import gil_released_during


def summary(record):
    """What a frame row holds of an evaluate record."""
    if "error" in record:
        return ("error", None, None, None, record["error"]["message"], record["error"]["field"])
    return (record["status"], record["urgency"], [f["flag"] for f in record["fired"]],
            [f["flag"] for f in record["undetermined"]], None, None)


def rows(table):
    return [(row.status, row.urgency, row.fired, row.undetermined, row.error, row.error_field)
            for row in table.itertuples()]


def assert_frame_matches(kb, table, cases):
    records = kb.evaluate_many(cases)
    assert rows(table) == [summary(record) for record in records]
    for score in kb.scores:
        for row, record in zip(table.to_dict("records"), records):
            if "error" in record:
                assert math.isnan(row[score]) and math.isnan(row[score + "_min"])
                continue
            value = next(s for s in record["scores"] if s["score"] == score)
            if "value" in value:
                assert row[score] == row[score + "_min"] == row[score + "_max"] == value["value"]
            else:
                assert math.isnan(row[score])
                assert (row[score + "_min"], row[score + "_max"]) == (value["min"], value["max"])


def test_columns_of_every_kind(back_pain):
    frame = pandas.DataFrame({
        "id": ["a", "b", "c", "d"],
        "age": [61, 30, numpy.nan, 80],                                     # float, NaN unknown
        "weight_loss": [12.0, numpy.nan, 3.0, 0.0],                         # canonical unit [lb_av]
        "pain_duration": ["6 wk", {"value": 3, "unit": "mo"}, None, "2 d"],  # object: as in a case file
        "worse_at_night": [True, False, True, False],                       # bool
        "fever": pandas.array([True, None, False, None], dtype="boolean"),  # nullable bool
        "cancer_history": [1.0, 0.0, numpy.nan, 1.0],                       # 0/1 floats
        "cancer_type": pandas.Categorical(["prostate", None, None, "lung"]),
        "new_weakness": [None, True, False, None],                          # object bools
    })
    table = back_pain.evaluate_frame(frame)
    assert list(table.columns) == ["id", "urgency", "status", "fired", "undetermined", "error", "error_field"]
    assert list(table["id"]) == ["a", "b", "c", "d"]
    cases = []
    for record in frame.to_dict("records"):
        case = {key: value for key, value in record.items()
                if value is not None and not (isinstance(value, float) and math.isnan(value))
                and value is not pandas.NA}
        case["weight_loss"] = case["weight_loss"] if "weight_loss" in case else None
        case["cancer_history"] = bool(case["cancer_history"]) if "cancer_history" in case else None
        cases.append({k: v for k, v in case.items() if v is not None})
    assert_frame_matches(back_pain, table, cases)


def test_scores_and_the_index_as_id(news2):
    frame = pandas.DataFrame({
        "resp_rate": [20.0, numpy.nan, 8.0],
        "spo2": ["95 %", "91 %", None],
        "sbp": pandas.array([120, 95, None], dtype="Int64"),
        "pulse": [80.0, 130.0, 45.0],
        "consciousness": ["alert", "voice", None],
        "temp": ["38.5 Cel", {"value": 101, "unit": "[degF]"}, "36 Cel"],
        "on_oxygen": [False, True, False],
        "hypercapnic_target": [False, False, False],
    }, index=["x", "y", "z"])
    table = news2.evaluate_frame(frame)
    assert list(table.index) == ["x", "y", "z"] and list(table["id"]) == ["x", "y", "z"]
    assert {"news2", "news2_min", "news2_max"} <= set(table.columns)
    assert table["news2"].dtype == numpy.float64
    cases = [{"resp_rate": 20, "spo2": "95 %", "sbp": 120, "pulse": 80, "consciousness": "alert",
              "temp": "38.5 Cel", "on_oxygen": False, "hypercapnic_target": False},
             {"spo2": "91 %", "sbp": 95, "pulse": 130, "consciousness": "voice",
              "temp": {"value": 101, "unit": "[degF]"}, "on_oxygen": True, "hypercapnic_target": False},
             {"resp_rate": 8, "pulse": 45, "temp": "36 Cel", "on_oxygen": False, "hypercapnic_target": False}]
    assert_frame_matches(news2, table, cases)
    assert not math.isnan(table["news2"].iat[0]) and math.isnan(table["news2"].iat[2])


# A bad cell, and the message and field its row gets.
BAD_CELLS = [
    ("age", [131.0], "`age` expects a number from 0 to 130, got 131"),
    ("age", [math.inf], "`age` expects a number from 0 to 130, got inf"),  # the embedding API's words
    ("age", ["61"], '`age` expects a number, got "61"'),
    ("fever", [2.0], "`fever` expects true or false, got 2"),
    ("fever", ["yes"], '`fever` expects true or false, got "yes"'),
    ("cancer_type", ["skin"],
     '`cancer_type` expects one of "breast", "lung", "prostate", "kidney" or "other", got "skin"'),
    ("cancer_type", [3.0], '`cancer_type` expects one of "breast", "lung", "prostate", "kidney" or "other", got 3'),
    ("age", [True], "`age` expects a number, got true"),
    ("weight_loss", ["-20 lb"], "`weight_loss` is a mass and cannot be negative, got -20 lb"),
    ("weight_loss", [-20.0], "`weight_loss` is a mass and cannot be negative, got -20"),  # as {"weight_loss": -20}
    ("pain_duration", ["12 kg"], "`pain_duration` is a time; `12 kg` is a mass"),
    ("pain_duration", [{1, 2}], "`pain_duration` expects a time such as \"6 weeks\", got a set"),
    ("pain_duration", [pandas.Timestamp("2026-01-01")], None),
]


@pytest.mark.parametrize("column, values, message", BAD_CELLS)
def test_a_bad_cell_is_recorded_in_its_row(back_pain, column, values, message):
    frame = pandas.DataFrame({"id": ["good", "bad"], "fever": [True, None], column: [None] + values})
    if column == "fever":
        frame = pandas.DataFrame({"id": ["good", "bad"], column: [None] + values})
    table = back_pain.evaluate_frame(frame)
    assert table["status"].iat[0] != "error" and table["error"].iat[0] is None
    assert table["status"].iat[1] == "error"
    assert table["error_field"].iat[1] == column
    assert table["urgency"].iat[1] is None and table["fired"].iat[1] is None
    if message is not None:
        assert table["error"].iat[1] == message
    with pytest.raises(redflag.CaseError) as caught:
        back_pain.evaluate_frame(frame, errors="raise")
    assert (caught.value.index, caught.value.id, caught.value.field) == (1, "bad", column)
    assert caught.value.message == table["error"].iat[1]


def test_cells_are_read_as_the_case_reader_reads_them(back_pain):
    values = ["12 lb", "5 kg", "12 lbz", "12", "lb", "1e999 lb", "12 lb", "5 kg"]
    table = back_pain.evaluate_frame(pandas.DataFrame({"weight_loss": values}))
    records = back_pain.evaluate_many([{"weight_loss": value} for value in values])
    assert rows(table) == [summary(record) for record in records]


def test_the_first_bad_column_names_the_row(back_pain):
    frame = pandas.DataFrame({"fever": ["yes"], "age": [200.0]})
    table = back_pain.evaluate_frame(frame)
    assert table["error_field"].iat[0] == "fever"


def test_a_column_that_is_no_fact_is_refused(back_pain):
    with pytest.raises(redflag.CaseError) as caught:
        back_pain.evaluate_frame(pandas.DataFrame({"age": [1.0], "weight_los": [2.0]}))
    assert caught.value.message == "unknown fact `weight_los`; did you mean `weight_loss`?"
    assert caught.value.field == "weight_los"


def test_empty_frames(back_pain):
    table = back_pain.evaluate_frame(pandas.DataFrame({"age": pandas.Series([], dtype=float)}))
    assert len(table) == 0 and "urgency" in table.columns
    assert len(back_pain.evaluate_frame(pandas.DataFrame(index=range(3)))) == 3


def test_many_rows_cross_chunks(back_pain):
    n = 10_000
    ages = numpy.arange(n, dtype=float) % 130
    ages[::7] = numpy.nan
    night = numpy.arange(n) % 3 == 0
    kinds = numpy.array(["lung", "breast", None, "other"], dtype=object)[numpy.arange(n) % 4]
    frame = pandas.DataFrame({"age": ages, "worse_at_night": night, "cancer_type": kinds,
                              "weight_loss": [f"{i % 20} lb" for i in range(n)]})
    table = back_pain.evaluate_frame(frame)
    cases = [{k: v for k, v in case.items() if v is not None and v == v} for case in frame.to_dict("records")]
    assert rows(table) == [summary(record) for record in back_pain.evaluate_many(cases)]


def test_errors_argument_is_checked(back_pain):
    with pytest.raises(ValueError, match="^errors must be \"record\" or \"raise\", got 'skip'$"):
        back_pain.evaluate_frame(pandas.DataFrame({"age": [1.0]}), errors="skip")


def test_the_gil_is_released_while_evaluating(back_pain):
    frame = pandas.DataFrame({"age": numpy.arange(400_000, dtype=float) % 130,
                              "worse_at_night": numpy.ones(400_000, dtype=bool)})
    assert gil_released_during(lambda: back_pain.evaluate_frame(frame))


def test_result_columns_are_object_arrays_of_lists(back_pain):
    table = back_pain.evaluate_frame(pandas.DataFrame({"age": [61.0, 30.0], "worse_at_night": [True, False]}))
    assert [table[name].dtype for name in ("urgency", "status", "fired", "undetermined")] == [object] * 4
    assert table["fired"].iat[0] == ["night_pain"] and table["fired"].iat[1] == []
    assert table["fired"].iat[0] is not table["fired"].iat[1]  # a list of its own per row


def collections_during(call) -> int:
    """How many garbage collections started while [call] ran."""
    started = []

    def note(phase, info):
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(note)
    try:
        call()
    finally:
        gc.callbacks.remove(note)
    return len(started)


def test_no_collection_runs_while_results_are_built(back_pain):
    # 20,000 rows make 40,000 lists: unpaused, the collector would start about 57 times.
    age = [index for index, fact in enumerate(back_pain.facts) if fact.name == "age"][0]
    columns = [(age, 0, numpy.arange(20_000, dtype=float) % 130)]
    texts = ['{"age": %d}' % (i % 130) for i in range(20_000)]
    assert collections_during(lambda: back_pain._kb.evaluate_columns(columns, 20_000)) == 0
    assert collections_during(lambda: back_pain._kb.evaluate_cases(texts)) == 0


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(back_pain, enabled):
    frame = pandas.DataFrame({"age": numpy.arange(50_000, dtype=float) % 130})
    (gc.enable if enabled else gc.disable)()
    try:
        with ThreadPoolExecutor(4) as pool:  # overlapping calls: the last to end restores the state
            list(pool.map(lambda _: back_pain.evaluate_frame(frame), range(8)))
        back_pain.evaluate_many([{"age": 61}] * 3000)
        assert gc.isenabled() == enabled
    finally:
        gc.enable()
