"""`redflag serve`: the CDS Hooks service on a free loopback port, driven with http.client.

Discovery, a service call with a real Synthea bundle as prefetch (cards out), 412 for missing
prefetch, 400 for malformed JSON, 415 for a wrong content type, 413 for an oversized body, a
slow client cut off, 404, healthz, feedback, the access log (no patient id unless --log-phi),
SIGHUP reload (a broken KB keeps the old one serving), SIGTERM graceful exit, and the refusal to
start with neither --jwks nor --insecure-no-auth.
Usage: serve_test.py REDFLAG ROOT
"""
import http.client
import http.server
import threading
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

BINARY, ROOT = sys.argv[1], sys.argv[2]
failures = []


def expect(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def start(kbs, *options):
    process = subprocess.Popen([BINARY, "serve", *kbs, "--port", "0", "--insecure-no-auth", "--timeout", "2", *options],
                               stderr=subprocess.PIPE, text=True)
    lines = []
    while True:
        line = process.stderr.readline()
        if not line:
            raise SystemExit(f"serve ended before listening: {lines}")
        lines.append(line)
        if '"event":"listening"' in line:
            return process, json.loads(line)["port"], lines


def request(port, method, path, body=None, content_type="application/json"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": content_type} if body is not None else {}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


def call(bundle, prefetch_keys, server="https://fhir.example.org", token=None, patient="1288992"):
    request = {"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "fhirServer": server,
               "context": {"userId": "Practitioner/1", "patientId": patient},
               "prefetch": {key: bundle for key in prefetch_keys}}
    if token:
        request["fhirAuthorization"] = {"access_token": token, "token_type": "Bearer", "expires_in": 300,
                                        "scope": "patient/*.read", "subject": "cds-service"}
    return json.dumps(request)


class FhirServer(http.server.BaseHTTPRequestHandler):
    """A FHIR server that answers an Observation search with [bundle] for the bearer `tok-1`."""
    bundle = b""
    paths = []

    def do_GET(self):
        FhirServer.paths.append(self.path)
        ok = self.headers.get("Authorization") == "Bearer tok-1" and self.path.startswith("/fhir/Observation?patient=p-7&code=")
        self.send_response(200 if ok else 401)
        self.send_header("Content-Type", "application/fhir+json")
        self.end_headers()
        if ok:
            self.wfile.write(FhirServer.bundle)

    def log_message(self, *args):
        pass


with tempfile.TemporaryDirectory() as tmp:
    kb = os.path.join(tmp, 'back "pain"')  # the reload failure's log line names it, escaped
    shutil.copytree(os.path.join(ROOT, "kb", "back_pain"), kb)
    news2 = os.path.join(ROOT, "examples", "kb", "news2")
    synthea = json.load(open(os.path.join(ROOT, "tests", "data", "fhir", "synthea-936988e9.json")))
    spec_request = open(os.path.join(ROOT, "tests", "data", "fhir", "cds-hooks-patient-view-request.json")).read()

    refused = subprocess.run([BINARY, "serve", kb, "--port", "0"], capture_output=True, text=True)
    expect("neither --jwks nor --insecure-no-auth", (refused.returncode, "--insecure-no-auth" in refused.stderr), (1, True))

    process, port, startup = start([kb, news2])
    expect("warns on start", any("--insecure-no-auth" in line for line in startup), True)
    status, body = request(port, "GET", "/cds-services")
    services = json.loads(body)["services"]
    expect("discovery", (status, [s["id"] for s in services], services[0]["hook"]), (200, ["back_pain", "news2"], "patient-view"))
    expect("news2 prefetch", sorted(services[1]["prefetch"]), ["observations"])
    expect("healthz", request(port, "GET", "/healthz"), (200, b"ok\n"))

    status, body = request(port, "POST", "/cds-services/news2", call(synthea, ["observations"]))
    cards = json.loads(body)["cards"]
    expect("news2 call", (status, len(cards), cards[-1]["indicator"]), (200, 1, "info"))
    expect("kb in every card", all(c["source"]["topic"]["code"] == "news2" and c["extension"]["redflag"]["hash"]
                                   for c in cards), True)
    cancer = {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {
        "resourceType": "Condition", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "399068003"}]}}}]}
    status, body = request(port, "POST", "/cds-services/back_pain", json.dumps({
        "hook": "patient-view", "hookInstance": "h2", "context": {"patientId": "p"},
        "prefetch": {"conditions": cancer, "patient": {"resourceType": "Patient", "id": "p", "birthDate": "1950-01-01"}}}))
    fired = [c for c in json.loads(body)["cards"] if c["uuid"] == "h2-cancer_history"]
    expect("the KB's indicator: prompt is warning", (status, [c["indicator"] for c in fired]), (200, ["warning"]))
    expect("spec request: its prefetch is not ours", request(port, "POST", "/cds-services/back_pain", spec_request)[0], 412)
    expect("missing prefetch, no token to fetch it", request(port, "POST", "/cds-services/news2", call(synthea, []))[0], 412)
    FhirServer.bundle = json.dumps(synthea).encode()
    fhir = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FhirServer)
    threading.Thread(target=fhir.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{fhir.server_address[1]}/fhir"
    status, body = request(port, "POST", "/cds-services/news2", call(None, [], base, "tok-1", "p-7"))
    expect("missing prefetch fetched from fhirServer", (status, len(json.loads(body)["cards"]) if status == 200 else body),
           (200, 1))
    codes = urllib.parse.unquote(FhirServer.paths[-1].split("&code=")[1]).split(",")
    expect("fetched with the prefetch template", (codes[0], len(codes)), ("http://loinc.org|2708-6", 7))
    expect("fetch refused by the FHIR server", request(port, "POST", "/cds-services/news2", call(None, [], base, "bad", "p-7"))[0], 412)
    expect("patient id unfit for a URL", request(port, "POST", "/cds-services/news2", call(None, [], base, "tok-1", "p/../x"))[0], 412)
    fhir.shutdown()
    expect("malformed JSON", request(port, "POST", "/cds-services/news2", "{not json")[0], 400)
    expect("wrong content type", request(port, "POST", "/cds-services/news2", "{}", "text/plain")[0], 415)
    expect("oversized body", request(port, "POST", "/cds-services/news2", "x" * (2 << 20))[0], 413)
    expect("unknown service", request(port, "POST", "/cds-services/nope", "{}")[0], 404)
    expect("feedback", request(port, "POST", "/cds-services/news2/feedback", '{"feedback":[]}'), (200, b"{}"))

    slow = socket.create_connection(("127.0.0.1", port))
    slow.sendall(b"POST /cds-services/news2 HTTP/1.1\r\nHost: x\r\n")
    started = time.monotonic()
    slow.settimeout(10)
    try:
        answer = slow.recv(100)
        cut = answer == b"" or answer.startswith(b"HTTP/1.1 4")  # closed, or an error status first
    except ConnectionResetError:
        cut = True
    expect("slow client cut off within the timeout", (cut, time.monotonic() - started < 8), (True, True))
    slow.close()

    # EHRs keep connections open, each holding a worker: 40 idle keep-alive connections with the
    # default --threads still leave one for a new caller, answered at once (not after --timeout).
    held = []
    for _ in range(40):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/healthz")
        connection.getresponse().read()
        held.append(connection)
    started = time.monotonic()
    status = request(port, "GET", "/healthz")[0]
    expect("a new caller beside 40 kept-alive connections", (status, time.monotonic() - started < 1), (200, True))
    for connection in held:
        connection.close()

    with open(os.path.join(kb, "facts.rf"), "a") as broken:
        broken.write("\nfact broken : \n")
    process.send_signal(signal.SIGHUP)
    time.sleep(1)
    expect("a bad reload keeps the old KB", request(port, "GET", "/cds-services")[0], 200)
    process.send_signal(signal.SIGTERM)
    _, log = process.communicate(timeout=10)
    expect("SIGTERM exit", process.returncode, 0)
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    requests = [line for line in lines if "status" in line]
    expect("one log line per request", len(requests), 16 + 41)  # 41: the kept-alive connections and the new caller
    expect("no patient id without --log-phi", any("patient" in line for line in requests), False)
    expect("reload failure logged", [line.get("ok") for line in lines if line.get("event") == "reload"], [False])
    expect("its reason names the KB", [line.get("reason", "").startswith(kb + " cannot be loaded")
                                       for line in lines if line.get("event") == "reload"], [True])

    process, port, _ = start([news2], "--log-phi")
    request(port, "POST", "/cds-services/news2", call(synthea, ["observations"]))
    process.send_signal(signal.SIGTERM)
    _, log = process.communicate(timeout=10)
    expect("--log-phi logs the patient", '"patient":"936988e9-d587-ef42-ebdf-541238540ff3"' in log, True)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("serve: ok")
