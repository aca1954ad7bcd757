"""Load benchmark of `redflag serve` (docs/performance.md "CDS Hooks service"): REQUESTS service
calls for kb/back_pain with prefetch supplied (a Patient and a searchset of Conditions), from
CLIENTS concurrent keep-alive clients on loopback, split over worker processes so that the
Python clients are not the bottleneck of one GIL. Prints p50/p90/p99 latency, requests/s and
the error count; any error or non-200 answer fails the run.
Usage: serve_bench.py REDFLAG KB [--requests 20000] [--clients 32] [--processes 4] [--threads 32]
Not in CTest: speed is measured here, never asserted in a unit test.
"""
import argparse
import http.client
import json
import multiprocessing
import subprocess
import threading
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


def client(port, count, latencies, errors):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(count):
        start = time.perf_counter()
        try:
            connection.request("POST", "/cds-services/back_pain", body=BODY, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        except (OSError, http.client.HTTPException) as error:
            errors.append(str(error))
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        latencies.append(time.perf_counter() - start)


def process_main(port, clients, per_client, queue):
    latencies, errors = [], []
    threads = [threading.Thread(target=client, args=(port, per_client, latencies, errors)) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put((latencies, errors))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("redflag")
    parser.add_argument("kb")
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--threads", type=int, default=32)
    options = parser.parse_args()
    server = subprocess.Popen([options.redflag, "serve", options.kb, "--port", "0", "--insecure-no-auth",
                               "--threads", str(options.threads)], stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    while '"listening"' not in line:
        line = server.stderr.readline()
    port = json.loads(line)["port"]
    drain = threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True)
    drain.start()
    per_process = options.clients // options.processes
    per_client = options.requests // options.clients
    queue = multiprocessing.Queue()
    started = time.perf_counter()
    workers = [multiprocessing.Process(target=process_main, args=(port, per_process, per_client, queue))
               for _ in range(options.processes)]
    for worker in workers:
        worker.start()
    latencies, errors = [], []
    for _ in workers:
        got, failed = queue.get()
        latencies += got
        errors += failed
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    server.terminate()
    server.wait(timeout=10)
    latencies.sort()

    def at(fraction):
        return latencies[min(len(latencies) - 1, int(fraction * len(latencies)))] * 1000

    print(f"requests {len(latencies)}, clients {options.clients}, errors {len(errors)}")
    print(f"latency ms: p50 {at(0.50):.2f}, p90 {at(0.90):.2f}, p99 {at(0.99):.2f}, max {latencies[-1] * 1000:.2f}")
    print(f"throughput: {len(latencies) / elapsed:.0f} requests/s over {elapsed:.1f} s")
    if errors:
        print("errors:", errors[:10])
        raise SystemExit(1)


if __name__ == "__main__":
    main()
