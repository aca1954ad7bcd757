#!/usr/bin/env python3
"""Runs the benchmark and prints its table (Markdown). tests/bench/run.sh builds and calls it.

usage: bench.py BUILD_DIR DATA_DIR [--runs N] [--cases N] [--sections 1,2,news2,3,4,5]

--sections runs only the listed sections (default: all), e.g. `--sections 1,2` to compare the
back-pain figures of two builds; `news2` is the NEWS2 example KB end to end (a build that
predates scores cannot run it).

Inputs are generated once into DATA_DIR by generate.py (fixed seed) and reused. Every figure
is the median of --runs runs (default 5) with min and max. Wall times are what a user waits;
CPU times (user + system) are what one core spends, and are steadier on a shared machine.
Peak RSS comes from /usr/bin/time. Nothing here asserts a speed: the table is for people.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SIZES = [100, 1000, 10000, 100000]


def run(args, stdout=subprocess.DEVNULL):
    subprocess.run(args, check=True, stdout=stdout)


def timed(args, stdout_path=os.devnull, exit_codes=(0,)):
    """Runs [args] under /usr/bin/time: (wall s, cpu s, peak RSS KiB)."""
    with tempfile.NamedTemporaryFile("r") as report, open(stdout_path, "wb") as out:
        status = subprocess.run(["/usr/bin/time", "-q", "-o", report.name, "-f", "%e %U %S %M"] + args,
                                stdout=out).returncode
        if status not in exit_codes:
            raise subprocess.CalledProcessError(status, args)
        wall, user, system, rss = report.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss)


def rate(megabytes, seconds):
    """MB/s, or a note when the time is below /usr/bin/time's 10 ms resolution."""
    return f"{megabytes / seconds:.1f}" if seconds > 0 else "(under 10 ms)"


def stats(values):
    return statistics.median(values), min(values), max(values)


def fmt(values, digits=2):
    median, low, high = stats(values)
    return f"{median:.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"


def repeat(runs, args, stdout_path=os.devnull, exit_codes=(0,)):
    walls, cpus, rsss = [], [], []
    for _ in range(runs):
        wall, cpu, rss = timed(args, stdout_path, exit_codes)
        walls.append(wall)
        cpus.append(cpu)
        rsss.append(rss)
    return walls, cpus, rsss


def key_values(text):
    return {key: float(value) for key, value in (line.split() for line in text.strip().splitlines())}


def prepare(data, cases, redflag):
    os.makedirs(data, exist_ok=True)
    generate = [sys.executable, os.path.join(HERE, "generate.py")]
    inputs = {"full": os.path.join(data, f"cases_{cases}.jsonl"),
              "missing": os.path.join(data, f"cases_{cases}_missing20.jsonl"),
              "small": os.path.join(data, "cases_10000.jsonl"),
              "one": os.path.join(data, "one.json")}
    if not os.path.exists(inputs["full"]):
        run(generate + ["cases", str(cases), inputs["full"]])
    if not os.path.exists(inputs["missing"]):
        run(generate + ["cases", str(cases), inputs["missing"], "0.2"])
    if not os.path.exists(inputs["small"]):
        run(generate + ["cases", "10000", inputs["small"]])
    with open(inputs["full"], encoding="utf-8") as lines, open(inputs["one"], "w", encoding="utf-8") as one:
        one.write(lines.readline())
    for size in SIZES:
        source = os.path.join(data, f"synthetic_{size}.rf")
        if not os.path.exists(source):
            run(generate + ["kb", str(size), source])
    inputs["kb"] = os.path.join(data, "back_pain.rfb")
    run([redflag, "build", os.path.join(ROOT, "kb", "back_pain"), "-o", inputs["kb"]])
    return inputs


def code_stats(vm_bench, rfb):
    """(code bytes, leaf conditions, VM steps) of [rfb]."""
    values = key_values(subprocess.run([vm_bench, "code", rfb], check=True, capture_output=True, text=True).stdout)
    return int(values["code_bytes"]), int(values["leaves"]), int(values["steps"])


def main(argv):
    build, data = argv[0], argv[1]
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    cases = int(argv[argv.index("--cases") + 1]) if "--cases" in argv else 1_000_000
    redflag = os.path.join(build, "redflag")
    vm_bench = os.path.join(build, "tests", "bench", "vm_bench")
    baseline = os.path.join(build, "tests", "bench", "baseline")
    sections = argv[argv.index("--sections") + 1].split(",") if "--sections" in argv else \
        ["1", "2", "news2", "3", "4", "5"]
    inputs = prepare(data, cases, redflag)
    kb = inputs["kb"]
    print(f"runs per figure: {runs}; cases per batch: {cases:,}; figures are median (min–max)\n")
    if "1" in sections:
        vm_alone(runs, inputs, data, redflag, vm_bench)
    if "2" in sections:
        end_to_end(runs, cases, inputs, redflag, baseline)
    if "news2" in sections:
        news2_end_to_end(runs, cases, data, redflag)
    if "3" in sections:
        compile_times(runs, data, redflag)
    if "4" in sections:
        start_up(runs, inputs, data, redflag, vm_bench)
    if "5" in sections:
        bytecode_size(inputs, data, vm_bench)
    return 0


def vm_alone(runs, inputs, data, redflag, vm_bench):
    kb = inputs["kb"]
    print("## 1. VM alone (ns per case, facts pre-loaded)\n")
    print("| KB | cases | VM, one case at a time | batch VM (64 per pass) | hand-coded | VM / hand | batch / hand |")
    print("|---|---|---|---|---|---|---|")
    for label, path in (("back_pain, all facts", inputs["full"]), ("back_pain, 20% missing", inputs["missing"])):
        vm, batch, hand = [], [], []
        for _ in range(runs):
            values = key_values(subprocess.run([vm_bench, "back-pain", kb, path], check=True,
                                               capture_output=True, text=True).stdout)
            vm.append(values["vm_ns"])
            batch.append(values["batch_ns"])
            hand.append(values["hand_ns"])
        hand_median = statistics.median(hand)
        print(f"| {label} | 10,000 | {fmt(vm, 1)} | {fmt(batch, 1)} | {fmt(hand, 1)} | "
              f"{statistics.median(vm) / hand_median:.2f}× | {statistics.median(batch) / hand_median:.2f}× |")
    synthetic_vm = {}
    synthetic_batch = {}
    for size in SIZES:
        rfb = os.path.join(data, f"synthetic_{size}.rfb")
        run([redflag, "build", os.path.join(data, f"synthetic_{size}.rf"), "-o", rfb])
        values = [key_values(subprocess.run([vm_bench, "synthetic", rfb], check=True, capture_output=True,
                                            text=True).stdout) for _ in range(runs)]
        synthetic_vm[size] = [value["vm_ns"] for value in values]
        synthetic_batch[size] = [value["batch_ns"] for value in values]
        print(f"| synthetic {size:,} flags | 1,000 random | {fmt(synthetic_vm[size], 0)} | "
              f"{fmt(synthetic_batch[size], 0)} | | | |")
    growth = statistics.median(synthetic_vm[100000]) / statistics.median(synthetic_vm[10000])
    batch_growth = statistics.median(synthetic_batch[100000]) / statistics.median(synthetic_batch[10000])
    print(f"\nVM cost, 100,000 flags / 10,000 flags: {growth:.2f}× (batch VM {batch_growth:.2f}×)\n")



def end_to_end(runs, cases, inputs, redflag, baseline):
    kb = inputs["kb"]
    print(f"## 2. End to end: {cases:,} cases, `--format json > /dev/null`\n")
    print("| program | input | wall s | CPU s | cases/s (wall) | cases/s (CPU) | MB/s (wall) | peak RSS MiB | vs baseline (CPU) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, path in (("all facts", inputs["full"]), ("20% missing", inputs["missing"])):
        megabytes = os.path.getsize(path) / 1e6
        with tempfile.TemporaryDirectory() as tmp:
            ours, theirs = os.path.join(tmp, "redflag.jsonl"), os.path.join(tmp, "baseline.jsonl")
            run([redflag, "eval", kb, path, "--format", "json"], stdout=open(ours, "wb"))
            run([baseline, kb, path], stdout=open(theirs, "wb"))
            same = subprocess.run(["cmp", "-s", ours, theirs]).returncode == 0
        base = repeat(runs, [baseline, kb, path])
        rows = [("baseline", base),
                ("redflag", repeat(runs, [redflag, "eval", kb, path, "--format", "json"])),
                ("redflag --jobs 2", repeat(runs, [redflag, "eval", kb, path, "--format", "json", "--jobs", "2"])),
                ("redflag csv", repeat(runs, [redflag, "eval", kb, path, "--format", "csv"]))]
        for name, (walls, cpus, rsss) in rows:
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            ratio = cpu / statistics.median(base[1])
            print(f"| {name} | {label} | {fmt(walls)} | {fmt(cpus)} | {cases / wall:,.0f} | {cases / cpu:,.0f} | "
                  f"{megabytes / wall:,.0f} | {statistics.median(rsss) / 1024:.1f} | {ratio:.2f}× |")
        print(f"\nredflag and baseline output identical ({label}): {'yes' if same else 'NO'}\n")
    small = repeat(runs, [redflag, "eval", kb, inputs["small"], "--format", "json"])
    print(f"peak RSS, 10,000 cases: {statistics.median(small[2]) / 1024:.1f} MiB\n")



def news2_end_to_end(runs, cases, data, redflag):
    """The NEWS2 example KB (examples/kb/news2): 8 vital signs with units, a banded score."""
    kb = os.path.join(data, "news2.rfb")
    run([redflag, "build", os.path.join(ROOT, "examples", "kb", "news2"), "-o", kb])
    generate = [sys.executable, os.path.join(HERE, "generate.py")]
    print(f"## 2b. End to end, NEWS2: {cases:,} cases, `redflag eval news2.rfb cases.jsonl > /dev/null`\n")
    print("| program | input | wall s | CPU s | cases/s (wall) | cases/s (CPU) | MB/s (wall) | peak RSS MiB |")
    print("|---|---|---|---|---|---|---|---|")
    for label, missing in (("all facts", "0"), ("20% missing", "0.2")):
        path = os.path.join(data, f"news2_{cases}_{missing}.jsonl")
        if not os.path.exists(path):
            run(generate + ["news2", str(cases), path, missing])
        megabytes = os.path.getsize(path) / 1e6
        rows = [("redflag json", repeat(runs, [redflag, "eval", kb, path, "--format", "json"])),
                ("redflag csv", repeat(runs, [redflag, "eval", kb, path, "--format", "csv"])),
                ("redflag json --jobs 2", repeat(runs, [redflag, "eval", kb, path, "--format", "json", "--jobs", "2"]))]
        for name, (walls, cpus, rsss) in rows:
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            print(f"| {name} | {label} | {fmt(walls)} | {fmt(cpus)} | {cases / wall:,.0f} | {cases / cpu:,.0f} | "
                  f"{megabytes / wall:,.0f} | {statistics.median(rsss) / 1024:.1f} |")
    print()


def compile_times(runs, data, redflag):
    # 3. Compile: `build` (parse, check, codegen, write, load back and verify) and `lint`.
    print("## 3. Compile (`redflag build`: parse + check + codegen + write + verify; `redflag lint`)\n")
    print("| flags | source MB | build s | build MB/s | build peak RSS MiB | lint s | lint MB/s | lint peak RSS MiB |")
    print("|---|---|---|---|---|---|---|---|")
    build_wall, lint_wall = {}, {}
    for size in SIZES:
        source = os.path.join(data, f"synthetic_{size}.rf")
        megabytes = os.path.getsize(source) / 1e6
        walls, _, rsss = repeat(runs, [redflag, "build", source, "-o", os.path.join(data, f"synthetic_{size}.rfb")])
        # The synthetic KBs have findings (random conditions can be unsatisfiable): lint exits 1.
        lint_walls, _, lint_rsss = repeat(runs, [redflag, "lint", source], exit_codes=(0, 1))
        build_wall[size] = statistics.median(walls)
        lint_wall[size] = statistics.median(lint_walls)
        print(f"| {size:,} | {megabytes:.2f} | {fmt(walls)} | {rate(megabytes, build_wall[size])} | "
              f"{statistics.median(rsss) / 1024:.1f} | {fmt(lint_walls)} | {rate(megabytes, lint_wall[size])} | "
              f"{statistics.median(lint_rsss) / 1024:.1f} |")
    print(f"\ncost, 100,000 flags / 10,000 flags: build {build_wall[100000] / build_wall[10000]:.2f}×, "
          f"lint {lint_wall[100000] / lint_wall[10000]:.2f}×\n")



def start_up(runs, inputs, data, redflag, vm_bench):
    kb = inputs["kb"]
    print("## 4. Start-up\n")
    with tempfile.NamedTemporaryFile("r", suffix=".json") as export:
        run(["hyperfine", "--warmup", "3", "-N", "--runs", "50", "--export-json", export.name,
             f"{redflag} eval {kb} {inputs['one']} --format json"])
        result = json.load(open(export.name))["results"][0]
    print(f"- `redflag eval back_pain.rfb one.json`: {result['median'] * 1000:.2f} ms median "
          f"({result['min'] * 1000:.2f}–{result['max'] * 1000:.2f}), hyperfine, 50 runs")
    loads = [key_values(subprocess.run([vm_bench, "load", os.path.join(data, "synthetic_10000.rfb")], check=True,
                                       capture_output=True, text=True).stdout)["load_ms"] for _ in range(runs)]
    print(f"- load + verify the 10,000-flag .rfb: {fmt(loads)} ms\n")



def bytecode_size(inputs, data, vm_bench):
    kb = inputs["kb"]
    print("## 5. Bytecode size\n")
    print("| flags | .rfb bytes | code bytes | leaf conditions | VM steps | code bytes / flag | code bytes / condition |")
    print("|---|---|---|---|---|---|---|")
    for name, rfb in [("back_pain (7)", kb)] + [(f"{size:,}", os.path.join(data, f"synthetic_{size}.rfb"))
                                               for size in SIZES]:
        code_bytes, leaves, steps = code_stats(vm_bench, rfb)
        flags = 7 if name.startswith("back_pain") else int(name.replace(",", ""))
        print(f"| {name} | {os.path.getsize(rfb):,} | {code_bytes:,} | {leaves:,} | {steps:,} | {code_bytes / flags:.1f} | "
              f"{code_bytes / leaves:.1f} |")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
