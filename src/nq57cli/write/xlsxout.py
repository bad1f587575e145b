"""Writing the XLSX files nq57 produces (merged.xlsx, the overdue list, the indicator table):
bold frozen header, column widths, wrapped text, dates as dates, and agency text always as text.

The workbook is written directly as SpreadsheetML: every string is an inline string (never a formula,
number or link, whatever it starts with) and every cell carries its column's style. Rows are turned
into XML and deflated in chunks of CHUNK_ROWS ("pieces" that concatenate into one zip entry, as pigz
does), on worker processes for large workbooks. At national scale (60,000 report rows) this is
several times faster than a general-purpose writer (figures in the README's benchmark table); the
format is the subset nq57 needs. The cells' XML: sheetxml.py; the zip container: zipparts.py.
"""

from __future__ import annotations

from contextlib import suppress
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from nq57cli.core.cells import column_letter
from nq57cli.core.stable import FIXED_TIME
from nq57cli.write.sheetxml import DEFAULT, HEADER, TITLE, TOP, WRAP, rows_xml, xml_text
from nq57cli.write.zipparts import Piece, deflate_piece, part_crc, write_zip

Column = tuple[str, int, bool]  # header, width, wrapped

CHUNK_ROWS = 1000  # rows turned into XML and deflated as one piece
PARALLEL_ROWS = 5_000  # rows (all sheets) from which pieces are made on worker processes

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _attr(text: str) -> str:
    return xml_text(text).replace('"', "&quot;")


def _width(width: float) -> float:
    """Excel's stored column width for `width` characters of the default font (as Excel computes it)."""
    if width <= 0:
        return 0.0
    if width < 1:
        return int(width * 12 + 0.5) / 256 * 256 / 12
    return int((int(width * 7 + 0.5) + 5) / 7 * 256) / 256



@dataclass
class _Sheet:
    name: str
    columns: list[Column]
    rows: Sequence[Any]  # rows of values; or items that row_of turns into rows
    title: str | None
    row_of: Callable[[Any], list[Any]] | None = None
    memo: list[dict[Any, str]] | None = None  # per column, cells already made (see _rows_markup)
    copy: bool = False  # also stored as a JSON copy (sheetcopy.py), read back instead of the XML

    def all_rows(self) -> list[list[Any]]:
        """The title, header and data rows as written."""
        data = [self.row_of(item) for item in self.rows] if self.row_of is not None else [list(r) for r in self.rows]
        return ([[self.title]] if self.title else []) + [[header for header, _, _ in self.columns]] + data

    @property
    def top(self) -> int:
        return 1 if self.title else 0

    @property
    def last_row(self) -> int:  # 1-based, the autofilter's last row (the header at least, plus one)
        return self.top + 1 + max(len(self.rows), 1)

    def filter_range(self, absolute: bool = False) -> str:
        last = column_letter(max(len(self.columns), 1) - 1)
        first_row = self.top + 1
        if absolute:
            return f"$A${first_row}:${last}${self.last_row}"
        return f"A{first_row}:{last}{self.last_row}"

    @cached_property
    def letters_and_styles(self) -> tuple[list[str], list[int]]:
        """Column letters and cell styles, for as many columns as the widest row or the header has."""
        width = len(self.columns) if self.row_of else max(len(self.columns), max(map(len, self.rows), default=0))
        letters = [column_letter(c) for c in range(width)]
        col_style = [WRAP if wrapped else TOP for (_, _, wrapped) in self.columns]
        return letters, col_style + [DEFAULT] * (width - len(col_style))

    def chunk_xml(self, start: int) -> bytes:
        """The XML of rows[start:start + CHUNK_ROWS]."""
        letters, col_style = self.letters_and_styles
        rows = self.rows[start:start + CHUNK_ROWS]
        if self.row_of is not None:  # made here, so that workers make them too
            rows = [self.row_of(item) for item in rows]
        if self.memo is None:  # made in each process that makes chunks of this sheet
            self.memo = [{} for _ in col_style]
        return rows_xml(rows, self.top + 2 + start, letters, col_style, self.memo)

    def head_and_tail(self, selected: bool) -> tuple[bytes, bytes]:
        """The worksheet XML before and after its data rows."""
        width = len(self.columns)
        last_col = column_letter(max(width, 1) - 1)
        letters, col_style = self.letters_and_styles
        header_row = self.top + 1
        used_rows = self.top + 1 + len(self.rows)
        head = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
            f'<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">',
            f'<dimension ref="A1:{last_col}{used_rows}"/>',
            f'<sheetViews><sheetView {"tabSelected=" + chr(34) + "1" + chr(34) + " " if selected else ""}'
            f'workbookViewId="0"><pane ySplit="{header_row}" topLeftCell="A{header_row + 1}" '
            f'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A{header_row + 1}" '
            f'sqref="A{header_row + 1}"/></sheetView></sheetViews>',
            '<sheetFormatPr defaultRowHeight="15"/><cols>',
        ]
        for index, (_, col_width, _) in enumerate(self.columns):
            head.append(f'<col min="{index + 1}" max="{index + 1}" width="{_width(col_width)}" '
                        f'style="{col_style[index]}" customWidth="1"/>')
        head.append("</cols><sheetData>")
        if self.title:
            head.append(f'<row r="1"><c r="A1" s="{TITLE}" t="inlineStr"><is><t>{xml_text(self.title)}</t></is></c></row>')
        head.append(f'<row r="{header_row}">')
        for index, (header, _, _) in enumerate(self.columns):
            head.append(f'<c r="{letters[index]}{header_row}" s="{HEADER}" t="inlineStr"><is><t>{xml_text(header)}</t></is></c>')
        head.append("</row>")
        tail = (f'</sheetData><autoFilter ref="{self.filter_range()}"/>'
                '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                "</worksheet>")
        return "".join(head).encode("utf-8", "surrogatepass"), tail.encode()



# --- Turning rows into pieces, on worker processes when there are many ----------------------------

_sheets_being_written: list[_Sheet] = []  # what forked helpers inherit (set before they are forked)


def _make_piece(job: tuple[int, int]) -> Piece:
    index, start = job
    return deflate_piece(_sheets_being_written[index].chunk_xml(start))


def _chunk_pieces(sheets: list[_Sheet], jobs: list[tuple[int, int]]) -> list[Piece]:
    """The pieces of `jobs` ((sheet, first row) pairs), in order; shared with a forked helper when
    the workbook is large (parallel.shared_map), never with spawned ones (they would need the rows)."""
    from nq57cli.core.parallel import shared_map, worker_count

    global _sheets_being_written
    rows = sum(len(sheet.rows) for sheet in sheets)
    workers = worker_count() if rows >= PARALLEL_ROWS else 1
    _sheets_being_written = sheets
    try:
        return shared_map(_make_piece, jobs, workers, spawn=False)
    finally:
        _sheets_being_written = []


_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{_MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
<fonts count="3"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>\
<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>\
<font><b/><sz val="13"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>\
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>\
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>\
<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" \
applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">\
<alignment vertical="top"/></xf></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>\
<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>"""


class Workbook:
    """An XLSX file being assembled: sheets are added, then close() writes the package."""

    def __init__(self, path: Path, title: str = "nq57", keywords: str | None = None) -> None:
        self.path = Path(path)
        self.title = title
        self.keywords = keywords  # outputs.marker(kind) for a file a later run may replace
        self.sheets: list[_Sheet] = []

    def add_sheet(self, name: str, columns: list[Column], rows: Sequence[Any], title: str | None = None,
                  row_of: Callable[[Any], list[Any]] | None = None, copy: bool = False) -> None:
        if any(s.name == name for s in self.sheets):
            raise ValueError(f"duplicate sheet name {name!r}")
        self.sheets.append(_Sheet(name, columns, rows, title, row_of, copy=copy))

    def close(self) -> None:
        """Write the package. Sheet rows are turned into XML and deflated in chunks, on worker
        processes when the workbook is large (see PARALLEL_ROWS), then assembled in order."""
        sheets = self.sheets or [_Sheet("Sheet1", [], [], None)]
        self.sheets = sheets
        entries: list[tuple[str, list[Piece]]] = [(name, [deflate_piece(data)]) for name, data in self._fixed_parts()]
        jobs = [(index, start) for index, sheet in enumerate(sheets) for start in range(0, len(sheet.rows), CHUNK_ROWS)]
        for sheet in sheets:
            sheet.letters_and_styles  # noqa: B018 -- computed once, before any worker is forked
        made = list(zip(jobs, _chunk_pieces(sheets, jobs)))
        for index, sheet in enumerate(sheets):
            head, tail = sheet.head_and_tail(selected=index == 0)
            rows = [piece for (of, _), piece in made if of == index]
            entries.append((f"xl/worksheets/sheet{index + 1}.xml", [deflate_piece(head), *rows, deflate_piece(tail)]))
        entries += self._copies(entries)
        with open(self.path, "wb") as handle:
            write_zip(handle, entries)

    def _copies(self, entries: list[tuple[str, list[Piece]]]) -> list[tuple[str, list[Piece]]]:
        """JSON copies of the sheets marked `copy`, bound to the CRC-32 of their XML and of the workbook
        part (sheetcopy.py); a sheet holding a value the copy does not model gets none."""
        from nq57cli.write import sheetcopy

        parts, copies = dict(entries), []
        for part, sheet in ((f"xl/worksheets/sheet{n}.xml", s) for n, s in enumerate(self.sheets, 1) if s.copy):
            with suppress(sheetcopy.Unsupported):
                data = sheetcopy.encode(sheet.name, sheet.all_rows(), {
                    name: part_crc(parts[name]) for name in (part, sheetcopy.WORKBOOK_PART)})
                copies.append((sheetcopy.copy_part_name(part), [deflate_piece(data)]))
        return copies

    def _fixed_parts(self) -> Iterator[tuple[str, bytes]]:
        sheets = self.sheets
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, len(sheets) + 1)
        )
        yield "[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + ('<Default Extension="json" ContentType="application/json"/>' if any(s.copy for s in sheets) else "")
            +             '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            f"{overrides}</Types>"
        ).encode()
        yield "_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL_NS}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>"
        ).encode()
        yield "docProps/app.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>nq57</Application></Properties>"
        ).encode()
        yield "docProps/core.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_attr(self.title)}</dc:title><dc:creator>nq57</dc:creator>"
            + (f"<cp:keywords>{_attr(self.keywords)}</cp:keywords><cp:lastModifiedBy>nq57</cp:lastModifiedBy>"
               if self.keywords else "")
            + f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:modified>'
            "</cp:coreProperties>"
        ).encode()
        sheet_list = "".join(
            f'<sheet name="{_attr(s.name)}" sheetId="{n}" r:id="rId{n}"/>' for n, s in enumerate(sheets, start=1)
        )
        filters = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
            f"{xml_text(_quoted(s.name))}!{s.filter_range(absolute=True)}</definedName>"
            for n, s in enumerate(sheets) if s.columns
        )
        yield "xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN_NS}" '
            f'xmlns:r="{_REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>{sheet_list}</sheets>'
            + (f"<definedNames>{filters}</definedNames>" if filters else "")
            + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
        ).encode()
        rels = "".join(
            f'<Relationship Id="rId{n}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(sheets) + 1)
        )
        yield "xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL_NS}">{rels}'
            f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL_NS}/styles" Target="styles.xml"/></Relationships>'
        ).encode()
        yield "xl/styles.xml", _STYLES.encode()


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def new_workbook(path: Path, rows: int = 0, title: str = "nq57", keywords: str | None = None) -> Workbook:
    """A workbook that never turns a string into a formula, number or link (`rows`: a size hint, unused;
    `keywords`: the ownership marker of outputs.marker)."""
    return Workbook(path, title, keywords)


def write_sheet(workbook: Workbook, name: str, columns: list[Column], rows: Sequence[Any],
                title: str | None = None, row_of: Callable[[Any], list[Any]] | None = None, copy: bool = False) -> None:
    """One sheet: an optional title line, then a bold frozen header, widths, wrapping and a filter.

    `rows`: lists of cell values, or, with `row_of`, items that row_of turns into such lists (then
    large sheets are also made into rows on the worker processes). Strings are stored as inline
    text, so agency text starting with "=", "+", "-" or "@" stays text; control characters are
    written as Excel's _xHHHH_ escapes. `copy`: also store a JSON copy that read_copy() reads back
    faster than the sheet, while the sheet is unchanged (sheetcopy.py).
    """
    workbook.add_sheet(name, columns, rows, title, row_of, copy)


def open_own_workbook(path: Path, sheet: str, what_vi: str, what_en: str, hint_vi: str = "", hint_en: str = "") -> Any:
    """One of the workbooks nq57 writes (merged.xlsx, indicators.xlsx), opened for reading back; a file
    that cannot be read, or lacks `sheet`, is an UnreadableInputError naming it."""
    import python_calamine as calamine

    from nq57cli.errors import UnreadableInputError

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise UnreadableInputError(f"Không đọc được {what_vi} {path}: {exc}",
                                   f"Cannot read the {what_en} {path}: {exc}") from None
    if sheet not in workbook.sheet_names:
        raise UnreadableInputError(
            f"{path} không phải {what_vi} của nq57 (thiếu trang \"{sheet}\"){hint_vi}",
            f"{path} is not an nq57 {what_en} (no \"{sheet}\" sheet){hint_en}",
        )
    return workbook

