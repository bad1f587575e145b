"""nq57's own XLSX writer: what it stores is what Excel, openpyxl, calamine and LibreOffice read back."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
import python_calamine as calamine

from conftest import another_thread_running
from nq57cli.write import xlsxout, zipparts
from nq57cli.core.cells import EXCEL_MAX_TEXT, column_letter
from nq57cli.write.xlsxout import new_workbook, write_sheet

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
COLUMNS = [("Mã", 10, False), ("Nội dung", 60, True), ("Ngày", 12, False), ("Số", 8, False)]

AWKWARD = [
    "=SUM(A1:A3)", "+84 912", "-5", "@user", "a & b <c> d", "Tab\tinside", " leading space", "trailing\n",
    "line one\nline two", "bell\x07 and null\x00 here", "_x000D_ literal", "Ủy ban nhân dân tỉnh",
    "Uỷ ban nhân dân tỉnh"[:2] + "\u0309",  # NFD leftovers are kept as given
    "noncharacter \ufffe", "lone surrogate \ud800 here",
]


def write(tmp_path, rows, title=None, columns=COLUMNS):
    path = tmp_path / "out.xlsx"
    workbook = new_workbook(path, title="Thử nghiệm")
    write_sheet(workbook, "Trang một", columns, rows, title=title)
    write_sheet(workbook, "Nhóm 'A' và B", columns[:2], [["x", "y"]])
    workbook.close()
    return path


def expected_text(value: str) -> str:
    """What a reader gets back: control characters and lone surrogates cannot be stored as such."""
    out = []
    for ch in value:
        if 0xD800 <= ord(ch) <= 0xDFFF or ch in "\ufffe\uffff":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def test_awkward_text_is_stored_as_text(tmp_path):
    rows = [[f"NV-{i}", text, None, None] for i, text in enumerate(AWKWARD)]
    path = write(tmp_path, rows)
    # calamine, like Excel, undoes the _xHHHH_ escapes used for characters XML cannot hold
    back = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Trang một").to_python()
    assert [row[1] for row in back[1:]] == [expected_text(text) for text in AWKWARD]
    sheet = openpyxl.load_workbook(path)["Trang một"]  # openpyxl shows them as stored
    assert all(sheet.cell(row=i + 2, column=2).data_type == "s" for i in range(len(AWKWARD)))
    assert sheet["B2"].value == "=SUM(A1:A3)" and sheet["B6"].value == "a & b <c> d"
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml  # never a formula
    assert "_x0007_" in xml and "_x0000_" in xml and "_x005F_x000D_" in xml


def test_types_styles_and_layout(tmp_path):
    rows = [
        ["NV-1", "Kết quả", date(2025, 3, 31), 85.5],
        ["NV-2", None, datetime(2025, 12, 1, 14, 30), 7],
        ["NV-3", "", None, True],
        ["NV-4", "x" * (EXCEL_MAX_TEXT + 50), None, float("nan")],
    ]
    path = write(tmp_path, rows, title="Danh sách")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Trang một", "Nhóm 'A' và B"]
    sheet = book["Trang một"]
    assert sheet["A1"].value == "Danh sách" and sheet["A1"].font.b and sheet["A1"].font.sz == 13
    assert [c.value for c in sheet[2]] == ["Mã", "Nội dung", "Ngày", "Số"]
    assert all(c.font.b and c.fill.fgColor.rgb == "FFDDEBF7" and c.border.left.style == "thin" for c in sheet[2])
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:D6"
    assert sheet["C3"].value == datetime(2025, 3, 31) and sheet["C3"].number_format == "dd/mm/yyyy"
    assert sheet["C4"].value == datetime(2025, 12, 1)  # the date only
    assert sheet["D3"].value == 85.5 and sheet["D4"].value == 7
    assert sheet["D5"].value is True
    assert sheet["B4"].value is None and sheet["B5"].value is None  # None and "" leave the cell empty
    assert len(sheet["B6"].value) == EXCEL_MAX_TEXT
    assert sheet["D6"].value == "nan"  # not a number Excel can store
    assert sheet["B3"].alignment.wrap_text and sheet["A3"].alignment.vertical == "top"
    assert not sheet["A3"].alignment.wrap_text
    assert round(sheet.column_dimensions["B"].width) == 61  # 60 characters, as Excel stores it
    assert book.properties.title == "Thử nghiệm" and book.properties.creator == "nq57"


def test_same_rows_give_identical_bytes(tmp_path):
    rows = [[f"NV-{i}", f"Nội dung {i}", date(2025, 1, 1 + i % 28), i] for i in range(5000)]
    first = write(tmp_path, rows).read_bytes()
    second = write(tmp_path, rows).read_bytes()
    assert first == second


def test_many_rows_across_chunks_keep_their_numbers(tmp_path):
    count = xlsxout.CHUNK_ROWS * 2 + 7
    rows = [[f"NV-{i}", None if i % 3 else f"dòng {i}", None, i] for i in range(count)]
    path = write(tmp_path, rows)
    data = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Trang một").to_python()
    assert len(data) == count + 1
    assert [r[3] for r in data[1:]] == list(range(count))
    assert data[-1][0] == f"NV-{count - 1}"


def test_cells_after_a_gap_say_where_they_are(tmp_path):
    """A cell carries its address only after an empty one; calamine and openpyxl put every value back
    in its column, and values remembered per column come back the same in every chunk, awkward ones
    included (a control character or a lone surrogate sends its chunk through the careful pass)."""
    pattern = [
        ["NV-1", None, date(2025, 5, 1), 2.5],
        [None, "Đang thực hiện", None, 7],
        [None, None, None, 1.5],
        ["NV-2", "x & y", date(2025, 5, 1), None],
        ["bell\x07", "Đang thực hiện", None, 2.5],
        ["NV-1", "surrogate \ud800", datetime(2025, 5, 1, 8, 30), 2.5],
    ]
    count = xlsxout.CHUNK_ROWS * 2 + 5
    rows = [list(pattern[i % len(pattern)]) for i in range(count)]
    path = write(tmp_path, rows)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<row r="2"><c s="4" t="inlineStr">' in xml  # no gap, no address
    assert '<c r="C2" ' in xml and '<c r="B3" ' in xml and '<c r="D4" ' in xml and '<c r="A3"' not in xml
    back = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Trang một").to_python()
    assert len(back) == count + 1
    for row, given in zip(back[1:], rows):
        want = ["" if v is None else expected_text(v) if isinstance(v, str) else v for v in given]
        want[2] = given[2].date() if isinstance(given[2], datetime) else (given[2] or "")
        got = [v.date() if isinstance(v, datetime) else v for v in row] + [""] * (4 - len(row))
        assert got == want
    class Blank:
        def __str__(self) -> str:
            return ""

    (tmp_path / "odd").mkdir()
    odd = write(tmp_path / "odd", [["NV-9", Blank(), "sau", 3]])  # an object with no text makes no cell, and no shift
    assert calamine.CalamineWorkbook.from_path(str(odd)).get_sheet_by_name("Trang một").to_python()[1] == \
        ["NV-9", "", "sau", 3]
    sheet = openpyxl.load_workbook(path, read_only=True)["Trang một"]
    shown = [[c.value for c in r] for r in sheet.iter_rows(min_row=2, max_col=4)]
    assert [r[1] for r in shown] == [None if g[1] is None else g[1].replace("\ud800", "\ufffd") for g in rows]
    assert [r[3] for r in shown] == [g[3] for g in rows]


def test_escapes_in_a_chunk_without_control_characters(tmp_path):
    """Without a control character in the chunk, & < > are escaped by the quick path; "_xHHHH_" text
    still goes through the full one."""
    texts = ["a & b <c> d", "KH&CN > 5 & < 10", "_x000D_ literal", "tên_tệp_x.xlsx", "Sở KH&ĐT"]
    path = write(tmp_path, [[f"NV-{i}", text, None, None] for i, text in enumerate(texts)])
    back = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Trang một").to_python()
    assert [row[1] for row in back[1:]] == texts
    shown = [c.value for c in openpyxl.load_workbook(path)["Trang một"]["B"][1:]]
    assert shown == [t.replace("_x000D_", "_x005F_x000D_") for t in texts]  # openpyxl shows the escape as stored


def test_the_deflater_writes_a_valid_package(tmp_path):
    rows = [[f"NV-{i}", f"Nội dung {i} " * 20, date(2025, 1, 1 + i % 28), i] for i in range(xlsxout.CHUNK_ROWS * 2 + 3)]
    path = write(tmp_path, rows)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
    back = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Trang một").to_python()
    assert len(back) == len(rows) + 1 and back[-1][1] == rows[-1][1]


def test_a_failing_worker_raises_and_does_not_hang(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsxout, "PARALLEL_ROWS", 10)
    monkeypatch.setenv("NQ57_WORKERS", "2")
    path = tmp_path / "out.xlsx"
    workbook = new_workbook(path)
    write_sheet(workbook, "A", COLUMNS, [["x", "y", None, 1]] * (xlsxout.CHUNK_ROWS * 3))

    def broken(data):
        raise OSError("disk full")

    monkeypatch.setattr(xlsxout, "deflate_piece", broken)  # inherited by the forked workers
    with pytest.raises(OSError, match="disk full"):
        workbook.close()


@pytest.mark.parametrize("parallel", [False, True])
def test_workers_write_the_same_bytes(tmp_path, monkeypatch, parallel):
    rows = [[f"NV-{i}", f"Nội dung {i} & <b>", date(2025, 1, 1 + i % 28), i] for i in range(xlsxout.CHUNK_ROWS * 3 + 5)]
    monkeypatch.setenv("NQ57_WORKERS", "1")
    expected = write(tmp_path, rows).read_bytes()
    monkeypatch.setattr(xlsxout, "PARALLEL_ROWS", 0 if parallel else 10**9)
    monkeypatch.setenv("NQ57_WORKERS", "2")
    assert write(tmp_path, rows).read_bytes() == expected
    with zipfile.ZipFile(tmp_path / "out.xlsx") as archive:
        assert archive.testzip() is None  # every entry's CRC and length check out


def test_isal_crc32_combine_matches_zlib():
    """write_zip combines the pieces' CRCs with isal's crc32_combine (no copy of our own)."""
    import os
    import zlib

    for size_a, size_b in [(0, 0), (1, 0), (0, 5), (17, 3000), (70000, 123457)]:
        a, b = os.urandom(size_a), os.urandom(size_b)
        assert zipparts.isal_zlib.crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702, 16383)] == \
        ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_libreoffice_opens_it(tmp_path):
    rows = [[f"NV-{i}", text, date(2025, 5, 1), i] for i, text in enumerate(AWKWARD[:12])]
    rows += [[None, "sau ô trống", None, 99], ["NV-0", None, None, 98]]  # cells addressed after a gap
    path = write(tmp_path, rows)
    profile = tmp_path / "lo-profile"
    done = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(path)],
                          capture_output=True, text=True, timeout=180)
    csv = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert done.returncode == 0
    assert csv.splitlines()[0] == "Mã,Nội dung,Ngày,Số"
    assert "NV-0,=SUM(A1:A3),01/05/2025,0" in csv.splitlines()  # text, not a formula; the date as dd/mm/yyyy
    assert "a & b <c> d" in csv and "Ủy ban nhân dân tỉnh" in csv
    assert csv.splitlines()[-2:] == [",sau ô trống,,99", "NV-0,,,98"]


@pytest.mark.parametrize("parallel", [False, True])
def test_rows_made_from_items_are_the_same_rows(tmp_path, monkeypatch, parallel):
    items = list(range(xlsxout.CHUNK_ROWS + 11))
    row_of = lambda i: [f"NV-{i}", f"Nội dung {i}", date(2025, 1, 1 + i % 28), i]  # noqa: E731
    monkeypatch.setattr(xlsxout, "PARALLEL_ROWS", 0 if parallel else 10**9)
    monkeypatch.setenv("NQ57_WORKERS", "2")
    plain = write(tmp_path, [row_of(i) for i in items]).read_bytes()
    path = tmp_path / "items.xlsx"
    workbook = new_workbook(path, title="Thử nghiệm")
    write_sheet(workbook, "Trang một", COLUMNS, items, row_of=row_of)
    write_sheet(workbook, "Nhóm 'A' và B", COLUMNS[:2], [["x", "y"]])
    workbook.close()
    assert path.read_bytes() == plain


def test_no_workers_are_forked_from_a_process_running_threads(tmp_path, monkeypatch, no_worker_processes):
    monkeypatch.setattr(xlsxout, "PARALLEL_ROWS", 0)
    monkeypatch.setenv("NQ57_WORKERS", "2")
    with another_thread_running():
        path = write(tmp_path, [[f"NV-{i}", "x", None, i] for i in range(xlsxout.CHUNK_ROWS * 2)])
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
