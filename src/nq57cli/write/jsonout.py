"""The documented JSON shape of a merge result (`nq57 merge --json`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from nq57cli.domain.deadline import format_date
from nq57cli.domain.findings import count_by_severity
from nq57cli.domain.models import Deadline, MergeResult, Report, Task


def iso_date(value: Any) -> str | None:
    """A date as JSON writes it ("2025-09-30"), or None."""
    return value.isoformat() if value else None


def deadline_to_dict(deadline: Deadline) -> dict[str, Any]:
    """A deadline as every JSON output writes it: kind, due date, the catalog's words, a note."""
    return {"kind": deadline.kind, "due": iso_date(deadline.due), "raw": deadline.raw, "note": deadline.note}


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "agency": report.agency,
        "status": report.status,
        "status_raw": report.status_raw,
        "result": report.result,
        "completed_on": iso_date(report.completed_on),
        "difficulties": report.difficulties,
        "proposals": report.proposals,
        "match": {"method": report.match_method, "score": report.match_score},
        "source": {"file": report.file, "sheet": report.sheet, "row": report.row, "cells": dict(report.cells)},
    }


def task_to_dict(task: Task) -> dict[str, Any]:
    return {
        "task_id": task.task_id,
        "group": task.group,
        "stt": task.stt,
        "title": task.title,
        "document": task.document.model_dump(mode="json") if task.document else None,
        "deadline": deadline_to_dict(task.deadline),
        "lead": task.lead,
        "partners": task.partners,
        "status": task.status,
        "result": task.result,
        "completed_on": iso_date(task.completed_on),
        "agencies": [report_to_dict(r) for r in task.reports],
        "silent": task.silent,
    }


class _Lazy(list):
    """A list whose items are made one at a time while json's encoder writes them (with `indent`, the
    encoder is the pure-Python one, which only asks a list whether it is empty and iterates it)."""

    def __init__(self, items: Sequence[Any], make: Callable[[Any], Any]) -> None:
        super().__init__()
        self._items, self._make = items, make

    def __iter__(self) -> Any:
        return map(self._make, self._items)

    def __len__(self) -> int:
        return len(self._items)


def merge_result_to_dict(result: MergeResult, lang: str = "vi", lazy: bool = False) -> dict[str, Any]:
    """The document as a dict; `lazy`: tasks and findings made while write_json() writes them (for
    writing only: such a dict does not compare equal to the plain one)."""
    listed = _Lazy if lazy else lambda items, make: [make(item) for item in items]
    return {
        "tool_version": result.tool_version,
        "period": period_to_dict(result),
        "groups": [g.model_dump(mode="json") for g in result.groups],
        "tasks": listed(result.tasks, task_to_dict),
        "unmatched": [report_to_dict(r) | {"title": r.title, "task_id": r.task_id} for r in result.unmatched],
        "findings": listed(result.findings, lambda f: f.to_dict(lang)),
        "inputs": [i.model_dump(mode="json") for i in result.inputs],
        "summary": summary(result),
    }


def period_to_dict(result: MergeResult) -> dict[str, Any]:
    """The period a merge is of and the catalog it was merged against (domain/period.py)."""
    from nq57cli.domain.period import period_end

    return {"label": result.period, "end": iso_date(period_end(result.period)),
            "catalog": {"title": result.catalog_title, "sha256": result.catalog_sha256()}}


def summary(result: MergeResult) -> dict[str, Any]:
    severities = count_by_severity(result.findings)
    submissions = [i for i in result.inputs if i.role == "submission"]
    return {
        "files": len(submissions),
        "files_read": sum(1 for i in submissions if i.readable),
        "tasks": len(result.tasks),
        "reports": sum(len(t.reports) for t in result.tasks),
        "unmatched_rows": len(result.unmatched),
        "status": result.status_counts(),
        "findings": severities,
    }


def write_json(data: Any, write: Callable[[str], Any]) -> None:
    """`data` as json.dumps(data, ensure_ascii=False, indent=2) gives it, plus a newline, written in
    pieces of about 64 KB: the whole text is never held (a national merge's is hundreds of MB)."""
    pieces: list[str] = []
    size = 0
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        pieces.append(piece)
        size += len(piece)
        if size > 1 << 16:
            write("".join(pieces))
            pieces.clear()
            size = 0
    write("".join(pieces) + "\n")


__all__ = ["write_json", "merge_result_to_dict", "summary", "task_to_dict", "format_date"]
