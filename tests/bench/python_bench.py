#!/usr/bin/python3
"""Speed of the Python package (docs/performance.md "Python"); a benchmark, not a test.

usage: tests/bench/python_bench.py [--build DIR] [--rows N] [--partitions P] [--repeat R] [--no-dask]

One command, run from anywhere: it uses the module and the redflag executable of the build tree
DIR (default build/ of this repository; configure it with -DREDFLAG_PYTHON=ON) and Debian's
/usr/bin/python3. On N (default 1,000,000) back-pain cases from generate.py (20 % of facts
missing), it prints the machine's load and cores, then cases/s of
- the CLI, single thread: `redflag eval kb.rfb cases.jsonl --format json > /dev/null` (wall);
- evaluate_frame on a typed frame (floats in canonical units, bools, a category) and on the frame
  pandas makes of the JSON Lines as they are (object columns of "12 lb", dicts and numbers);
- evaluate_many on the dicts;
then the time of one evaluate() of a dict, and the throughput of redflag.dask.evaluate on two
LocalClusters of single-threaded worker processes, one with 1 worker and one with 2, over the
typed frame cut into P partitions (default 16) and persisted on the workers first. The two
clusters' runs alternate, so both see the same load. Each figure is the best of R runs (default 3).
"""
import argparse
import contextlib
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import timeit
from typing import Dict

import numpy
import pandas

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


def dask_rates(frame, kb, partitions: int, repeat: int) -> Dict[int, float]:
    """Rows/s of redflag.dask.evaluate on clusters of 1 and of 2 worker processes, runs alternating."""
    import dask.dataframe
    from distributed import Client, LocalCluster, wait

    import redflag.dask
    sizes = (1, 2)
    with contextlib.ExitStack() as stack:
        clients = {}
        for workers in sizes:
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                       dashboard_address=":0"))
            client = stack.enter_context(Client(cluster, set_as_default=False))
            with client.as_current():
                ddf = client.persist(dask.dataframe.from_pandas(frame, npartitions=partitions))
                wait(ddf)
            clients[workers] = (client, ddf, stored_keys(client))
        times = {workers: [] for workers in sizes}
        for _ in range(repeat):
            for workers in sizes:
                client, ddf, inputs = clients[workers]
                with client.as_current():
                    start = time.perf_counter()
                    result = client.persist(redflag.dask.evaluate(ddf, kb))
                    wait(result)
                    times[workers].append(time.perf_counter() - start)
                    del result
                # The next run builds the same keys: let these go first, or it would find them done.
                deadline = time.monotonic() + 30
                while stored_keys(client) > inputs and time.monotonic() < deadline:
                    time.sleep(0.05)
    return {workers: len(frame) / min(times[workers]) for workers in sizes}


def stored_keys(client) -> int:
    """How many results the cluster of [client] holds."""
    return sum(len(keys) for keys in client.has_what().values())


def load_text() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def main() -> int:
    parser = argparse.ArgumentParser(description="Speed of the redflag Python package (docs/performance.md).")
    parser.add_argument("--build", default=str(ROOT / "build"), help="the build tree (default: build/)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="cases (default 1,000,000)")
    parser.add_argument("--partitions", type=int, default=16, help="Dask partitions (default 16)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure, the best kept (default 3)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask figures")
    args = parser.parse_args()
    build = pathlib.Path(args.build).resolve()
    cli = build / "redflag"
    if not (build / "python" / "redflag").is_dir() or not cli.is_file():
        print(f"python_bench: {build} has no redflag executable and Python module "
              "(configure with -DREDFLAG_PYTHON=ON and build)", file=sys.stderr)
        return 1
    sys.path[:0] = [str(build / "python"), str(ROOT / "python")]
    import redflag

    rows, repeat = args.rows, args.repeat
    print(f"start: {load_text()}")
    with tempfile.TemporaryDirectory() as scratch:
        cases_path = os.path.join(scratch, "cases.jsonl")
        rfb = os.path.join(scratch, "kb.rfb")
        subprocess.run([sys.executable, str(ROOT / "tests/bench/generate.py"), "cases", str(rows), cases_path, "0.2"],
                       check=True)
        subprocess.run([str(cli), "build", str(ROOT / "kb/back_pain"), "-o", rfb], check=True, capture_output=True)
        kb = redflag.load(rfb)

        def run_cli():
            with open(os.devnull, "w") as null:
                subprocess.run([str(cli), "eval", rfb, cases_path, "--format", "json"], stdout=null, check=True)
        cli_rate = rows / best(run_cli, repeat)
        print(f"CLI eval --format json, 1 thread: {cli_rate:,.0f} cases/s")

        cases = [json.loads(line) for line in open(cases_path, encoding="utf-8")]
        raw = pandas.DataFrame.from_records(cases)
        fast = typed(raw)
        for name, frame in (("typed frame", fast), ("frame of the JSON as it is", raw)):
            rate = rows / best(lambda: kb.evaluate_frame(frame), repeat)
            print(f"evaluate_frame, {name}: {rate:,.0f} rows/s ({rate / cli_rate:.0%} of the CLI)")
        rate = rows / best(lambda: kb.evaluate_many(cases), 1)
        print(f"evaluate_many: {rate:,.0f} cases/s ({rate / cli_rate:.0%} of the CLI)")
        del cases, raw

        case = {"id": "p01", "age": 61, "weight_loss": "12 lb", "pain_duration": "6 wk", "worse_at_night": True,
                "cancer_history": True, "cancer_type": "prostate", "fever": False, "improving": False}
        calls = 100_000
        seconds = min(timeit.repeat(lambda: kb.evaluate(case), number=calls, repeat=repeat))
        print(f"evaluate() of one dict: {seconds / calls * 1e6:.2f} µs")

        if not args.no_dask:
            rates = dask_rates(fast, kb, args.partitions, repeat)
            print(f"Dask, typed frame, {args.partitions} partitions: 1 worker {rates[1]:,.0f} rows/s, "
                  f"2 workers {rates[2]:,.0f} rows/s ({rates[2] / rates[1]:.2f}x)")
    print(f"end: {load_text()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
