"""Files of every origin: what a file is comes from its content, not its name; workbooks python-calamine
rejects are read by a slower reader; encrypted files are named so; formatting without values does not
count toward the limits; an .ods's repeated rows are checked before they are expanded."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, PatternFill, Side
from typer.testing import CliRunner

from conftest import HEADER, SAMPLES
from nq57cli.write.jsonout import merge_result_to_dict
from nq57cli.read import guards
from nq57cli.read import workbook
from nq57cli.cli.app import app
from nq57cli.read.formats import libreoffice, sniff
from nq57cli.read.reader import read_table

runner = CliRunner()
SUBMISSION = SAMPLES / "submissions" / "so-khoa-hoc-cong-nghe.xlsx"
CORPUS = Path(__file__).resolve().parent / "corpus"


def codes(path: Path) -> list[str]:
    return [f.code for f in read_table(path).findings]


def summary(path: Path) -> list[tuple]:
    table = read_table(path).table
    assert table is not None, codes(path)
    return [(r.row, r.values.get("task_id"), r.values.get("status")) for r in table.rows]


# --- format by content ----------------------------------------------------------------------------

@pytest.mark.parametrize("source, name", [
    (CORPUS / "sheetjs-minimal_112.xls.xlsx", "an-xls.xlsx"),  # an .xls named .xlsx
    (CORPUS / "xlrd-sample.ods.xlsx", "an-ods.xlsx"),  # an .ods named .xlsx
    (SUBMISSION, "an-xlsx.xls"),  # an .xlsx named .xls
])
def test_workbooks_named_for_another_format_are_read_by_content(tmp_path, source, name):
    renamed = tmp_path / name
    shutil.copyfile(source, renamed)
    found = codes(renamed)
    assert not {"file.corrupt", "file.unsupported", "file.encrypted"} & set(found), found


def test_an_xlsx_named_xls_gives_the_same_rows(tmp_path):
    renamed = tmp_path / "so-khcn.xls"
    shutil.copyfile(SUBMISSION, renamed)
    assert summary(renamed) == summary(SUBMISSION)


HTML = ("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head><meta charset=utf-8></head><body><table>"
        "<tr><td>Mã nhiệm vụ</td><td>Tình trạng</td></tr><tr><td>NV01</td><td>Đã hoàn thành</td></tr>"
        "</table></body></html>")
XML2003 = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
           '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Báo cáo"><Table>'
           '<Row><Cell><Data ss:Type="String">Mã nhiệm vụ</Data></Cell></Row></Table></Worksheet></Workbook>')
CSV = "Mã nhiệm vụ,Nhiệm vụ cụ thể,Tình trạng\nNV01,Xây dựng kế hoạch,Đã hoàn thành\nNV02,Số hóa,Đang thực hiện\n"


@pytest.mark.parametrize("content, encoding, code, vi, en", [
    (HTML, "utf-8", "file.disguised_html", "tệp HTML (trang web) đặt tên {ext}: mở bằng Excel rồi Lưu thành .xlsx",
     "an HTML page named {ext}: open it in Excel and Save As .xlsx"),
    (XML2003, "utf-8", "file.disguised_xml2003", "tệp XML Excel 2003", "Excel 2003 XML"),
    (CSV, "utf-8-sig", "file.disguised_csv", "tệp văn bản CSV đặt tên {ext}", "a CSV text file named {ext}"),
    (CSV.replace(",", "\t"), "utf-16", "file.disguised_csv", "CSV", "CSV"),  # Excel's "Unicode text"
])
@pytest.mark.parametrize("ext", [".xls", ".xlsx"])
def test_text_files_named_as_workbooks_give_one_finding_saying_what_to_do(tmp_path, content, encoding, code, vi,
                                                                          en, ext):
    path = tmp_path / f"bao-cao{ext}"
    path.write_bytes(content.encode(encoding))
    outcome = read_table(path)
    assert outcome.table is None and [f.code for f in outcome.findings] == [code]
    assert vi.format(ext=ext) in outcome.findings[0].message("vi")
    assert en.format(ext=ext) in outcome.findings[0].message("en")
    result = runner.invoke(app, ["validate", "--json", "--lang", "en", str(path)])
    document = json.loads(result.stdout)  # nothing readable: exit 3, its findings in the one JSON document
    assert result.exit_code == 3 and document["exit_code"] == 3
    assert [f["code"] for f in document["findings"]] == [code]
    assert en.format(ext=ext) in document["findings"][0]["message"]


def test_a_word_document_named_xls_is_named_as_no_spreadsheet(tmp_path):
    path = tmp_path / "bao-cao.xls"
    shutil.copyfile(CORPUS / "sheetjs-word_doc.doc.xls", path)
    assert codes(path) == ["file.other_document"]


# --- encrypted files ----------------------------------------------------------------------------------

def test_encrypted_ooxml_is_password_protected_not_damaged(tmp_path):
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    with SUBMISSION.open("rb") as handle:
        OOXMLFile(handle).encrypt("mat-khau", encrypted)
    for name in ("bao-cao.xlsx", "bao-cao.xls"):
        path = tmp_path / name
        path.write_bytes(encrypted.getvalue())
        assert codes(path) == ["file.encrypted"]
    assert msoffcrypto  # used: the encryption above comes from it


@pytest.mark.parametrize("name", ["sheetjs-password_2002_40_xor.xls", "pycalamine-password.xls",
                                  "calamine-pass_protected.ods"])
def test_encrypted_xls_and_ods_of_every_kind(tmp_path, name):
    path = tmp_path / ("renamed" + Path(name).suffix)
    shutil.copyfile(CORPUS / name, path)
    assert codes(path) == ["file.encrypted"]


def test_encryption_is_detected_without_msoffcrypto(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "msoffcrypto", None)  # importing it now fails
    assert sniff(CORPUS / "sheetjs-password_2002_40_xor.xls",
                 (CORPUS / "sheetjs-password_2002_40_xor.xls").read_bytes()[:65536]).kind == "encrypted"


# --- slower readers ------------------------------------------------------------------------------------

def utf16_parts(source: Path, target: Path) -> Path:
    """The workbook with its sheet XML re-encoded in UTF-16 (valid XML; python-calamine rejects it)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename.startswith("xl/worksheets/sheet") or info.filename == "xl/sharedStrings.xml":
                text = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
                data = text.encode("utf-16")
            new.writestr(info, data)
    return target


def test_an_xlsx_with_utf16_parts_is_read_by_openpyxl_not_taken_for_empty(tmp_path):
    path = tmp_path / "utf16.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    ws.append(HEADER)
    ws.append(["NV01", 1, "Xây dựng kế hoạch", "31/12/2025", "Đã hoàn thành", "Đã ban hành", "15/9/2025"])
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    utf16_parts(plain, path)
    import python_calamine

    assert python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Báo cáo").to_python() == []
    assert summary(path) == summary(plain) == [(2, "NV01", "Đã hoàn thành")]


def test_old_excel_without_libreoffice_names_the_format(monkeypatch, tmp_path):
    monkeypatch.setattr(workbook, "libreoffice", lambda: None)
    path = tmp_path / "excel4.xls"
    shutil.copyfile(CORPUS / "xlrd-biff4_no_format_no_window2.xls", path)
    outcome = read_table(path)
    assert [f.code for f in outcome.findings] == ["file.old_format"]
    assert "Excel 2-4" in outcome.findings[0].message("vi") and "LibreOffice" in outcome.findings[0].message("en")


@pytest.mark.skipif(libreoffice() is None, reason="LibreOffice not installed")
def test_old_excel_is_converted_by_libreoffice_and_said_so(tmp_path, monkeypatch):
    import tempfile

    private = tmp_path / "tmp"  # this test's own temporary folder: other runs' conversions do not show here
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    before = set(private.glob("nq57-convert-*"))
    path = tmp_path / "excel4.xls"
    shutil.copyfile(CORPUS / "xlrd-biff4_no_format_no_window2.xls", path)
    outcome = read_table(path)
    assert outcome.findings[0].code == "file.converted" and outcome.findings[0].severity == "info"
    assert "file.corrupt" not in [f.code for f in outcome.findings]
    assert set(private.glob("nq57-convert-*")) == before  # the private folder is gone


# --- formatting without values --------------------------------------------------------------------------

def styled_down(path: Path, dimension: bool = True) -> Path:
    wb = load_workbook(SUBMISSION)
    ws = wb.worksheets[-1]
    fill = PatternFill("solid", fgColor="FFFF00")
    thin = Side(style="thin")
    for row in (1_048_576, 500_000):
        ws.cell(row=row, column=5).fill = fill
        ws.cell(row=row, column=16384).border = Border(left=thin)
    other = wb.create_sheet("Trang trí")
    other.cell(row=1_048_576, column=16384).fill = fill
    wb.save(path)
    if dimension:  # Excel's claim for a sheet formatted to its end
        with zipfile.ZipFile(path) as old:
            parts = {i.filename: old.read(i) for i in old.infolist()}
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
            for name, data in parts.items():
                if name.startswith("xl/worksheets/"):
                    data = data.replace(b'<dimension ref="', b'<dimension ref="A1:XFD1048576" x="', 1)
                new.writestr(name, data)
    return path


def test_formatting_down_to_the_last_row_does_not_count_toward_the_limits(tmp_path):
    path = styled_down(tmp_path / "to-dam.xlsx")
    assert summary(path) == summary(SUBMISSION)
    assert not {"sheet.too_many_rows", "sheet.too_many_cells"} & set(codes(path))


def test_values_far_down_still_hit_the_limits(tmp_path):
    wb = Workbook()
    wb.active.append(HEADER)
    wb.active.cell(row=200_001, column=1, value="x")
    wb.save(tmp_path / "far.xlsx")
    assert codes(tmp_path / "far.xlsx") == ["sheet.too_many_rows"]


def test_big_sheets_are_scanned_in_pieces_with_the_same_answer(monkeypatch):
    rows = b"".join(b'<row r="%d"><c r="A%d" s="1"/><c r="B%d" t="n"><v>1</v></c><c r="XFD%d" s="2"/></row>'
                    % (i, i, i, i) for i in range(1, 30_001))
    xml = b'<worksheet><dimension ref="A1:XFD1048576"/><sheetData>' + rows + b'</sheetData></worksheet>'
    monkeypatch.setattr(guards, "_CHUNK", 1000)
    assert guards.streamed_grid_size(io.BytesIO(xml)) == guards.grid_size(xml) == (30_000, 2)


# --- .ods checked before expansion -----------------------------------------------------------------------

def ods(path: Path, rows: list[str]) -> Path:
    header = "".join(f'<table:table-cell office:value-type="string"><text:p>{h}</text:p></table:table-cell>'
                     for h in HEADER)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               '<office:spreadsheet><table:table table:name="Báo cáo"><table:table-row>' + header
               + "</table:table-row>" + "".join(rows) + "</table:table></office:spreadsheet></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                   'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
                   '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    return path


def task_row(repeat: int = 1) -> str:
    cells = ["NV01", "1", "Xây dựng kế hoạch", "31/12/2025", "Đã hoàn thành", "Đã ban hành", ""]
    return (f'<table:table-row table:number-rows-repeated="{repeat}">'
            + "".join(f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
                      if c else '<table:table-cell/>' for c in cells) + "</table:table-row>")


STYLED_TAIL = ('<table:table-row table:style-name="ro1" table:number-rows-repeated="1048574">'
               '<table:table-cell table:style-name="ce1" table:number-columns-repeated="16384"/></table:table-row>')


def test_an_ods_formatted_down_is_read(tmp_path):
    path = ods(tmp_path / "to-dam.ods", [task_row(), STYLED_TAIL])
    assert path.stat().st_size < 2000
    assert summary(path) == [(2, "NV01", "Đã hoàn thành")]


def test_an_ods_filled_down_is_refused_before_it_is_expanded(tmp_path):
    path = ods(tmp_path / "keo-xuong.ods", [task_row(1_048_575)])
    outcome = read_table(path)
    assert [f.code for f in outcome.findings] == ["sheet.too_many_rows"]
    assert outcome.findings[0].params["rows"] == 1_048_576


def test_an_ods_filled_across_is_refused_by_its_cells(tmp_path):
    wide = ('<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="float" '
            'office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell>'
            '</table:table-row>')
    assert codes(ods(tmp_path / "ngang.ods", [wide])) == ["sheet.too_many_cells"]


# --- --json written in pieces ------------------------------------------------------------------------------

def test_merge_json_written_in_pieces_is_the_same_document(tmp_path):
    from nq57cli.write.jsonout import write_json
    from nq57cli.tasks.merge import merge

    result = merge(sorted((SAMPLES / "submissions").glob("*.xlsx")), catalog=SAMPLES / "catalog.xlsx")
    pieces: list[str] = []
    write_json(merge_result_to_dict(result, "en", lazy=True), pieces.append)
    assert len(pieces) > 1  # really in pieces
    assert "".join(pieces) == json.dumps(merge_result_to_dict(result, "en"), ensure_ascii=False, indent=2) + "\n"
    cli = runner.invoke(app, ["merge", "--json", "--lang", "en", "-c", str(SAMPLES / "catalog.xlsx"),
                              str(SAMPLES / "submissions"), "-o", str(tmp_path / "merged.xlsx")])
    assert json.loads(cli.stdout)["tasks"] == json.loads("".join(pieces))["tasks"]
