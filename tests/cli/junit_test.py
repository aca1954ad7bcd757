#!/usr/bin/env python3
"""`redflag test --junit` reports as CI servers read them.

Writes the JUnit report of several KBs: tests/golden/test/passing.rf (all pass), failing.rf (a
test with four failed expectations), passing.rf under --require-coverage (a flag never unknown:
the coverage case fails), tests/golden/check/fail_several_errors.rf (does not compile: one
`compile` case in error), a KB whose test names hold control characters, a tab and a line break,
`]]>`, markup, quotes and non-ASCII text, and the shipped KB. Each report must be what the
console said: one <testcase> per test (plus `coverage` under --require-coverage), one <failure>
or <error> per failing case, `tests`/`failures`/`errors`/`skipped` counts that agree with the cases, and
the names and messages docs/cli.md#redflag-test describes. Then CONSUMER reads it:
  xmllint      xmllint --noout --schema tests/data/junit/junit-10.xsd (Debian libxml2-utils)
  junitparser  Debian python3-junitparser: its counts, and its recount of the cases
  junit2json   the npm package, installed in tests/data/junit/node_modules by .ci/setup
A missing consumer skips the test (exit 77) with a message saying what to install.

usage: junit_test.py REDFLAG_BINARY REPO_ROOT CONSUMER
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

SKIP = 77

# Names as the source spells them (Python escapes for raw bytes, `\\n` and `\\t` for the DSL's
# escapes) and whether the test passes.
HOSTILE_TESTS = [
    ("ctl \x01 char and \\n newline \x1b[31m red", True),
    ('every red flag <at> once & \\"all\\" fire ]]> é 😀', False),
    ("tab\\there, DEL \x7f and NEL \u0085, non-characters \ufffe", True),
]

HOSTILE_KB = """kb hostile
  title "Test names CI servers must survive"
  version 1.0.0
  status draft

levels routine < urgent

fact fever : bool

flag fever urgent
  title "Fever"
  when fever
"""


def hostile_source() -> str:
    tests = []
    for name, passes in HOSTILE_TESTS:
        tests.append(f'\ntest "{name}"\n  given fever = true\n  expect urgency {"urgent" if passes else "routine"}\n')
    return HOSTILE_KB + "".join(tests)


def as_reported(name: str) -> str:
    """What a reader of the report sees of [name]: the DSL's escapes applied, control
    characters and XML's excluded non-characters as a visible \\u escape (docs/cli.md)."""
    name = name.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t")
    def visible(c: str) -> str:
        code = ord(c)
        hidden = (code < 0x20 and c not in "\t\n\r") or 0x7F <= code <= 0x9F or code in (0xFFFE, 0xFFFF)
        return f"\\u{code:04x}" if hidden else c
    return "".join(visible(c) for c in name)


def cases(root: str, tmp: str) -> list:
    golden = os.path.join(root, "tests", "golden", "test")
    hostile = os.path.join(tmp, "hostile.rf")
    with open(hostile, "w", encoding="utf-8") as file:
        file.write(hostile_source())
    passing, failing = os.path.join(golden, "passing.rf"), os.path.join(golden, "failing.rf")
    broken = os.path.join(root, "tests", "golden", "check", "fail_several_errors.rf")
    # (label, arguments, exit status, (tests, failures, errors)); None where the console decides.
    return [
        ("passing", [passing], 0, (3, 0, 0)),
        ("failing", [failing], 1, (2, 1, 0)),
        ("coverage", [passing, "--require-coverage"], 1, (4, 1, 0)),
        ("hostile", [hostile], 1, (3, 1, 0)),
        ("broken", [broken], 1, (1, 0, 1)),
        ("back_pain", [os.path.join(root, "kb", "back_pain"), "--require-coverage"], 0, None),
    ]


def console_counts(stdout: str, stderr: str, coverage: bool) -> tuple:
    """(tests, failures, errors) as the console report and stderr tell them."""
    if re.search(r"^error: \d+ errors? in ", stderr, re.M):
        return 1, 0, 1
    result = re.search(r"^test result: \w+\. (\d+) passed, (\d+) failed$", stdout, re.M)
    if not result:
        return None
    passed, failed = int(result.group(1)), int(result.group(2))
    coverage_failed = "were not driven true, false and unknown" in stderr
    return passed + failed + coverage, failed + coverage_failed, 0


def check_structure(label: str, path: str, tests: int, failures: int, errors: int) -> list:
    problems = []
    root = ElementTree.parse(path).getroot()
    suites = root.findall("testsuite")
    if root.tag != "testsuites" or len(suites) != 1:
        return [f"{label}: expected <testsuites> with one <testsuite>, got {root.tag} with {len(suites)}"]
    suite = suites[0]
    cases_ = suite.findall("testcase")
    failed = [case for case in cases_ if case.find("failure") is not None]
    erred = [case for case in cases_ if case.find("error") is not None]
    want = {"tests": str(tests), "failures": str(failures), "errors": str(errors)}
    for element, attributes in ((root, want), (suite, dict(want, skipped="0"))):
        got = {key: element.get(key) for key in attributes}
        if got != attributes:
            problems.append(f"{label}: <{element.tag}> counts {got}, expected {attributes}")
    if (len(cases_), len(failed), len(erred)) != (tests, failures, errors):
        problems.append(f"{label}: {len(cases_)} cases, {len(failed)} failed, {len(erred)} erred; "
                        f"expected {tests}, {failures}, {errors}")
    for case in cases_:
        if case.get("classname") != suite.get("name"):
            problems.append(f"{label}: case {case.get('name')!r} has classname {case.get('classname')!r}")
        failures_ = case.findall("failure") + case.findall("error")
        if len(failures_) > 1:
            problems.append(f"{label}: case {case.get('name')!r} has {len(failures_)} <failure>/<error> elements")
        for failure in failures_:
            if not failure.get("message") or "\n" in failure.get("message") or not failure.get("type"):
                problems.append(f"{label}: case {case.get('name')!r}: failure {failure.attrib}")
    return problems


def check_contents(label: str, path: str, root: str) -> list:
    """The exact names and messages of the fixtures whose outcome is known."""
    suite = ElementTree.parse(path).getroot().find("testsuite")
    by_name = {case.get("name"): case.find("failure") if case.find("failure") is not None else case.find("error")
               for case in suite.findall("testcase")}
    expected = {}
    # (type, message, a pattern of the text); None for a case that passes.
    if label == "failing":
        expected["expects the wrong things"] = (
            "expectation",
            "urgency: expected urgent, actual routine; fired flags: expected weight_loss, actual (none); "
            "status: expected complete, actual incomplete (undetermined: fever); undetermined weight_loss: "
            "expected weight_loss undetermined, actual fired: (none); undetermined: fever",
            r".*/failing\.rf:23: 4 of 5 expectations failed\nurgency\n  expected: urgent\n  actual:   routine\n"
            r"fired flags\n.*\nundetermined weight_loss\n  expected: weight_loss undetermined\n"
            r"  actual:   fired: \(none\); undetermined: fever")
    if label == "coverage":
        expected["coverage: every flag true, false and unknown in some test"] = (
            "coverage", "1 of 2 flags were not driven true, false and unknown by the tests",
            re.escape("flag fever: T F - (never unknown)"))
    if label == "broken":
        expected["compile"] = ("compile", "error: 3 errors in " + os.path.join(
            root, "tests", "golden", "check", "fail_several_errors.rf"),
            r".*/fail_several_errors\.rf:4:1: error\[E010\]: expected a declaration .*\[E011\].*")
    if label == "hostile":
        for name, passes in HOSTILE_TESTS:
            expected[as_reported(name)] = None if passes else (
                "expectation", "urgency: expected routine, actual urgent",
                r".*/hostile\.rf:\d+: 1 of 1 expectation failed\nurgency\n  expected: routine\n  actual:   urgent")
    problems = []
    for name, want in expected.items():
        if name not in by_name:
            problems.append(f"{label}: no case named {name!r}; the cases are {list(by_name)}")
            continue
        failure = by_name[name]
        got = None if failure is None else (failure.get("type"), failure.get("message"), failure.text or "")
        if want is None or got is None:
            ok = want == got
        else:
            ok = got[:2] == want[:2] and re.fullmatch(want[2], got[2], re.S) is not None
        if not ok:
            problems.append(f"{label}: case {name!r}: got {got!r}, expected {want!r}")
    return problems


def consume(consumer: str, root: str, path: str, tests: int, failures: int, errors: int) -> list:
    if consumer == "xmllint":
        schema = os.path.join(root, "tests", "data", "junit", "junit-10.xsd")
        result = subprocess.run(["xmllint", "--noout", "--schema", schema, path], capture_output=True, text=True)
        return [] if result.returncode == 0 else [f"xmllint: {result.stderr.strip()}"]
    if consumer == "junitparser":
        from junitparser import Error, Failure, JUnitXml, Skipped
        report = JUnitXml.fromfile(path)
        suites = list(report)
        counted = [(suite.tests, suite.failures, suite.errors, suite.skipped) for suite in suites]
        recounted = []
        for suite in suites:
            results = [result for case in suite for result in case.result]
            recounted.append((len(list(suite)), sum(isinstance(r, Failure) for r in results),
                              sum(isinstance(r, Error) for r in results), sum(isinstance(r, Skipped) for r in results)))
        report.update_statistics()
        want = [(tests, failures, errors, 0)]
        total = (report.tests, report.failures, report.errors)
        if counted != want or recounted != want or total != (tests, failures, errors):
            return [f"junitparser: counts {counted}, recount {recounted}, total {total}; expected {want}"]
        return []
    binary = os.path.join(root, "tests", "data", "junit", "node_modules", ".bin", "junit2json")
    result = subprocess.run([binary, path], capture_output=True, text=True)
    if result.returncode != 0:
        return [f"junit2json: exit {result.returncode}: {result.stderr.strip()}"]
    report = json.loads(result.stdout)
    suites = report.get("testsuite", [])
    got = (report.get("tests"), report.get("failures"), report.get("errors"),
           [(s.get("tests"), s.get("failures"), s.get("errors"), s.get("skipped"), len(s.get("testcase", [])),
             sum(len(case.get("failure", [])) for case in s.get("testcase", [])),
             sum(len(case.get("error", [])) for case in s.get("testcase", []))) for s in suites])
    want = (tests, failures, errors, [(tests, failures, errors, 0, tests, failures, errors)])
    return [] if got == want else [f"junit2json: {got}, expected {want}"]


def skip_reason(consumer: str, root: str) -> str:
    if consumer == "xmllint" and not shutil.which("xmllint"):
        return "xmllint is not installed (Debian libxml2-utils; .ci/setup installs it)"
    if consumer == "junitparser":
        try:
            import junitparser  # noqa: F401
        except ImportError:
            return "junitparser is not installed (Debian python3-junitparser; .ci/setup installs it)"
    if consumer == "junit2json" and not os.path.exists(
            os.path.join(root, "tests", "data", "junit", "node_modules", ".bin", "junit2json")):
        return "junit2json is not installed: run `npm ci` in tests/data/junit (.ci/setup does when npm is there)"
    return ""


def main() -> int:
    binary, root, consumer = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    reason = skip_reason(consumer, root)
    if reason:
        print(f"skipped: {reason}")
        return SKIP
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, arguments, status, counts in cases(root, tmp):
            report = os.path.join(tmp, label + ".xml")
            result = subprocess.run([binary, "test", *arguments, "--junit", report], capture_output=True,
                                    text=True, timeout=120)
            console = console_counts(result.stdout, result.stderr, "--require-coverage" in arguments)
            if result.returncode != status or console is None or console != (counts or (console[0], 0, 0)):
                problems.append(f"{label}: exit {result.returncode}, console counts {console}; expected exit "
                                f"{status}, {counts}\n{result.stderr}")
                continue
            if not os.path.exists(report):
                problems.append(f"{label}: no report written")
                continue
            try:
                ElementTree.parse(report)
            except ElementTree.ParseError as error:
                problems.append(f"{label}: the report is not well-formed XML: {error}")
                continue
            problems += check_structure(label, report, *console)
            problems += check_contents(label, report, root)
            problems += consume(consumer, root, report, *console)
    for problem in problems:
        print(problem)
    print(f"{consumer}: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
