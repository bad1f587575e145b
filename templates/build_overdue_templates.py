"""Build the DOCX templates of `nq57 overdue`: `python templates/build_overdue_templates.py [OUT_DIR]`.

- cong-van-don-doc.docx — the reminder letter (công văn đôn đốc) sent to one lead agency: header
  block with "Số: .../SKHCN-VP" and the summary line "V/v ..." under it, "Kính gửi:", the body, a
  table of that agency's overdue tasks, the closing, "Nơi nhận" and the signature (portrait).
- qua-han.docx — the appendix "DANH SÁCH NHIỆM VỤ QUÁ HẠN" (landscape, header row repeated,
  one bold full-width row per group).

Built with the helpers of build_templates.py, so both share the layout of the other forms (Decree
30/2020: A4, margins 20/20/30/15 mm, Times New Roman, page numbers from page 2). The variables are
those of `nq57cli.render.context.build_context` plus `letter`, `rows` and `as_of` as filled by
`nq57cli.render.overdue` (see `letter_context` and `appendix_context` there).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_templates as bt  # noqa: E402  (the sibling generator of the other forms)

HERE = Path(__file__).resolve().parent
CENTER, LEFT = bt.CENTER, bt.LEFT

# (header, width in twips, template expression, alignment); widths sum to the text width.
LETTER_COLUMNS = [
    ("STT", 600, "{{ row.number }}", CENTER),
    ("Mã nhiệm vụ", 1050, "{{ row.id }}", CENTER),
    ("Nhiệm vụ", 4205, "{{ row.title }}", LEFT),
    ("Thời hạn", 1250, "{{ row.deadline }}", CENTER),
    ("Tình trạng", 1250, "{{ row.status }}", CENTER),
    ("Số ngày quá hạn", 1000, "{{ row.days_late }}", CENTER),
]
APPENDIX_COLUMNS = [
    ("STT", 700, "{{ row.number }}", CENTER),
    ("Mã nhiệm vụ", 1250, "{{ row.id }}", CENTER),
    ("Nhiệm vụ", 4200, "{{ row.title }}", LEFT),
    ("Cơ quan chủ trì", 1900, "{{ row.lead }}", CENTER),
    ("Thời hạn", 1450, "{{ row.deadline }}", CENTER),
    ("Tình trạng", 1500, "{{ row.status }}", CENTER),
    ("Số ngày quá hạn", 1100, "{{ row.days_late }}", CENTER),
    ("Đơn vị chưa hoàn thành, ghi chú", 2187, "{{ row.remarks }}", LEFT),
]


def summary_under_number(doc) -> None:
    """The letter's summary line ("V/v ...", 12 pt, centred) under the number, in both the state
    and the Party variant of the header block."""
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                if any("{{ doc.number_line }}" in p.text for p in cell.paragraphs):
                    bt.para(cell, "{{ letter.summary }}", style="NQ Center", size=12)


def letter_table(doc) -> None:
    """The agency's overdue tasks: a repeated header row, then one row per task."""
    widths = [w for _, w, _, _ in LETTER_COLUMNS]
    assert sum(widths) == bt.PORTRAIT_WIDTH, (sum(widths), bt.PORTRAIT_WIDTH)
    t = bt.table(doc, widths, borders=True)
    header = bt.row(t, widths)
    bt.repeat_header(header)
    for cell, (title, _, _, _) in zip(header.cells, LETTER_COLUMNS):
        cell.vertical_alignment = bt.WD_CELL_VERTICAL_ALIGNMENT.CENTER
        bt.cell_text(cell, title, size=12, bold=True, align=CENTER, style="NQ Table Header")
    bt.tr_tag(t, widths, "{%tr for row in rows %}")
    body = bt.row(t, widths)
    for cell, (_, _, expression, align) in zip(body.cells, LETTER_COLUMNS):
        bt.cell_text(cell, expression, size=12, align=align)
    bt.tr_tag(t, widths, "{%tr endfor %}")


def build_letter(path: Path) -> None:
    doc = bt.new_document("portrait", "Công văn đôn đốc")
    bt.header_block(doc)
    summary_under_number(doc)
    bt.para(doc, "Kính gửi: {{ letter.agency }}.", style="NQ Center", size=14, before=18, after=12)
    bt.para(doc, "{{ letter.opening }}", style="NQ Body")
    letter_table(doc)
    bt.para(doc, "", style="Normal", size=6)
    bt.closing_and_signature(doc)
    bt.save(doc, path)


def build_appendix(path: Path) -> None:
    doc = bt.new_document("landscape", "Danh sách nhiệm vụ quá hạn")
    bt.para(doc, "{{ appendix.title }}", style="NQ Center", size=14, bold=True, keep_next=True)
    bt.para(doc, "{{ appendix.name }}", style="NQ Center", size=14, bold=True, keep_next=True)
    bt.para(doc, "(Tính đến ngày {{ as_of }})", style="NQ Center", size=14, italic=True, keep_next=True)
    bt.para(doc, "{{ appendix.attached }}", style="NQ Center", size=14, italic=True, after=12, keep_next=True)
    bt.task_table(doc, APPENDIX_COLUMNS, size=12)
    bt.para(doc, "{{ appendix.footnote }}", style="NQ Caption", size=12, before=6)
    bt.save(doc, path)


def build_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    targets = {"cong-van-don-doc.docx": build_letter, "qua-han.docx": build_appendix}
    written = []
    for name, build in targets.items():
        build(folder / name)
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for written in build_all(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(written)
