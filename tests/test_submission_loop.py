"""The submission loop: templates for agencies → filled → merged; marked copies; who has not answered."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import SAMPLES, sha256, write_xlsx
from nq57cli.write.agencybook import COLUMNS, DATA_SHEET, GUIDE_SHEET, STATUS_CHOICES, write_agency_templates
from nq57cli.write.agencyplan import concerned, file_stem, plan_templates, read_agency_list
from nq57cli.write.annotate import FINDINGS_SHEET, annotate, findings_for
from nq57cli.read.columns import field_for
from nq57cli.errors import UnreadableInputError, UsageError
from nq57cli.tasks.filereport import validate_files
from nq57cli.tasks.catalog import load_catalog
from nq57cli.tasks.merge import merge
from nq57cli.tasks.missing import LeadGap, missing_report
from nq57cli.read.reader import read_table
from nq57cli.domain.status import STATUS_LABELS, parse_status

CATALOG = SAMPLES / "catalog.xlsx"
SUBMISSIONS = sorted((SAMPLES / "submissions").glob("*.xlsx"))
MESSY = SAMPLES / "submissions" / "cong-an-tinh.xlsx"
AGENCIES = ["Sở Khoa học và Công nghệ", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Sở Tài chính", "Công an tỉnh",
            "UBND xã Nghĩa Hành"]
DONE_ON = date(2025, 8, 15)
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(CATALOG)


@pytest.fixture(scope="module")
def sample_result():
    return merge(SUBMISSIONS, catalog=CATALOG)


def header_row(ws) -> int:
    return next(r for r in range(1, 31) if ws.cell(r, 1).value == "Mã nhiệm vụ")


def task_rows(ws, ids: set[str]) -> list[int]:
    return [r for r in range(header_row(ws) + 1, ws.max_row + 1) if ws.cell(r, 1).value in ids]


def status_list(ws) -> list[str]:
    """The choices of the status drop-down, read from the file."""
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    return lists[0].formula1.strip('"').split(",")


def fill(path: Path, ids: set[str]) -> dict[str, str]:
    """Fill a template as an agency would: a status from the drop-down, a result, a date when done."""
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    choices = status_list(ws)
    chosen = {}
    for n, row in enumerate(task_rows(ws, ids)):
        status = choices[n % len(choices)]
        task_id = ws.cell(row, 1).value
        ws.cell(row, 6, status)
        ws.cell(row, 7, f"Kết quả của đơn vị về nhiệm vụ {task_id}:\n- đã ban hành văn bản số {n + 1}/KH.")
        if parse_status(status) == "completed":
            ws.cell(row, 8, DONE_ON)
        if n % 3 == 0:
            ws.cell(row, 9, "Thiếu kinh phí")
            ws.cell(row, 10, "Đề nghị bố trí kinh phí")
        chosen[task_id] = status
    wb.save(path)
    return chosen


# (a) templates → filled → merged without a finding


@pytest.fixture(scope="module")
def filled(catalog, tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    paths = write_agency_templates(catalog, folder, AGENCIES, period="tháng 8/2025", return_by=date(2025, 8, 25))
    ids = {t.task_id for t in catalog.tasks}
    chosen = {agency: fill(path, ids) for agency, path in zip(AGENCIES, paths)}
    return paths, chosen


def test_one_ascii_named_template_per_agency(catalog, tmp_path):
    paths = write_agency_templates(catalog, tmp_path, AGENCIES)
    assert [p.name for p in paths] == [f"{file_stem(a)}.xlsx" for a in AGENCIES]
    assert paths[0].name == "so-khoa-hoc-va-cong-nghe.xlsx"
    assert all(p.name.isascii() and p.parent == tmp_path for p in paths)
    again = write_agency_templates(catalog, tmp_path / "again", AGENCIES)
    for first, second in zip(paths, again):
        a, b = load_workbook(first), load_workbook(second)
        assert [[c.value for c in row] for row in a[DATA_SHEET].iter_rows()] == \
               [[c.value for c in row] for row in b[DATA_SHEET].iter_rows()]


def test_filled_templates_merge_without_a_finding(catalog, filled):
    paths, chosen = filled
    result = merge(paths, catalog=CATALOG)
    problems = [f for f in result.findings if f.severity in ("error", "warning") and f.file != CATALOG.name]
    assert problems == []
    # The only warning left is the catalog's own ("10-01-2025"), not the templates'.
    assert {f.code for f in result.findings if f.severity != "info"} <= {f.code for f in catalog.findings}
    by_file = {i.name: i for i in result.inputs if i.role == "submission"}
    for agency, path in zip(AGENCIES, paths):
        info = by_file[path.name]
        assert (info.agency, info.agency_source) == (agency, "label")
    for task in result.tasks:
        assert sorted(task.agencies) == sorted(concerned(task))  # every agency on its own tasks, no other
        for report in task.reports:
            assert report.match_method == "id"
            assert report.status_raw == chosen[report.agency][task.task_id]
            assert report.result and report.result.startswith(f"Kết quả của đơn vị về nhiệm vụ {task.task_id}")
            assert report.completed_on == (DONE_ON if report.status == "completed" else None)
    gaps = missing_report(result)
    assert gaps.not_sent == [] and gaps.tasks_not_reported == [] and gaps.lead_silent == []


def test_template_rows_follow_the_catalog(catalog, filled):
    paths, _ = filled
    plans = {p.agency: p for p in plan_templates(catalog, AGENCIES)}
    for agency, path in zip(AGENCIES, paths):
        table = read_table(path).table
        assert table.sheet == DATA_SHEET
        assert {f: table.headers[f] for f, _, _, _ in COLUMNS} == {f: h for f, h, _, _ in COLUMNS}
        ids = [r.values["task_id"] for r in table.rows if not r.group]
        assert ids == [t.task_id for t in plans[agency].tasks]
        assert ids == [t.task_id for t in catalog.tasks if agency in concerned(t)]
        groups = [r.group for r in table.rows if r.group]
        titles = {g.key: g.title for g in catalog.groups}
        assert groups == [titles[k] for k in dict.fromkeys(t.group for t in plans[agency].tasks)]


def test_template_layout_protection_validation_and_print(catalog, tmp_path):
    path = write_agency_templates(catalog, tmp_path, ["Công an tỉnh"], period="tháng 8/2025",
                                  return_by=date(2025, 8, 25))[0]
    wb = load_workbook(path)
    assert wb.sheetnames == [GUIDE_SHEET, DATA_SHEET]
    ws = wb[DATA_SHEET]
    top = header_row(ws)
    assert [ws.cell(top, c).value for c in range(1, 11)] == [
        "Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Văn bản giao nhiệm vụ", "Thời hạn hoàn thành", "Tình trạng",
        "Kết quả thực hiện", "Ngày hoàn thành thực tế", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"]
    assert [field_for(ws.cell(top, c).value) for c in range(1, 11)] == [f for f, _, _, _ in COLUMNS]
    assert ws["A1"].value == "Đơn vị báo cáo: Công an tỉnh"
    assert any("tháng 8/2025" in str(ws.cell(r, 1).value) for r in range(1, top))

    # Protection without a password; catalog columns locked, input columns open.
    assert ws.protection.sheet and not ws.protection.password
    rows = task_rows(ws, {t.task_id for t in catalog.tasks})
    assert len(rows) == 8
    for row in rows:
        assert all(ws.cell(row, c).protection.locked for c in range(1, 6))
        assert not any(ws.cell(row, c).protection.locked for c in range(6, 11))
        assert ws.cell(row, 7).alignment.wrap_text and ws.cell(row, 9).alignment.wrap_text
        assert ws.cell(row, 8).number_format.lower() == "dd/mm/yyyy"
    assert ws.cell(top, 6).protection.locked and ws["A1"].protection.locked

    # Group rows merged across and bold.
    group_rows = [r for r in range(top + 1, ws.max_row + 1) if r not in rows]
    assert group_rows and all(f"A{r}:J{r}" in {str(m) for m in ws.merged_cells.ranges} for r in group_rows)
    assert all(ws.cell(r, 1).font.b and str(ws.cell(r, 1).value).startswith("Nhóm ") for r in group_rows)

    # Drop-down of the official labels (not "no report"), date validation on the completion date.
    choices = status_list(ws)
    assert choices == STATUS_CHOICES and "Đã hoàn thành" in choices
    assert STATUS_LABELS["no_report"]["vi"] not in choices
    assert all(parse_status(c) for c in choices)
    dvs = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert "Đã hoàn thành" in dvs["list"].formula1 and dvs["list"].showErrorMessage
    assert dvs["date"].showErrorMessage
    for row in rows:
        assert f"F{row}" in dvs["list"].sqref and f"H{row}" in dvs["date"].sqref
        assert f"G{row}" not in dvs["list"].sqref
    assert not any(f"F{r}" in dvs["list"].sqref for r in group_rows)

    # Print: landscape A4, fit to width, header repeated; panes frozen under the header.
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows.replace("$", "") == f"{top}:{top}"
    assert ws.freeze_panes == f"A{top + 1}"

    guide = "\n".join(str(c.value) for c in wb[GUIDE_SHEET]["A"] if c.value)
    for text in ["dd/mm/yyyy", "25/08/2025", "Công an tỉnh", "tháng 8/2025", *STATUS_CHOICES, "NQ57-08"]:
        assert text in guide


def test_agency_outside_the_catalog_gets_every_task(catalog, tmp_path):
    plans = plan_templates(catalog, ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Y tế", "sở y tế"])
    assert [p.agency for p in plans] == ["Sở Khoa học và Công nghệ", "Sở Y tế"]
    assert plans[0].named and not plans[1].named
    assert len(plans[1].tasks) == len(catalog.tasks)


def test_catalog_without_agencies_lists_all_tasks(tmp_path):
    rows = [["DANH MỤC"], [], ["Mã nhiệm vụ", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành"],
            ["Nhóm 1 - Nâng cao nhận thức về chuyển đổi số"],
            ["NV-01", "Ban hành kế hoạch chuyển đổi số năm 2025", "31/12/2025"],
            ["NV-02", "=> Đánh giá mức độ chuyển đổi số cấp xã", "Quý IV/2025"]]
    path = write_xlsx(tmp_path / "danh-muc.xlsx", rows, merges=["A4:C4"])
    wb = load_workbook(path)
    wb.active["B6"].data_type = "s"  # text beginning with "=", as Excel stores it when typed as text
    wb.save(path)
    catalog = load_catalog(path)
    with pytest.raises(UsageError):
        write_agency_templates(catalog, tmp_path / "out")
    out = write_agency_templates(catalog, tmp_path / "out", ["UBND xã Nghĩa Hành"])[0]
    ws = load_workbook(out)[DATA_SHEET]
    rows = task_rows(ws, {"NV-01", "NV-02"})
    assert len(rows) == 2
    assert ws.cell(rows[1], 3).value == "=> Đánh giá mức độ chuyển đổi số cấp xã"
    assert ws.cell(rows[1], 3).data_type == "s"  # catalog text that starts with "=" is no formula


def test_read_agency_list(tmp_path):
    rows = [["DANH SÁCH ĐƠN VỊ BÁO CÁO"], [], ["STT", "Tên đơn vị", "Ghi chú"], [None, "I. CÁC SỞ, NGÀNH"],
            [1, "Sở Nội vụ"], [2, "  Sở   Tài chính "], [3, "Sở Nội vụ"], [4, None], [5, "UBND xã Nghĩa Hành"]]
    path = write_xlsx(tmp_path / "agencies.xlsx", rows, sheet="Đơn vị", before=["Hướng dẫn"])
    assert read_agency_list(path) == ["Sở Nội vụ", "Sở Tài chính", "UBND xã Nghĩa Hành"]
    with pytest.raises(UnreadableInputError):
        read_agency_list(write_xlsx(tmp_path / "other.xlsx", [["Họ tên", "Chức vụ"], ["A", "B"]]))


# (b) a marked copy of the messiest submission


@pytest.fixture(scope="module")
def marked(sample_result, tmp_path_factory):
    before = sha256(MESSY)
    out = annotate(MESSY, sample_result.findings, tmp_path_factory.mktemp("annotated"))
    assert sha256(MESSY) == before  # the original is never touched
    return out


def test_marked_copy_comments_and_fills(sample_result, marked):
    assert marked.name == MESSY.name and marked.parent != MESSY.parent
    problems = {p["where"].split("!")[1] for p in EXPECTED["problems"] if p["file"] == MESSY.name}
    wb = load_workbook(marked)
    ws = wb["Sheet1"]
    own = [f for f in sample_result.findings if f.file == MESSY.name and f.cell]
    expected_cells = {"A5": "error", "G6": "error", "A7": "error", "G8": "warning", "F9": "warning"}
    assert set(expected_cells) <= problems
    for cell, severity in expected_cells.items():
        comment = ws[cell].comment
        assert comment is not None and comment.author == "nq57"
        for finding in (f for f in own if f.cell == cell):
            assert finding.message("vi") in comment.text
        assert ws[cell].fill.fgColor.rgb.endswith("FFC7CE" if severity == "error" else "FFEB9C")
    assert "ngày không tồn tại" in ws["G6"].comment.text
    assert "NQ57-99" in ws["A7"].comment.text and "không có trong danh mục" in ws["A7"].comment.text
    marked_cells = {c.coordinate for row in ws.iter_rows() for c in row if c.comment}
    assert marked_cells == {f.cell for f in own if f.severity in ("error", "warning")}


def test_marked_copy_lists_findings_with_links(sample_result, marked):
    wb = load_workbook(marked)
    assert wb.sheetnames == ["Sheet1", FINDINGS_SHEET] and wb.active.title == FINDINGS_SHEET
    sheet = wb[FINDINGS_SHEET]
    head = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Mức độ")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=head + 1)]
    own = findings_for(MESSY, sample_result.findings)
    assert len(rows) == len(own) and any(f.cell is None for f in own)  # file-level findings too
    assert [r[5] for r in rows] == [f.message("vi") for f in own]
    assert [r[0] for r in rows][:3] == ["Lỗi", "Lỗi", "Lỗi"]
    links = {sheet.cell(r, 3).value: sheet.cell(r, 3).hyperlink for r in range(head + 1, sheet.max_row + 1)
             if sheet.cell(r, 3).value}
    assert links["G6"].location == "'Sheet1'!G6" and links["A5"].location == "'Sheet1'!A5"
    assert all(link is not None for link in links.values())


def test_marked_copy_keeps_the_agency_data(sample_result, marked):
    original, copy = load_workbook(MESSY)["Sheet1"], load_workbook(marked)["Sheet1"]
    marked_cells = {f.cell for f in sample_result.findings if f.file == MESSY.name and f.cell}
    assert copy.max_row == original.max_row and copy.max_column == original.max_column
    for row in original.iter_rows():
        for cell in row:
            twin = copy[cell.coordinate]
            assert twin.value == cell.value, cell.coordinate
            if cell.coordinate not in marked_cells:
                styles = lambda c: [repr(c.fill), repr(c.font), c.number_format, repr(c.alignment)]  # noqa: E731
                assert styles(twin) == styles(cell), cell.coordinate
    assert copy["F3"].data_type == "s"  # "=> ..." stays text
    # Read back, the copy gives the same findings as the original.
    again = merge([marked], catalog=CATALOG)
    key = lambda f: (f.code, f.sheet, f.cell, f.value)  # noqa: E731
    assert sorted(map(key, (f for f in again.findings if f.file == MESSY.name))) == \
           sorted(map(key, findings_for(MESSY, sample_result.findings)))


def test_marked_template_keeps_merges_protection_and_validation(catalog, tmp_path):
    path = write_agency_templates(catalog, tmp_path / "tpl", ["Sở Tài chính"])[0]
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    row = task_rows(ws, {t.task_id for t in catalog.tasks})[0]
    ws.cell(row, 6, "Xong rồi nhé")  # typed past the drop-down: unknown status
    ws.cell(row, 8, "31/02/2025")
    wb.save(path)
    result = merge([path], catalog=CATALOG)
    assert {f.code for f in result.findings if f.file == path.name and f.severity == "error"} == \
           {"status.unknown", "date.invalid"}
    out = annotate(path, result.findings, tmp_path / "marked")
    before, after = load_workbook(path), load_workbook(out)
    for name in (GUIDE_SHEET, DATA_SHEET):
        assert {str(m) for m in after[name].merged_cells.ranges} == {str(m) for m in before[name].merged_cells.ranges}
    data = after[DATA_SHEET]
    assert data.protection.sheet and data.print_title_rows == before[DATA_SHEET].print_title_rows
    assert len(data.data_validations.dataValidation) == 2
    assert "Tình trạng" in data.cell(row, 6).comment.text or "tình trạng" in data.cell(row, 6).comment.text
    assert data.cell(row, 8).comment is not None
    again = annotate(out, merge([out], catalog=CATALOG).findings, tmp_path / "twice")  # a marked copy sent back
    assert load_workbook(again).sheetnames.count(FINDINGS_SHEET) == 1


def test_unreadable_workbook_gets_a_separate_findings_book(tmp_path):
    for name in ("hong.xlsx", "cu.xls"):
        bad = tmp_path / "in" / name
        bad.parent.mkdir(exist_ok=True)
        bad.write_bytes(b"not a workbook at all")
        result = merge([bad], catalog=CATALOG)
        out = annotate(bad, result.findings, tmp_path / "out")
        assert out.name == f"{bad.stem}-loi-can-sua.xlsx"
        wb = load_workbook(out)
        assert wb.sheetnames == [FINDINGS_SHEET]
        codes = [c.value for c in wb[FINDINGS_SHEET]["G"] if c.value]
        assert "file.corrupt" in codes


def test_annotate_refuses_to_write_over_the_original(sample_result, tmp_path):
    copy = tmp_path / MESSY.name
    shutil.copyfile(MESSY, copy)
    with pytest.raises(UsageError):
        annotate(copy, sample_result.findings, tmp_path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_marked_copy_opens_in_libreoffice(marked, tmp_path):
    def convert(path: Path) -> bool:
        out = tmp_path / "pdf"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out), str(path)],
                       capture_output=True, timeout=180, check=False)
        return (out / f"{path.stem}.pdf").exists()

    if not convert(SAMPLES / "submissions" / "so-noi-vu.xlsx"):
        pytest.skip("LibreOffice Calc cannot open workbooks here")
    assert convert(marked)


# (c) who has not answered


def test_missing_on_the_samples(sample_result):
    gaps = missing_report(sample_result, expected=sample_result.expected_agencies + ["Sở Y tế", "CÔNG AN TỈNH"])
    assert gaps.not_sent == ["Sở Y tế"]
    assert [t.task_id for t in gaps.tasks_not_reported] == EXPECTED["tasks_without_report"] == \
           ["NQ57-03", "NQ57-05", "NQ57-10"]
    assert gaps.lead_silent == [LeadGap(agency="Sở Tài chính", tasks=["NQ57-23"])]
    assert [{"agency": g.agency, "task": t} for g in gaps.lead_silent for t in g.tasks] == \
           EXPECTED["skipped_by_expected_agency"]
    finance = next(a for a in gaps.agencies if a.agency == "Sở Tài chính")
    assert finance.sent and finance.files == ["so-tai-chinh.xlsx"]
    assert finance.silent_lead_tasks == ["NQ57-05", "NQ57-23"]
    # The same facts as merge's own findings.
    assert [f.params["task_id"] for f in sample_result.findings if f.code == "task.not_reported"] == \
           [t.task_id for t in gaps.tasks_not_reported]
    assert [(f.params["agency"], f.params["task_id"]) for f in sample_result.findings if f.code == "task.lead_silent"] \
           == [(g.agency, t) for g in gaps.lead_silent for t in g.tasks]
    lines = gaps.summary_lines("vi")
    assert lines[0] == gaps.summary("vi") and "6/7" in lines[0]
    assert any("Sở Y tế" in line for line in lines) and any("NQ57-23" in line for line in lines)
    assert json.loads(json.dumps(gaps.to_json_dict()))["counts"]["tasks_not_reported"] == 3


def test_missing_agency_that_sent_nothing():
    result = merge([p for p in SUBMISSIONS if p != MESSY], catalog=CATALOG)
    gaps = missing_report(result)
    assert gaps.not_sent == ["Công an tỉnh"]
    police = next(a for a in gaps.agencies if a.agency == "Công an tỉnh")
    assert not police.sent and police.silent_lead_tasks == ["NQ57-08", "NQ57-22", "NQ57-28"]
    assert "Công an tỉnh" in {g.agency for g in gaps.lead_silent}


def test_validate_groups_merge_findings_by_file(sample_result):
    report = validate_files(SUBMISSIONS, catalog=CATALOG)
    assert report.findings == sample_result.findings
    assert sum(len(f.findings) for f in report.files) + len(report.general) == len(sample_result.findings)
    by_name = {f.file: f for f in report.files}
    assert by_name["catalog.xlsx"].role == "catalog"
    assert not by_name[MESSY.name].clean and by_name[MESSY.name].count("error") == 3
    assert "so-khoa-hoc-cong-nghe.xlsx" in report.clean_files and MESSY.name not in report.clean_files
    assert all(f.file is None for f in report.general)
    data = json.loads(json.dumps(report.to_json_dict("vi"), ensure_ascii=False))
    assert data["clean_files"] == report.clean_files


def test_merge_shows_ten_names_of_each_gap_and_missing_shows_them_all():
    from nq57cli.tasks.missing import LeadGap, MissingReport, TaskGap

    communes = [f"UBND xã Số {n}" for n in range(1, 31)]
    report = MissingReport(expected=communes, not_sent=communes[5:], unexpected=["Sở Ban ngành số 9"],
                           unreadable_files=[], tasks_not_reported=[TaskGap(task_id=f"NV-{n:04d}", title="x")
                                                                    for n in range(1, 13)],
                           lead_silent=[LeadGap(agency=c, tasks=["NV-0001"]) for c in communes[:12]], agencies=[])
    short = report.summary_lines("vi", limit=10)
    assert short[1] == "Đơn vị chưa gửi báo cáo: " + "; ".join(communes[5:15]) + \
        " … và 15 mục khác (nq57 missing in đủ)"
    assert short[2].endswith("NV-0010 … và 2 mục khác (nq57 missing in đủ)")
    assert len(short) == 1 + 2 + 10 + 1 + 1 and short[13].startswith("… và 2 cơ quan chủ trì khác")
    assert short[-1] == "Đơn vị ngoài danh sách: Sở Ban ngành số 9"
    full = report.summary_lines("vi")
    assert full[1] == "Đơn vị chưa gửi báo cáo: " + "; ".join(communes[5:]) and len(full) == 1 + 2 + 12 + 1
    assert report.summary_lines("en", limit=10)[1].endswith("… and 15 more (nq57 missing lists them all)")


def test_missing_summary_writes_counts_with_thousands_separators():
    from nq57cli.tasks.missing import MissingReport

    names = [f"UBND xã Số {n}" for n in range(1, 1201)]
    report = MissingReport(expected=names, not_sent=names[:5], unexpected=[], unreadable_files=[],
                           tasks_not_reported=[], lead_silent=[], agencies=[])
    assert report.summary("vi").startswith("1.195/1.200 đơn vị đã gửi báo cáo;")
    assert report.summary("en").startswith("1,195/1,200 expected agencies sent a file;")
