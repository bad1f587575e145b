"""overdue: classing tasks as of a date, grouping, JSON, the XLSX list, the DOCX appendix and letters."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import SAMPLES, office_config
from nq57cli.domain.deadline import parse_date_option, parse_deadline
from nq57cli.errors import UsageError
from nq57cli.domain.models import Deadline, Group, MergeResult, Report, Task
from nq57cli.tasks.overdue import CATEGORIES, NO_REPORT_GROUP, UNKNOWN_GROUP, categorize, uncertain_deadline
from nq57cli.tasks.overduereport import classify
from nq57cli.tasks.overduetext import summary_line, terminal_table
from nq57cli.write.overduebook import write_overdue_xlsx
from nq57cli.write.overduejson import to_json_dict

SKHCN = "Sở Khoa học và Công nghệ"
SNV = "Sở Nội vụ"
STC = "Sở Tài chính"
CA = "Công an tỉnh"


def dated(due: date, raw: str | None = None) -> Deadline:
    return Deadline(kind="date", due=due, raw=raw if raw is not None else f"{due:%d/%m/%Y}")


def report(agency: str, status: str | None, completed_on: date | None = None) -> Report:
    return Report(agency=agency, file=f"{agency}.xlsx", sheet="Báo cáo", row=2, status=status,
                  completed_on=completed_on)


def task(task_id: str, deadline: Deadline | str | None, status: str = "in_progress", *, lead: str | None = SKHCN,
         completed_on: date | None = None, reports: list[Report] | None = None, group: str | None = "Nhóm 1",
         title: str | None = None, order: int | None = None, silent: list[str] | None = None) -> Task:
    if not isinstance(deadline, Deadline):
        deadline = parse_deadline(deadline)[0]
    if reports is None:
        reports = [] if status == "no_report" else [report(lead or SKHCN, status, completed_on)]
    return Task(task_id=task_id, order=order or int(task_id.rsplit("-", 1)[-1]), group=group,
                title=title or f"Nhiệm vụ {task_id}", deadline=deadline, lead=lead, status=status,
                completed_on=completed_on, reports=reports, silent=silent or [])


GROUPS = [Group(key="Nhóm 1", order=1, label="Nhóm 1", title="Nhóm 1 - Nâng cao nhận thức"),
          Group(key="Nhóm 2", order=2, label="Nhóm 2", title="Nhóm 2 - Hoàn thiện thể chế")]


def result(*tasks: Task) -> MergeResult:
    return MergeResult(tasks=list(tasks), groups=GROUPS, findings=[], inputs=[])


# --------------------------------------------------------------------------------------------
# The as-of boundary: late from the day after the deadline


@pytest.mark.parametrize(
    "as_of, overdue, days_late, days_left, category",
    [
        (date(2025, 9, 29), False, None, 1, "in_progress_on_time"),
        (date(2025, 9, 30), False, None, 0, "in_progress_on_time"),  # the due day: not late
        (date(2025, 10, 1), True, 1, None, "in_progress_late"),  # the day after: 1 day late
        (date(2025, 12, 31), True, 92, None, "in_progress_late"),
    ],
)
def test_as_of_boundary(as_of, overdue, days_late, days_left, category):
    item = classify(result(task("NV-01", "30/9/2025")), as_of).item("NV-01")
    assert (item.overdue, item.days_late, item.days_left, item.category) == (overdue, days_late, days_left, category)


# --------------------------------------------------------------------------------------------
# Every deadline kind, as parsed from the cell, for a task in progress


@pytest.mark.parametrize(
    "raw, kind, due, as_of, category, overdue",
    [
        ("31/12/2025", "date", date(2025, 12, 31), date(2025, 12, 31), "in_progress_on_time", False),
        ("31/12/2025", "date", date(2025, 12, 31), date(2026, 1, 1), "in_progress_late", True),
        ("Trước ngày 20/12/2025", "date", date(2025, 12, 20), date(2025, 12, 21), "in_progress_late", True),
        ("Tháng 9/2025", "month", date(2025, 9, 30), date(2025, 9, 30), "in_progress_on_time", False),
        ("Tháng 9/2025", "month", date(2025, 9, 30), date(2025, 10, 1), "in_progress_late", True),
        ("Quý III/2025", "quarter", date(2025, 9, 30), date(2025, 10, 1), "in_progress_late", True),
        ("Quý IV/2025", "quarter", date(2025, 12, 31), date(2025, 10, 1), "in_progress_on_time", False),
        ("2025", "year", date(2025, 12, 31), date(2025, 12, 31), "in_progress_on_time", False),
        ("2025", "year", date(2025, 12, 31), date(2026, 1, 1), "in_progress_late", True),
        ("Thường xuyên", "recurring", None, date(2030, 1, 1), "recurring", False),
        ("Hằng tháng", "recurring", None, date(2030, 1, 1), "recurring", False),
        ("Sau khi Trung ương ban hành", "conditional", None, date(2030, 1, 1), "conditional", False),
        ("Khi có hướng dẫn của Bộ", "conditional", None, date(2030, 1, 1), "conditional", False),
        (None, "none", None, date(2030, 1, 1), "no_deadline", False),
        ("Các bộ, cơ quan", "none", None, date(2030, 1, 1), "no_deadline", False),
        ("Các tỉnh ủy, thành ủy/31/12/2025", "date", date(2025, 12, 31), date(2025, 12, 31),
         "in_progress_on_time", False),
        ("Các tỉnh ủy, thành ủy/31/12/2025", "date", date(2025, 12, 31), date(2026, 1, 2), "in_progress_late", True),
    ],
)
def test_every_deadline_kind(raw, kind, due, as_of, category, overdue):
    item = classify(result(task("NV-01", raw)), as_of).item("NV-01")
    assert (item.deadline.kind, item.deadline.due) == (kind, due)
    assert (item.category, item.overdue) == (category, overdue)
    if overdue:
        assert item.days_late == (as_of - due).days


def test_agency_name_beside_the_date_is_kept_as_a_note():
    item = classify(result(task("NV-01", "Các tỉnh ủy, thành ủy/31/12/2025")), date(2026, 1, 10)).item("NV-01")
    assert item.deadline.note == "Các tỉnh ủy, thành ủy"
    assert item.deadline_text == "Các tỉnh ủy, thành ủy/31/12/2025"
    assert item.days_late == 10


def test_recurring_with_a_date_is_still_never_overdue():
    t = task("NV-01", Deadline(kind="recurring", due=date(2025, 1, 1), raw="Hằng năm"), "not_started")
    item = classify(result(t), date(2026, 1, 1)).item("NV-01")
    assert (item.category, item.overdue, item.days_late) == ("recurring", False, None)


# --------------------------------------------------------------------------------------------
# Each class


DUE = date(2025, 9, 30)
BEFORE, AFTER = date(2025, 9, 1), date(2025, 10, 15)


@pytest.mark.parametrize(
    "status, completed_on, as_of, category, overdue, days_late",
    [
        ("completed", date(2025, 9, 30), AFTER, "completed_on_time", False, None),  # on the due day
        ("completed", date(2025, 9, 1), AFTER, "completed_on_time", False, None),
        ("completed", date(2025, 10, 10), AFTER, "completed_late", False, 10),  # late, but not overdue
        ("completed", None, AFTER, "completed_on_time", False, None),  # no date: nothing shows it late
        ("in_progress", None, BEFORE, "in_progress_on_time", False, None),
        ("in_progress", None, AFTER, "in_progress_late", True, 15),
        ("not_started", None, BEFORE, "not_due_yet", False, None),
        ("not_started", None, AFTER, "not_started_late", True, 15),
        ("waiting", None, BEFORE, "not_due_yet", False, None),
        ("waiting", None, AFTER, "not_started_late", True, 15),  # waiting past due is overdue
        ("not_applicable", None, AFTER, "not_started_late", True, 15),
        ("no_report", None, BEFORE, "no_report", False, None),
        ("no_report", None, AFTER, "no_report", True, 15),  # said as no report, still overdue
    ],
)
def test_each_class(status, completed_on, as_of, category, overdue, days_late):
    t = task("NV-01", dated(DUE), status, completed_on=completed_on)
    item = classify(result(t), as_of).item("NV-01")
    assert (item.category, item.overdue, item.days_late) == (category, overdue, days_late)
    assert item.status == status


def test_completed_after_deadline_is_completed_late_not_overdue():
    t = task("NV-08", dated(date(2025, 8, 31)), "completed", lead=CA, completed_on=date(2025, 9, 10))
    report_ = classify(result(t), date(2025, 9, 30))
    item = report_.item("NV-08")
    assert item.category == "completed_late" and not item.overdue and item.days_late == 10
    assert report_.overdue == [] and report_.summary.categories["completed_late"] == 1


def test_no_report_is_never_counted_completed():
    tasks = [task("NV-01", dated(DUE), "no_report"), task("NV-02", "Thường xuyên", "no_report"),
             task("NV-03", dated(DUE), "completed", completed_on=DUE)]
    report_ = classify(result(*tasks), AFTER)
    counts = report_.summary.categories
    assert counts["no_report"] == 2 and counts["completed_on_time"] == 1 and counts["completed_late"] == 0
    assert [i.task_id for i in report_.overdue] == ["NV-01"]
    assert report_.item("NV-01").reports == [] and report_.item("NV-01").pending == []
    assert "chưa có báo cáo 1" in summary_line(report_) and "no report 1" in summary_line(report_, "en")


def test_summary_line_says_the_same_in_both_languages():
    """The two languages are data (SUMMARY_TEXTS): each gives every count, and a clause appears in both or neither."""
    from string import Formatter

    from nq57cli.tasks.overduetext import SUMMARY_TEXTS

    for vi, en in SUMMARY_TEXTS.values():
        assert {f for _, f, _, _ in Formatter().parse(vi) if f} == {f for _, f, _, _ in Formatter().parse(en) if f}
    tasks = [task("NV-01", dated(date(2025, 8, 31)), "no_report"), task("NV-02", "Thường xuyên"),
             task("NV-03", dated(DUE), "completed", completed_on=DUE),
             task("NV-04", "10-01-2025", title="Xây dựng lộ trình; báo cáo trước ngày 01/10/2025"),
             task("NV-05", dated(date(2025, 6, 30)), "waiting"), task("NV-06", dated(date(2025, 10, 10)))]
    report_ = classify(result(*tasks), DUE, within=0)
    report_.item("NV-05").late_periods = 2
    assert summary_line(report_) == (
        "Tính đến ngày 30/09/2025: 2/6 nhiệm vụ quá hạn (đang thực hiện 0, chưa thực hiện 1, chưa có báo cáo 1); "
        "hoàn thành đúng hạn 1, hoàn thành quá hạn 0; đang thực hiện trong hạn 1, chưa đến hạn 0; "
        "tổng số chưa có báo cáo 1; không có thời hạn cụ thể 1 (không tính quá hạn); "
        "1 nhiệm vụ có thời hạn cần xác minh (ngày/tháng, không tính quá hạn); "
        "1 nhiệm vụ quá hạn kéo dài (từ hai kỳ liên tiếp trở lên); 0 nhiệm vụ đến hạn trong 0 ngày tới.")
    assert summary_line(report_, "en") == (
        "As of 30/09/2025: 2/6 tasks overdue (in progress 0, not started 1, no report 1); "
        "completed on time 1, completed late 0; in progress on time 1, not due yet 0; "
        "no report in all 1; no dated deadline 1 (never overdue); "
        "1 with a deadline to check (day/month, never overdue); "
        "1 persistently late (two or more periods in a row); 0 falling due within 0 days.")
    plain = classify(result(tasks[2]), AFTER)  # no clause: nothing unclear, nobody persistently late, no --within
    assert summary_line(plain, "en").endswith("no dated deadline 0 (never overdue).")


def test_agency_reports_are_classed_too():
    t = task("NV-08", dated(date(2025, 8, 31)), "in_progress", lead=CA,
             reports=[report(CA, "completed", date(2025, 9, 10)), report(SKHCN, "in_progress"),
                      report(STC, "not_applicable"), report(SNV, None)])
    item = classify(result(t), date(2025, 9, 30)).item("NV-08")
    assert [(r.agency, r.category) for r in item.reports] == [
        (CA, "completed_late"), (SKHCN, "in_progress_late"), (STC, None), (SNV, None)]
    assert item.overdue and item.pending == [SKHCN, SNV]  # an unreadable status is not "completed"
    assert [n.code for n in item.notes] == ["lead.completed"]
    assert "10/09/2025" in item.notes[0].vi and SKHCN in item.notes[0].en


def test_month_first_deadline_is_flagged_and_never_counted_overdue():
    t = task("NV-04", "10-01-2025", title="Xây dựng lộ trình; báo cáo trước ngày 01/10/2025")
    report_ = classify(result(t), date(2025, 9, 30))
    item = report_.item("NV-04")
    assert item.deadline.due == date(2025, 1, 10) and not item.overdue and item.days_late is None
    assert item.category == "deadline_unclear" and report_.summary.overdue == 0
    assert "1 nhiệm vụ có thời hạn cần xác minh" in summary_line(report_)
    assert [n.code for n in item.notes] == ["deadline.day_month"]
    assert "01/10/2025" in item.notes[0].vi and '"Đang thực hiện trong hạn"' in item.notes[0].vi
    later = classify(result(t), date(2025, 12, 31)).item("NV-04")
    assert '"In progress, late", 91 days late' in later.notes[0].en
    done = task("NV-04", "10-01-2025", "completed", completed_on=date(2025, 5, 1),
                title="Xây dựng lộ trình; báo cáo trước ngày 01/10/2025")
    item = classify(result(done), date(2025, 12, 31)).item("NV-04")
    assert (item.category, item.days_late) == ("completed_late", 111)
    assert item.notes[0].en.endswith('classed "Completed on time". Please check the catalog.')



@pytest.mark.parametrize("raw", ["10-01-2025", "03/09/2025", "31/12/2025", "12-31-2025", "01/10/2025", "Quý III/2025",
                                 "trước 05.06.2025, báo cáo 07/08/2025", "10-01-25"])
@pytest.mark.parametrize("title", ["Báo cáo trước ngày 01/10/2025", "Hoàn thành 09/03/2025 và 01/10/2025",
                                   "Không nhắc ngày nào", "Lộ trình 6/5/2025; 8/7/2025; 10/1/2025"])
def test_uncertain_deadline_is_the_full_parse_with_the_title(raw, title):
    """The deadline is parsed again with the task's title only when it reads both ways: the answer is
    the one the full parse with the title gives, for every pair."""
    deadline, _ = parse_deadline(raw)
    t = task("NV-01", deadline, title=title)
    _, issues = parse_deadline(raw, context=title)
    slow = next((date.fromisoformat(p["month_first"]) for code, p in issues
                 if code == "date.month_first" and p.get("month_first")), None)
    expected = slow if deadline.kind == "date" and deadline.raw and deadline.due is not None else None
    assert uncertain_deadline(t) == expected

def test_every_task_falls_in_exactly_one_class():
    tasks = [task(f"NV-{n:02d}", raw, status, order=n)
             for n, (raw, status) in enumerate([("30/9/2025", "in_progress"), ("Thường xuyên", "completed"),
                                                (None, "no_report"), ("2025", "waiting")], start=1)]
    report_ = classify(result(*tasks), AFTER)
    assert set(report_.summary.categories) == set(CATEGORIES)
    assert sum(report_.summary.categories.values()) == report_.summary.tasks == 4


@pytest.mark.parametrize("status, category", [("completed", "completed_on_time"), ("in_progress", "in_progress_late")])
def test_categorize_directly(status, category):
    assert categorize(status, dated(DUE), None, AFTER) == category


# --------------------------------------------------------------------------------------------
# Sorting, grouping, within


def grouping_data() -> MergeResult:
    return result(
        task("NV-01", dated(date(2025, 9, 1)), lead=f"{SKHCN}; {SNV}",
             reports=[report(SKHCN, "in_progress"), report(SNV, "completed", date(2025, 8, 1))]),
        task("NV-02", dated(date(2025, 6, 30)), lead=STC, group="Nhóm 2",
             reports=[report(STC, "in_progress"), report(CA, "waiting"), report(SKHCN, "not_applicable")]),
        task("NV-03", dated(date(2025, 9, 1)), "no_report", lead=None),
        task("NV-04", dated(date(2025, 10, 5)), lead=SNV, group=None),
        task("NV-05", dated(date(2025, 9, 1)), "completed", lead=SKHCN, completed_on=date(2025, 9, 2)),
    )


def test_overdue_rows_sorted_by_days_late_then_task_order():
    report_ = classify(grouping_data(), date(2025, 10, 1))
    assert [(i.task_id, i.days_late) for i in report_.overdue] == [("NV-02", 93), ("NV-01", 30), ("NV-03", 30)]


@pytest.mark.parametrize(
    "by, expected",
    [
        # agencies: most overdue tasks, then most days late, then name; the "(chưa ...)" buckets last
        ("lead", [(STC, ["NV-02"]), (SKHCN, ["NV-01"]), (SNV, ["NV-01"]), (UNKNOWN_GROUP, ["NV-03"])]),
        ("agency", [(CA, ["NV-02"]), (STC, ["NV-02"]), (SKHCN, ["NV-01"]), (NO_REPORT_GROUP, ["NV-03"])]),
        ("group", [("Nhóm 1", ["NV-01", "NV-03"]), ("Nhóm 2", ["NV-02"])]),
    ],
)
def test_grouping(by, expected):
    report_ = classify(grouping_data(), date(2025, 10, 1), by=by)
    assert report_.by == by
    assert [(g.key, g.overdue) for g in report_.groups] == expected


def test_group_titles_and_terminal_sections():
    report_ = classify(grouping_data(), date(2025, 10, 1), within=7, by="group")
    assert [g.title for g in report_.groups] == ["Nhóm 1 - Nâng cao nhận thức", "Nhóm 2 - Hoàn thiện thể chế",
                                                 UNKNOWN_GROUP]
    table = terminal_table(report_, "vi")
    assert table.columns[0] == "Mã" and table.summary == summary_line(report_, "vi")
    assert [[row[0] for row in s.rows] for s in table.sections] == [["NV-01", "NV-03"], ["NV-02"], ["NV-04"]]
    assert table.sections[2].rows[0][5] == "còn 4"
    assert terminal_table(report_, "en").columns[0] == "ID"


def test_bad_group_by_is_a_usage_error():
    with pytest.raises(UsageError) as caught:
        classify(grouping_data(), date(2025, 10, 1), by="province")
    assert "lead, agency" in caught.value.message("vi") and "lead, agency" in caught.value.message("en")


@pytest.mark.parametrize(
    "within, expected",
    [
        (None, []),
        (0, ["NV-A"]),  # due on the as-of day
        (4, ["NV-A", "NV-B"]),
        (5, ["NV-A", "NV-B", "NV-C"]),  # due exactly as_of + N is in
        (365, ["NV-A", "NV-B", "NV-C", "NV-E"]),
    ],
)
def test_within(within, expected):
    as_of = date(2025, 10, 1)
    tasks = [
        task("NV-A", dated(as_of), order=1),
        task("NV-B", dated(date(2025, 10, 5)), "not_started", order=2),
        task("NV-C", dated(date(2025, 10, 6)), "no_report", order=3),
        task("NV-D", dated(date(2025, 10, 3)), "completed", completed_on=date(2025, 9, 1), order=4),  # done
        task("NV-E", "Quý IV/2025", order=5),
        task("NV-F", dated(date(2025, 9, 30)), order=6),  # already late, not "due soon"
        task("NV-G", "Thường xuyên", order=7),
    ]
    report_ = classify(result(*tasks), as_of, within=within)
    assert [i.task_id for i in report_.due_soon] == expected
    assert report_.summary.due_soon == (None if within is None else len(expected))
    assert [i.task_id for i in report_.overdue] == ["NV-F"]


def test_negative_within_is_a_usage_error():
    with pytest.raises(UsageError):
        classify(grouping_data(), date(2025, 10, 1), within=-1)


# --------------------------------------------------------------------------------------------
# the as-of date: deadline.parse_date_option, the one parser of every date option


@pytest.mark.parametrize(
    "text, expected",
    [("2025-09-30", date(2025, 9, 30)), ("30/9/2025", date(2025, 9, 30)), ("30/09/2025", date(2025, 9, 30)),
     (" 1/2/2026 ", date(2026, 2, 1)), ("2025-9-3", date(2025, 9, 3)), ("30.9.2025", date(2025, 9, 30)),
     ("30-9-2025", date(2025, 9, 30)), ("ngày 30 tháng 9 năm 2025", date(2025, 9, 30))],
)
def test_parse_as_of(text, expected):
    assert parse_date_option(text, "--as-of") == expected


@pytest.mark.parametrize("text", ["", "hôm qua", "31/02/2025", "09-30-2025", "45000", "30/9/2025 và 1/10/2025",
                                  "hôm nay 30/9/2025"])
def test_parse_as_of_rejects(text):
    with pytest.raises(UsageError) as caught:
        parse_date_option(text, "--as-of")
    assert caught.value.message("vi").startswith("--as-of: ")
    assert "30/9/2025" in caught.value.message("vi") and "2025-09-30" in caught.value.message("en")


# --------------------------------------------------------------------------------------------
# JSON


def test_json_shape():
    report_ = classify(grouping_data(), date(2025, 10, 1), within=7)
    data = to_json_dict(report_)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert set(data) == {"as_of", "within", "by", "summary", "summary_text", "overdue", "due_soon", "groups", "tasks"}
    assert data["as_of"] == "2025-10-01" and data["within"] == 7 and data["by"] == "lead"
    assert data["overdue"] == ["NV-02", "NV-01", "NV-03"] and data["due_soon"] == ["NV-04"]
    assert data["summary"]["overdue"] == 3 and data["summary"]["categories"]["completed_late"] == 1
    first = data["tasks"][0]
    assert first["task_id"] == "NV-01" and first["deadline"] == {"kind": "date", "due": "2025-09-01",
                                                                 "raw": "01/09/2025", "note": None}
    assert (first["category"], first["category_label"], first["days_late"]) == (
        "in_progress_late", "Đang thực hiện quá hạn", 30)
    assert first["leads"] == [SKHCN, SNV] and first["pending"] == [SKHCN]
    assert to_json_dict(report_, "en")["tasks"][0]["category_label"] == "In progress, late"


# --------------------------------------------------------------------------------------------
# XLSX


def test_xlsx_list_reads_back(tmp_path):
    from openpyxl import load_workbook

    formula_like = "=SUM(A1:A3) là chữ của đơn vị, không phải công thức"
    data = result(
        task("NV-01", dated(date(2025, 9, 1)), title=formula_like, silent=[SNV]),
        task("NV-02", "Các tỉnh ủy, thành ủy/31/08/2025", "not_started", lead=STC, group="Nhóm 2"),
        task("NV-03", dated(date(2025, 12, 31))),
    )
    path = write_overdue_xlsx(classify(data, date(2025, 10, 1), within=100), tmp_path / "out" / "qua-han.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Quá hạn", "Sắp đến hạn", "Tổng hợp"]
    ws = book["Quá hạn"]
    assert "01/10/2025" in ws["A1"].value and ws.freeze_panes == "A3"
    header = [c.value for c in ws[2]]
    assert header[:9] == ["STT", "Nhóm", "Mã nhiệm vụ", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn (như đã ghi)",
                          "Hạn (ngày)", "Tình trạng", "Số ngày quá hạn"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    assert [(r[2], r[8]) for r in rows] == [("NV-02", 31), ("NV-01", 30)]
    assert rows[0][5] == "Các tỉnh ủy, thành ủy/31/08/2025" and rows[0][6].date() == date(2025, 8, 31)
    assert rows[0][7] == "Chưa thực hiện" and rows[1][10] == SNV
    cell = ws.cell(row=4, column=4)
    assert cell.value == formula_like and cell.data_type == "s"
    assert round(ws.column_dimensions["D"].width) in (60, 61) and ws.cell(row=4, column=4).alignment.wrap_text
    soon = [[c.value for c in row] for row in book["Sắp đến hạn"].iter_rows(min_row=3)]
    assert [(r[2], r[8]) for r in soon] == [("NV-03", 91)]
    assert not list(tmp_path.joinpath("out").glob(".*tmp"))


# --------------------------------------------------------------------------------------------
# The real samples: overdue lists checked by hand against samples/README.md
#
# Dated catalog deadlines before 31/12/2025: NQ57-03 30/9/2025 ("Các thành phố trực thuộc Trung ương
# 30/9/2025", nobody reported), NQ57-04 "10-01-2025" (day first 10/01/2025, month first 01/10/2025 as
# its text says: a deadline to check, never counted overdue until the catalog is corrected), NQ57-07 30/09/2025 (everyone in progress), NQ57-08 31/08/2025
# (Công an tỉnh completed 10/09/2025 but SKHCN still in progress = in progress). Every other dated
# deadline is 31/12/2025; the rest have no date. So:
# - as of 30/09/2025: 08 (30); 03 and 07 fall due that very day, not late;
# - as of 31/12/2025: 08 (122), 03 (92, no report), 07 (92); the 31/12/2025 ones are not late.

SAMPLE_OVERDUE = {
    date(2025, 9, 30): [("NQ57-08", 30)],
    date(2025, 12, 31): [("NQ57-08", 122), ("NQ57-03", 92), ("NQ57-07", 92)],
}


@pytest.fixture(scope="module")
def sample_result() -> MergeResult:
    from nq57cli.tasks.merge import merge

    return merge(sorted((SAMPLES / "submissions").glob("*.xlsx")), catalog=SAMPLES / "catalog.xlsx")


@pytest.mark.parametrize("as_of", sorted(SAMPLE_OVERDUE))
def test_samples_overdue(sample_result, as_of):
    report_ = classify(sample_result, as_of)
    assert [(i.task_id, i.days_late) for i in report_.overdue] == SAMPLE_OVERDUE[as_of]
    assert report_.summary.categories["no_report"] == 3  # NQ57-03, NQ57-05, NQ57-10
    assert report_.summary.categories["completed_late"] == 0
    # completed: 02, 20, 24, 30, 34, 35 (all before 31/12/2025); 21 and 22 are completed but undated
    completed = [i.task_id for i in report_.items if i.category.startswith("completed")]
    assert completed == ["NQ57-02", "NQ57-20", "NQ57-24", "NQ57-30", "NQ57-34", "NQ57-35"]
    undated = [i.task_id for i in report_.items if i.category == "no_deadline"]
    assert undated == ["NQ57-09", "NQ57-12", "NQ57-21", "NQ57-22", "NQ57-28"]


def test_samples_by_lead_and_flags(sample_result):
    report_ = classify(sample_result, date(2025, 12, 31))
    assert [(g.key, g.overdue) for g in report_.groups] == [
        (CA, ["NQ57-08"]), (SKHCN, ["NQ57-03"]), ("Văn phòng UBND tỉnh", ["NQ57-07"])]
    assert report_.item("NQ57-03").category == "no_report"
    assert report_.item("NQ57-04").category == "deadline_unclear"
    assert [n.code for n in report_.item("NQ57-04").notes] == ["deadline.day_month"]
    assert [(r.agency, r.category) for r in report_.item("NQ57-08").reports] == [
        (CA, "completed_late"), (SKHCN, "in_progress_late")]
    by_agency = classify(sample_result, date(2025, 12, 31), by="agency")
    assert [(g.key, g.overdue) for g in by_agency.groups] == [
        (SKHCN, ["NQ57-08", "NQ57-07"]), ("UBND xã Nghĩa Hành", ["NQ57-07"]),
        ("Văn phòng UBND tỉnh", ["NQ57-07"]), (NO_REPORT_GROUP, ["NQ57-03"])]


def test_samples_through_merged_workbook(sample_result, tmp_path):
    from nq57cli.write.mergedbook import read_merged, write_merged

    path = write_merged(sample_result, tmp_path / "merged.xlsx")
    reread, _ = read_merged(path)
    for as_of, expected in SAMPLE_OVERDUE.items():
        assert [(i.task_id, i.days_late) for i in classify(reread, as_of).overdue] == expected


# --------------------------------------------------------------------------------------------
# DOCX: the appendix and the letters, read back with python-docx

from nq57cli.domain.config import ReportConfig  # noqa: E402
from nq57cli.render.overdue import letter_file_name, write_letters, write_overdue_docx  # noqa: E402

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def header_repeats(row) -> bool:
    from docx.oxml.ns import qn

    tr_pr = row._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def task_table(document):
    """The table whose first row is the 'STT' header."""
    return next(t for t in document.tables if t.rows[0].cells[0].text == "STT")


def test_appendix_docx(sample_result, tmp_path):
    from docx import Document
    from docx.enum.section import WD_ORIENT

    path = write_overdue_docx(classify(sample_result, date(2025, 12, 31)), tmp_path / "qua-han.docx", office_config())
    document = Document(str(path))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    text = paragraphs(document)
    assert "DANH SÁCH NHIỆM VỤ QUÁ HẠN" in text and "(Tính đến ngày 31/12/2025)" in text
    assert any(t.startswith("(Kèm theo Báo cáo số") and "/BC-SKHCN" in t for t in text)
    table = task_table(document)
    assert header_repeats(table.rows[0]) and not any(header_repeats(r) for r in table.rows[1:])
    body = [[c.text for c in r.cells] for r in table.rows[1:]]
    groups = [r[0] for r in body if len(set(r)) == 1]
    assert groups == [f"I. {CA} (1 nhiệm vụ)", f"II. {SKHCN} (1 nhiệm vụ)", "III. Văn phòng UBND tỉnh (1 nhiệm vụ)"]
    tasks = [(r[1], r[6]) for r in body if len(set(r)) > 1 and "(tiếp theo)" not in r[1]]  # a tall row's pieces
    assert tasks == [("NQ57-08", "122"), ("NQ57-03", "92"), ("NQ57-07", "92")]
    assert {r[1] for r in body if "(tiếp theo)" in r[1]} <= {"NQ57-08\n(tiếp theo)", "NQ57-03\n(tiếp theo)",
                                                              "NQ57-07\n(tiếp theo)"}
    fonts = document.styles.element.find(".//{*}docDefaults//{*}rFonts")
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ascii") == "Times New Roman"


def test_appendix_docx_by_group_and_empty(sample_result, tmp_path):
    from docx import Document

    path = write_overdue_docx(classify(sample_result, date(2025, 9, 30), by="group"), tmp_path / "a.docx",
                              office_config())
    rows = [[c.text for c in r.cells] for r in task_table(Document(str(path))).rows[1:]]
    assert [r[0] for r in rows if len(set(r)) == 1] == ["I. " + sample_result.groups[2].title]
    empty = write_overdue_docx(classify(sample_result, date(2025, 1, 1)), tmp_path / "b.docx", office_config())
    rows = [[c.text for c in r.cells] for r in task_table(Document(str(empty))).rows[1:]]
    assert rows == [["Không có nhiệm vụ quá hạn."] * 8]


@pytest.mark.parametrize(
    "as_of, letters",
    [
        # most overdue tasks first, then by name; the issuing agency (SKHCN) writes no letter to itself;
        # NQ57-04's deadline may be month-first, so it is never overdue
        (date(2025, 9, 30), ({CA: ["NQ57-08"]}, [])),
        (date(2025, 12, 31), ({CA: ["NQ57-08"], "Văn phòng UBND tỉnh": ["NQ57-07"]}, ["NQ57-03"])),
    ],
)
def test_letters_on_samples(sample_result, tmp_path, as_of, letters):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from openpyxl import load_workbook

    from nq57cli.write.overduebook import INTERNAL_LIST_FILE, INTERNAL_SHEET

    letters, own = letters
    config = office_config()
    written = write_letters(classify(sample_result, as_of), tmp_path / "letters", config)
    assert [p.name for p in written] == [letter_file_name(a) for a in letters] + ([INTERNAL_LIST_FILE] if own else [])
    if own:
        sheet = load_workbook(written[-1])[INTERNAL_SHEET]
        assert [row[2] for row in sheet.iter_rows(min_row=3, values_only=True)] == own
        assert SKHCN in sheet["A1"].value.title() or "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in sheet["A1"].value
    for path, (agency, ids) in zip(written, letters.items()):
        document = Document(str(path))
        assert document.sections[0].orientation == WD_ORIENT.PORTRAIT
        text = paragraphs(document)
        assert f"Kính gửi: {agency}." in text
        assert any(f"{agency} còn {len(ids)} nhiệm vụ" in t for t in text)
        header = "\n".join(c.text for c in document.tables[0]._cells)
        assert "Số:" in header and "/SKHCN-VP" in header and "V/v đôn đốc thực hiện nhiệm vụ quá hạn" in header
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
        table = task_table(document)
        assert header_repeats(table.rows[0])
        assert [r.cells[1].text for r in table.rows[1:]] == ids
        due = {i.task_id: i for i in classify(sample_result, as_of).items}
        assert [r.cells[5].text for r in table.rows[1:]] == [str(due[i].days_late) for i in ids]
        reply_by = f"{date.fromordinal(as_of.toordinal() + 7):%d/%m/%Y}"
        assert any(f"trước ngày {reply_by}" in t for t in text)
        signature = "\n".join(c.text for t in document.tables[1:] for c in t._cells)
        assert "Nơi nhận:" in signature and config.signer.name in signature and "Như trên;" in signature


def test_letter_names_are_ascii_and_deterministic(tmp_path):
    assert letter_file_name("UBND xã Nghĩa Hành") == "cong-van-don-doc-ubnd-xa-nghia-hanh.docx"
    name = letter_file_name("Đảng ủy Khối Cơ quan / Doanh nghiệp")
    assert name == "cong-van-don-doc-dang-uy-khoi-co-quan-doanh-nghiep.docx"
    data = result(
        task("NV-01", dated(date(2025, 9, 1)), lead=f"{SNV}; Sở Nội Vụ"),
        task("NV-02", dated(date(2025, 9, 2)), lead=None),  # no lead: nobody to write to
    )
    report_ = classify(data, date(2025, 10, 1))
    config = ReportConfig.model_validate({"document": {"date": "2025-10-02"}})
    first = write_letters(report_, tmp_path / "a", config, reply_by=date(2025, 10, 15))
    again = write_letters(report_, tmp_path / "b", config, reply_by=date(2025, 10, 15))
    assert [p.name for p in first] == ["cong-van-don-doc-so-noi-vu.docx"]  # one agency however written
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]


def test_agency_text_is_printed_literally(tmp_path):
    from docx import Document

    title = "Giữ {{ agency.name }} & <b>{% if x %}</b> nguyên văn"
    report_ = classify(result(task("NV-01", dated(date(2025, 9, 1)), title=title, lead=STC)), date(2025, 10, 1))
    letter = write_letters(report_, tmp_path, office_config())[0]
    assert task_table(Document(str(letter))).rows[1].cells[2].text == title
    appendix = write_overdue_docx(report_, tmp_path / "qua-han.docx", office_config())
    assert task_table(Document(str(appendix))).rows[2].cells[2].text == title


def test_party_style_letter_number(tmp_path):
    from docx import Document

    report_ = classify(result(task("NV-01", dated(date(2025, 9, 1)), lead=STC)), date(2025, 10, 1))
    config = ReportConfig.model_validate({"style": "party", "agency": {"code": "ĐUUBNDT"}})
    letter = write_letters(report_, tmp_path, config)[0]
    header = "\n".join(c.text for c in Document(str(letter)).tables[0]._cells)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header and "-CV/ĐUUBNDT" in header and "Số:" not in header


def test_templates_are_built_by_the_generator(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_overdue_templates", TEMPLATES / "build_overdue_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for built in module.build_all(tmp_path):
        assert built.read_bytes() == (TEMPLATES / built.name).read_bytes(), f"rebuild {built.name}"


def test_counts_in_the_summary_line_are_written_with_thousands_separators():
    """1,200 tasks: "1.200/1.200" in Vietnamese, "1,200/1,200" in English (as the documents write numbers)."""
    from nq57cli.domain.models import Deadline, MergeResult, Task
    from nq57cli.tasks.overduereport import classify

    tasks = [Task(task_id=f"NV-{n:04d}", order=n, title=f"Nhiệm vụ {n}", lead="Sở Nội vụ", status="in_progress",
                  deadline=Deadline(kind="date", due=date(2025, 6, 30), raw="30/06/2025")) for n in range(1, 1201)]
    report_ = classify(MergeResult(tasks=tasks, groups=[], findings=[], inputs=[]), date(2025, 12, 31))
    assert "Tính đến ngày 31/12/2025: 1.200/1.200 nhiệm vụ quá hạn (đang thực hiện 1.200," in summary_line(report_)
    assert "As of 31/12/2025: 1,200/1,200 tasks overdue (in progress 1,200," in summary_line(report_, "en")
