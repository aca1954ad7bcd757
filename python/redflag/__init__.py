"""redflag: evaluate patient cases against clinical red-flag knowledge bases (KBs).

Load a KB from its sources or its bytecode, then evaluate one case (a dict), many, or a whole
pandas DataFrame::

    import redflag
    kb = redflag.load("kb/back_pain")           # or "backpain.rfb"
    record = kb.evaluate({"id": "p1", "age": 61, "weight_loss": "12 lb"})
    record["urgency"], [flag["flag"] for flag in record["fired"]]

A record is one record of ``redflag eval --format json`` (docs/cli.md) as a dict: the same reader
and batch VM make it, and the same keys in the same order.
A missing fact is unknown, never false: leave its key out or give None. docs/python.md is the
guide; redflag.dask evaluates Dask DataFrames and Bags.
"""
import json
import math
import os
import pkgutil
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

# The extension module may live in another directory named redflag on sys.path (a build tree).
__path__ = pkgutil.extend_path(__path__, __name__)

from . import _redflag  # noqa: E402

__all__ = ["load", "loads", "KnowledgeBase", "Fact", "Flag", "Diagnostic", "Error", "LoadError",
           "CompileError", "CaseError"]


class Error(Exception):
    """Every error this package raises on purpose."""


class LoadError(Error):
    """A KB that cannot be used: an unreadable file, bad bytecode. ``str()`` is the one-line reason."""


@dataclass(frozen=True)
class Diagnostic:
    """One compiler diagnostic, as ``redflag check --format json`` gives it (docs/diagnostics.md)."""

    code: str
    severity: str  # "error" or "warning"
    file: str
    line: int  # 1-based; 0 when it concerns the whole KB
    column: int
    end_column: int
    message: str
    help: Tuple[str, ...]


class CompileError(LoadError):
    """KB sources with errors. ``diagnostics`` holds every diagnostic; ``str()`` is the CLI's text."""

    def __init__(self, text: str, diagnostics: Sequence[Diagnostic]):
        super().__init__(text)
        self.diagnostics = list(diagnostics)


class CaseError(Error, ValueError):
    """A case that cannot be read. ``message`` is the case reader's (docs/cases.md "Errors"),
    ``field`` the key or column concerned (None when none), ``id`` the case's id as far as it was
    read, ``index`` its position in the input of evaluate_many or evaluate_frame (else None)."""

    def __init__(self, message: str, field: Optional[str] = None, id: str = "", index: Optional[int] = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.id = id
        self.index = index


@dataclass(frozen=True)
class Fact:
    """A fact the KB reads. ``range`` is (min, max) in ``unit``, None for an open side."""

    name: str
    type: str  # bool, number, integer, quantity, enum, text
    unit: Optional[str]  # the canonical UCUM unit of a quantity, else None
    range: Tuple[Optional[float], Optional[float]]
    values: Tuple[str, ...]  # an enum's values, in declaration order
    ask: str


@dataclass(frozen=True)
class Flag:
    """A red flag: its name, urgency level and title."""

    name: str
    urgency: str
    title: str


_ERRORS = ("record", "raise")
_CHUNK = 1024  # cases handed to the extension at a time by evaluate_many
# Column kinds of _redflag.Kb.evaluate_columns (python/src/frame_eval.hpp ColumnKind).
_FLOAT, _BOOL, _OBJECT = 0, 1, 2


def load(path: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]) -> "KnowledgeBase":
    """Loads a KB: one ``.rfb`` file, or KB sources (``.rf`` files and directories), as
    ``redflag eval`` does. Raises CompileError for sources with errors, LoadError otherwise."""
    paths = [os.fspath(path)] if isinstance(path, (str, os.PathLike)) else [os.fspath(p) for p in path]
    return _opened(*_redflag.open(paths))


def loads(data: bytes) -> "KnowledgeBase":
    """Loads a KB from ``.rfb`` bytes (KnowledgeBase.bytecode). Raises LoadError when they are not
    valid bytecode."""
    return _opened(*_redflag.open_bytes(bytes(data)))


def _opened(handle, error, diagnostics_json: str, diagnostics_text: str) -> "KnowledgeBase":
    if handle is not None:
        return KnowledgeBase(handle)
    if error is not None:
        raise LoadError(error)
    diagnostics = [Diagnostic(d["code"], d["severity"], d["file"], d["line"], d["column"], d["end_column"],
                              d["message"], tuple(d["help"])) for d in json.loads(diagnostics_json)]
    raise CompileError(diagnostics_text.rstrip("\n"), diagnostics)


def _check_errors(errors: str) -> None:
    if errors not in _ERRORS:
        raise ValueError(f'errors must be "record" or "raise", got {errors!r}')


class KnowledgeBase:
    """A loaded, verified KB. Immutable: share one between threads freely. It pickles as its
    bytecode, so it travels to processes and cluster workers whole."""

    __slots__ = ("_kb", "_facts", "_flags")

    def __init__(self, handle: "_redflag.Kb"):
        self._kb = handle
        self._facts = tuple(Fact(name, type_, unit, (low, high), values, ask)
                            for name, type_, unit, low, high, values, ask in handle.facts)
        self._flags = tuple(Flag(*flag) for flag in handle.flags)

    @property
    def id(self) -> str:
        """The KB's id (its `kb` declaration)."""
        return self._kb.id

    @property
    def title(self) -> str:
        return self._kb.title

    @property
    def version(self) -> str:
        return self._kb.version

    @property
    def hash(self) -> str:
        """The content hash (SHA-256, 64 hex digits), as `redflag build` prints it."""
        return self._kb.hash

    @property
    def levels(self) -> Tuple[str, ...]:
        """The urgency levels, lowest first."""
        return tuple(self._kb.levels)

    @property
    def scores(self) -> Tuple[str, ...]:
        """The scores' names, in KB order."""
        return tuple(self._kb.scores)

    @property
    def bytecode(self) -> bytes:
        """The KB as `.rfb` bytes: what it pickles as, and what loads takes back."""
        return self._kb.bytecode

    @property
    def facts(self) -> Tuple[Fact, ...]:
        """The facts, in KB order."""
        return self._facts

    @property
    def flags(self) -> Tuple[Flag, ...]:
        """The flags, in KB order."""
        return self._flags

    def __repr__(self) -> str:
        return f"<redflag.KnowledgeBase {self.id} {self.version} {self.hash[:12]}>"

    def __reduce__(self):
        return (loads, (self.bytecode,))

    def __dask_tokenize__(self):
        return ("redflag.KnowledgeBase", self.hash)

    def evaluate(self, case: Dict[str, Any]) -> Dict[str, Any]:
        """Evaluates one case, a dict of fact name to value (docs/cases.md; None or a missing key
        is unknown, as is NaN). Returns one ``eval --format json`` record as a dict. Raises
        CaseError when the case cannot be read."""
        record = self._kb.evaluate_cases([self._case_json(case, None)])[0]
        if "error" in record:
            raise _case_error(record, None)
        return record

    def evaluate_many(self, cases: Iterable[Dict[str, Any]], errors: str = "record") -> List[Dict[str, Any]]:
        """Evaluates every case of [cases] with the batch VM; returns a record per case, in order.
        With errors="record" a case that cannot be read gives an error record
        ``{"id", "index", "error": {"message", "field"}}``; with errors="raise" it raises CaseError."""
        _check_errors(errors)
        records: List[Dict[str, Any]] = []
        texts: List[str] = []
        for index, case in enumerate(cases):
            try:
                texts.append(self._case_json(case, index))
            except CaseError as error:
                if errors == "raise":
                    raise
                self._evaluate_texts(texts, records, errors)
                records.append(_error_record(error))
                continue
            if len(texts) == _CHUNK:
                self._evaluate_texts(texts, records, errors)
        self._evaluate_texts(texts, records, errors)
        return records

    def _evaluate_texts(self, texts: List[str], records: List[Dict[str, Any]], errors: str) -> None:
        """Appends the records of the JSON cases [texts] to [records] and empties [texts]."""
        if not texts:
            return
        start = len(records)
        for record in self._kb.evaluate_cases(texts):
            if "error" in record:
                record["index"] += start
                if errors == "raise":
                    raise _case_error(record, record["index"])
            records.append(record)
        texts.clear()

    def evaluate_frame(self, frame, errors: str = "record"):
        """Evaluates a pandas DataFrame, one case per row and one fact per column (docs/python.md
        "Tables": numbers in float columns, NaN unknown; quantities in the fact's canonical unit or
        as strings such as "12 lb"; enum values as strings). Column ``id`` is the case id, else the
        index is. Returns a DataFrame with the same index and the columns id, urgency, status,
        fired, undetermined (lists of flag names), three per score (NAME, NAME_min, NAME_max),
        error and error_field. A column that is no fact raises CaseError; a cell that cannot be read
        makes its row's status "error" (errors="record") or raises CaseError (errors="raise")."""
        import numpy
        import pandas

        _check_errors(errors)
        fact_ids = {fact.name: index for index, fact in enumerate(self._facts)}
        columns = []
        for name in frame.columns:
            if name == "id":
                continue
            if name not in fact_ids:
                raise CaseError(self._kb.unknown_fact_message(str(name)), str(name))
            columns.append((fact_ids[name], *_column(frame[name], numpy, pandas)))
        results = self._kb.evaluate_columns(columns, len(frame))
        ids = frame["id"].to_numpy(dtype=object) if "id" in frame.columns else frame.index.to_numpy(dtype=object)
        table = pandas.DataFrame({"id": ids, **results}, index=frame.index)
        if errors == "raise":
            failed = numpy.flatnonzero(table["status"].to_numpy(dtype=object) == "error")
            if failed.size:
                row = int(failed[0])
                raise CaseError(table["error"].iat[row], table["error_field"].iat[row], str(ids[row]), row)
        return table

    def _case_json(self, case: Dict[str, Any], index: Optional[int]) -> str:
        """[case] as the JSON text of a case file; NaN is null (unknown)."""
        text = _redflag.case_json(case)  # the common types, in C++
        if text is not None:
            return text
        try:
            return json.dumps(case, allow_nan=False)
        except (ValueError, TypeError):  # NaN or infinity, numpy scalars, values with no JSON form
            if not isinstance(case, dict):
                raise
            return "{" + ",".join(json.dumps(str(key)) + ":" + self._value_json(key, value, case, index)
                                  for key, value in case.items()) + "}"

    def _value_json(self, key: str, value: Any, case: Dict[str, Any], index: Optional[int]) -> str:
        if hasattr(value, "item") and not isinstance(value, (str, bytes)):
            value = value.item()  # a numpy scalar
        if isinstance(value, float) and not math.isfinite(value):
            # NaN is unknown, as in a DataFrame; an infinity is refused as a case file's 1e999 is.
            return "null" if math.isnan(value) else ("1e999" if value > 0 else "-1e999")
        if isinstance(value, dict):
            return "{" + ",".join(json.dumps(str(k)) + ":" + self._value_json(key, v, case, index)
                                  for k, v in value.items()) + "}"
        try:
            return json.dumps(value, allow_nan=False)
        except (ValueError, TypeError):
            got = "a " + type(value).__name__
            message = (f"`id` expects a string or a number, got {got}" if key == "id"
                       else self._kb.refusal(str(key), got))
            case_id = case.get("id")
            raise CaseError(message, str(key), case_id if isinstance(case_id, str) else "", index) from None


def _column(series, numpy, pandas) -> Tuple[int, Any]:
    """A fact's column as evaluate_columns takes it: (kind, contiguous numpy array)."""
    dtype = series.dtype
    if dtype == numpy.bool_:
        return _BOOL, numpy.ascontiguousarray(series.to_numpy(), dtype=numpy.uint8)
    if isinstance(dtype, numpy.dtype) and dtype.kind in "iuf":
        return _FLOAT, numpy.ascontiguousarray(series.to_numpy(dtype=numpy.float64))
    if pandas.api.types.is_bool_dtype(dtype) or pandas.api.types.is_numeric_dtype(dtype):
        return _FLOAT, numpy.ascontiguousarray(series.to_numpy(dtype=numpy.float64, na_value=numpy.nan))
    values = series.astype(object)
    return _OBJECT, numpy.ascontiguousarray(values.where(values.notna(), None).to_numpy(dtype=object))


def _case_error(record: Dict[str, Any], index: Optional[int]) -> CaseError:
    """The CaseError of an error record."""
    return CaseError(record["error"]["message"], record["error"]["field"], record["id"], index)


def _error_record(error: CaseError) -> Dict[str, Any]:
    """evaluate_many's record for a case that could not be read."""
    return {"id": error.id, "index": error.index, "error": {"message": error.message, "field": error.field}}
