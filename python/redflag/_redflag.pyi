# Type stubs of the extension module redflag._redflag (python/src/module.cpp), which only
# redflag/__init__.py calls; users use redflag.KnowledgeBase.
from typing import Any, Dict, List, Optional, Sequence, Tuple


class Kb:
    id: str
    title: str
    version: str
    hash: str
    levels: List[str]
    # (name, type, unit or None, min or None, max or None, enum values, ask)
    facts: List[Tuple[str, str, Optional[str], Optional[float], Optional[float], Tuple[str, ...], str]]
    flags: List[Tuple[str, str, str]]  # (name, urgency level, title)
    scores: List[str]
    bytecode: bytes
    def unknown_fact_message(self, name: str) -> str: ...
    def refusal(self, key: str, got: str) -> str: ...
    def evaluate_cases(self, cases: Sequence[str]) -> List[Dict[str, Any]]: ...
    # columns: (fact id, kind: 0 float64, 1 uint8 bool, 2 object, numpy array)
    def evaluate_columns(self, columns: List[Tuple[int, int, Any]], rows: int) -> Dict[str, Any]: ...

# (handle or None, one-line error or None, diagnostics as JSON, diagnostics as the CLI's text)
_Opened = Tuple[Optional[Kb], Optional[str], str, str]

def case_json(case: Any) -> Optional[str]: ...
def open(paths: List[str]) -> _Opened: ...
def open_bytes(data: bytes) -> _Opened: ...
