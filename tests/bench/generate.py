#!/usr/bin/env python3
"""Reproducible benchmark inputs (fixed seed): back-pain cases and synthetic KBs.

usage:
  generate.py cases N OUT.jsonl [MISSING]             cases for kb/back_pain, one per line
  generate.py kb FLAGS OUT.rf                          a synthetic KB with FLAGS flags
  generate.py news2 N OUT.jsonl [MISSING]             vital-sign cases for examples/kb/news2

Cases use every value form a case file allows for kb/back_pain's facts: booleans, numbers,
enum strings, and quantities as "12 lb", "5 kg", {"value": 3, "unit": "mo"}, "6 weeks".
With MISSING (a fraction, e.g. 0.2), each fact is left out with that probability (the case stays valid JSON).

A synthetic KB has 300 facts (bool, number, mass, time, enum), one define per 20 flags, and
flags whose conditions mix comparisons with units, and/or/not, enum sets, defines and
`at least`, under four urgency levels. The same arguments always give the same bytes.
"""
import json
import random
import sys

SEED = 20260701

CANCER_TYPES = ["breast", "lung", "prostate", "kidney", "other"]
BOOL_FACTS = ["improving", "worse_at_night", "wakes_from_sleep", "relieved_by_rest",
              "changes_with_position", "cancer_history", "fever", "night_sweats",
              "new_weakness", "new_numbness", "bowel_bladder_dysfunction",
              "radiating_leg_pain", "recent_strain"]
# Mostly false, as in a clinic: most cases fire few flags.
BOOL_TRUE_RATE = 0.15


def weight_loss(rng: random.Random):
    pounds = rng.choice([0, 0, 0, 2, 5, 8, 9.9, 10, 12, 15, 22])
    form = rng.randrange(4)
    if form == 0:
        return f"{pounds} lb"
    if form == 1:
        return f"{round(pounds * 0.45359237, 1)} kg"
    if form == 2:
        return {"value": pounds, "unit": "[lb_av]"}
    return pounds  # a bare number: the canonical unit


def pain_duration(rng: random.Random):
    form = rng.randrange(4)
    if form == 0:
        return f"{rng.randrange(1, 13)} weeks"
    if form == 1:
        return f"{rng.randrange(1, 6)} mo"
    if form == 2:
        return {"value": rng.randrange(1, 60), "unit": "d"}
    return f"{rng.randrange(1, 13)} wk"


def back_pain_case(rng: random.Random, number: int, missing: float) -> str:
    facts = {
        "age": rng.randrange(18, 90),
        "pain_duration": pain_duration(rng),
        "cancer_type": rng.choice(CANCER_TYPES),
        "weight_loss": weight_loss(rng),
    }
    for name in BOOL_FACTS:
        facts[name] = rng.random() < BOOL_TRUE_RATE
    for name in ("relieved_by_rest", "changes_with_position", "improving"):
        facts[name] = rng.random() < 0.8
    case = {"id": f"c{number:07d}"}
    for name, value in facts.items():
        if rng.random() >= missing:
            case[name] = value
    return json.dumps(case, separators=(",", ":"))


CONSCIOUSNESS = ["alert"] * 9 + ["confusion", "voice", "pain", "unresponsive"]


def news2_case(rng: random.Random, number: int, missing: float) -> str:
    """Observations around every NEWS2 band, in the unit forms a monitor or an EHR sends."""
    sbp = rng.randrange(70, 230)
    facts = {
        "resp_rate": rng.choice([f"{rng.randrange(6, 32)} /min", rng.randrange(6, 32),
                                 {"value": rng.randrange(6, 32), "unit": "/min"}]),
        "spo2": rng.choice([f"{rng.randrange(80, 101)} %", rng.randrange(80, 101)]),
        "hypercapnic_target": rng.random() < 0.1,
        "on_oxygen": rng.random() < 0.2,
        "sbp": rng.choice([f"{sbp} mm[Hg]", f"{sbp} mmHg", {"value": sbp, "unit": "mm[Hg]"}]),
        "pulse": rng.choice([f"{rng.randrange(35, 150)} /min", f"{rng.randrange(35, 150)} bpm"]),
        "consciousness": rng.choice(CONSCIOUSNESS),
        "temp": rng.choice([f"{round(rng.uniform(34.5, 40.5), 1)} Cel",
                            f"{round(rng.uniform(34.5, 40.5), 1)} °C",
                            {"value": round(rng.uniform(94.0, 104.5), 1), "unit": "[degF]"}]),
    }
    case = {"id": f"n{number:07d}"}
    for name, value in facts.items():
        if rng.random() >= missing:
            case[name] = value
    return json.dumps(case, separators=(",", ":"), ensure_ascii=False)


def cases(count: int, path: str, missing: float, make_case=back_pain_case) -> None:
    rng = random.Random(SEED + int(missing * 1000))
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            out.write(make_case(rng, number, missing))
            out.write("\n")


FACT_COUNT = 300
LEVELS = ["routine", "consult", "prompt", "immediate"]


def synthetic_facts(rng: random.Random):
    facts = []
    for i in range(FACT_COUNT):
        kind = rng.choices(["bool", "number", "mass", "time", "enum"], [50, 15, 10, 10, 15])[0]
        facts.append((f"x{i:03d}_{kind}", kind))
    return facts


def atom(rng: random.Random, fact) -> str:
    name, kind = fact
    if kind == "bool":
        return rng.choice([name, f"not {name}", f"{name} = false"])
    if kind == "number":
        return f"{name} {rng.choice(['>', '>=', '<', '<='])} {rng.randrange(1, 100)}"
    if kind == "mass":
        value, unit = rng.choice([(rng.randrange(1, 30), "lb"), (rng.randrange(1, 15), "kg")])
        return f"{name} {rng.choice(['>', '>='])} {value} {unit}"
    if kind == "time":
        value, unit = rng.choice([(rng.randrange(1, 12), "wk"), (rng.randrange(1, 60), "d"),
                                  (rng.randrange(1, 6), "mo")])
        return f"{name} {rng.choice(['>=', '<'])} {value} {unit}"
    members = rng.sample(["a", "b", "c", "d", "e"], rng.randrange(1, 4))
    operator = rng.choice(["in", "not in"])
    return f"{name} {operator} {{{', '.join(members)}}}"


def condition(rng: random.Random, facts, defines) -> str:
    chosen = rng.sample(facts, rng.randrange(2, 5))
    atoms = [atom(rng, fact) for fact in chosen]
    if defines and rng.random() < 0.3:
        atoms.append(rng.choice(defines))
    shape = rng.randrange(4)
    if shape == 0:
        return " and ".join(atoms)
    if shape == 1:
        return " or ".join(atoms)
    if shape == 2 and len(atoms) >= 3:
        return f"{atoms[0]} and ({' or '.join(atoms[1:])})"
    need = rng.randrange(1, len(atoms))
    return f"at least {need} of ({', '.join(atoms)})"


def synthetic_kb(flag_count: int, path: str) -> None:
    rng = random.Random(SEED + flag_count)
    facts = synthetic_facts(rng)
    lines = [f"# Synthetic benchmark KB: {flag_count} flags (tests/bench/generate.py).",
             f"kb synthetic_{flag_count}",
             f'  title "Synthetic benchmark KB with {flag_count} flags"',
             "  version 1.0.0", "  status draft", "",
             "levels " + " < ".join(LEVELS), "",
             'source bench "Generated conditions, no clinical meaning"', ""]
    for name, kind in facts:
        if kind == "bool":
            lines.append(f"fact {name} : bool")
        elif kind == "number":
            lines.append(f"fact {name} : number between 0 and 130")
        elif kind == "mass":
            lines.append(f"fact {name} : mass in kg")
        elif kind == "time":
            lines.append(f"fact {name} : time in wk")
        else:
            lines.append(f"fact {name} : one of a, b, c, d, e")
    lines.append("")
    defines = []
    for i in range(max(1, flag_count // 20)):
        define = f"d{i:05d}"
        lines.append(f"define {define} = {condition(rng, facts, defines[-50:])}")
        defines.append(define)
    lines.append("")
    for i in range(flag_count):
        lines.append(f"flag f{i:06d} {rng.choice(LEVELS[1:])}")
        lines.append(f'  title "Synthetic flag {i}"')
        lines.append(f"  when {condition(rng, facts, defines)}")
        lines.append('  cite bench')
        lines.append("")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))


def main(argv) -> int:
    if len(argv) >= 3 and argv[0] == "cases":
        missing = float(argv[3]) if len(argv) == 4 else 0.0
        cases(int(argv[1]), argv[2], missing)
        return 0
    if len(argv) >= 3 and argv[0] == "news2":
        missing = float(argv[3]) if len(argv) == 4 else 0.0
        cases(int(argv[1]), argv[2], missing, news2_case)
        return 0
    if len(argv) == 3 and argv[0] == "kb":
        synthetic_kb(int(argv[1]), argv[2])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
