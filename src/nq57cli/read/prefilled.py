"""Forms pre-filled with an agency's answers of the last period (`template --previous`): the mark in
their title block, the hidden sheet that keeps what was pre-filled, and the check that a row came back
unchanged for a task that was not completed (an answer not updated: a warning)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nq57cli.core.text import header_key, one_line
from nq57cli.domain.models import Finding, Report
from nq57cli.domain.status import parse_own_status

PREFILL_MARK = "điền sẵn theo báo cáo kỳ trước"  # in the form's title block: read_table keeps it in title_lines
PREVIOUS_SHEET = "Kỳ trước"  # hidden: each pre-filled row's task ID (A) and what was filled in, at the same cells
PREVIOUS_COLUMNS = {"task_id": 0, "status": 5, "result": 6}  # columns of the hidden sheet (as in the form)


def is_prefilled(title_lines: list[str]) -> bool:
    key = header_key(PREFILL_MARK)
    return any(key in header_key(line) for line in title_lines)


def _previous_rows(path: Path) -> dict[str, tuple[Any, Any]]:
    """Task ID → (status, result) as pre-filled, from the hidden sheet ({} when it cannot be read)."""
    import python_calamine as calamine

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        if PREVIOUS_SHEET not in workbook.sheet_names:
            return {}
        rows = workbook.get_sheet_by_name(PREVIOUS_SHEET).to_python(skip_empty_area=False)
    except Exception:  # the form itself was read: a damaged extra sheet only means no check
        return {}
    width = max(PREVIOUS_COLUMNS.values()) + 1
    out: dict[str, tuple[Any, Any]] = {}
    for row in rows:
        cells = list(row) + [None] * (width - len(row))
        task_id = one_line(cells[PREVIOUS_COLUMNS["task_id"]])
        if task_id:
            out[task_id] = (cells[PREVIOUS_COLUMNS["status"]], cells[PREVIOUS_COLUMNS["result"]])
    return out


def unchanged_prefills(path: Path, display: str, title_lines: list[str], reports: list[Report]) -> list[Finding]:
    """A warning for each pre-filled row returned as it was pre-filled (status and result) while its task is
    not completed; nothing for a form that was not pre-filled."""
    if not is_prefilled(title_lines):
        return []
    previous = _previous_rows(path)
    findings: list[Finding] = []
    for report in reports:
        before = previous.get(report.task_id or "")
        if before is None or report.status == "completed":
            continue
        status, result = before
        same_status = (parse_own_status(one_line(status)) if one_line(status) else None) == report.status
        if same_status and (one_line(result) or "") == (one_line(report.result) or ""):
            where = report.cells.get("status") or f"{report.sheet}!A{report.row}"
            sheet, _, cell = where.rpartition("!")
            findings.append(Finding(code="template.prefill_unchanged", file=display, sheet=sheet or report.sheet,
                                    cell=cell, params={"task_id": report.task_id}))
    return findings
