"""merged.xlsx: the sheets people edit in Excel, and reading their edits back."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from conftest import SAMPLES, submission_rows, write_xlsx
from nq57cli.tasks.merge import merge
from nq57cli.write.mergedbook import CONTINUED, read_merged, write_merged
from nq57cli.core.cells import EXCEL_MAX_TEXT

SUBMISSIONS = sorted((SAMPLES / "submissions").glob("*.xlsx"))


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    result = merge(SUBMISSIONS, catalog=SAMPLES / "catalog.xlsx")
    path = write_merged(result, tmp_path_factory.mktemp("m") / "merged.xlsx")
    return result, path


def test_sheets_layout(merged):
    result, path = merged
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Nhiệm vụ", "Nhóm nhiệm vụ", "Báo cáo đơn vị", "Phát hiện", "Đầu vào"]
    tasks = wb["Nhiệm vụ"]
    assert tasks.freeze_panes == "A2"
    assert tasks.max_row == 1 + 38
    assert tasks["A1"].value == "Mã nhiệm vụ" and tasks["A1"].font.bold
    assert round(tasks.column_dimensions["K"].width) in (80, 81)
    assert tasks["K2"].alignment.wrap_text and tasks["K2"].alignment.vertical == "top"
    assert tasks["J3"].value in {"Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Chưa có báo cáo",
                                 "Không thuộc nhiệm vụ", "Chờ hướng dẫn của Trung ương"}
    reports = wb["Báo cáo đơn vị"]
    assert reports.max_row == 1 + sum(len(t.reports) for t in result.tasks) + len(result.unmatched)
    sources = [reports.cell(r, 12).value for r in range(2, reports.max_row + 1)]
    assert "Báo cáo!C8" in sources  # so-khoa-hoc-cong-nghe.xlsx, NQ57-01 on row 8
    inputs = wb["Đầu vào"]
    assert inputs.cell(2, 1).value == "catalog.xlsx" and len(inputs.cell(2, 8).value) == 64
    assert wb["Phát hiện"].max_row == 1 + len(result.findings)


def test_equals_text_is_stored_as_text_not_formula(merged):
    _, path = merged
    wb = openpyxl.load_workbook(path)
    cells = [c for row in wb["Báo cáo đơn vị"].iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)
    raw = wb["Nhiệm vụ"]
    assert all(c.data_type != "f" for row in raw.iter_rows() for c in row)


def test_edits_made_in_excel_are_read_back(merged, tmp_path):
    result, path = merged
    wb = openpyxl.load_workbook(path)
    ws = wb["Nhiệm vụ"]
    ws["J2"] = "Đã hoàn thành"
    ws["K2"] = "Lời văn đã biên tập lại.\nDòng thứ hai."
    ws["L2"] = date(2025, 9, 1)
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    back, findings = read_merged(edited)
    first = back.tasks[0]
    assert first.task_id == "NQ57-01"
    assert first.status == "completed"
    assert first.result == "Lời văn đã biên tập lại.\nDòng thứ hai."
    assert first.completed_on == date(2025, 9, 1)
    assert [g.key for g in back.groups] == [g.key for g in result.groups]
    assert len(back.tasks) == 38
    original = {t.task_id: t for t in result.tasks}
    for task in back.tasks[1:]:
        assert task.status == original[task.task_id].status
        assert task.deadline.due == original[task.task_id].deadline.due
        assert [r.agency for r in task.reports] == [r.agency for r in original[task.task_id].reports]
    assert findings == []


def test_unknown_status_typed_in_excel_is_a_finding(merged, tmp_path):
    _, path = merged
    wb = openpyxl.load_workbook(path)
    wb["Nhiệm vụ"]["J5"] = "gần xong rồi"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    back, findings = read_merged(edited)
    assert [(f.code, f.cell) for f in findings] == [("merged.bad_status", "J5")]
    assert back.tasks[3].status == "unknown"  # a status that cannot be read is unclear, not "no report"


def test_a_task_text_longer_than_a_cell_is_marked_and_read_back_whole(tmp_path, catalog):
    """Four agencies × 10,000 characters on one task: the tasks sheet keeps whole lines that fit in an Excel
    cell and a "còn tiếp" mark; reading merged.xlsx back joins the full text from the reports sheet (what
    render prints), and an edited cell is taken as typed."""
    files = []
    for i, agency in enumerate(["SỞ NỘI VỤ", "SỞ TÀI CHÍNH", "SỞ Y TẾ", "SỞ XÂY DỰNG"]):
        text = f"Báo cáo {i}: " + "đã triển khai các nội dung " * 370
        files.append(write_xlsx(tmp_path / f"{i}.xlsx", submission_rows(agency, [
            ["NV-01", 1, "Tiếp tục nâng cao tinh thần trách nhiệm", "31/12/2025", "Đang thực hiện", text, None]])))
    result = merge(files, catalog=catalog)
    full = result.tasks[0].result
    assert len(full) > EXCEL_MAX_TEXT and full.count("\n") == 3
    note = next(f for f in result.findings if f.code == "task.text_continued")
    assert (note.severity, note.params["task_id"], note.params["length"]) == ("info", "NV-01", len(full))
    assert "quá sức chứa một ô Excel (32767)" in note.message("vi")
    path = write_merged(result, tmp_path / "merged.xlsx")
    wb = openpyxl.load_workbook(path)
    shown = wb["Nhiệm vụ"]["K2"].value
    assert len(shown) <= EXCEL_MAX_TEXT and shown.endswith(CONTINUED)
    assert shown[:-len(CONTINUED)] == "\n".join(full.split("\n")[:3])  # three agencies' lines, none cut
    back, _ = read_merged(path)
    assert back.tasks[0].result == full
    wb["Nhiệm vụ"]["K2"] = "Tóm tắt do văn phòng viết."
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    assert read_merged(edited)[0].tasks[0].result == "Tóm tắt do văn phòng viết."
