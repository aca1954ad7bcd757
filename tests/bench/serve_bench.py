"""Load benchmark of `redflag serve` (docs/performance.md "CDS Hooks service"): starts
`BUILD/redflag serve KB` on a free loopback port (its access log to a file), then runs
BUILD/tests/bench/serve_load, the C++ load generator, --runs times per mode: closed loop (each
of C connections sends its next request when the answer arrives) and open loop at --rate
requests/s (latency from each request's due time). Every request is a `patient-view` call for
kb/back_pain with its prefetch supplied (a Patient and a searchset of two Conditions, about
1 KB). Prints one Markdown row per run, with the load average at start and end and the
server's CPU time per request (from /proc) and the load generator's share of one core; any error or non-200 answer fails the run.
BUILD needs -DREDFLAG_BENCH=ON (tests/bench/run.sh's build-bench/ has it).
Usage: serve_bench.py BUILD KB [--requests 20000] [--connections 32] [--threads 32]
                      [--rate 5000] [--runs 3] [--modes closed,open]
Not in CTest: speed is measured here, never asserted in a unit test.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

PATIENT = {"resourceType": "Patient", "id": "bench-1", "birthDate": "1958-04-02"}
CONDITIONS = {"resourceType": "Bundle", "type": "searchset", "entry": [
    {"resource": {"resourceType": "Condition", "subject": {"reference": "Patient/bench-1"},
                  "clinicalStatus": {"coding": [{"code": "active"}]},
                  "code": {"coding": [{"system": "http://snomed.info/sct", "code": "399068003"}]},
                  "onsetDateTime": "2019-05-01"}},
    {"resource": {"resourceType": "Condition", "subject": {"reference": "Patient/bench-1"},
                  "clinicalStatus": {"coding": [{"code": "active"}]},
                  "code": {"coding": [{"system": "http://snomed.info/sct", "code": "386661006"}]},
                  "onsetDateTime": "2026-11-28"}}]}
BODY = json.dumps({"hook": "patient-view", "hookInstance": "bench", "context": {"patientId": "bench-1"},
                   "prefetch": {"patient": PATIENT, "conditions": CONDITIONS}})


def start_server(redflag, kb, threads, log):
    """`redflag serve` with its log on [log]; (process, port) once it listens."""
    server = subprocess.Popen([redflag, "serve", kb, "--port", "0", "--insecure-no-auth", "--threads", str(threads)],
                              stderr=log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with open(log.name) as lines:
            for line in lines:
                if '"event":"listening"' in line:
                    return server, json.loads(line)["port"]
        if server.poll() is not None:
            raise SystemExit(f"redflag serve ended with status {server.returncode} before listening")
        time.sleep(0.05)
    server.kill()
    raise SystemExit("redflag serve did not listen within 30 s")


def cpu_seconds(pid):
    """User + system CPU time of process [pid] so far (/proc/PID/stat fields 14 and 15)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("kb")
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--rate", type=float, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modes", default="closed,open")
    options = parser.parse_args()
    load = os.path.join(options.build, "tests", "bench", "serve_load")
    warmup = 1000
    with tempfile.NamedTemporaryFile("w", suffix=".json") as body, \
            tempfile.NamedTemporaryFile("w", suffix=".log") as log:
        body.write(BODY)
        body.flush()
        server, port = start_server(os.path.join(options.build, "redflag"), options.kb, options.threads, log)
        print(f"`redflag serve --threads {options.threads}`, {options.connections} connections, "
              f"{options.requests} requests per run (after {warmup} unmeasured)\n")
        print("| mode | errors | p50 | p90 | p99 | p99.9 | max | requests/s | server CPU/request | client CPU | load average |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        failed = False
        try:
            for mode in options.modes.split(","):
                for _ in range(options.runs):
                    args = [load, str(port), body.name, "--connections", str(options.connections),
                            "--requests", str(options.requests), "--warmup", str(warmup), "--json"]
                    if mode == "open":
                        args += ["--rate", str(options.rate)]
                    cpu_before = cpu_seconds(server.pid)
                    run = subprocess.run(args, stdout=subprocess.PIPE, text=True)
                    server_cpu = cpu_seconds(server.pid) - cpu_before
                    if not run.stdout:
                        raise SystemExit(f"serve_load failed (status {run.returncode})")
                    failed = failed or run.returncode != 0
                    result = json.loads(run.stdout)
                    label = "closed loop" if mode == "closed" else f"open loop, {result['rate']:.0f}/s"
                    per_request = server_cpu / (options.requests + warmup) * 1e6
                    print(f"| {label} | {result['errors']} | {result['p50']:.2f} ms | {result['p90']:.2f} ms "
                          f"| {result['p99']:.2f} ms | {result['p999']:.2f} ms | {result['max']:.2f} ms "
                          f"| {result['throughput']:,.0f} | {per_request:.0f} µs | {result['client_cpu'] / result['seconds']:.0%} "
                          f"| {result['load_start'].split()[0]} → {result['load_end'].split()[0]} |", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=10)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
