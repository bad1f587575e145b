"""The data nq57 reads, merges and writes, as pydantic models."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Annotated, Any, Literal

# nq57 uses no pydantic plugin; looking for them (every installed package's entry points) costs
# 10–20 ms on each start. An explicit setting of the variable is respected.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, SkipValidation, model_validator

from nq57cli.domain.findings import errors, finding_message, severity_of

Severity = Literal["error", "warning", "info"]
# "unknown": the agency reported, but its status cell cannot be read (words outside the vocabulary, a formula
# without a value, an Excel error). A report all the same, never counted as "no_report".
Status = Literal["completed", "in_progress", "not_started", "not_applicable", "waiting", "unknown"]
CombinedStatus = Literal[
    "completed", "in_progress", "not_started", "not_applicable", "waiting", "unknown", "no_report"
]
DeadlineKind = Literal["date", "month", "quarter", "year", "recurring", "conditional", "none"]

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class CellRefs(Mapping[str, str]):
    """Where each field of one row was read, {"status": "Báo cáo!F14", ...}, worked out when asked.

    All rows of a sheet share its column letters; a row adds only its number. A national merge keeps
    60,000 reports: as a dict of ten strings each, their addresses cost more to build, send between
    processes and keep in memory than the rest of the report, and almost none is ever read.
    Compares equal to the dict it stands for; immutable.
    """

    __slots__ = ("letters", "prefix", "row")

    def __init__(self, letters: dict[str, str], row: int, prefix: str = "") -> None:
        self.letters = letters  # field → column letter, shared by the sheet's rows
        self.row = row  # Excel row number
        self.prefix = prefix  # "Báo cáo!" or ""

    def __getitem__(self, field: str) -> str:
        return f"{self.prefix}{self.letters[field]}{self.row}"

    def get(self, field: str, default: Any = None) -> Any:
        letter = self.letters.get(field)
        return default if letter is None else f"{self.prefix}{letter}{self.row}"

    def __contains__(self, field: object) -> bool:
        return field in self.letters

    def __iter__(self) -> Iterator[str]:
        return iter(self.letters)

    def __len__(self) -> int:
        return len(self.letters)

    def __reduce__(self) -> tuple:
        return CellRefs, (self.letters, self.row, self.prefix)

    def __repr__(self) -> str:
        return repr(dict(self))


# A dict, or the CellRefs the reader makes; written out as a dict.
CellMap = Annotated[Mapping[str, str], PlainSerializer(dict, return_type=dict[str, str])]


def in_sheet(cells: Mapping[str, str], sheet: str) -> Mapping[str, str]:
    """The same cells, named with their sheet ("F14" → "Báo cáo!F14")."""
    if isinstance(cells, CellRefs):
        return CellRefs(cells.letters, cells.row, _sheet_prefix(sheet) + cells.prefix)
    return {name: f"{sheet}!{ref}" for name, ref in cells.items()}


@lru_cache(maxsize=256)
def _sheet_prefix(sheet: str) -> str:
    return f"{sheet}!"  # one string for all the rows of a sheet (also once in what is sent between processes)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Finding(Model):
    """One problem found in the input, with where it is. Messages are rendered per language when shown
    (findings.py); the severity is the one its code declares unless given (findings.SEVERITY_VARIES)."""

    # always set: _declared_severity fills it from the code's declaration when not given (the default is
    # what makes it optional in the constructor's signature, for type checkers)
    severity: Severity = "error"
    code: str
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _declared_severity(cls, data: Any) -> Any:
        if isinstance(data, dict) and "severity" not in data and "code" in data:
            data = {**data, "severity": severity_of(data["code"])}
        return data

    def message(self, lang: str = "vi") -> str:
        return finding_message(self, lang)

    def location(self) -> str:
        """'file, Sheet!F14' style location, as precise as known."""
        parts = [self.file] if self.file else []
        if self.sheet and self.cell:
            parts.append(f"{self.sheet}!{self.cell}")
        elif self.sheet:
            parts.append(self.sheet)
        return ", ".join(parts)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "column": self.column,
            "value": self.value,
            "message": self.message(lang),
        }


class Deadline(Model):
    """A deadline as written and as a date: kind, due date (None when there is none), raw text."""

    kind: DeadlineKind
    due: dt.date | None = None
    raw: str = ""
    note: str | None = None  # text found beside the date, e.g. an agency name


class DocumentRef(Model):
    """An assigning document, e.g. 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025'."""

    type: str | None = None  # "TB"
    type_name: str | None = None  # "Thông báo"
    number: str | None = None  # "05"
    code: str | None = None  # "05-TB/BCĐTW"
    issuer: str | None = None  # "BCĐTW"
    date: dt.date | None = None
    raw: str = ""


class Report(Model):
    """One agency's report on one task: a row of a submission, parsed."""

    agency: str
    file: str
    sheet: str
    row: int
    task_id: str | None = None  # the ID the agency wrote
    matched_id: str | None = None  # the catalog task it was matched to
    match_method: Literal["id", "text", "new", "none"] = "none"
    match_score: float | None = None
    stt: str | None = None
    group: str | None = None
    title: str | None = None
    document: DocumentRef | None = None
    deadline: Deadline | None = None
    status: Status | None = None
    status_raw: str | None = None
    result: str | None = None
    completed_on: dt.date | None = None
    difficulties: str | None = None
    proposals: str | None = None
    note: str | None = None
    # Built by the reader, not typed by anyone: taken as they are (one headers dict per file, shared by
    # its reports, instead of a validated copy per report).
    cells: SkipValidation[CellMap] = Field(default_factory=dict)  # field -> "Sheet!F14"
    headers: SkipValidation[dict[str, str]] = Field(default_factory=dict)  # field -> the column's title in the file


class Group(Model):
    """A section of the task table ("Nhóm 3 - ...", "II. ...")."""

    key: str
    order: int
    label: str | None = None  # "Nhóm 3", "II"
    title: str  # full text as printed


class Task(Model):
    """One task of the consolidated list, with every agency's report on it."""

    task_id: str
    order: int
    group: str | None = None  # Group.key
    stt: str | None = None
    title: str
    document: DocumentRef | None = None
    deadline: Deadline = Field(default_factory=lambda: Deadline(kind="none"))
    lead: str | None = None
    partners: list[str] = Field(default_factory=list)
    expected_output: str | None = None
    note: str | None = None
    status: CombinedStatus = "no_report"
    result: str | None = None
    completed_on: dt.date | None = None
    difficulties: str | None = None
    proposals: str | None = None
    reports: list[Report] = Field(default_factory=list)
    silent: list[str] = Field(default_factory=list)  # expected agencies that did not report

    @property
    def agencies(self) -> list[str]:
        return [r.agency for r in self.reports]


JOINED_FIELDS = ("result", "difficulties", "proposals")  # a task's texts, joined from its agencies' reports


def join_agency_texts(reports: list[Report], field: str) -> str | None:
    """How a task's text is joined from its reports: one "agency: text" line per report that has one,
    in the reports' order (merge combines them so; read_merged joins them again so). One join, no
    string per line: at national scale a task has a thousand reports."""
    parts: list[str] = []
    for report in reports:
        text = getattr(report, field)
        if text:
            parts += ("\n", report.agency, ": ", text)
    return "".join(parts[1:]) or None


class InputFile(Model):
    """A file given to a run, with what was learnt about it."""

    path: str
    name: str
    sha256: str | None = None
    size: int | None = None
    # "copy": byte-identical to a file read already (superseded_by names it); read once, never a sender
    role: Literal["catalog", "submission", "merged", "copy"] = "submission"
    agency: str | None = None
    agency_source: Literal["option", "label", "title", "properties", "filename"] | None = None
    sheet: str | None = None
    header_row: int | None = None
    rows: int = 0
    readable: bool = True
    document_date: dt.date | None = None  # the date the document carries (place-date line, title)
    superseded_by: str | None = None  # the file used instead: a newer one of its agency, or the original of a copy


class MergeResult(Model):
    """What `merge` returns: the consolidated tasks, the findings and the inputs."""

    tasks: list[Task]
    groups: list[Group]
    findings: list[Finding]
    inputs: list[InputFile]
    unmatched: list[Report] = Field(default_factory=list)  # rows matched to no task, kept
    expected_agencies: list[str] = Field(default_factory=list)
    tool_version: str = ""
    period: str | None = None  # "Quý III/2025", "Tháng 9/2025", "30/09/2025" (merge --period; domain/period.py)
    catalog_title: str | None = None  # the catalog's title line, with its sha256 in `inputs`: what was merged against

    def catalog_sha256(self) -> str | None:
        """The sha256 of the catalog this result was merged against (None without a catalog)."""
        return next((i.sha256 for i in self.inputs if i.role == "catalog"), None)

    def readable_submissions(self) -> list[InputFile]:
        return [i for i in self.inputs if i.role == "submission" and i.readable]

    def errors(self) -> list[Finding]:
        return errors(self.findings)

    def status_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for task in self.tasks:
            counts[task.status] = counts.get(task.status, 0) + 1
        return counts

    def tasks_frame(self) -> Any:
        """The tasks as a pandas DataFrame (nq57cli.frames; needs the [analysis] extra)."""
        from nq57cli.frames import tasks_frame

        return tasks_frame(self)

    def reports_frame(self) -> Any:
        """The agencies' reports as a pandas DataFrame (nq57cli.frames)."""
        from nq57cli.frames import reports_frame

        return reports_frame(self)

    def findings_frame(self, lang: str = "vi") -> Any:
        """The findings as a pandas DataFrame, messages in `lang` (nq57cli.frames)."""
        from nq57cli.frames import findings_frame

        return findings_frame(self, lang)


# --- Many models of one class across processes -------------------------------------------------

_set_attr = object.__setattr__


def pack_models(models: list[Any]) -> tuple:
    """Models of one class as plain tuples, for sending between processes.

    Pickling a pydantic model stores its state as a dict per object; a worker's thousands of reports
    and findings then cost more to unpickle than to read from the file. Packed, the field names are
    stored once, the values as a tuple per model, the set of fields given as an index into a table.
    Models that do not fit (another class, extra or private attributes) stay as they are.
    """
    if not models:
        return ("empty",)
    cls = type(models[0])
    keys = tuple(models[0].__dict__)
    sets: dict[frozenset, int] = {}
    rows: list[tuple[Any, ...] | int] = []  # each model's values, then the number of its set of fields set
    for model in models:
        state = model.__dict__
        if type(model) is not cls or model.__pydantic_extra__ or model.__pydantic_private__ \
                or len(state) != len(keys) or tuple(state) != keys:
            return ("models", models)
        rows.append(tuple(state.values()))
        rows.append(sets.setdefault(frozenset(model.__pydantic_fields_set__), len(sets)))
    return ("packed", cls, keys, list(sets), rows)


def unpack_models(packed: tuple) -> list[Any]:
    """The models pack_models() packed, equal to the originals (fields set included)."""
    if packed[0] == "empty":
        return []
    if packed[0] == "models":
        return packed[1]
    _, cls, keys, sets, rows = packed
    new, set_attr = cls.__new__, _set_attr
    out = []
    for i in range(0, len(rows), 2):
        model = new(cls)
        set_attr(model, "__dict__", dict(zip(keys, rows[i])))
        set_attr(model, "__pydantic_fields_set__", set(sets[rows[i + 1]]))
        set_attr(model, "__pydantic_extra__", None)
        set_attr(model, "__pydantic_private__", None)
        out.append(model)
    return out
