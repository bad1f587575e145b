"""Rows placed on pages (render/pagination.py): a row that fits on a page is never cut; a taller one
is cut where the pages end into rows kept whole, each later one naming its task."""

from __future__ import annotations

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nq57cli.render.layout import read_cells
from nq57cli.render.metrics import line_height
from nq57cli.render.pagination import CONTINUED, MIN_LINES, SAFETY, fit_tables, row_height

WORDS = "Sở Khoa học và Công nghệ đã phối hợp triển khai các nội dung được giao theo kế hoạch".split()
PAGE = 15840 - 2 * 1440  # python-docx's default page: Letter, 1 inch margins (twips)
LINE = line_height([("x", 12.0, False)])


def flag(row, name: str) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement(f"w:{name}"))


def document(lines_per_paragraph: int, paragraphs: int, breaks: bool = False, before: int = 1):
    """A table: header, a row of `before` lines, then row "12" of `paragraphs` paragraphs of
    `lines_per_paragraph` sentences each, all rows kept whole (w:cantSplit)."""
    doc = Document()
    table = doc.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ("STT", "Nhiệm vụ", "Kết quả thực hiện")):
        cell.text = text
    flag(table.rows[0], "tblHeader")
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "1", "Nhiệm vụ ngắn"
    table.rows[1].cells[2].text = "\n".join(["Dòng"] * before)
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


def heights(table) -> list[float]:
    """Each row's estimated height, as the pagination measures it."""
    cells = read_cells(table._tbl)
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    return [row_height(cells[r._tr], widths) for r in table.rows]


def test_a_row_that_fits_on_a_page_is_never_cut_even_where_the_page_has_no_room_for_it():
    doc, table = document(lines_per_paragraph=1, paragraphs=8, before=25)
    header, first, second = heights(table)
    assert first + second > PAGE - header and second < PAGE - header  # moves whole to the next page
    fit_tables(doc)
    assert len(table.rows) == 3 and table.rows[2].cells[0].text == "12"
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows[1:])


def test_a_row_taller_than_a_page_is_cut_where_the_pages_end_into_named_rows():
    doc, table = document(lines_per_paragraph=1, paragraphs=90, before=10)
    before = words(table.rows[2].cells[2:]), words(table.rows[2].cells[1:2])
    header, first, _ = heights(table)
    fit_tables(doc)
    rows = table.rows
    assert rows[1].cells[0].text == "1" and len(rows) >= 5  # the short row untouched, the tall one cut
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
    # the first piece fills the first page below the short row, each later one a page, none more
    sizes = heights(table)[2:]
    room = PAGE - header
    assert room - first - (SAFETY + 2) * LINE <= sizes[0] <= room - first
    assert all(room - (SAFETY + 2) * LINE <= size <= room for size in sizes[1:-1]), sizes


def test_a_page_with_little_room_left_takes_no_piece_of_a_cut_row():
    doc, table = document(lines_per_paragraph=1, paragraphs=90)
    header, _, _ = heights(table)
    lines = int((PAGE - header) // LINE) - MIN_LINES + 1  # the short row leaves under MIN_LINES lines
    doc, table = document(lines_per_paragraph=1, paragraphs=90, before=lines)
    header, first, _ = heights(table)
    assert PAGE - header - first < MIN_LINES * LINE
    fit_tables(doc)
    sizes = heights(table)[2:]
    assert sizes[0] >= PAGE - header - (SAFETY + 2) * LINE  # the first piece opens the next page


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


# Any table: rows of 1 to 3 paragraphs of 0 to 400 words, some with line breaks; after laying out, every
# word is still there in order, a row estimated to fit on a page is never cut, and no piece is taller
# than a page.
ROW = st.lists(st.tuples(st.integers(0, 400), st.booleans()), min_size=1, max_size=3)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ROW, min_size=1, max_size=6))
def test_any_table_keeps_its_words_and_its_rows_within_a_page(rows):
    doc = Document()
    table = doc.add_table(rows=1 + len(rows), cols=3)
    for cell, text in zip(table.rows[0].cells, ("STT", "Nhiệm vụ", "Kết quả thực hiện")):
        cell.text = text
    flag(table.rows[0], "tblHeader")
    for number, (row, paragraphs) in enumerate(zip(table.rows[1:], rows), start=1):
        row.cells[0].text, row.cells[1].text = str(number), f"Nhiệm vụ {number}"
        results = row.cells[2]
        for index, (count, breaks) in enumerate(paragraphs):
            run = (results.paragraphs[0] if index == 0 else results.add_paragraph()).add_run()
            for n in range(count):
                if breaks and n and n % 9 == 0:
                    run.add_break()
                run.add_text(f"{WORDS[n % len(WORDS)]}{n} ")
        flag(row, "cantSplit")
    before = {r.cells[0].text: words(r.cells[2:]) for r in table.rows[1:]}
    header, *estimated = heights(table)
    fit_tables(doc)
    after: dict[str, list[str]] = {}
    for row in table.rows[1:]:
        after.setdefault(row.cells[0].text, []).extend(words(row.cells[2:]))
    assert after == before
    for number, height in enumerate(estimated, start=1):
        pieces = [r for r in table.rows[1:] if r.cells[0].text == str(number)]
        if height <= PAGE - header:
            assert len(pieces) == 1
    assert all(size <= PAGE - header for size in heights(table)[1:])
