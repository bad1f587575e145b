"""A report template pre-filled from the last period: each agency's own last status, result and
completion date, and the marks that say so on the form (a note, a pale fill that goes when the cell is
edited); the hidden sheet holding them is written with the form (agencybook.write_prefilled)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nq57cli.domain.agency import agency_key
from nq57cli.read.inputs import PRODUCER
from nq57cli.read.prefilled import PREVIOUS_SHEET
from nq57cli.domain.status import OWN_LABELS, STATUS_LABELS
from nq57cli.write.agencyplan import TemplatePlan

if TYPE_CHECKING:
    from nq57cli.tasks.periods import PeriodRecord


PREFILLED_FILL = "DCE6F1"  # pale blue: last period's answer, until the agency edits the cell
PREFILLED = ("status", "result", "completed_on")  # the fields pre-filled from the last period


@dataclass
class Prefill:
    """One agency's answers of the last period (`label`), by task, and the form rows they fill."""

    label: str
    answers: dict[str, dict[str, Any]]  # task ID → {"status": label, "result": text, "completed_on": date}
    rows: dict[int, str]  # filled in while the form is written: form row → task ID


def prefill_for(plan: TemplatePlan, previous: PeriodRecord) -> Prefill:
    """The agency's own last answers (its name compared as agency_key does); not its texts about other
    agencies' tasks. nq57's own labels ("no report", "unclear") are not answers: left blank."""
    mine = agency_key(plan.agency)
    answers: dict[str, dict[str, Any]] = {}
    for task_id, reports in previous.reports.items():
        for agency, status, result, completed_on in reports:
            if agency_key(agency) != mine:
                continue
            filled = {"status": STATUS_LABELS[status]["vi"] if status and status not in OWN_LABELS else None,
                      "result": result, "completed_on": completed_on if status == "completed" else None}
            if any(filled.values()):
                answers[task_id] = filled
    return Prefill(label=previous.period or previous.file, answers=answers, rows={})


def mark_prefilled(ws: Any, prefill: Prefill, letter: dict[str, str], ranges: list[tuple[int, int]]) -> None:
    """A note on each pre-filled cell, and a pale fill that lasts while the cell still holds what was
    pre-filled (a conditional format comparing it with the hidden sheet, same cell)."""
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    note = f"Nội dung báo cáo kỳ trước ({prefill.label}), điền sẵn: hãy cập nhật cho kỳ này."
    for row in prefill.rows:
        for name in PREFILLED:
            cell = ws[f"{letter[name]}{row}"]
            if cell.value not in (None, ""):
                cell.comment = Comment(note, PRODUCER, width=260, height=70)
    pale = PatternFill("solid", fgColor=PREFILLED_FILL, bgColor=PREFILLED_FILL)
    for name in PREFILLED:
        column = letter[name]
        for start, stop in ranges:
            ws.conditional_formatting.add(
                f"{column}{start}:{column}{stop}",
                FormulaRule(formula=[f"AND({column}{start}<>\"\",{column}{start}='{PREVIOUS_SHEET}'!{column}{start})"],
                            fill=pale))


