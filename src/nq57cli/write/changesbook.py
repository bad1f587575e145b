"""What changed between two periods (tasks/periods.py), as the documented JSON of `nq57 diff --json` and
as changes.xlsx: a summary sheet, then one sheet per kind of change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nq57cli.core.fileio import atomic_write
from nq57cli.domain.deadline import format_date
from nq57cli.domain.status import status_label
from nq57cli.tasks.periods import KINDS, Change, PeriodDiff, PeriodSide
from nq57cli.write.jsonout import iso_date

# kind → (Vietnamese, English) name: the sheet's name (Vietnamese) and the terminal summary's labels.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "completed": ("Mới hoàn thành", "Newly completed"),
    "regression": ("Hoàn thành rồi lùi lại", "Completed, now not"),
    "status": ("Đổi tình trạng khác", "Other status moves"),
    "late": ("Mới quá hạn", "Newly late"),
    "deadline": ("Đổi thời hạn", "Deadline changed"),
    "added": ("Nhiệm vụ mới", "Tasks added"),
    "removed": ("Nhiệm vụ bỏ", "Tasks removed"),
    "silent_agency": ("Đơn vị không báo cáo", "Agencies gone silent"),
    "copied": ("Kết quả chép lại", "Results copied"),
}
SUMMARY_SHEET = "Tổng hợp"
TASK_COLUMNS = [("Mã nhiệm vụ", 12, False), ("Nhiệm vụ", 60, True), ("Cơ quan chủ trì", 24, True),
                ("Kỳ trước", 24, True), ("Kỳ này", 24, True)]
AGENCY_COLUMNS = [("Đơn vị", 36, True), ("Số nhiệm vụ đã báo cáo kỳ trước", 16, False)]
COPIED_COLUMNS = [("Mã nhiệm vụ", 12, False), ("Nhiệm vụ", 50, True), ("Đơn vị", 28, True),
                  ("Kết quả (giống kỳ trước)", 80, True)]
STATUS_KINDS = ("completed", "regression", "status", "late", "added", "removed")


def side_to_dict(one: PeriodSide) -> dict[str, Any]:
    return {"file": one.file, "period": one.period, "end": iso_date(one.end),
            "catalog": {"title": one.catalog_title, "sha256": one.catalog_sha256}, "tool_version": one.tool_version}


def change_to_dict(change: Change) -> dict[str, Any]:
    """A change as `diff --json` writes it. A copied result is the same text both times: written once, as
    `text` (this period's, as changes.xlsx shows it) in place of `before` and `after` (on a national merge
    where every result is copied, 1000 agencies × 60 tasks: 55 MB instead of 88 MB)."""
    values: dict[str, Any] = {"kind": change.kind, "task_id": change.task_id, "title": change.title,
                              "lead": change.lead, "agency": change.agency}
    if change.kind == "copied":
        values["text"] = copied_text(change)
    else:
        values |= {"before": change.before, "after": change.after}
    return values | {"count": change.count}


def copied_text(change: Change) -> str | None:
    """The text of a copied result, as both the JSON and changes.xlsx give it: this period's (it may differ from
    last period's in spaces and line breaks only)."""
    return change.after


def diff_to_dict(diff: PeriodDiff, lang: str = "vi") -> dict[str, Any]:
    """The document `nq57 diff --json` prints: both sides, counts per kind, the changes by kind, the findings."""
    return {
        "previous": side_to_dict(diff.previous),
        "current": side_to_dict(diff.current),
        "counts": diff.counts(),
        "changes": {kind: [change_to_dict(c) for c in diff.of_kind(kind)] for kind in KINDS},
        "findings": [f.to_dict(lang) for f in diff.findings],
    }


def side_label(one: PeriodSide) -> str:
    """"Quý III/2025 (merged.xlsx)", or the file alone when no period is recorded."""
    return f"{one.period} ({one.file})" if one.period else one.file


def _shown(kind: str, value: str | None, lang: str) -> str | None:
    return status_label(value, lang) if value and kind in STATUS_KINDS else value


def write_changes(diff: PeriodDiff, path: Path, lang: str = "vi") -> Path:
    """changes.xlsx, atomically: the summary, then one sheet per kind of change (empty kinds too: a
    sheet with its header says "none" as plainly as a count)."""
    from nq57cli.write.xlsxout import new_workbook, write_sheet

    summary: list[list[Any]] = [
        ["Kỳ trước", side_label(diff.previous)], ["Kỳ này", side_label(diff.current)],
        ["Ngày cuối kỳ trước", format_date(diff.previous.end) or None],
        ["Ngày cuối kỳ này", format_date(diff.current.end) or None],
    ]
    summary += [[KIND_LABELS[kind][0], count] for kind, count in diff.counts().items()]
    summary += [["Phát hiện", f.message("vi")] for f in diff.findings if f.code != "period.copied_result"]

    def write(tmp: Path) -> None:
        workbook = new_workbook(tmp, len(diff.changes), "Những thay đổi so với kỳ trước")
        write_sheet(workbook, SUMMARY_SHEET, [("Nội dung", 30, True), ("Giá trị", 90, True)], summary,
                    title=f"SO SÁNH {side_label(diff.current)} VỚI {side_label(diff.previous)}")
        for kind in KINDS:
            changes = diff.of_kind(kind)
            if kind == "silent_agency":
                write_sheet(workbook, KIND_LABELS[kind][0], AGENCY_COLUMNS, [[c.agency, c.count] for c in changes])
            elif kind == "copied":
                write_sheet(workbook, KIND_LABELS[kind][0], COPIED_COLUMNS,
                            [[c.task_id, c.title, c.agency, copied_text(c)] for c in changes])
            else:
                write_sheet(workbook, KIND_LABELS[kind][0], TASK_COLUMNS,
                            [[c.task_id, c.title, c.lead, _shown(kind, c.before, "vi"), _shown(kind, c.after, "vi")]
                             for c in changes])
        workbook.close()

    return atomic_write(path, write)
