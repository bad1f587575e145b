"""Tables laid out from their contents, after rendering: column widths from the longest unbreakable
token of each column (dates, document numbers, task IDs, Roman numerals, "STT") at the cell's font
size, the rest of the table's width shared by how much text each column holds (render/pagination.py
then places the rows on pages); the short rules under the agency name and the summary line sized to
the text above them; the hyphens inside unbreakable tokens made non-breaking.
"""

from __future__ import annotations

import math
import re
from typing import Any

from nq57cli.render.metrics import DEFAULT_SIZE, Run, rough_width, text_width

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
LONG_WORD = 16  # longer words (web addresses...) may break: they do not set a column's width
SHARE_POWER = 0.75  # columns share the free width by (their text length) ** this


P, R, T, BR = f"{W}p", f"{W}r", f"{W}t", f"{W}br"
TR, TC, TCPR, TCW, SPAN, VAL = f"{W}tr", f"{W}tc", f"{W}tcPr", f"{W}tcW", f"{W}gridSpan", f"{W}val"
PPR, RPR, SZ, B = f"{W}pPr", f"{W}rPr", f"{W}sz", f"{W}b"
TBL, TRPR, SECTPR = f"{W}tbl", f"{W}trPr", f"{W}sectPr"


def find_child(element: Any, first: str, second: str) -> Any:
    """element.find("first/second") for two child tags, without lxml's ElementPath (half the time)."""
    for child in element.iterchildren(first):
        for found in child.iterchildren(second):
            return found
    return None


def cell_runs(cell: Any, size: float = DEFAULT_SIZE) -> tuple[list[list[Run]], list[list[Run]]]:
    """Per paragraph of a cell (or of a paragraph itself): its runs as (text, size in points, bold),
    from one walk, twice: the text alone (the widths are measured on it), and with each line break
    (w:br) as "\n" (heights). `size` is that of a run that has none of its own or its paragraph's."""
    plain_out, broken_out = [], []
    for p in cell.iter(P):
        mark = None
        for properties in p.iterchildren(PPR):  # pPr/rPr/sz
            mark = find_child(properties, RPR, SZ)
            if mark is not None:
                break
        default = int(mark.get(VAL)) / 2 if mark is not None else size
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


def grid_span(cell: Any) -> int:
    span = find_child(cell, TCPR, SPAN)
    return int(span.get(VAL)) if span is not None else 1


# A row's cells as read: each cell's (element, grid span, runs without and with breaks).
RowCells = list[tuple[Any, int, list[list[Run]], list[list[Run]]]]
Cells = dict[Any, RowCells]  # a table's rows to their cells, read once


def row_cells(row: Any, size: float = DEFAULT_SIZE) -> RowCells:
    """A row's cells as read: element, grid span, runs (cell_runs, `size` for runs that give none)."""
    return [(cell, grid_span(cell), *cell_runs(cell, size)) for cell in row.iterchildren(TC)]


def read_cells(table: Any) -> Cells:
    """Every row of a table (a nested table's too, as the measures always counted them) to its cells."""
    return {row: row_cells(row) for row in table.iter(TR)}


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
            tcw = find_child(cell, TCPR, TCW)
            if tcw is not None:
                text = texts.get((index, span))
                if text is None:
                    text = texts[index, span] = str(sum(widths[index:index + span]))
                tcw.set(f"{W}w", text)
                tcw.set(f"{W}type", "dxa")
            index += span


FULL_RULES = ("Độc lập - Tự do - Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM")  # lines as long as their text
RULE_SHARE = 0.4  # Decree 30: the short line is a third to a half of the text above it
MIN_RULE = 567  # 1 cm


def text_of(p: Any) -> str:
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
        if rule.find(f"{W}pPr/{W}pBdr/{W}top") is None or ind is None or text_of(rule):
            continue
        above = next((p for p in rule.itersiblings(f"{W}p", preceding=True) if text_of(p).strip()), None)
        if above is None or text_of(above).strip() in FULL_RULES:
            continue
        available = _available(rule, body)
        line = min(sum(text_width(v, s, b) for runs in cell_runs(above)[0] for v, s, b in runs), available)
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


def is_header(row: Any) -> bool:
    """A row repeated atop every page of its table (w:tblHeader)."""
    return find_child(row, TRPR, f"{W}tblHeader") is not None


def fit_widths(table: Any) -> tuple[Cells, list[int]] | None:
    """A data table's (one with a repeated header row) column widths set from its contents: its
    cells as read and the widths, None for another table (left as it is)."""
    rows = table.findall(TR)
    if not rows or not is_header(rows[0]):
        return None
    grid = table.findall(f"{W}tblGrid/{W}gridCol")
    total = sum(int(c.get(f"{W}w")) for c in grid)
    cells = read_cells(table)
    longest, volume, widest = _measure(cells, len(grid))
    widths = column_widths(longest, volume, widest, total)
    if widths is None:
        return cells, [int(c.get(f"{W}w")) for c in grid]
    _set_widths(table, cells, widths)
    return cells, widths


def shrink_closing_paragraphs(document: Any) -> None:
    """The empty paragraph a section or the document must end with after a table (the signature
    block) made one point tall: at its full height it falls onto a page of its own when the table
    ends at the foot of a page."""
    for p in document.element.body.iterchildren(P):
        before = p.getprevious()
        if before is None or before.tag != TBL or text_of(p).strip() or next(p.iter(f"{W}drawing"), None) is not None:
            continue
        following = p.getnext()
        if following is not None and following.tag != SECTPR and find_child(p, PPR, SECTPR) is None:
            continue
        spacing = p.get_or_add_pPr().get_or_add_spacing()
        for name, value in (("before", "0"), ("after", "0"), ("line", "20"), ("lineRule", "exact")):
            spacing.set(f"{W}{name}", value)
