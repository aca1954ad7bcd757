#!/usr/bin/python3
"""Speed of the Python package (docs/performance.md "Python"); a benchmark, not a test.

usage: PYTHONPATH=build/python:python /usr/bin/python3 tests/bench/python_bench.py REDFLAG [ROWS]

REDFLAG is the redflag executable of the same build. On ROWS (default 1,000,000) back-pain cases
from generate.py (20 % of facts missing), it prints cases/s of
- the CLI, single thread: `redflag eval kb.rfb cases.jsonl --format json > /dev/null` (wall);
- evaluate_frame on a typed frame (floats in canonical units, bools, a category) and on the frame
  pandas makes of the JSON Lines as they are (object columns of "12 lb", dicts and numbers);
- evaluate_many on the dicts;
then the time of one evaluate() of a dict, and the throughput of redflag.dask.evaluate on a
LocalCluster of 1 and of 2 single-threaded worker processes (input persisted first).
Each figure is the best of three runs.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import timeit

import numpy
import pandas

import redflag

ROOT = pathlib.Path(__file__).resolve().parents[2]
UNITS_TO_LB = {"lb": 1.0, "kg": 1 / 0.45359237, "[lb_av]": 1.0}
UNITS_TO_WK = {"weeks": 1.0, "wk": 1.0, "mo": 30.4375 / 7, "d": 1 / 7}


def best(run, repeat=3) -> float:
    """The shortest wall time of [repeat] calls of [run]."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def canonical(value, units):
    """A quantity of a case file ("12 lb", {"value", "unit"}, a number) in the canonical unit."""
    if value is None or (isinstance(value, float) and numpy.isnan(value)):
        return numpy.nan
    if isinstance(value, str):
        number, unit = value.split(" ", 1)
        return float(number) * units[unit]
    if isinstance(value, dict):
        return float(value["value"]) * units[value["unit"]]
    return float(value)


def typed(frame: pandas.DataFrame) -> pandas.DataFrame:
    """[frame] as the fast column convention has it: floats, nullable bools, a category."""
    out = frame.copy()
    out["weight_loss"] = [canonical(v, UNITS_TO_LB) for v in frame["weight_loss"]]
    out["pain_duration"] = [canonical(v, UNITS_TO_WK) for v in frame["pain_duration"]]
    out["cancer_type"] = frame["cancer_type"].astype("category")
    for name in frame.columns:
        if frame[name].dtype == object and name not in ("id", "cancer_type", "weight_loss", "pain_duration"):
            out[name] = frame[name].astype("boolean")
    return out


def dask_rate(frame: pandas.DataFrame, kb, workers: int) -> float:
    import dask.dataframe
    from distributed import Client, LocalCluster, wait

    import redflag.dask
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        ddf = client.persist(dask.dataframe.from_pandas(frame, npartitions=16))
        wait(ddf)

        def run():
            result = client.persist(redflag.dask.evaluate(ddf, kb))
            wait(result)
            del result
        seconds = best(run)
    return len(frame) / seconds


def main() -> int:
    cli = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    with tempfile.TemporaryDirectory() as scratch:
        cases_path = os.path.join(scratch, "cases.jsonl")
        rfb = os.path.join(scratch, "kb.rfb")
        subprocess.run([sys.executable, str(ROOT / "tests/bench/generate.py"), "cases", str(rows), cases_path, "0.2"],
                       check=True)
        subprocess.run([cli, "build", str(ROOT / "kb/back_pain"), "-o", rfb], check=True, capture_output=True)
        kb = redflag.load(rfb)

        def run_cli():
            with open(os.devnull, "w") as null:
                subprocess.run([cli, "eval", rfb, cases_path, "--format", "json"], stdout=null, check=True)
        cli_rate = rows / best(run_cli)
        print(f"CLI eval --format json, 1 thread: {cli_rate:,.0f} cases/s")

        cases = [json.loads(line) for line in open(cases_path, encoding="utf-8")]
        raw = pandas.DataFrame.from_records(cases)
        fast = typed(raw)
        for name, frame in (("typed frame", fast), ("frame of the JSON as it is", raw)):
            rate = rows / best(lambda: kb.evaluate_frame(frame))
            print(f"evaluate_frame, {name}: {rate:,.0f} rows/s ({rate / cli_rate:.0%} of the CLI)")
        rate = rows / best(lambda: kb.evaluate_many(cases), repeat=1)
        print(f"evaluate_many: {rate:,.0f} cases/s ({rate / cli_rate:.0%} of the CLI)")

        case = {"id": "p01", "age": 61, "weight_loss": "12 lb", "pain_duration": "6 wk", "worse_at_night": True,
                "cancer_history": True, "cancer_type": "prostate", "fever": False, "improving": False}
        calls = 100_000
        seconds = min(timeit.repeat(lambda: kb.evaluate(case), number=calls, repeat=3))
        print(f"evaluate() of one dict: {seconds / calls * 1e6:.2f} µs")

        one = dask_rate(fast, kb, 1)
        two = dask_rate(fast, kb, 2)
        print(f"Dask, typed frame, 16 partitions: 1 worker {one:,.0f} rows/s, 2 workers {two:,.0f} rows/s "
              f"({two / one:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
