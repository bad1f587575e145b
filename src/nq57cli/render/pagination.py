"""Rows placed on pages: each data table's rows (one with a repeated header row) are walked page by
page with their heights estimated (render/metrics.py), from where the table starts on its page. A
row that fits on a page keeps its w:cantSplit: it is never split, and moves whole to the next page
when the page has no room left for it (a group row kept with the next row moves with it). A row
taller than a page is cut where the pages end, into rows each kept whole: the first fills what is
left of the page (or opens the next one when under MIN_LINES lines are left), each later one a
page, its first cells repeating the row's number (STT, a task ID) with "(tiếp theo)", so every page
of a long task says which task it is. Word and LibreOffice would otherwise break such a row
themselves and continue it on the next page without a word of which task it is.
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Sequence
from typing import Any

from nq57cli.render.layout import (BR, CELL_MARGINS, P, PPR, SECTPR, TBL, TC, TR, TRPR, VAL, W, XML_SPACE, Cells,
                                   RowCells, cell_runs, find_child, fit_widths, is_header, row_cells, text_of)
from nq57cli.render.metrics import DEFAULT_SIZE, ROW_RULE, Run, line_height, line_starts, paragraph_height

SAFETY = 1.5  # lines of a page a piece leaves free, for estimates that fall a little short
MIN_LINES = 3  # a page with room for fewer lines than this below its last row takes no piece of a cut row
CONTINUED = "(tiếp theo)"  # atop the second cell of a row's later pieces
NUMBER_CHARS = 12  # a first cell this short is the row's number (STT), repeated in its later pieces
FAST = 0.6  # a table whose rows are all shorter than this part of a page by a rough (high) estimate has nothing to cut
BORDERS = 20  # twips of a cell's width its left and right borders take (the estimates match LibreOffice's
# lines with them counted: 10 of 10 single-row pages of the samples' Phụ lục 03, 117 of 117 at 130 agencies
# within a line, 9 in 10 exact; without them 1 in 10 is a line short)
A4 = (11906, 16838)


def fit_tables(document: Any) -> None:
    """Lay out every data table (one with a repeated header row) of a rendered document: column
    widths (layout.fit_widths), then its rows placed on pages."""
    body = document.element.body
    size = _default_size(document)
    for table in list(body.iter(TBL)):
        fitted = fit_widths(table)
        if fitted is None or table.getparent() is not body:
            continue
        cells, widths = fitted
        page, text = _section_of(table)
        rows = table.findall(TR)
        header = sum(row_height(cells[r], widths) for r in rows if is_header(r))
        body_rows = [r for r in rows if not is_header(r)]
        if all(_rough_height(cells[r], widths) < FAST * (page - header) for r in body_rows):
            continue
        top = _start_offset(table, page, text, size) % page
        _place(body_rows, cells, widths, page, header, top + header)


def _place(rows: list[Any], cells: Cells, widths: list[int], page: float, header: float, used: float) -> None:
    """Walk a table's rows down its pages from `used` twips on the first page, cutting those taller
    than a page where the pages end."""
    room = page - header  # for rows on a page below the repeated header
    before = 0.0  # the height of the row before when it keeps with its next row (a group row), else 0
    for row in rows:
        row_cells = cells[row]
        height = row_height(row_cells, widths)
        kept = find_child(row, TRPR, f"{W}cantSplit") is not None
        nested = any(next(cell.iter(TBL), None) is not None for cell, _, _, _ in row_cells)
        if used + height <= page:
            used += height
        elif not kept or nested:  # the row breaks where the page ends
            if kept:
                row.find(TRPR).remove(row.find(f"{W}trPr/{W}cantSplit"))
            used = header + (used + height - page) % room
        elif height <= room:  # fits on a page: moves whole to the next one
            used = header + before + height
        else:
            line = max((line_height(runs) for _, _, _, paragraphs in row_cells for runs in paragraphs),
                       default=DEFAULT_SIZE * 20)
            safety = SAFETY * line
            left = page - used - safety
            full = room - safety
            if left < MIN_LINES * line:  # the row opens the next page, the group row before along
                left = full - before
            last = split_row(row, widths, [left, full], row_cells, grace=safety)
            used = header + (height if last is None else last)
        before = height if _keeps_with_next(row) else 0.0


def _keeps_with_next(row: Any) -> bool:
    """A row whose every paragraph keeps with the next (a group row)."""
    paragraphs = list(row.iter(f"{W}p"))
    return bool(paragraphs) and all(p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs)


def _inner(widths: list[int], index: int, span: int) -> float:
    """The width a cell's lines take: its columns less its margins and its left and right borders."""
    return max(sum(widths[index:index + span]) - CELL_MARGINS - BORDERS, 1)


def cell_heights(row: RowCells, widths: list[int]) -> list[float]:
    """Estimated height of each cell of a row (its cells as layout.read_cells gives them), in twips."""
    heights = []
    index = 0
    for _, span, _, paragraphs in row:
        inner = _inner(widths, index, span)
        heights.append(sum(paragraph_height(runs, inner)[0] for runs in paragraphs))
        index += span
    return heights


def row_height(row: RowCells, widths: list[int]) -> float:
    """Estimated height of a table row in twips: its tallest cell and its border."""
    return max(cell_heights(row, widths), default=0.0) + ROW_RULE


def _rough_height(row: RowCells, widths: list[int]) -> float:
    """A quick estimate of a row's height from its text's length, high rather than low (a line more
    than its length fills per paragraph, every character half an em)."""
    tallest = 0.0
    index = 0
    for _, span, _, paragraphs in row:
        inner = _inner(widths, index, span)
        height = 0.0
        for runs in paragraphs:
            length = sum(len(value) * size for value, size, _ in runs) * 10  # twips, at half an em a character
            breaks = sum(value.count("\n") for value, _, _ in runs)
            height += (1 + length / inner + breaks) * line_height(runs)
        tallest = max(tallest, height)
        index += span
    return tallest


def _default_size(document: Any) -> float:
    """The document's default font size in points (its styles' w:docDefaults)."""
    styles = document.styles.element
    size = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    return int(size.get(VAL)) / 2 if size is not None else DEFAULT_SIZE


def _twips(element: Any, name: str, default: int = 0) -> int:
    """An attribute of a measure in twips (w:pgSz/@w:h...), `default` when absent or not a number."""
    value = element.get(f"{W}{name}") if element is not None else None
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _section_of(table: Any) -> tuple[int, int]:
    """(text height, text width) of the pages of the table's section, in twips (A4 portrait with
    Decree 30's margins where the section does not say)."""
    marks = (p.find(f"{PPR}/{SECTPR}") for p in table.itersiblings(P))  # the paragraph ending the section
    section = next((mark for mark in marks if mark is not None), None)
    if section is None:
        section = table.getparent().find(SECTPR)
    size = section.find(f"{W}pgSz") if section is not None else None
    margin = section.find(f"{W}pgMar") if section is not None else None
    return (_twips(size, "h", A4[1]) - _twips(margin, "top", 1134) - _twips(margin, "bottom", 1134),
            _twips(size, "w", A4[0]) - _twips(margin, "left", 1701) - _twips(margin, "right", 1134))


def _start_offset(table: Any, page: int, width: int, size: float) -> float:
    """About how far down its page a table starts: the height of what precedes it since its section
    began or a page break."""
    total = 0.0
    for sibling in table.itersiblings(preceding=True):
        if sibling.tag == TBL:
            grid = [_twips(c, "w") for c in sibling.findall(f"{W}tblGrid/{W}gridCol")]
            total += sum(row_height(row_cells(r, size), grid) for r in sibling.findall(TR))
            continue
        if sibling.tag != P or sibling.find(f"{PPR}/{SECTPR}") is not None:
            break
        properties = sibling.find(PPR)
        indent = properties.find(f"{W}ind") if properties is not None else None
        spacing = properties.find(f"{W}spacing") if properties is not None else None
        inner = width - _twips(indent, "left") - _twips(indent, "right")
        runs = cell_runs(sibling, size)[1][0]
        height = paragraph_height(runs, max(inner, 1))[0] if runs else line_height([("", size, False)])
        total += height + _twips(spacing, "before") + _twips(spacing, "after")
        if any(br.get(f"{W}type") == "page" for br in sibling.iter(BR)) or (
                properties is not None and properties.find(f"{W}pageBreakBefore") is not None):
            break
    return total


def _runs_after(runs: list[Run], skip: int) -> list[Run]:
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


def _fill(cell: Any, inner: float, limits: Sequence[float], paragraphs: list[list[Run]],
          grace: float = 0.0) -> list[tuple[list[Any], float]]:
    """A cell's paragraphs (their runs with line breaks: `paragraphs`) shared into pieces, the n-th at
    most limits[n] twips tall (the last limit for the rest): a paragraph that does not fit in the room
    left is cut between words, keeping two lines at least on either side, else starts the next piece.
    What is left of the cell stays in a piece when it overruns the limit by `grace` at most (a piece of
    a line or two would otherwise follow on the same page). Each piece: its paragraphs and their height."""
    pieces: list[tuple[list[Any], float]] = []
    current: list[Any] = []
    used = 0.0
    queue: deque[tuple[Any, list[Run], float]] = deque()  # paragraph, its runs, its height
    for p, runs in zip(cell.findall(f"{W}p"), paragraphs):
        runs = runs if any(value for value, _, _ in runs) else []
        queue.append((p, runs, paragraph_height(runs, inner)[0]))
    queued = sum(height for _, _, height in queue)  # (a cell of a thousand agencies' texts: kept, not summed again)
    while queue:
        p, runs, height = queue.popleft()
        queued -= height
        limit = limits[min(len(pieces), len(limits) - 1)]
        if used + height <= limit or not runs:
            current.append(p)
            used += height
            continue
        if used + height + queued <= limit + grace:
            current += [p, *(q for q, _, _ in queue)]
            used += height + queued
            break
        starts = line_starts(runs, inner)
        line = line_height(runs)
        take = min(int((limit - used) // line), len(starts) - 2)  # two lines at least on either side
        cut = _cut_paragraph(p, starts[take], starts[take - 2]) if take >= 2 else None
        if cut is not None:
            current.append(p)
            used += take * line
            rest = _runs_after(runs, cut[1] + 1)
            queue.appendleft((cut[0], rest, paragraph_height(rest, inner)[0]))
            queued += queue[0][2]
        elif current or limit < limits[-1]:  # the next piece has room for it
            queue.appendleft((p, runs, height))
            queued += height
        else:  # taller than a piece and not to be cut: a piece of its own
            current.append(p)
            used += height
        pieces.append((current, used))
        current, used = [], 0.0
    if current or not pieces:
        pieces.append((current, used))
    return pieces


def split_row(row: Any, widths: list[int], limits: Sequence[float], cells: RowCells | None = None,
              grace: float = 0.0) -> float | None:
    """Cut a table row into rows each kept whole (w:cantSplit), the n-th at most limits[n] twips tall
    (the last limit for the rest). Every cell's paragraphs go down the pieces in order; a later piece
    says which row it continues: the first two cells again when they are short (STT, a task ID) and
    "(tiếp theo)" in the second, atop its text when it is long. Returns the last piece's height, None
    when the row is not cut (it fits in the first limit). `cells`: the row's cells as
    layout.read_cells gives them, read again when not given; `grace`: as _fill's."""
    read = row_cells(row) if cells is None else cells
    elements = [cell for cell, _, _, _ in read]
    heights = cell_heights(read, widths)
    marked = min(1, len(elements) - 1)  # the column that says "(tiếp theo)"
    shares, index = [], 0
    for column, ((cell, span, _, paragraphs), cell_height) in enumerate(zip(read, heights)):
        inner = _inner(widths, index, span)
        index += span
        if cell_height <= limits[0] + grace:
            shares.append([(cell.findall(f"{W}p"), cell_height)])
            continue
        mark = line_height(paragraphs[0]) if column == marked and paragraphs else 0.0  # "(tiếp theo)" atop
        shares.append(_fill(cell, inner, [limits[0], *(limit - mark for limit in limits[1:])], paragraphs, grace))
    count = max(len(share) for share in shares)
    if count == 1:
        return None
    names = [" ".join(text_of(p) for p in cell.findall(f"{W}p")).strip() for cell in elements[:2]]
    templates = []  # per cell, its first paragraph: its properties and its first run's, for new paragraphs
    for cell in elements:
        templates.append(cell.find(f"{W}p"))
        for p in cell.findall(f"{W}p"):
            cell.remove(p)
    skeleton = copy.deepcopy(row)  # the row without its paragraphs: copied once per piece
    pieces = [row] + [copy.deepcopy(skeleton) for _ in range(count - 1)]
    repeated = {column: _line(templates[column], name) for column, name in enumerate(names)
                if name and len(name) <= NUMBER_CHARS and len(shares[column]) == 1}  # STT, a task ID
    continued = _line(templates[marked], CONTINUED, italic=True)
    last = 0.0
    for n, piece in enumerate(pieces):
        for column, (cell, share) in enumerate(zip(piece.iterchildren(TC), shares)):
            template = templates[column]
            chosen, height = share[n] if n < len(share) else ([], 0.0)
            if n and column in repeated:
                chosen, height = [copy.deepcopy(repeated[column])], heights[column]
            if n and column == marked:
                chosen = [*chosen[:1], copy.deepcopy(continued)] if column in repeated else [
                    copy.deepcopy(continued), *chosen]
                height += line_height([(CONTINUED, DEFAULT_SIZE, False)])
            for p in chosen or [_empty(template)]:
                cell.append(p)
            if n == count - 1:
                last = max(last, height)
    for earlier, later in zip(pieces, pieces[1:]):
        earlier.addnext(later)
    return last + ROW_RULE


def _cut_paragraph(p: Any, at: int, near: int) -> tuple[Any, int] | None:
    """Cut paragraph `p` before character `at` (w:br counted as one character), at a line break after
    character `near` (the source's own lines start the next piece), else at the last space: `p` keeps
    the first part, the rest is returned as a new paragraph with the same properties, with the offset
    of the cut (None when there is no such place)."""
    items = []  # (run, child, text) for each w:t, w:br, w:tab... of the paragraph's runs, in order
    for run in p.findall(f"{W}r"):
        for child in run:
            if child.tag != f"{W}rPr":
                items.append((run, child, child.text or "" if child.tag == f"{W}t" else
                              "\n" if child.tag == f"{W}br" else "\x00"))
    text = "".join(value for _, _, value in items)
    cut = text.rfind("\n", 0, at)  # a line break when one is near enough, else the last space
    if cut < near:
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
