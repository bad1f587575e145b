"""Tables laid out from their contents, after rendering: column widths from the longest unbreakable
token of each column (dates, document numbers, task IDs, Roman numerals, "STT") at the cell's font
size, the rest of the table's width shared by how much text each column holds. A row up to a
third of a page keeps its w:cantSplit; a taller one is cut into rows of that height at most, each
kept whole, the later ones headed by the first cell's number and "(tiếp theo)": a row kept whole would
leave the page before it part blank, and a row Word or LibreOffice break themselves would continue on
the next page without saying which task it is.

Widths are measured with Times New Roman's advance widths (the Adobe Times metrics, which Times New
Roman and Liberation Serif share); Vietnamese letters take the width of their base letter.
"""

from __future__ import annotations

import copy
import math
from collections import deque
import re
import unicodedata
from functools import lru_cache
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Tokens a line must never break: dates, document numbers and codes, task IDs, Roman numerals.
UNBREAKABLE = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{4}\b"  # 20/09/2025
    r"|\b\d{1,2}-\d{1,2}-\d{4}\b"  # 10-01-2025 as a catalog wrote it
    r"|\b\d+[-/][A-ZĐ][\wĐ&]*(?:[-/][\wĐ&]+)*"  # 05-TB/BCĐTW, 300/BC-SKHCN, 127-BC/ĐUUBNDT
    r"|\b(?:NQ57|NV)-\d+\b"  # task IDs
    r"|(?<![\w/-])[IVX]{2,6}(?=[.\s]|$)"  # group and appendix numbers: II, VII, VIII
)
CELL_MARGINS = 2 * 108  # Word's default left + right cell margin, twips
SLACK = 1.08  # measured widths are close, not exact: leave this much room
LINE = 1.17  # a line of Times New Roman is about 1.17 times its size
# A row taller than this part of a page (below the repeated header) is cut into pieces this tall at
# most: kept whole it would leave the rest of the page before it blank.
SPLIT_FRACTION = 1 / 3
KEPT_PAGES = 2  # a row estimated taller than this many pages is cut into pieces that may break:
# kept whole, a piece
# that does not fit where a page ends would leave that much blank, and the pieces of a province's
# task (130 agencies x 60 tasks) would then need 197 pages instead of 162 (≤ 180 is the target). A
# reader is then at most a third of a page from the task's number and "(tiếp theo)".
CONTINUED = "(tiếp theo)"  # atop the second cell of a row's later pieces
NUMBER_CHARS = 12  # a first cell this short is the row's number (STT), repeated in its later pieces
LONG_WORD = 16  # longer words (web addresses...) may break: they do not set a column's width
SHARE_POWER = 0.75  # columns share the free width by (their text length) ** this

# Advance widths in 1/1000 em, regular and bold (Times-Roman / Times-Bold AFM); others 500.
_REGULAR = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    (250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, *[500] * 10, 278, 278,
     564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556,
     722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444,
     333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
     480, 200, 480, 541), strict=True))
_BOLD = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    (250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, *[500] * 10, 333, 333,
     570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611,
     778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444,
     333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
     394, 220, 394, 520), strict=True))


AVERAGE = 470  # 1/1000 em: a Vietnamese text's average advance width, for lengths of whole paragraphs


def rough_width(value: str, size: float) -> float:
    """Width of a paragraph's text in twips, from its length (exact widths matter only for tokens)."""
    return len(value) * AVERAGE * size * 20 / 1000


@lru_cache(maxsize=65536)
def text_width(value: str, size: float, bold: bool = False) -> float:
    """Width of value in twips at `size` points (1 pt = 20 twips)."""
    table = _BOLD if bold else _REGULAR
    total = 0
    for char in value:
        width = table.get(char)
        if width is None:
            base = unicodedata.normalize("NFD", char)[:1]
            base = {"đ": "d", "Đ": "D"}.get(char, base)
            width = table.get(base, 1000 if unicodedata.east_asian_width(char) in "WF" else 500)
        total += width
    return total * size * 20 / 1000


P, R, T, BR = f"{W}p", f"{W}r", f"{W}t", f"{W}br"
TR, TC, TCPR, TCW, SPAN, VAL = f"{W}tr", f"{W}tc", f"{W}tcPr", f"{W}tcW", f"{W}gridSpan", f"{W}val"
PPR, RPR, SZ, B = f"{W}pPr", f"{W}rPr", f"{W}sz", f"{W}b"
Run = tuple[str, float, bool]


def _find(element: Any, first: str, second: str) -> Any:
    """element.find("first/second") for two child tags, without lxml's ElementPath (half the time)."""
    for child in element.iterchildren(first):
        for found in child.iterchildren(second):
            return found
    return None


def _cell_runs(cell: Any) -> tuple[list[list[Run]], list[list[Run]]]:
    """Per paragraph of a cell: its runs as (text, size in points, bold), from one walk, twice: the
    text alone (the widths are measured on it), and with each line break (w:br) as "\n" (heights)."""
    plain_out, broken_out = [], []
    for p in cell.iter(P):
        mark = None
        for properties in p.iterchildren(PPR):  # pPr/rPr/sz
            mark = _find(properties, RPR, SZ)
            if mark is not None:
                break
        default = int(mark.get(VAL)) / 2 if mark is not None else 12.0
        plain_runs, broken_runs = [], []
        for r in p.iter(R):
            plain: list[str] = []
            broken: list[str] | None = None  # as plain, with the line breaks, once there is one
            for t in r.iter(T, BR):
                if t.tag == T:
                    value = t.text or ""
                    plain.append(value)
                    if broken is not None:
                        broken.append(value)
                elif broken is None:
                    broken = [*plain, "\n"]
                else:
                    broken.append("\n")
            text = "".join(plain)
            with_breaks = text if broken is None else "".join(broken)
            if not with_breaks:
                continue
            sz = b = None
            for properties in r.iterchildren(RPR):  # rPr/sz and rPr/b
                if sz is None:
                    sz = next(properties.iterchildren(SZ), None)
                if b is None:
                    b = next(properties.iterchildren(B), None)
            bold = b is not None and b.get(VAL) not in ("0", "false")
            size = int(sz.get(VAL)) / 2 if sz is not None else default
            run = (text, size, bold)
            if text:
                plain_runs.append(run)
            broken_runs.append(run if broken is None else (with_breaks, size, bold))
        plain_out.append(plain_runs)
        broken_out.append(broken_runs)
    return plain_out, broken_out


def _span(cell: Any) -> int:
    span = _find(cell, TCPR, SPAN)
    return int(span.get(VAL)) if span is not None else 1


# A table's cells, read once: per row, each cell's (element, grid span, runs without and with breaks).
Cells = dict[Any, list[tuple[Any, int, list[list[Run]], list[list[Run]]]]]


def _read_cells(table: Any) -> Cells:
    """Every row of a table (a nested table's too, as the measures always counted them) to its cells."""
    out: Cells = {}
    for row in table.iter(TR):
        cells = []
        for cell in row.iterchildren(TC):
            plain, broken = _cell_runs(cell)
            cells.append((cell, _span(cell), plain, broken))
        out[row] = cells
    return out


def _measure(cells: Cells, columns: int) -> tuple[list[float], list[float], list[float]]:
    """(longest token, total text, longest paragraph) widths per grid column, from single-column cells."""
    longest = [0.0] * columns
    volume = [0.0] * columns
    widest = [0.0] * columns
    tokens: dict[Run, float] = {}  # a run's longest unbreakable token
    for row in cells.values():
        index = 0
        for _, span, paragraphs, _ in row:
            if span == 1 and index < columns:
                top = longest[index]
                for runs in paragraphs:
                    line = 0.0
                    for run in runs:
                        value, size, bold = run
                        token_width = tokens.get(run)
                        if token_width is None:  # many cells repeat a run (dates, document names)
                            token_width = 0.0
                            for token in value.split():
                                if len(token) <= LONG_WORD or UNBREAKABLE.search(token):
                                    token_width = max(token_width, text_width(token, size, bold))
                            tokens[run] = token_width
                        top = max(top, token_width)
                        line += rough_width(value, size)
                    volume[index] += line
                    widest[index] = max(widest[index], line)
                longest[index] = top
            index += span
    return longest, volume, widest


def column_widths(longest: list[float], volume: list[float], widest: list[float], total: int) -> list[int] | None:
    """Each column its longest token (plus margins), the rest of `total` shared by text volume, no
    column wider than its longest paragraph needs while another could use the room; None when the
    tokens alone do not fit (the template's widths are kept)."""
    minimum = [math.ceil(w * SLACK) + CELL_MARGINS for w in longest]
    cap = [max(m, math.ceil(w * SLACK) + CELL_MARGINS) for m, w in zip(minimum, widest)]
    if total < sum(minimum) or not any(volume):
        return None
    widths = [float(m) for m in minimum]
    open_ = {i for i in range(len(widths)) if cap[i] > widths[i]}
    free = total - sum(widths)
    while free > 1 and open_:
        weights = {i: max(volume[i], 1.0) ** SHARE_POWER for i in open_}
        share = sum(weights.values())
        spent = 0.0
        for i, weight in weights.items():
            grant = min(free * weight / share, cap[i] - widths[i])
            widths[i] += grant
            spent += grant
        open_ = {i for i in open_ if cap[i] - widths[i] > 1}
        free -= spent
    if free > 1:  # every column has all it can use: the rest by how wide each one is
        widths = [w + free * w / sum(widths) for w in widths]
    out = [int(w) for w in widths]
    out[max(range(len(out)), key=lambda i: out[i])] += total - sum(out)
    return out


def _set_widths(table: Any, cells: Cells, widths: list[int]) -> None:
    for col, width in zip(table.findall(f"{W}tblGrid/{W}gridCol"), widths):
        col.set(f"{W}w", str(width))
    texts: dict[tuple[int, int], str] = {}  # (first column, span): the cell's width as text
    for row in cells.values():
        index = 0
        for cell, span, _, _ in row:
            tcw = _find(cell, TCPR, TCW)
            if tcw is not None:
                text = texts.get((index, span))
                if text is None:
                    text = texts[index, span] = str(sum(widths[index:index + span]))
                tcw.set(f"{W}w", text)
                tcw.set(f"{W}type", "dxa")
            index += span


def _cell_heights(row: list[tuple[Any, int, list[list[Run]], list[list[Run]]]], widths: list[int]) -> list[float]:
    """Estimated height of each cell of a row (its cells as _read_cells gives them) in twips (its lines)."""
    heights = []
    index = 0
    for _, span, _, paragraphs in row:
        inner = max(sum(widths[index:index + span]) - CELL_MARGINS, 1)
        heights.append(sum(_paragraph_height(runs, inner)[0] for runs in paragraphs))
        index += span
    return heights


def _row_cells(row: Any) -> list[tuple[Any, int, list[list[Run]], list[list[Run]]]]:
    """One row's cells as _read_cells gives them."""
    return [(cell, _span(cell), *_cell_runs(cell)) for cell in row.iterchildren(TC)]


def _body_height(body: Any) -> int:
    sect = body.find(f"{W}sectPr")
    size = sect.find(f"{W}pgSz") if sect is not None else None
    margin = sect.find(f"{W}pgMar") if sect is not None else None
    if size is None or margin is None:
        return 9638
    return int(size.get(f"{W}h")) - int(margin.get(f"{W}top")) - int(margin.get(f"{W}bottom"))


FULL_RULES = ("Độc lập - Tự do - Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM")  # lines as long as their text
RULE_SHARE = 0.4  # Decree 30: the short line is a third to a half of the text above it
MIN_RULE = 567  # 1 cm


def _text_of(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _available(rule: Any, body: Any) -> int:
    """Width the rule's paragraph can take: its cell's, else its section's text width."""
    cell = next(rule.iterancestors(f"{W}tc"), None)
    if cell is not None:
        tcw = cell.find(f"{W}tcPr/{W}tcW")
        if tcw is not None and tcw.get(f"{W}w", "").isdigit():
            return int(tcw.get(f"{W}w")) - CELL_MARGINS
    sect = next((p.find(f"{W}pPr/{W}sectPr") for p in rule.itersiblings(f"{W}p")
                 if p.find(f"{W}pPr/{W}sectPr") is not None), body.find(f"{W}sectPr"))
    size, margin = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    return int(size.get(f"{W}w")) - int(margin.get(f"{W}left")) - int(margin.get(f"{W}right"))


def size_rules(document: Any) -> None:
    """The short rules under the agency name and the summary line (an empty paragraph with a top
    border), each made RULE_SHARE of the text above it, centred; the motto's rule is left whole."""
    body = document.element.body
    bordered = (border.getparent().getparent() for border in body.iter(f"{W}pBdr"))  # in a w:pPr
    for rule in list(dict.fromkeys(p for p in bordered if p is not None and p.tag == P)):
        ind = rule.find(f"{W}pPr/{W}ind")
        if rule.find(f"{W}pPr/{W}pBdr/{W}top") is None or ind is None or _text_of(rule):
            continue
        above = next((p for p in rule.itersiblings(f"{W}p", preceding=True) if _text_of(p).strip()), None)
        if above is None or _text_of(above).strip() in FULL_RULES:
            continue
        available = _available(rule, body)
        line = min(sum(text_width(v, s, b) for runs in _cell_runs(above)[0] for v, s, b in runs), available)
        length = max(MIN_RULE, int(line * RULE_SHARE))
        side = max(0, (available - length) // 2)
        for name in ("left", "right", "start", "end"):
            if ind.get(f"{W}{name}") is not None:
                ind.set(f"{W}{name}", str(side))


def keep_tokens_whole(document: Any) -> None:
    """The hyphens inside unbreakable tokens (05-TB/BCĐTW, NQ57-04, 10-01-2025) become Word's
    non-breaking hyphen (w:noBreakHyphen), so no line ends at them; the text reads the same."""
    for node in document.element.body.xpath(".//w:t[contains(., '-')]"):
        value = node.text or ""
        if "-" not in value:
            continue
        cuts = [m.start() + i for m in UNBREAKABLE.finditer(value) for i, c in enumerate(m.group()) if c == "-"]
        if not cuts:
            continue
        pieces, start = [], 0
        for cut in cuts:
            pieces.append(value[start:cut])
            start = cut + 1
        pieces.append(value[start:])
        node.text = pieces[0]
        node.set(XML_SPACE, "preserve")
        anchor = node
        for piece in pieces[1:]:
            hyphen = node.makeelement(f"{W}noBreakHyphen", {})
            anchor.addnext(hyphen)
            anchor = hyphen
            if piece:
                part = node.makeelement(f"{W}t", {XML_SPACE: "preserve"})
                part.text = piece
                anchor.addnext(part)
                anchor = part


def fit_tables(document: Any) -> None:
    """Lay out every data table (one with a repeated header row) of a rendered document."""
    body = document.element.body
    page = _body_height(body)
    for table in body.iter(f"{W}tbl"):
        rows = table.findall(TR)
        if not rows or _find(rows[0], f"{W}trPr", f"{W}tblHeader") is None:
            continue
        grid = table.findall(f"{W}tblGrid/{W}gridCol")
        total = sum(int(c.get(f"{W}w")) for c in grid)
        cells = _read_cells(table)
        longest, volume, widest = _measure(cells, len(grid))
        widths = column_widths(longest, volume, widest, total)
        if widths is None:
            widths = [int(c.get(f"{W}w")) for c in grid]
        else:
            _set_widths(table, cells, widths)
        header = sum(max(_cell_heights(cells[r], widths), default=0.0) for r in rows
                     if _find(r, f"{W}trPr", f"{W}tblHeader") is not None)
        limit = SPLIT_FRACTION * (page - header)
        for row in rows:
            if _find(row, f"{W}trPr", f"{W}cantSplit") is None:
                continue
            heights = _cell_heights(cells[row], widths)
            height = max(heights, default=0.0)
            if height > limit:
                split_row(row, widths, limit, keep=height <= KEPT_PAGES * (page - header), heights=heights,
                          cells=cells[row])


def _segments(runs: list[tuple[str, float, bool]]) -> list[tuple[int, float]]:
    """(characters, width in twips) of each line-broken segment (w:br) of a paragraph."""
    out, chars, width = [], 0, 0.0
    for value, size, _ in runs:
        for i, part in enumerate(value.split("\n")):
            if i:
                out.append((chars, width))
                chars, width = 0, 0.0
            chars += len(part)
            width += rough_width(part, size)
    out.append((chars, width))
    return out


def _paragraph_height(runs: list[tuple[str, float, bool]], inner: float) -> tuple[float, float]:
    """(estimated height, height of one line) of a paragraph in a cell `inner` twips wide."""
    line = max((s for _, s, _ in runs), default=12.0) * 20 * LINE
    return sum(max(1, math.ceil(w * SLACK / inner)) for _, w in _segments(runs)) * line, line


def _offset_after(runs: list[tuple[str, float, bool]], inner: float, lines: int) -> int:
    """About where (a character offset, w:br counted as one) `lines` lines of the paragraph end."""
    offset = 0
    for chars, width in _segments(runs):
        exact = width * SLACK / inner
        taken = max(1, math.ceil(exact))
        if taken > lines:
            return offset + int(chars * lines / max(exact, 1))
        lines -= taken
        offset += chars + 1
    return offset


def _cut_paragraph(p: Any, at: int) -> tuple[Any, int] | None:
    """Cut paragraph `p` before character `at` (w:br counted as one character), at a line break in
    the second half of that stretch, else at its last space: `p` keeps the first part, the rest is returned as a new paragraph with the same
    properties, with the offset of the cut (None when there is no such place)."""
    items = []  # (run, child, text) for each w:t, w:br, w:tab... of the paragraph's runs, in order
    for run in p.findall(f"{W}r"):
        for child in run:
            if child.tag != f"{W}rPr":
                items.append((run, child, child.text or "" if child.tag == f"{W}t" else
                              "\n" if child.tag == f"{W}br" else "\x00"))
    text = "".join(value for _, _, value in items)
    cut = text.rfind("\n", 0, at)  # a line break when one is near enough, else the last space
    if cut < at // 2:
        cut = max(cut, text.rfind(" ", 0, at))
    if cut <= 0 or not text[cut + 1:].strip():
        return None
    offset = 0
    for run, child, value in items:
        if offset + len(value) <= cut:
            offset += len(value)
            continue
        rest = p.makeelement(p.tag, p.attrib)
        properties = p.find(f"{W}pPr")
        if properties is not None:
            rest.append(copy.deepcopy(properties))
        tail = run.makeelement(run.tag, run.attrib)  # the run's properties, then what follows the cut
        run_properties = run.find(f"{W}rPr")
        if run_properties is not None:
            tail.append(copy.deepcopy(run_properties))
        if child.tag == f"{W}t":
            rest_text = tail.makeelement(f"{W}t", {XML_SPACE: "preserve"})
            rest_text.text = value[cut - offset + 1:]
            tail.append(rest_text)
            child.text = value[:cut - offset]
            child.set(XML_SPACE, "preserve")
        for node in list(child.itersiblings()):
            tail.append(node)  # moved
        if child.tag != f"{W}t":  # a line break: neither part keeps it
            run.remove(child)
        rest.append(tail)
        for later in list(run.itersiblings()):
            rest.append(later)  # moved
        return rest, cut
    return None


def _runs_after(runs: list[tuple[str, float, bool]], skip: int) -> list[tuple[str, float, bool]]:
    """The runs of a paragraph's text after its first `skip` characters (the measure of a paragraph's
    rest once cut, without reading it again)."""
    out = []
    for value, size, bold in runs:
        if skip >= len(value):
            skip -= len(value)
            continue
        out.append((value[skip:], size, bold))
        skip = 0
    return out


def _fill(cell: Any, inner: float, limit: float, paragraphs: list[list[Run]]) -> list[list[Any]]:
    """A cell's paragraphs (their runs with line breaks: `paragraphs`) shared into pieces at most
    `limit` twips tall: a paragraph that does not fit in the room left starts the next piece, one
    taller than a piece is cut between words."""
    pieces: list[list[Any]] = [[]]
    used = 0.0
    queue: deque[tuple[Any, list[tuple[str, float, bool]]]] = deque(
        zip(cell.findall(f"{W}p"), paragraphs))
    while queue:
        p, measured = queue.popleft()
        runs = measured
        if not any(value for value, _, _ in runs):
            runs = []
        height, line = _paragraph_height(runs, inner)
        if used + height <= limit or not runs:
            pieces[-1].append(p)
            used += height
            continue
        lines = int((limit - used) // line)
        cut = None
        if lines >= 2 and (height > limit or not pieces[-1]):  # a paragraph that fits a piece starts
            cut = _cut_paragraph(p, _offset_after(runs, inner, lines))  # the next: a cut costs a line
        if cut is not None:
            pieces[-1].append(p)
            queue.appendleft((cut[0], _runs_after(runs, cut[1] + 1)))
        elif pieces[-1]:
            queue.appendleft((p, runs))
        else:  # a paragraph that cannot be cut: a piece of its own
            pieces[-1].append(p)
            pieces.append([])
            used = 0.0
            continue
        pieces.append([])
        used = 0.0
    return [piece for piece in pieces if piece] or [[]]


def split_row(row: Any, widths: list[int], limit: float, keep: bool = True, heights: list[float] | None = None,
              cells: list[tuple[Any, int, list[list[Run]], list[list[Run]]]] | None = None) -> None:
    """Cut a table row taller than `limit` twips into rows of about equal height, at most `limit`,
    each kept whole (w:cantSplit) with `keep`, else allowed to break. Every cell's paragraphs go down
    the pieces in order; a later piece says which row it continues: the first two cells again when
    they are short (STT, a task ID) and "(tiếp theo)" in the second, atop its text when it is long. A row holding a nested table is only allowed to break.
    `heights` and `cells` (the row's cells as _read_cells gives them), when known, are not read again."""
    if any(next(cell.iter(f"{W}tbl"), None) is not None for cell in row.iterchildren(TC)):
        row.find(f"{W}trPr").remove(row.find(f"{W}trPr/{W}cantSplit"))
        return
    read = _row_cells(row) if cells is None else cells
    elements = [cell for cell, _, _, _ in read]
    heights = _cell_heights(read, widths) if heights is None else heights
    height = max(heights)
    target = min(limit, height / math.ceil(height / limit) * 1.1)  # no short last piece
    shares, index = [], 0
    for (cell, span, _, paragraphs), cell_height in zip(read, heights):
        inner = max(sum(widths[index:index + span]) - CELL_MARGINS, 1)
        shares.append(_fill(cell, inner, target, paragraphs) if cell_height > target else [cell.findall(f"{W}p")])
        index += span
    count = max(len(share) for share in shares)
    if count == 1:
        return
    names = [" ".join(_text_of(p) for p in cell.findall(f"{W}p")).strip() for cell in elements[:2]]
    templates = []  # per cell, its first paragraph: its properties and its first run's, for new paragraphs
    for cell in elements:
        templates.append(cell.find(f"{W}p"))
        for p in cell.findall(f"{W}p"):
            cell.remove(p)
    skeleton = copy.deepcopy(row)  # the row without its paragraphs: copied once per piece
    pieces = [row] + [copy.deepcopy(skeleton) for _ in range(count - 1)]
    marked = min(1, len(elements) - 1)  # the column that says "(tiếp theo)"
    repeated = {column: _line(templates[column], name) for column, name in enumerate(names)
                if name and len(name) <= NUMBER_CHARS and len(shares[column]) == 1}  # STT, a task ID
    continued = _line(templates[marked], CONTINUED, italic=True)
    for n, piece in enumerate(pieces):
        for column, (cell, share) in enumerate(zip(piece.iterchildren(TC), shares)):
            template = templates[column]
            chosen = share[n] if n < len(share) else []
            if n and column in repeated:
                chosen = [copy.deepcopy(repeated[column])]
            if n and column == marked:
                chosen = [*chosen[:1], copy.deepcopy(continued)] if column in repeated else [
                    copy.deepcopy(continued), *chosen]
            for p in chosen or [_empty(template)]:
                cell.append(p)
    for earlier, later in zip(pieces, pieces[1:]):
        earlier.addnext(later)
    if not keep:
        for piece in pieces:
            piece.find(f"{W}trPr").remove(piece.find(f"{W}trPr/{W}cantSplit"))


def _empty(template: Any) -> Any:
    p = template.makeelement(P, template.attrib)
    properties = next(template.iterchildren(PPR), None)
    if properties is not None:
        p.append(copy.deepcopy(properties))
    return p


def _line(template: Any, value: str, italic: bool = False) -> Any:
    """A paragraph like `template` (its paragraph and first run's properties) holding `value`."""
    p = _empty(template)
    run = p.makeelement(f"{W}r", {})
    run_properties = template.find(f"{W}r/{W}rPr")
    properties = copy.deepcopy(run_properties) if run_properties is not None else run.makeelement(f"{W}rPr", {})
    for bold in properties.findall(f"{W}b"):
        properties.remove(bold)
    if italic:  # w:i after w:rStyle, w:rFonts, w:bCs (the schema's order)
        before = [c.tag in (f"{W}rStyle", f"{W}rFonts", f"{W}bCs") for c in properties]
        properties.insert(before.index(False) if False in before else len(before), properties.makeelement(f"{W}i", {}))
    run.append(properties)
    text = run.makeelement(f"{W}t", {XML_SPACE: "preserve"})
    text.text = value
    run.append(text)
    p.append(run)
    return p
