"""`nq57 render`: each form read back with python-docx (sections, fonts, tables, text), template
errors, the sandbox, nq57.toml, and the PDF through LibreOffice when it is installed."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from nq57cli.domain.config import ReportConfig
from nq57cli.domain.configfile import load_config
from nq57cli.domain.overrides import apply_overrides
from nq57cli.domain.starter import write_starter
from nq57cli.errors import RenderError, UsageError
from nq57cli.domain.forms import FORMS, builtin_templates_dir, list_forms
from nq57cli.domain.models import Deadline, DocumentRef, Group, MergeResult, Task
from nq57cli.domain.format import place_date_line, short_date
from nq57cli.render.context import build_context
from nq57cli.render.document import render_document
from conftest import office_config

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "A & B <x> {{ secret }} {% if %}"
MULTILINE = "Sở Khoa học và Công nghệ: Đã ban hành kế hoạch.\nSở Nội vụ: Đang phối hợp."
A4_SHORT, A4_LONG = Mm(210), Mm(297)
TEXT_WIDTH_LANDSCAPE = 14287  # twips: 297 - 30 - 15 mm
W_VAL = qn("w:val")


def _task(order: int, group: str | None, title: str, **fields) -> Task:
    return Task(task_id=f"NV-{order:02d}", order=order, group=group, stt=str(order), title=title, **fields)


@pytest.fixture()
def result() -> MergeResult:
    """Three groups (the second without tasks), four tasks: on time, late, overdue, hostile text."""
    groups = [
        Group(key="Nhóm 1", order=1, label="Nhóm 1", title="Nhóm 1 - Nâng cao nhận thức"),
        Group(key="Nhóm 2", order=2, label="Nhóm 2", title="Nhóm 2 - Hoàn thiện thể chế"),
        Group(key="Nhóm 3", order=3, label="Nhóm 3", title="Nhóm 3 - Hợp tác quốc tế"),
    ]
    tasks = [
        _task(1, "Nhóm 1", "Tiếp tục nâng cao tinh thần trách nhiệm",
              document=DocumentRef(type="TB", type_name="Thông báo", number="05", code="05-TB/BCĐTW",
                                   issuer="BCĐTW", date=date(2025, 7, 4),
                                   raw="Thông báo số 05-TB/BCĐTW ngày 04/07/2025"),
              deadline=Deadline(kind="date", due=date(2025, 12, 31), raw="31/12/2025"),
              status="completed", completed_on=date(2025, 8, 1), result=MULTILINE,
              lead="Sở Khoa học và Công nghệ", partners=["Sở Nội vụ"], expected_output="Kế hoạch được ban hành"),
        _task(2, "Nhóm 1", "Rà soát các văn bản thuộc lĩnh vực",
              deadline=Deadline(kind="month", due=date(2025, 6, 30), raw="Tháng 6/2025"),
              status="completed", completed_on=date(2025, 7, 15), result="Đã hoàn thành.", lead="Sở Nội vụ"),
        _task(3, "Nhóm 3", "Đẩy mạnh hợp tác quốc tế",
              deadline=Deadline(kind="date", due=date(2025, 8, 31), raw="2025-08-31 00:00:00"),
              status="in_progress", result="=1+1", lead="Sở Tài chính"),
        _task(4, "Nhóm 3", HOSTILE,
              deadline=Deadline(kind="recurring", raw="Thường xuyên"),
              status="not_started", result=HOSTILE, note=HOSTILE, difficulties="Thiếu kinh phí",
              proposals="Bổ sung kinh phí"),
    ]
    return MergeResult(tasks=tasks, groups=groups, findings=[], inputs=[])


@pytest.fixture()
def config() -> ReportConfig:
    return office_config({"document.number": "300", "document.date": "2025-09-20"})


def render(result: MergeResult, form: str, config: ReportConfig, tmp_path: Path, **kwargs) -> Document:
    path = render_document(result, form, config, tmp_path / f"{form}.docx", **kwargs)
    return Document(str(path))


# ------------------------------------------------------------------------------------- helpers


def assert_a4(section, orientation: WD_ORIENT) -> None:
    landscape = orientation == WD_ORIENT.LANDSCAPE
    assert section.orientation == orientation
    assert abs(section.page_width - (A4_LONG if landscape else A4_SHORT)) <= Mm(0.1)
    assert abs(section.page_height - (A4_SHORT if landscape else A4_LONG)) <= Mm(0.1)
    assert abs(section.top_margin - Mm(20)) <= Mm(0.1)
    assert abs(section.bottom_margin - Mm(20)) <= Mm(0.1)
    assert abs(section.left_margin - Mm(30)) <= Mm(0.1)
    assert abs(section.right_margin - Mm(15)) <= Mm(0.1)


def run_of(paragraph, text: str):
    """The run printing `text` (the whole paragraph is one run in the templates)."""
    for run in paragraph.runs:
        if run.text == text:
            return run
    raise AssertionError(f"no run {text!r} in {paragraph.text!r}")


def assert_font(run, size: float, bold: bool | None = None, italic: bool | None = None) -> None:
    assert run.font.name == "Times New Roman"
    fonts = run._r.rPr.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        assert fonts.get(qn(slot)) == "Times New Roman", slot
    assert run.font.size == Pt(size), (run.text, run.font.size)
    if bold is not None:
        assert bool(run.bold) is bold, run.text
    if italic is not None:
        assert bool(run.italic) is italic, run.text


def alignment(paragraph):
    """Effective alignment: the paragraph's own, else its style's."""
    return paragraph.alignment if paragraph.alignment is not None else paragraph.style.paragraph_format.alignment


def grid_span(cell) -> int:
    span = cell._tc.tcPr.find(qn("w:gridSpan")) if cell._tc.tcPr is not None else None
    return int(span.get(W_VAL)) if span is not None else 1


def unique_cells(row):
    """A row's <w:tc> cells once each (python-docx repeats a merged cell per grid column)."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def part_xml(path: Path, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


# --------------------------------------------------------------------------------------- forms


def test_forms_registry_lists_every_template():
    names = [form.name for form in list_forms()]
    assert names == ["phu-luc-03", "phu-luc-chi-tiet", "phu-luc-01", "phu-luc-02", "bao-cao", "ke-hoach", "chi-tieu"]
    for form in list_forms():
        assert form.description and (builtin_templates_dir() / form.template).is_file()


def test_phu_luc_03_page_title_and_table(result, config, tmp_path):
    doc = render(result, "phu-luc-03", config, tmp_path)
    assert len(doc.sections) == 1
    section = doc.sections[0]
    assert_a4(section, WD_ORIENT.LANDSCAPE)
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    title, name, attached = doc.paragraphs[:3]
    assert title.text == "PHỤ LỤC 03"
    assert alignment(title) == WD_ALIGN_PARAGRAPH.CENTER
    assert_font(run_of(title, "PHỤ LỤC 03"), 14, bold=True)
    assert name.text == ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CÁC THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO, "
                         "TỔ GIÚP VIỆC BAN CHỈ ĐẠO")
    assert_font(name.runs[0], 14, bold=True)
    assert attached.text == ("(Kèm theo Báo cáo số 300/BC-SKHCN ngày 20/09/2025 của Sở Khoa học và Công nghệ "
                             "tỉnh Quảng Ngãi)")
    assert_font(attached.runs[0], 14, italic=True)

    table = doc.tables[0]
    assert len(table.rows) == 1 + 4 + 3  # header + tasks + groups
    assert [c.text for c in table.rows[0].cells] == [
        "STT", "Nhiệm vụ cụ thể", "Văn bản giao nhiệm vụ", "Thời hạn hoàn thành", "Kết quả thực hiện", "Tình trạng"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    # rows that fit on a page are never split; a group row keeps with the task after it
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows[1:])
    assert all(p.paragraph_format.keep_with_next for i in (1, 5) for p in table.rows[i].cells[0].paragraphs)
    assert int(table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == TEXT_WIDTH_LANDSCAPE
    assert sum(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))) == TEXT_WIDTH_LANDSCAPE
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths.index(max(widths)) == 4  # the result column is the widest

    group_rows = [1, 4, 5]
    for index in group_rows:
        cells = unique_cells(table.rows[index])
        assert len(cells) == 1 and grid_span(cells[0]) == 6
        assert all(run.bold for run in cells[0].paragraphs[0].runs if run.text)
    assert table.rows[1].cells[0].text == "Nhóm 1 - Nâng cao nhận thức"
    assert table.rows[4].cells[0].text == "Nhóm 2 - Hoàn thiện thể chế: không có nhiệm vụ"

    first = [c.text for c in table.rows[2].cells]
    assert first == ["1", "Tiếp tục nâng cao tinh thần trách nhiệm", "Thông báo số 05-TB/BCĐTW ngày 04/07/2025",
                     "31/12/2025", MULTILINE, "Đã hoàn thành"]
    assert "<w:br/>" in table.rows[2].cells[4]._tc.xml  # the line break stays a line break
    third = [c.text for c in table.rows[6].cells]
    assert third[0] == "3" and third[3] == "31/08/2025" and third[4] == "=1+1" and third[5] == "Đang thực hiện"
    hostile = [c.text for c in table.rows[7].cells]
    assert hostile[1] == HOSTILE and hostile[4] == HOSTILE and hostile[3] == "Thường xuyên"


def test_every_font_is_times_new_roman(result, config, tmp_path):
    doc = Document(str(render_document(result, "bao-cao", config, tmp_path / "bc.docx")))
    parts = [doc.element.body, doc.styles.element, doc.sections[0].header._element]
    checked = 0
    for part in parts:
        for fonts in part.iter(qn("w:rFonts")):
            theme = [name for name in fonts.attrib if name.lower().endswith("theme")]
            assert not theme, f"theme font (Calibri/Cambria) in {fonts.getparent().getparent().tag}"
            for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                assert fonts.get(qn(slot)) == "Times New Roman", (slot, fonts.attrib)
            checked += 1
    assert checked > 100


def test_hostile_text_is_literal(result, config, tmp_path):
    path = render_document(result, "phu-luc-02", config, tmp_path / "pl02.docx")
    xml = part_xml(path)
    assert "A &amp; B &lt;x&gt; {{ secret }} {% if %}" in xml
    doc = Document(str(path))
    texts = [cell.text for row in doc.tables[0].rows for cell in row.cells]
    assert HOSTILE in texts and "=1+1" in texts


def test_phu_luc_01_and_02_columns(result, config, tmp_path):
    doc = render(result, "phu-luc-01", config, tmp_path)
    assert_a4(doc.sections[0], WD_ORIENT.LANDSCAPE)
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "TT", "Tên nhiệm vụ", "Thời hạn", "Kết quả", "Mô tả", "Ngày hoàn thành thực tế", "Khó khăn, vướng mắc",
        "Đề xuất, kiến nghị", "Đánh giá tiến độ"]
    assert len(table.rows) == 1 + 4 + 3
    assert grid_span(unique_cells(table.rows[1])[0]) == 9
    on_time, late = [c.text for c in table.rows[2].cells], [c.text for c in table.rows[3].cells]
    assert on_time[5] == "01/08/2025" and on_time[8] == "Hoàn thành đúng hạn"
    assert late[8] == "Hoàn thành quá hạn"
    overdue = [c.text for c in table.rows[6].cells]
    assert overdue[8] == "Đang thực hiện quá hạn"
    assert [c.text for c in table.rows[7].cells][6:8] == ["Thiếu kinh phí", "Bổ sung kinh phí"]

    doc = render(result, "phu-luc-02", config, tmp_path)
    header = [c.text for c in doc.tables[0].rows[0].cells]
    assert header[2] == "Văn bản giao nhiệm vụ" and len(header) == 10
    assert doc.paragraphs[0].text == "PHỤ LỤC II"


def test_bao_cao_body_statistics_chart_and_appendix(result, config, tmp_path):
    config = apply_overrides(config, {"report.appendices": "phu-luc-03,phu-luc-01"})
    doc = render(result, "bao-cao", config, tmp_path)
    portrait, first_appendix, second_appendix = doc.sections
    assert_a4(portrait, WD_ORIENT.PORTRAIT)
    assert_a4(first_appendix, WD_ORIENT.LANDSCAPE)
    assert_a4(second_appendix, WD_ORIENT.LANDSCAPE)
    for appendix in (first_appendix, second_appendix):
        numbering = appendix._sectPr.find(qn("w:pgNumType"))
        assert numbering is not None and numbering.get(qn("w:start")) == "1"
        assert appendix.different_first_page_header_footer
    assert len(doc.inline_shapes) == 1  # the chart

    header = doc.tables[0]
    left, right = header.rows[0].cells
    parent, agency = left.paragraphs[:2]
    assert parent.text == "UBND TỈNH QUẢNG NGÃI" and agency.text == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert_font(parent.runs[0], 13, bold=False)
    assert_font(agency.runs[0], 13, bold=True)
    nation, motto = right.paragraphs[:2]
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert_font(nation.runs[0], 12, bold=True)
    assert_font(motto.runs[0], 14, bold=True)
    assert header._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(W_VAL) == "nil"
    number, place_date = header.rows[1].cells
    assert number.text == "Số: 300/BC-SKHCN"
    assert_font(number.paragraphs[0].runs[0], 13)
    assert place_date.text == "Quảng Ngãi, ngày 20 tháng 9 năm 2025"
    assert_font(place_date.paragraphs[0].runs[0], 14, italic=True)

    texts = [p.text for p in doc.paragraphs]
    title = doc.paragraphs[texts.index("BÁO CÁO")]
    assert alignment(title) == WD_ALIGN_PARAGRAPH.CENTER
    assert_font(title.runs[0], 14, bold=True)
    assert ("Kết quả thực hiện các nhiệm vụ theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
            in texts)
    assert "Tổng số nhiệm vụ: 4 nhiệm vụ, thuộc 3 nhóm nhiệm vụ; trong đó:" in texts
    assert "- Đã hoàn thành: 2 nhiệm vụ (50%);" in texts
    assert "- Chưa thực hiện: 1 nhiệm vụ (25%)." in texts
    assert any(t.startswith("Trong số nhiệm vụ đã hoàn thành: 1 nhiệm vụ hoàn thành đúng hạn, 1 nhiệm vụ hoàn "
                            "thành quá hạn.") for t in texts)
    assert "Tính đến ngày 20/09/2025, có 1 nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành (chi tiết tại mục 3)." \
        in texts
    assert any(t.startswith("- Đẩy mạnh hợp tác quốc tế (thời hạn: 31/08/2025") for t in texts)
    assert any("phần này do cán bộ soạn thảo viết" in t for t in texts)
    assert "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi kính báo cáo./." in texts

    statistics = doc.tables[1]
    assert [c.text for c in statistics.rows[-1].cells] == ["Tổng cộng", "4", "2", "1", "1", "0", "1"]
    signature = doc.tables[2]
    recipients, signer = signature.rows[0].cells
    assert recipients.paragraphs[0].text == "Nơi nhận:"
    assert_font(recipients.paragraphs[0].runs[0], 12, bold=True, italic=True)
    assert recipients.paragraphs[1].text == "- Bộ Khoa học và Công nghệ (b/c);"
    assert_font(recipients.paragraphs[1].runs[0], 11)
    assert [p.text for p in recipients.paragraphs if p.text][-1] == "- Lưu: VT, VP."
    assert "GIÁM ĐỐC" in [p.text for p in signer.paragraphs]
    assert [p.text for p in signer.paragraphs if p.text][-1] == "Nguyễn Văn A"  # as configured (conftest.OFFICE)

    appendix_03, appendix_01 = doc.tables[3], doc.tables[4]
    assert len(appendix_03.rows) == 1 + 4 + 3 and len(appendix_01.rows) == 1 + 4 + 3
    # two appendices: numbered I, II in their order (Decree 30), and so named in the body
    assert "PHỤ LỤC I" in texts and "PHỤ LỤC II" in texts and "PHỤ LỤC 03" not in texts
    assert texts.index("PHỤ LỤC I") < texts.index("PHỤ LỤC II")
    assert any("tại Phụ lục I, Phụ lục II kèm theo" in t for t in texts)


def test_bao_cao_without_appendices_is_one_portrait_section(result, config, tmp_path):
    doc = render(result, "bao-cao", apply_overrides(config, {"report.appendices": "[]"}), tmp_path)
    assert len(doc.sections) == 1
    assert_a4(doc.sections[0], WD_ORIENT.PORTRAIT)


def test_party_style_header_and_signature(result, config, tmp_path):
    party = apply_overrides(config, {
        "style": "party", "agency.parent": "Đảng bộ tỉnh Quảng Ngãi", "agency.name": "ĐẢNG ỦY UBND TỈNH",
        "agency.code": "ĐUUBNDT", "document.number": "127", "signer.authority": "TM",
        "signer.on_behalf": "Ban Thường vụ", "signer.position": "Phó Bí thư"})
    doc = render(result, "bao-cao", party, tmp_path)
    left, right = doc.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY UBND TỈNH", "*",
                                                 "Số 127-BC/ĐUUBNDT"]
    assert_font(left.paragraphs[1].runs[0], 14, bold=True)
    assert right.paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert_font(right.paragraphs[0].runs[0], 15, bold=True)
    rule = right.paragraphs[1]._p.pPr.find(qn("w:pBdr"))
    assert rule is not None and rule.find(qn("w:top")).get(W_VAL) == "single"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in doc.element.body.xml
    title = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    assert_font(title.runs[0], 16, bold=True)
    signer = [p.text for p in doc.tables[-2 if len(doc.sections) > 1 else -1].rows[0].cells[1].paragraphs]
    assert "T/M BAN THƯỜNG VỤ" in signer and "PHÓ BÍ THƯ" in signer
    assert "(Kèm theo Báo cáo số 127-BC/ĐUUBNDT ngày 20/09/2025 của Sở Khoa học và Công nghệ tỉnh Quảng Ngãi)" \
        in [p.text for p in doc.paragraphs]


def test_ke_hoach_groups_numbered_in_roman(result, config, tmp_path):
    doc = render(result, "ke-hoach", config, tmp_path)
    assert_a4(doc.sections[0], WD_ORIENT.PORTRAIT)
    assert_a4(doc.sections[1], WD_ORIENT.LANDSCAPE)
    assert doc.tables[0].rows[1].cells[0].text == "Số: 300/KH-SKHCN"
    texts = [p.text for p in doc.paragraphs]
    assert "KẾ HOẠCH" in texts and "I. Nâng cao nhận thức: 2 nhiệm vụ;" in texts
    table = doc.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Dự kiến kết quả", "Thời gian hoàn thành",
        "Ghi chú"]
    assert len(table.rows) == 1 + 4 + 3
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    group = unique_cells(table.rows[1])
    assert [c.text for c in group] == ["I", "Nâng cao nhận thức"] and grid_span(group[1]) == 6
    assert [c.text for c in unique_cells(table.rows[4])] == ["II", "Hoàn thiện thể chế: không có nhiệm vụ"]
    assert unique_cells(table.rows[5])[0].text == "III"
    task = [c.text for c in table.rows[2].cells]
    assert task == ["1", "Tiếp tục nâng cao tinh thần trách nhiệm", "Sở Khoa học và Công nghệ", "Sở Nội vụ",
                    "Kế hoạch được ban hành", "31/12/2025", ""]
    assert [c.text for c in table.rows[3].cells][0] == "2"
    assert [c.text for c in table.rows[6].cells][0] == "1"  # numbering restarts in each group


# ------------------------------------------------------------------------------------ templates


def test_user_template_renders(result, config, tmp_path):
    template = Document()
    template.add_paragraph("Đơn vị: {{ agency.full_name }}; {{ doc.place_date }}")
    split = template.add_paragraph()
    for piece in ("Tổng: {", "{ stats.to", "tal }", "} nhiệm vụ"):  # a tag Word split over runs
        split.add_run(piece)
    table = template.add_table(rows=3, cols=2)
    table.rows[0].cells[0].text = "{%tr for t in tasks %}"
    table.rows[1].cells[0].text = "{{ t.number }}"
    table.rows[1].cells[1].text = "{{ t.title }}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    path = tmp_path / "mine.docx"
    template.save(str(path))
    doc = render(result, "phu-luc-03", config, tmp_path, template=path)
    assert doc.paragraphs[0].text == ("Đơn vị: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi; "
                                      "Quảng Ngãi, ngày 20 tháng 9 năm 2025")
    assert doc.paragraphs[1].text == "Tổng: 4 nhiệm vụ"
    rows = doc.tables[0].rows
    assert len(rows) == 4 and rows[3].cells[1].text == HOSTILE


def test_template_dir_restyles_the_appendix_of_a_report(result, config, tmp_path):
    from nq57cli.domain.forms import export_templates

    copied, skipped = export_templates(tmp_path / "mau")
    assert len(copied) == len({f.template for f in FORMS.values()}) and not skipped
    mine = Document(str(tmp_path / "mau" / "phu-luc-03.docx"))
    mine.paragraphs[0].runs[0].text = "MẪU RIÊNG {{ appendix.title }}"
    mine.save(str(tmp_path / "mau" / "phu-luc-03.docx"))
    assert export_templates(tmp_path / "mau")[1]  # existing copies are left alone
    restyled = config.model_copy(update={"template_dir": tmp_path / "mau"})
    doc = render(result, "bao-cao", restyled, tmp_path)
    assert "MẪU RIÊNG PHỤ LỤC 03" in [p.text for p in doc.paragraphs]


def _template_with(tmp_path: Path, *paragraphs: str) -> Path:
    template = Document()
    for text in paragraphs:
        template.add_paragraph(text)
    path = tmp_path / "bad.docx"
    template.save(str(path))
    return path


def test_unknown_variable_names_the_paragraph(result, config, tmp_path):
    path = _template_with(tmp_path, "Mở đầu", "Cơ quan chủ quản: {{ agency.parnet }}", "Kết thúc")
    with pytest.raises(RenderError) as caught:
        render_document(result, "phu-luc-03", config, tmp_path / "out.docx", template=path)
    assert "Cơ quan chủ quản: {{ agency.parnet }}" in caught.value.message_vi
    assert "parnet" in caught.value.message_en and "paragraph" in caught.value.message_en
    assert caught.value.exit_code == 4
    assert not (tmp_path / "out.docx").exists()


def test_syntax_error_and_misplaced_row_tag(result, config, tmp_path):
    path = _template_with(tmp_path, "Mở đầu", "Số {{ doc.number_line }", "Kết thúc")
    with pytest.raises(RenderError, match="Số {{ doc.number_line }"):
        render_document(result, "phu-luc-03", config, tmp_path / "out.docx", template=path)
    path = _template_with(tmp_path, "{%tr for row in rows %}", "{%tr endfor %}")
    with pytest.raises(RenderError, match="tr"):
        render_document(result, "phu-luc-03", config, tmp_path / "out.docx", template=path)


def test_sandbox_refuses_python_internals(result, config, tmp_path):
    path = _template_with(tmp_path, "{{ ''.__class__.__mro__ }}")
    with pytest.raises(RenderError) as caught:
        render_document(result, "phu-luc-03", config, tmp_path / "out.docx", template=path)
    assert "__class__" in caught.value.message_vi and "an toàn" in caught.value.message_vi


def test_builtin_templates_match_their_build_script(tmp_path):
    spec = importlib.util.spec_from_file_location("build_templates", ROOT / "templates" / "build_templates.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_templates"] = module
    spec.loader.exec_module(module)
    for built in module.build_all(tmp_path):
        committed = ROOT / "templates" / built.name
        assert built.read_bytes() == committed.read_bytes(), f"{built.name}: run templates/build_templates.py"


def test_two_runs_give_identical_files(result, config, tmp_path):
    first = render_document(result, "bao-cao", config, tmp_path / "a.docx")
    second = render_document(result, "bao-cao", config, tmp_path / "b.docx")
    assert part_xml(first) == part_xml(second)
    assert first.read_bytes() == second.read_bytes()
    props = Document(str(first)).core_properties
    assert props.created.date() == date(2025, 9, 20) and props.modified == props.created


def test_a_thousand_rows_each_once_under_its_group(config, tmp_path):
    """Scale without a stopwatch (speed is measured in benchmarks/): every task once, under its group."""
    groups = [Group(key=f"G{i}", order=i, label=f"Nhóm {i}", title=f"Nhóm {i} - Nhóm thử") for i in range(1, 9)]
    tasks = [_task(k, f"G{k % 8 + 1}", f"Nhiệm vụ {k}", result="Dòng 1\nDòng 2", status="in_progress")
             for k in range(1, 1001)]
    path = render_document(MergeResult(tasks=tasks, groups=groups, findings=[], inputs=[]), "phu-luc-03", config,
                           tmp_path / "big.docx")
    rows = Document(str(path)).tables[0].rows
    assert len(rows) == 1 + 1000 + 8
    texts = [{cell.text for cell in row.cells} for row in rows[1:]]
    group_rows = [i for i, cells in enumerate(texts) if any(t.startswith("Nhóm ") for t in cells)]
    assert len(group_rows) == 8 and group_rows[0] == 0
    seen = [t for cells in texts for t in cells if t.startswith("Nhiệm vụ ")]
    assert sorted(seen) == sorted(f"Nhiệm vụ {k}" for k in range(1, 1001))
    second_group = texts[group_rows[1] + 1:group_rows[2]]  # G2: tasks k with k % 8 == 1
    assert {t for cells in second_group for t in cells if t.startswith("Nhiệm vụ ")} == \
        {f"Nhiệm vụ {k}" for k in range(1, 1001) if k % 8 == 1}


# -------------------------------------------------------------------------------------- context


def test_agency_text_is_cleaned_but_kept():
    from nq57cli.domain.format import text

    assert text("  Dòng 1\r\nDòng\x07 2\x0b Dòng 3 ") == "Dòng 1\nDòng 2\n Dòng 3"
    assert text("cu\u0301") == "cú"  # NFD → NFC
    kept = text("{_{ x }_} {_% y %_}")
    assert kept.replace("\u200b", "") == "{_{ x }_} {_% y %_}" and kept != "{_{ x }_} {_% y %_}"


def test_date_lines_pad_days_and_early_months():
    assert place_date_line("Quảng Ngãi", date(2025, 7, 20)) == "Quảng Ngãi, ngày 20 tháng 7 năm 2025"
    assert place_date_line("Quảng Ngãi", date(2025, 2, 5)) == "Quảng Ngãi, ngày 05 tháng 02 năm 2025"
    assert place_date_line("Hà Nội", date(2025, 12, 1)) == "Hà Nội, ngày 01 tháng 12 năm 2025"
    blank = place_date_line("Quảng Ngãi", None, None, 2025)
    assert blank.startswith("Quảng Ngãi, ngày ") and blank.endswith(" năm 2025") and "tháng" in blank
    assert short_date(None, 9, 2025).strip() == "/09/2025"  # one date style: dd/mm/yyyy


def test_context_without_date_has_blanks_and_no_overdue(result):
    context = build_context(result, office_config(), "bao-cao")
    assert context["doc"]["number_line"].startswith("Số: ") and context["doc"]["number_line"].endswith("/BC-SKHCN")
    assert context["stats"]["as_of"] == "" and context["stats"]["overdue"] == 0
    assert [g["roman"] for g in context["groups"]] == ["I", "II", "III"]
    assert [r["is_group"] for r in context["rows"]] == [True, False, False, True, True, False, False]
    assert context["recipients"][-1] == "Lưu: VT, VP."
    late = build_context(result, office_config(), "bao-cao", as_of=date(2025, 9, 1))["stats"]
    assert late["overdue"] == 1 and late["as_of"] == "01/09/2025"


# --------------------------------------------------------------------------------------- config


def test_starter_config_loads_to_the_defaults_and_is_never_overwritten(tmp_path):
    created, skipped = write_starter(tmp_path)
    assert {p.name for p in created} == {"nq57.toml", "README.txt"} and not skipped
    config = load_config(tmp_path / "nq57.toml")
    assert config.agency == ReportConfig().agency and config.document == ReportConfig().document  # starter = defaults
    assert config.report.appendices == ["phu-luc-03"]
    (tmp_path / "nq57.toml").write_text("style = \"party\"\n", encoding="utf-8")
    created, skipped = write_starter(tmp_path)
    assert not created and len(skipped) == 2
    assert (tmp_path / "nq57.toml").read_text(encoding="utf-8") == "style = \"party\"\n"


def test_bad_config_names_key_and_line(tmp_path):
    path = tmp_path / "nq57.toml"
    path.write_text('style = "state"\n\n[document]\nnumbr = "12"\n', encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_config(path)
    assert "document.numbr" in caught.value.message_vi and "dòng 4" in caught.value.message_vi
    assert "document.number" in caught.value.message_en
    path.write_text('[signer]\nauthority = "XYZ"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="signer.authority.*dòng 2"):
        load_config(path)
    path.write_text('[document]\nnumber = "12\n', encoding="utf-8")
    with pytest.raises(UsageError, match="dòng 2"):
        load_config(path)
    path.write_text('[report]\nappendices = ["phu-luc-09"]\n', encoding="utf-8")
    with pytest.raises(UsageError, match="phu-luc-09"):
        load_config(path)


def test_overrides(config):
    changed = apply_overrides(config, {"signer.authority": "K/T", "signer.on_behalf": "Giám đốc",
                                       "number": "45", "document.date": "05/02/2025",
                                       "recipients": "UBND tỉnh;Lưu: VT, KHTC"})
    assert changed.signer.authority == "KT" and changed.document.number == "45"
    assert changed.document.date == date(2025, 2, 5)
    assert changed.document.recipients == ["UBND tỉnh", "Lưu: VT, KHTC"]
    with pytest.raises(UsageError, match="name"):
        apply_overrides(config, {"name": "x"})  # agency.name or signer.name
    with pytest.raises(UsageError):
        apply_overrides(config, {"document.date": "32/13/2025"})


# ------------------------------------------------------------------------------------------- pdf


def test_missing_libreoffice_is_a_distinct_error(monkeypatch, tmp_path):
    from nq57cli.render import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(pdf.PdfUnavailableError) as caught:
        pdf.convert_to_pdf(tmp_path / "x.docx")
    assert isinstance(caught.value, RenderError) and "libreoffice" in caught.value.message_vi.lower()


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_pdf_of_phu_luc_03(result, config, tmp_path):
    from nq57cli.render.pdf import convert_to_pdf

    docx = render_document(result, "phu-luc-03", config, tmp_path / "pl03.docx")
    pdf = convert_to_pdf(docx)
    assert pdf == tmp_path / "pl03.pdf" and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
        assert pages >= 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        text = " ".join(text.split())  # lines wrap where the column widths put them
        assert "PHỤ LỤC 03" in text
        assert "Tiếp tục nâng cao tinh thần trách nhiệm" in text
        assert "{{ secret }}" in text
