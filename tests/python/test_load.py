"""redflag.load and loads: sources and bytecode, the KB's tables, every load error, pickling."""
import json
import pickle
import subprocess

import pytest

import redflag
from conftest import BACK_PAIN, CLI, EXAMPLES


def test_load_sources_and_bytecode_give_the_same_kb(back_pain, back_pain_rfb):
    from_rfb = redflag.load(back_pain_rfb)
    assert from_rfb.hash == back_pain.hash
    assert from_rfb.bytecode == back_pain_rfb.read_bytes() == back_pain.bytecode
    built = subprocess.run([CLI, "build", str(BACK_PAIN), "-o", "/dev/null"], capture_output=True, text=True,
                           check=True).stdout
    assert back_pain.hash in built


def test_load_takes_a_list_of_paths():
    files = sorted(BACK_PAIN.glob("*.rf"))  # the KB without its tests/
    built = subprocess.run([CLI, "build", *map(str, files), "-o", "/dev/null"], capture_output=True, text=True,
                           check=True).stdout
    assert redflag.load(files).hash in built


def test_tables(back_pain, news2):
    assert back_pain.id == "back_pain"
    assert back_pain.version
    assert len(back_pain.hash) == 64
    assert repr(back_pain) == f"<redflag.KnowledgeBase back_pain {back_pain.version} {back_pain.hash[:12]}>"
    facts = {fact.name: fact for fact in back_pain.facts}
    assert facts["age"] == redflag.Fact("age", "number", None, (0.0, 130.0), (), "How old is the patient (in years)?")
    assert facts["weight_loss"].type == "quantity" and facts["weight_loss"].unit == "[lb_av]"
    assert facts["weight_loss"].range == (None, None)
    assert facts["cancer_type"].values == ("breast", "lung", "prostate", "kidney", "other")
    assert facts["fever"].type == "bool"
    assert [flag.name for flag in back_pain.flags][:1] and all(flag.urgency in back_pain.levels
                                                               for flag in back_pain.flags)
    assert back_pain.scores == ()
    assert news2.scores == ("news2",)
    assert facts["age"] is back_pain.facts[0]


def test_loads_round_trip(back_pain):
    again = redflag.loads(back_pain.bytecode)
    assert again.hash == back_pain.hash
    assert again.evaluate({"age": 61}) == back_pain.evaluate({"age": 61})


def test_pickle_is_the_bytecode(back_pain):
    data = pickle.dumps(back_pain)
    assert len(data) < len(back_pain.bytecode) + 200
    again = pickle.loads(data)
    assert isinstance(again, redflag.KnowledgeBase)
    assert again.hash == back_pain.hash
    case = {"id": "p", "age": 70, "weight_loss": "12 lb", "worse_at_night": True}
    assert again.evaluate(case) == back_pain.evaluate(case)


def test_loads_refuses_bad_bytes(back_pain):
    with pytest.raises(redflag.LoadError) as error:
        redflag.loads(b"not bytecode")
    assert str(error.value).startswith("bad bytecode (")
    assert not isinstance(error.value, redflag.CompileError)
    broken = bytearray(back_pain.bytecode)
    broken[-1] ^= 0xFF
    with pytest.raises(redflag.LoadError, match=r"^bad bytecode \("):
        redflag.loads(bytes(broken))


def test_load_refuses_a_bad_rfb_naming_it(tmp_path, back_pain):
    path = tmp_path / "broken.rfb"
    path.write_bytes(back_pain.bytecode[:40])
    with pytest.raises(redflag.LoadError) as error:
        redflag.load(path)
    assert str(error.value).startswith(f"{path}: bad bytecode (")


def test_compile_error_carries_the_diagnostics(tmp_path):
    source = tmp_path / "bad.rf"
    source.write_text('kb bad version "1.0.0"\n\nfact age : number\n\nflag old : urgent\n  when age > 80\n')
    with pytest.raises(redflag.CompileError) as caught:
        redflag.load(source)
    error = caught.value
    assert isinstance(error, redflag.LoadError)
    assert error.diagnostics, "a compile error has diagnostics"
    first = error.diagnostics[0]
    assert isinstance(first, redflag.Diagnostic)
    assert first.code.startswith("E") and first.severity == "error"
    assert first.file == str(source) and first.line > 0 and first.column > 0
    assert first.message in str(error)
    check = subprocess.run([CLI, "check", str(source), "--diagnostics-format", "json"], capture_output=True, text=True)
    cli = json.loads(check.stderr)
    assert [(d.code, d.file, d.line, d.column, d.message) for d in error.diagnostics] == \
        [(d["code"], d["file"], d["line"], d["column"], d["message"]) for d in cli]


def test_missing_path_is_a_compile_error(tmp_path):
    path = tmp_path / "nowhere.rf"
    with pytest.raises(redflag.CompileError) as caught:
        redflag.load(path)
    assert caught.value.diagnostics == [redflag.Diagnostic(
        "E001", "error", str(path), 0, 0, 0, f"cannot read `{path}`: No such file or directory", ())]
    check = subprocess.run([CLI, "check", str(path)], capture_output=True, text=True)
    assert str(caught.value) + "\n" == check.stderr
    assert str(caught.value).startswith(f"{path}: error[E001]: cannot read `{path}`")


def test_example_kbs_load():
    for name in ("news2", "qsofa"):
        assert redflag.load(EXAMPLES / "kb" / name).id == name
