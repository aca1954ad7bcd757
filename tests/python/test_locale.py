"""The Python host may set a comma-decimal locale: loading and evaluating give the same results
(numbers are parsed and printed with from_chars and to_chars, never the locale's rules)."""
import json
import locale

import redflag
from conftest import BACK_PAIN, EXAMPLES

CASES = [{"id": "a", "age": 61.5, "weight_loss": "12.5 lb", "pain_duration": "6.5 wk", "worse_at_night": True},
         {"id": "b", "age": 70, "weight_loss": {"value": 4.75, "unit": "kg"}, "cancer_history": True}]
NEWS2 = [{"temp": "38.5 Cel", "spo2": "93.5 %", "resp_rate": 21, "sbp": "101.5 mm[Hg]", "pulse": "91 /min"}]


def results():
    back_pain = redflag.load(BACK_PAIN)
    news2 = redflag.load(EXAMPLES / "kb" / "news2")
    return ([back_pain.evaluate(case) for case in CASES], [news2.evaluate(case) for case in NEWS2],
            back_pain.evaluate_many(CASES), back_pain.hash, news2.hash)


def test_results_do_not_follow_setlocale():
    before = results()
    previous = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")
        assert locale.localeconv()["decimal_point"] == ","
        after = results()
    finally:
        locale.setlocale(locale.LC_ALL, previous)
    assert after == before
    assert json.dumps(before[1][0]["scores"])  # a score with a fractional input was computed
