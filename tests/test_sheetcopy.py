"""The JSON copy of merged.xlsx's reports sheet: read back instead of the sheet only while it mirrors it."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date

import openpyxl
import pytest

from conftest import SAMPLES
from nq57cli.tasks.merge import merge
from nq57cli.write import mergedbook, sheetcopy, xlsxout
from nq57cli.write.mergedbook import REPORTS_SHEET, read_merged, write_merged

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
COPY = "nq57/sheet3.json"  # the reports sheet is the third
ODD = ["ctrl\x01 and \x0b", "_x0041_ literal", "lone \ud800 surrogate", "non\ufffecharacter", "cr\rlf\r\nend",
       " leading", "trailing\n", "a & b <c>", "x" * 40_000, "=SUM(A1)", "Ủy ban nhân dân"]


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    result = merge(sorted((SAMPLES / "submissions").glob("*.xlsx")), catalog=SAMPLES / "catalog.xlsx")
    reports = [r for t in result.tasks for r in t.reports]
    for n, (report, odd) in enumerate(zip(reports, ODD)):  # texts a reader gets back changed
        report.result, report.proposals = odd, ODD[-1 - n]
    reports[0].completed_on = date(2025, 3, 31)
    path = write_merged(result, tmp_path_factory.mktemp("m") / "merged.xlsx")
    return result, path


def read_sheet_only(path, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(mergedbook, "read_copy", lambda *_: None)
        return read_merged(path)


def test_copy_is_written_and_read_back_as_the_sheet_reads(merged, monkeypatch):
    _, path = merged
    with zipfile.ZipFile(path) as archive:
        assert COPY in archive.namelist()
        assert '<Default Extension="json" ContentType="application/json"/>' in archive.read(
            "[Content_Types].xml").decode()
    rows = sheetcopy.read_copy(path, REPORTS_SHEET)
    assert rows is not None and rows[0][:2] == ["Mã nhiệm vụ", "Đơn vị báo cáo"]
    assert sheetcopy.read_copy(path, "Nhiệm vụ") is None  # only the reports sheet has a copy
    from_copy, from_sheet = read_merged(path), read_sheet_only(path, monkeypatch)
    assert from_copy == from_sheet
    results = [r.result for t in from_copy[0].tasks for r in t.reports]
    assert "cr\nlf\nend" in results and "lone \ufffd surrogate" in results and "x" * 32_767 in results


def test_the_sheet_wins_over_the_copy_when_it_was_edited_in_place(merged, tmp_path, monkeypatch):
    """A tool that rewrites the sheet's XML but keeps the copy: the CRC no longer matches."""
    _, path = merged
    edited = tmp_path / "edited.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet3.xml":
                data = data.replace(b"ctrl", b"EDITED", 1)
            target.writestr(info, data)
    assert sheetcopy.read_copy(edited, REPORTS_SHEET) is None
    results = [r.result for t in read_merged(edited)[0].tasks for r in t.reports]
    assert "EDITED\x01 and" in results and not any(r and r.startswith("ctrl") for r in results)
    assert read_merged(edited) == read_sheet_only(edited, monkeypatch)


def test_an_edit_saved_by_openpyxl_wins_over_the_copy(merged, tmp_path):
    _, path = merged
    book = openpyxl.load_workbook(path)
    sheet = book[REPORTS_SHEET]
    assert sheet["E2"].value and sheet["B2"].value
    agency, task_id = sheet["B2"].value, sheet["A2"].value
    sheet["E2"] = "Kết quả sửa trong Excel"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    result, _ = read_merged(edited)
    task = next(t for t in result.tasks if t.task_id == task_id)
    assert next(r for r in task.reports if r.agency == agency).result == "Kết quả sửa trong Excel"


def test_renamed_sheets_do_not_use_the_copy(merged, tmp_path):
    """The copy is bound to xl/workbook.xml too: it names which sheet the XML part is."""
    _, path = merged
    edited = tmp_path / "renamed.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b'sheetId="3"', b'sheetId="3" state="visible"')
            target.writestr(info, data)
    assert sheetcopy.read_copy(edited, REPORTS_SHEET) is None


def test_no_copy_when_a_value_is_not_modelled(tmp_path):
    path = tmp_path / "x.xlsx"
    book = xlsxout.new_workbook(path)
    xlsxout.write_sheet(book, "S", [("a", 5, False)], [[1]], copy=True)  # an int: not modelled
    book.close()
    with zipfile.ZipFile(path) as archive:
        assert not [n for n in archive.namelist() if n.startswith("nq57/")]


def test_openpyxl_reads_the_workbook_with_its_copy(merged):
    _, path = merged
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[2] == REPORTS_SHEET
    assert next(book[REPORTS_SHEET].iter_rows(max_row=1, values_only=True))[0] == "Mã nhiệm vụ"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_workbook_with_its_copy(merged, tmp_path):
    _, path = merged
    profile = tmp_path / "lo-profile"
    done = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76",
                           "--outdir", str(tmp_path), str(path)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    csv = next(tmp_path.glob("merged*.csv")).read_text(encoding="utf-8")
    assert csv.splitlines()[0].startswith("Mã nhiệm vụ,Nhóm,STT,Nhiệm vụ cụ thể")  # the first sheet
