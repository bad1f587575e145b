"""Nothing read is dropped: reports over several rows, signature blocks, unknown statuses, cells whose
value cannot be read (formulas without value, Excel errors). Small real workbooks built with openpyxl."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from openpyxl import Workbook
from typer.testing import CliRunner

from conftest import HEADER, submission_rows, write_xlsx, office_config
from nq57cli.write.jsonout import merge_result_to_dict
from nq57cli.cli.app import app
from nq57cli.domain.config import ReportConfig
from nq57cli.domain.status import combine_status
from nq57cli.tasks.merge import merge
from nq57cli.write.mergedbook import read_merged, write_merged
from nq57cli.read.reader import read_table
from nq57cli.render.context import build_context
from nq57cli.render.document import render_document

NV01 = "Tiếp tục nâng cao tinh thần trách nhiệm, có quyết tâm chính trị cao"
NV02 = "Rà soát, ban hành các văn bản thuộc lĩnh vực, chức năng làm căn cứ triển khai Đề án"
NV03 = "Đẩy mạnh hợp tác với doanh nghiệp, viện, trường trong và ngoài nước về khoa học"
ERRORS = ("#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!")
SIGNATURE = [  # rows 9–16 under a table whose last report is on row 8
    [],
    [None, None, None, None, None, "Quảng Ngãi, ngày 20 tháng 7 năm 2025"],
    ["Nơi nhận:", None, None, None, None, "KT. GIÁM ĐỐC"],
    ["- UBND tỉnh (b/c);", None, None, None, None, "PHÓ GIÁM ĐỐC"],
    ["- Lưu: VT, KHTC.", None, None, None, None, None],
    [None, None, None, None, None, "(Đã ký)"],
    [],
    [None, None, "Người lập biểu", None, None, "Nguyễn Văn An"],
]


def config() -> ReportConfig:
    return office_config({"document.number": "300", "document.date": "2025-09-20"})


def phu_luc_03_rows(result, tmp_path: Path) -> list[list[str]]:
    path = render_document(result, "phu-luc-03", config(), tmp_path / "phu-luc-03.docx")
    return [[cell.text for cell in row.cells] for row in Document(str(path)).tables[0].rows]


def two_row_submission(tmp_path: Path) -> Path:
    """NV-01 over rows 5–6 (ID, STT and task cells merged), NV-03 on row 7 with its result continued on row
    8 (no ID, STT nor task text), then a signature block and notes."""
    rows = submission_rows("SỞ KHOA HỌC VÀ CÔNG NGHỆ", [
        ["NV-01", 1, NV01, "31/12/2025", "Đang thực hiện", "Đã ban hành kế hoạch."],  # row 5
        [None, None, None, None, None, "Đã tổ chức hội nghị quán triệt."],  # row 6
        ["NV-03", 2, NV03, "Quý IV/2025", "Đang thực hiện", "Đã ký kết 02 thỏa thuận hợp tác."],  # row 7
        [None, None, None, None, None, "Đang đàm phán thỏa thuận thứ ba."],  # row 8
    ] + SIGNATURE)
    return write_xlsx(tmp_path / "so-khcn.xlsx", rows, merges=["A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6"])


def test_a_report_over_two_rows_keeps_both_rows(tmp_path, catalog):
    result = merge([two_row_submission(tmp_path)], catalog=catalog)
    tasks = {t.task_id: t for t in result.tasks}
    first, third = tasks["NV-01"], tasks["NV-03"]
    assert len(first.reports) == 1 and len(third.reports) == 1
    assert first.reports[0].result == "Đã ban hành kế hoạch.\nĐã tổ chức hội nghị quán triệt."
    assert third.reports[0].result == "Đã ký kết 02 thỏa thuận hợp tác.\nĐang đàm phán thỏa thuận thứ ba."
    assert first.result == "Sở Khoa học và Công nghệ: Đã ban hành kế hoạch.\nĐã tổ chức hội nghị quán triệt."
    assert first.status == third.status == "in_progress"
    continued = [(f.severity, f.cell, f.params["first"], f.params["rows"]) for f in result.findings
                 if f.code == "row.continued"]
    assert continued == [("info", "A5", 5, "6"), ("info", "A7", 7, "8")]
    assert "dòng 5" in next(f for f in result.findings if f.code == "row.continued").message("vi")
    # Nothing is skipped, nothing is a second report, the signature block says nothing.
    codes = {f.code for f in result.findings if f.file == "so-khcn.xlsx"}
    assert not codes & {"task.no_title", "task.no_match", "status.missing", "task.duplicate_match"}
    assert [f for f in result.findings if f.cell and int("".join(filter(str.isdigit, f.cell))) >= 9] == []

    # merged.xlsx holds both rows' text and gives them back.
    merged = write_merged(result, tmp_path / "merged.xlsx")
    sheet = openpyxl.load_workbook(merged)["Nhiệm vụ"]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "NV-01")
    assert "Đã ban hành kế hoạch.\nĐã tổ chức hội nghị quán triệt." in row[10]
    back, findings = read_merged(merged)
    assert findings == []
    assert next(t for t in back.tasks if t.task_id == "NV-01").result == first.result
    assert next(t for t in back.tasks if t.task_id == "NV-01").reports[0].result == first.reports[0].result

    # The rendered Phụ lục 03 prints both.
    cells = {r[1]: r for r in phu_luc_03_rows(result, tmp_path)}
    assert "Đã ban hành kế hoạch.\nĐã tổ chức hội nghị quán triệt." in cells[NV01][4]
    assert "Đang đàm phán thỏa thuận thứ ba." in cells[NV03][4]


def test_signature_block_is_neither_data_nor_a_group(tmp_path):
    """Without a catalog the groups come from the submissions: "PHÓ GIÁM ĐỐC" in capitals is no group."""
    result = merge([two_row_submission(tmp_path)])
    assert [t.title for t in result.tasks] == [NV01, NV03]
    assert result.groups == []
    assert result.unmatched == []
    assert [f.code for f in result.findings if f.severity != "info"] == []


def test_merged_cells_hold_no_other_task_id(tmp_path, catalog):
    """A merged STT over two rows that each name their own task ID: two reports, nothing appended."""
    rows = submission_rows(None, [
        ["NV-01", 1, NV01, None, "Đang thực hiện", "Một"],
        ["NV-02", None, NV02, None, "Đã hoàn thành", "Hai"],
    ])
    result = merge([write_xlsx(tmp_path / "a.xlsx", rows, merges=["B3:B4"])], catalog=catalog)
    tasks = {t.task_id: t for t in result.tasks}
    assert tasks["NV-01"].reports[0].result == "Một" and tasks["NV-02"].reports[0].result == "Hai"
    assert "row.continued" not in {f.code for f in result.findings}


def test_a_second_status_in_a_continued_row_is_noted(tmp_path, catalog):
    rows = submission_rows(None, [
        ["NV-01", 1, NV01, None, "Đang thực hiện", "Một"],  # row 3
        [None, None, None, None, "Đã hoàn thành", "Hai"],  # row 4, inside the merge of A3:C4
    ])
    result = merge([write_xlsx(tmp_path / "a.xlsx", rows, merges=["A3:A4", "B3:B4", "C3:C4"])], catalog=catalog)
    task = next(t for t in result.tasks if t.task_id == "NV-01")
    assert task.status == "in_progress" and task.reports[0].result == "Một\nHai"
    ignored = next(f for f in result.findings if f.code == "row.continued_value")
    assert (ignored.severity, ignored.cell, ignored.value) == ("warning", "E4", "Đã hoàn thành")
    assert "Đang thực hiện" in ignored.message("vi")


def test_rows_without_key_and_not_under_a_report_still_warn(tmp_path, catalog):
    """A result with no task text after a blank row continues nothing: the warning stays."""
    rows = submission_rows(None, [["NV-01", 1, NV01, None, "Đang thực hiện", "Một"], [],
                                  [None, None, None, None, "Đã hoàn thành", "Lạc dòng"]])
    result = merge([write_xlsx(tmp_path / "a.xlsx", rows)], catalog=catalog)
    assert [(f.code, f.cell) for f in result.findings if f.code == "task.no_title"] == [("task.no_title", "C5")]


# ------------------------------------------------------------------------------ unknown status

@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["unknown"], "unknown"),
        (["unknown", "not_applicable"], "unknown"),
        (["unknown", "completed"], "unknown"),  # the unclear one may not be done
        (["unknown", "in_progress"], "in_progress"),  # whatever it says, the task is in progress
        (["unknown", "completed", "not_started"], "in_progress"),
        (["unknown", "not_started"], "unknown"),
        ([None], "unknown"),  # a report without a status is still a report
        ([None, "completed"], "completed"),
        ([], "no_report"),
    ],
)
def test_unknown_status_combines(statuses, expected):
    assert combine_status(statuses) == expected


def test_unknown_status_keeps_its_report(tmp_path, catalog):
    rows = submission_rows("SỞ NỘI VỤ", [
        ["NV-02", 1, NV02, "Tháng 9/2025", "Xong xuôi rồi đó", "Đã rà soát 12 văn bản."],  # row 5
        ["NV-03", 2, NV03, "Quý IV/2025", "Không thực hiện (không thuộc chức năng)", None],  # row 6
    ])
    path = write_xlsx(tmp_path / "so-noi-vu.xlsx", rows)
    result = merge([path], catalog=catalog)
    tasks = {t.task_id: t for t in result.tasks}
    task = tasks["NV-02"]
    assert task.status == "unknown"
    assert task.agencies == ["Sở Nội vụ"] and task.result == "Sở Nội vụ: Đã rà soát 12 văn bản."
    assert (task.reports[0].status, task.reports[0].status_raw) == ("unknown", "Xong xuôi rồi đó")
    unknown = next(f for f in result.findings if f.code == "status.unknown")
    assert (unknown.file, unknown.sheet, unknown.cell, unknown.value) == ("so-noi-vu.xlsx", "Báo cáo", "E5",
                                                                          "Xong xuôi rồi đó")
    assert "Chưa rõ tình trạng" in unknown.message("vi") and "Status unclear" in unknown.message("en")
    assert tasks["NV-03"].status == "not_applicable"  # "not our function"

    data = merge_result_to_dict(result, "vi")
    assert data["summary"]["status"]["unknown"] == 1
    assert next(t for t in data["tasks"] if t["task_id"] == "NV-02")["status"] == "unknown"
    assert next(t for t in data["tasks"] if t["task_id"] == "NV-02")["agencies"][0]["status"] == "unknown"

    out = tmp_path / "merged.xlsx"
    cli = CliRunner().invoke(app, ["merge", "--catalog", str(catalog), str(path), "-o", str(out), "--json"])
    assert json.loads(cli.stdout)["summary"]["status"]["unknown"] == 1

    sheet = openpyxl.load_workbook(out)["Nhiệm vụ"]
    assert next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "NV-02")[9] == "Chưa rõ tình trạng"
    back, findings = read_merged(out)
    assert findings == []
    again = next(t for t in back.tasks if t.task_id == "NV-02")
    assert again.status == "unknown" and again.reports[0].status == "unknown"

    context = build_context(result, config(), "bao-cao")
    assert context["stats"]["unknown"] == 1 and context["stats"]["no_report"] == 1  # NV-01
    assert {"code": "unknown", "label": "Chưa rõ tình trạng"}.items() <= next(
        s for s in context["stats"]["by_status"] if s["code"] == "unknown").items()
    printed = {r[1]: r for r in phu_luc_03_rows(result, tmp_path)}
    assert printed[NV02][5] == "Chưa rõ tình trạng"
    assert printed[NV01][5] == "Chưa có báo cáo"


def test_unknown_status_in_overdue(tmp_path, catalog):
    from datetime import date

    from nq57cli.tasks.overduereport import classify

    rows = submission_rows(None, [["NV-02", 1, NV02, None, "Xong xuôi rồi đó", "Đã rà soát."]])
    result = merge([write_xlsx(tmp_path / "so-noi-vu.xlsx", rows)], catalog=catalog)
    item = classify(result, as_of=date(2025, 11, 1)).item("NV-02")
    assert item.status == "unknown" and item.overdue and item.category == "not_started_late"
    assert item.category != "no_report"


# ------------------------------------------------------------------------ unreadable cells

def workbook_with(tmp_path: Path, name: str, cells: dict[str, tuple[str, str | None]],
                  body: list[list] | None = None) -> Path:
    """A submission (header on row 1) whose `cells` hold formulas ("f") or Excel errors ("e")."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    for r, row in enumerate([HEADER] + (body or []), start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for ref, (kind, value) in cells.items():
        ws[ref] = value
        if kind == "e":
            ws[ref].data_type = "e"
    path = tmp_path / name
    wb.save(path)
    return path


def test_formula_id_without_value_is_an_error_and_matched_by_text(tmp_path, catalog):
    path = workbook_with(tmp_path, "a.xlsx", {"A2": ("f", '=CONCAT("NV-","01")')},
                         [[None, 1, NV01, None, "Đang thực hiện", "Một"]])
    table = read_table(path).table
    assert "A2" in table.formula_cells
    result = merge([path], catalog=catalog)
    finding = next(f for f in result.findings if f.code == "task.id_unreadable")
    assert (finding.severity, finding.file, finding.sheet, finding.cell) == ("error", "a.xlsx", "Báo cáo", "A2")
    assert "khớp theo nội dung" in finding.message("vi") and "matched by its task text" in finding.message("en")
    report = next(t for t in result.tasks if t.task_id == "NV-01").reports[0]
    assert (report.task_id, report.match_method) == (None, "text")


def test_formula_id_in_the_catalog_is_numbered_and_said(tmp_path):
    path = workbook_with(tmp_path, "catalog.xlsx", {"A3": ("f", "=A2")},
                         [["NV-01", 1, NV01], [None, 2, NV02]])
    result = merge([workbook_with(tmp_path, "b.xlsx", {}, [["NV-01", 1, NV01, None, "Đã hoàn thành", "x"]])],
                   catalog=path)
    finding = next(f for f in result.findings if f.code == "task.id_unreadable")
    assert (finding.file, finding.cell, finding.severity) == ("catalog.xlsx", "A3", "error")
    assert "NV-002" in finding.message("vi")
    assert [t.task_id for t in result.tasks] == ["NV-01", "NV-002"]


@pytest.mark.parametrize("error", ERRORS)
def test_excel_error_values_are_findings_in_any_column(tmp_path, catalog, error):
    body = [
        ["NV-01", 1, NV01, None, None, "Một"],  # status E2: error
        ["NV-02", 2, NV02, None, "Đã hoàn thành", None, None],  # result F3, date G3: errors
        [None, 3, NV03, None, "Đang thực hiện", "Ba"],  # ID A4: error
        [],  # row 5: nothing but an error in the task column
    ]
    cells = {"E2": ("e", error), "F3": ("e", error), "G3": ("e", error), "A4": ("e", error), "C5": ("e", error)}
    path = workbook_with(tmp_path, "loi.xlsx", cells, body)
    result = merge([path], catalog=catalog)
    found = {f.cell: (f.code, f.severity, f.file, f.sheet, f.value) for f in result.findings
             if f.code in ("cell.error_value", "task.id_unreadable")}
    assert found == {
        "E2": ("cell.error_value", "warning", "loi.xlsx", "Báo cáo", error),
        "F3": ("cell.error_value", "warning", "loi.xlsx", "Báo cáo", error),
        "G3": ("cell.error_value", "warning", "loi.xlsx", "Báo cáo", error),
        "A4": ("task.id_unreadable", "error", "loi.xlsx", "Báo cáo", error),
        "C5": ("cell.error_value", "warning", "loi.xlsx", "Báo cáo", error),
    }
    assert error in next(f for f in result.findings if f.cell == "E2").message("vi")
    tasks = {t.task_id: t for t in result.tasks}
    assert tasks["NV-01"].status == "unknown"  # its status cell cannot be read
    assert tasks["NV-03"].reports[0].match_method == "text"


def test_formula_without_value_in_a_text_column_and_an_empty_row(tmp_path, catalog):
    path = workbook_with(tmp_path, "f.xlsx", {"F2": ("f", "=A1&B1"), "C3": ("f", "=C2")},
                         [["NV-01", 1, NV01, None, "Đang thực hiện", None]])
    result = merge([path], catalog=catalog)
    assert sorted((f.cell, f.code) for f in result.findings if f.code == "cell.formula_no_value") == [
        ("C3", "cell.formula_no_value"), ("F2", "cell.formula_no_value")]


def test_formula_whose_cached_value_is_empty_text_is_read(tmp_path, catalog):
    """Excel caches a formula giving "" as t="str" with an empty <v>: a value (empty), not a missing one."""
    import zipfile

    path = workbook_with(tmp_path, "s.xlsx", {"F2": ("f", '=""'), "F3": ("f", '=""')},
                         [["NV-01", 1, NV01, None, "Đang thực hiện", None], ["NV-02", 2, NV02, None, "Đang thực hiện"]])
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert b'<c r="F2"><f>""</f><v' in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b'<c r="F2">', b'<c r="F2" t="str">')
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    result = merge([path], catalog=catalog)
    assert [f.cell for f in result.findings if f.code == "cell.formula_no_value"] == ["F3"]
