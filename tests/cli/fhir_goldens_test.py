#!/usr/bin/env python3
"""Golden tests of real FHIR data: every Synthea bundle in tests/data/fhir/ (synthea-*.json)
against kb/back_pain, examples/kb/qsofa and examples/kb/news2, through both doors a FHIR
document has.

- The CDS Hooks service: a patient-view request as an EHR sends it, `context.patientId` the
  bundle's Patient and each prefetch template of the service's discovery answered from the
  bundle as a FHIR server would (`Patient/{id}`: the Patient; `Observation?patient={id}&code=
  a|b,c|d`, likewise Condition: a searchset Bundle of the resources of that type whose `code`
  carries one of those codings). The cards go through tests/tools/cds_hooks_driver.cpp, which
  calls the service `redflag serve` runs, and are written to
  tests/golden/fhir/<bundle>.<kb>.cards.json, pretty-printed.
- `redflag eval BUNDLE --input-format fhir --now NOW --format json`: the record, pretty-printed,
  then standard error without the "maps to no fact" lines (they only list the resources the KB
  binds nothing to), then the exit status, in tests/golden/fhir/<bundle>.<kb>.eval.txt.

The two must agree: the cards are the record's fired flags, plus one card when some flag is
undetermined.

"Now" is pinned, never the clock: every vital sign is bound `latest within 24 h`, so with the
clock each bundle would drift out of its windows and the goldens would change by the day. Each
bundle's instant, in NOW below, is a few hours after a visit whose vital signs the goldens are
meant to show, and says which Observations it leaves out of the window.

REDFLAG_UPDATE_GOLDEN=1 rewrites the goldens.
usage: fhir_goldens_test.py REDFLAG CDS_HOOKS_DRIVER ROOT
"""
import glob
import json
import os
import re
import subprocess
import sys

from golden_cli import matches_golden, render

REDFLAG, DRIVER, ROOT = sys.argv[1], sys.argv[2], sys.argv[3]
KBS = ["kb/back_pain", "examples/kb/qsofa", "examples/kb/news2"]
NOW = {
    # 6 h after the last visit's vitals (2024-09-10 23:48:50); the temperature of 2024-05-27 is too old.
    "synthea-936988e9.json": "2024-09-11T06:00:00Z",
    # 5 h after a yearly visit's vitals (2024-02-11 22:53:13), a systolic pressure of 82 mm[Hg]
    # among them; the temperature of 2025 comes after this instant.
    "synthea-a8f74921.json": "2024-02-12T04:00:00Z",
    # Half an hour after the acute cystitis visit's vitals (19:30:58), the bundle's only SpO2
    # (coded 2708-6 and 59408-5) and temperature; its 2024 Observations come after this instant.
    "synthea-b69114e6.json": "2023-01-09T20:00:00Z",
    # 6 h after the last visit's vitals (00:32:02); the temperature of 2025-05-30 is too old.
    "synthea-d5d42b99.json": "2025-07-04T06:00:00Z",
    # 4 h after the last of three yearly visits' vitals (02:08:34); the 2022 and 2023 sets are too old.
    "synthea-f8446dc0.json": "2024-08-27T06:00:00Z",
}
HOOK_INSTANCE = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"  # the CDS Hooks 2.0 example's
NO_FACT = re.compile(r"maps to no fact( \(.*\))?$")


def run(arguments, stdin=None):
    return subprocess.run(arguments, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120)


def pretty(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def answer(template: str, resources: list, patient: str):
    """What a FHIR server answers to the prefetch [template] for [patient] from [resources]."""
    query = template.replace("{{context.patientId}}", patient)
    if query == f"Patient/{patient}":
        return next(r for r in resources if r["resourceType"] == "Patient")
    kind, _, parameters = query.partition("?")
    search = dict(parameter.split("=", 1) for parameter in parameters.split("&"))
    if search.keys() != {"patient", "code"} or search["patient"] != patient:
        raise SystemExit(f"a prefetch template this test cannot answer: {template}")
    codes = set(search["code"].split(","))
    found = [r for r in resources if r["resourceType"] == kind and
             any(f"{c.get('system')}|{c.get('code')}" in codes for c in r.get("code", {}).get("coding", []))]
    return {"resourceType": "Bundle", "type": "searchset", "total": len(found), "entry": [{"resource": r} for r in found]}


def cards_of(kb: str, resources: list, now: str) -> dict:
    discovery = json.loads(run([DRIVER, kb]).stdout)
    patient = next(r["id"] for r in resources if r["resourceType"] == "Patient")
    request = {"hook": "patient-view", "hookInstance": HOOK_INSTANCE,
               "context": {"userId": "Practitioner/example", "patientId": patient},
               "prefetch": {key: answer(template, resources, patient)
                            for key, template in discovery.get("prefetch", {}).items()}}
    called = run([DRIVER, kb, now], json.dumps(request))
    status, _, body = called.stdout.partition("\n")
    if called.returncode != 0 or status != "200":
        raise SystemExit(f"{kb}: the service answered {status}: {body}{called.stderr}")
    return json.loads(body)


def eval_of(kb: str, bundle: str, now: str):
    """The golden text of `eval` of [bundle], and its record."""
    result = run([REDFLAG, "eval", kb, bundle, "--input-format", "fhir", "--now", now, "--format", "json"])
    record = json.loads(result.stdout)
    warnings = "".join(line for line in result.stderr.splitlines(True) if not NO_FACT.search(line.rstrip("\n")))
    shown = subprocess.CompletedProcess(result.args, result.returncode, pretty(record).encode(), warnings.encode())
    return render(shown), record


def disagreement(cards: dict, record: dict) -> str:
    """Why [cards] do not say what the eval [record] says, or ""."""
    flags = [card["uuid"][len(HOOK_INSTANCE) + 1:] for card in cards["cards"]]
    want = [fired["flag"] for fired in record["fired"]] + (["undetermined"] if record["undetermined"] else [])
    return "" if sorted(flags) == sorted(want) else f"cards {flags}, eval {want}"


def main() -> int:
    bundles = sorted(os.path.relpath(path, ROOT) for path in glob.glob(os.path.join(ROOT, "tests/data/fhir/synthea-*.json")))
    failures = [f"{bundle}: no instant in NOW" for bundle in bundles if os.path.basename(bundle) not in NOW]
    golden = os.path.join(ROOT, "tests", "golden", "fhir")
    for bundle in bundles:
        now = NOW.get(os.path.basename(bundle))
        if now is None:
            continue
        resources = [entry["resource"] for entry in json.load(open(os.path.join(ROOT, bundle)))["entry"]]
        stem = os.path.basename(bundle)[: -len(".json")]
        for kb in KBS:
            name = f"{stem}.{os.path.basename(kb)}"
            cards = cards_of(kb, resources, now)
            text, record = eval_of(kb, bundle, now)
            if not matches_golden(os.path.join(golden, name + ".cards.json"), pretty(cards)):
                failures.append(f"{name}.cards.json differs")
            if not matches_golden(os.path.join(golden, name + ".eval.txt"), text):
                failures.append(f"{name}.eval.txt differs")
            why = disagreement(cards, record)
            if why:
                failures.append(f"{name}: {why}")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
