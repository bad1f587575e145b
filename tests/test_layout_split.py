"""Rows taller than a third of a page are cut into rows kept whole, each later one naming its task."""

from __future__ import annotations

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from nq57cli.render.layout import CONTINUED, SPLIT_FRACTION, fit_tables

WORDS = "Sở Khoa học và Công nghệ đã phối hợp triển khai các nội dung được giao theo kế hoạch".split()


def flag(row, name: str) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement(f"w:{name}"))


def document(lines_per_paragraph: int, paragraphs: int, breaks: bool = False):
    doc = Document()
    table = doc.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ("STT", "Nhiệm vụ", "Kết quả thực hiện")):
        cell.text = text
    flag(table.rows[0], "tblHeader")
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "1", "Nhiệm vụ ngắn"
    flag(table.rows[1], "cantSplit")
    number, title, results = table.rows[2].cells
    number.text, title.text = "12", "Nhiệm vụ dài " + " ".join(WORDS * 3)
    results.paragraphs[0].add_run("Đơn vị A: ").bold = True
    for n in range(paragraphs):
        paragraph = results.paragraphs[0] if n == 0 else results.add_paragraph()
        run = paragraph.add_run()
        for line in range(lines_per_paragraph):
            if line and breaks:
                run.add_break()
            run.add_text(" ".join(WORDS) + f" ({n}.{line}) ")
        run.font.size = Pt(12)
    flag(table.rows[2], "cantSplit")
    return doc, table


def words(cells) -> list[str]:
    out = []
    for cell in cells:
        for p in cell.paragraphs:
            if p.text != CONTINUED:
                out += "".join(t.text or "" if t.tag == qn("w:t") else " " for t in
                               p._p.iter(qn("w:t"), qn("w:br"))).split()
    return out


def test_a_short_row_stays_whole_and_a_tall_one_is_cut_into_named_rows():
    doc, table = document(lines_per_paragraph=1, paragraphs=10)
    before = words(table.rows[2].cells[2:]), words(table.rows[2].cells[1:2])
    fit_tables(doc)
    rows = table.rows
    assert rows[1].cells[0].text == "1" and len(rows) == 4  # the short row untouched, the tall one cut
    pieces = rows[2:]
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in pieces)
    assert [r.cells[0].text for r in pieces] == ["12"] * len(pieces)
    assert all(r.cells[1].paragraphs[0].text == CONTINUED and r.cells[1].paragraphs[0].runs[0].italic
               for r in pieces[1:])
    assert pieces[0].cells[1].paragraphs[0].text.startswith("Nhiệm vụ dài")
    # nothing lost, nothing repeated, in order; the agency's name stays bold
    assert [w for r in pieces for w in words(r.cells[2:])] == before[0]
    assert [w for r in pieces for w in words(r.cells[1:2])] == before[1]
    assert pieces[0].cells[2].paragraphs[0].runs[0].bold


def test_a_paragraph_of_line_breaks_is_cut_at_a_break():
    doc, table = document(lines_per_paragraph=60, paragraphs=1, breaks=True)
    before = words(table.rows[2].cells[2:])
    fit_tables(doc)
    pieces = table.rows[2:]
    assert len(pieces) >= 3
    assert [w for r in pieces for w in words(r.cells[2:])] == before
    for piece in pieces[1:]:  # each piece starts on a line the source started (no line cut in two)
        first = piece.cells[2].paragraphs[0].text
        assert first.startswith(WORDS[0]), first[:40]


def test_a_row_pages_long_is_cut_into_about_equal_pieces_that_may_break():
    assert SPLIT_FRACTION == 1 / 3
    doc, table = document(lines_per_paragraph=1, paragraphs=90)
    fit_tables(doc)
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is None for r in table.rows[2:])  # kept whole, a
    # piece that does not fit where a page ends would leave that much blank, on every page of the row
    counts = [sum(1 for p in r.cells[2].paragraphs if p.text) for r in table.rows[2:]]
    assert max(counts) - min(counts) <= 1 and len(counts) > 6, counts  # about equal pieces
