"""Names listed for a reader are in natural order: "Số 2" before "Số 10", "Xã 9" before "Xã 10"."""

from __future__ import annotations

from datetime import date

from nq57cli.core.text import natural_key, natural_sorted
from nq57cli.domain.models import Deadline, Group, InputFile, MergeResult, Report, Task
from nq57cli.render.overdue import appendix_context
from nq57cli.domain.config import ReportConfig
from nq57cli.tasks.missing import missing_report
from nq57cli.tasks.overdue import letter_agencies
from nq57cli.tasks.overduereport import classify

COMMUNES = ["UBND Xã 10", "UBND xã 9", "UBND Xã 100", "UBND Xã 2", "UBND Xã 1"]
NATURAL = ["UBND Xã 1", "UBND Xã 2", "UBND xã 9", "UBND Xã 10", "UBND Xã 100"]


def test_natural_key_compares_numbers_as_numbers_and_text_loosely():
    assert natural_sorted(COMMUNES) == NATURAL
    assert natural_sorted(["Số 10", "Số 2", "Số 1", "Số 100", "Số 11"]) == ["Số 1", "Số 2", "Số 10", "Số 11", "Số 100"]
    assert natural_key("SỞ NỘI VỤ") == natural_key("Sở Nội vụ")
    assert natural_sorted(["Phường 3", "Xã 2", "Phường 12"]) == ["Phường 3", "Phường 12", "Xã 2"]


def test_missing_lists_unexpected_and_unlisted_silent_agencies_naturally():
    inputs = [InputFile(path=f"{n}.xlsx", name=f"{n}.xlsx", agency=n) for n in COMMUNES]
    task = Task(task_id="NV-01", order=1, title="x", status="in_progress", lead="Sở Nội vụ",
                reports=[Report(agency="Sở Nội vụ", file="a.xlsx", sheet="S", row=2, status="in_progress")],
                silent=["Phường 10", "Phường 9"])
    result = MergeResult(tasks=[task], groups=[], findings=[], inputs=inputs, expected_agencies=["Sở Nội vụ"])
    gaps = missing_report(result)
    assert gaps.unexpected == NATURAL
    assert [a.agency for a in gaps.agencies] == ["Sở Nội vụ", "Phường 9", "Phường 10"]


def overdue_result(leads: list[str]) -> MergeResult:
    tasks = [Task(task_id=f"NV-{n:02d}", order=n, title=f"Nhiệm vụ {n}", group="Nhóm 1", lead=lead,
                  deadline=Deadline(kind="date", due=date(2025, 1, 31), raw="31/01/2025"), status="in_progress",
                  reports=[Report(agency=lead, file="a.xlsx", sheet="S", row=2, status="in_progress")],
                  silent=["Xã 10", "Xã 9"])
             for n, lead in enumerate(leads, start=1)]
    return MergeResult(tasks=tasks, groups=[Group(key="Nhóm 1", order=1, label="1", title="Nhóm 1")], findings=[],
                       inputs=[])


def test_letters_with_as_many_overdue_tasks_go_in_natural_order():
    report = classify(overdue_result(["UBND Xã 10", "UBND xã 9", "UBND Xã 2", "UBND Xã 2"]), date(2025, 6, 1))
    assert letter_agencies(report) == ["UBND Xã 2", "UBND xã 9", "UBND Xã 10"]  # most overdue first, then natural
    grouped = classify(overdue_result(["UBND Xã 10", "UBND xã 9"]), date(2025, 6, 1))
    assert [g.key for g in grouped.groups] == ["UBND xã 9", "UBND Xã 10"]


def test_overdue_appendix_names_silent_agencies_naturally():
    report = classify(overdue_result(["Sở Nội vụ"]), date(2025, 6, 1))
    context = appendix_context(report, ReportConfig())
    assert any("Chưa báo cáo: Xã 9; Xã 10" in str(row) for row in context["rows"])
