"""Writing the XLSX files nq57 produces (merged.xlsx, the overdue list, the indicator table):
bold frozen header, column widths, wrapped text, dates as dates, and agency text always as text.

The workbook is written directly as SpreadsheetML: every string is an inline string (never a formula,
number or link, whatever it starts with) and every cell carries its column's style. Rows are turned
into XML and deflated in chunks of CHUNK_ROWS ("pieces" that concatenate into one zip entry, as pigz
does), on worker processes for large workbooks. At national scale (60,000 report rows) this is
several times faster than a general-purpose writer (figures in the README's benchmark table); the
format is the subset nq57 needs.
"""

from __future__ import annotations

import re
import struct
from contextlib import suppress
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from datetime import date, datetime
from pathlib import Path
from typing import Any

from nq57cli.core.cells import EXCEL_MAX_TEXT, column_letter
from nq57cli.core.stable import FIXED_TIME, ZIP_TIME

# ISA-L's deflate (isal, a declared dependency): on sheet XML 4-5 times as fast as zlib level 3, and
# smaller than zlib level 1. It also provides crc32_combine, which Python's zlib module does not expose.
from isal import isal_zlib

COMPRESS_LEVEL = 1

Column = tuple[str, int, bool]  # header, width, wrapped

CHUNK_ROWS = 1000  # rows turned into XML and deflated as one piece
PARALLEL_ROWS = 5_000  # rows (all sheets) from which pieces are made on worker processes

# Style indexes into styles.xml's cellXfs (see _STYLES).
DEFAULT, HEADER, TITLE, WRAP, TOP, DATE = range(6)

_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_EPOCH = date(1899, 12, 30).toordinal()
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _escape_special(match: re.Match) -> str:
    found = match.group(0)
    if found == "&":
        return "&amp;"
    if found == "<":
        return "&lt;"
    if found == ">":
        return "&gt;"
    if found.startswith("_x"):  # text that looks like Excel's own escape stays literal
        return "_x005F" + found
    code = ord(found)
    if code >= 0xD800:
        return "\ufffd"  # a lone surrogate, U+FFFE, U+FFFF: not characters, cannot be stored in XML
    return f"_x{code:04X}_"  # control characters, as Excel writes them


def xml_text(text: str) -> str:
    """Text for an XML text node, in Excel's conventions."""
    return _SPECIAL.sub(_escape_special, text) if _SPECIAL.search(text) else text


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
        return _rows_xml(rows, self.top + 2 + start, letters, col_style, self.memo)

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


def _rows_xml(rows: Sequence[Sequence[Any]], first: int, letters: list[str], col_style: list[int],
             memo: list[dict[Any, str]] | None = None) -> bytes:
    """sheetData rows from `first` (1-based), as UTF-8 (`memo`: per column, cells already made, kept
    from chunk to chunk of one sheet).

    Characters XML cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF) are rare, and
    testing each string for them costs more than making the XML; so the whole chunk is tested once,
    and only a chunk that has one is made again with every string escaped (and nothing remembered).
    """
    xml = _rows_markup(rows, first, letters, col_style, memo if memo is not None else [{} for _ in col_style])
    try:
        data = xml.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        data = b""
    if not data or "\ufffe" in xml or "\uffff" in xml or data.translate(None, _XML_SAFE_BYTES):
        data = _rows_markup(rows, first, letters, col_style, None).encode("utf-8")
    return data


_XML_SAFE_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in (0x09, 0x0A, 0x0D))
_EDGE = " \n\t\r"  # leading or trailing: the text needs xml:space="preserve"
MEMO_TEXT = 100  # characters: shorter texts (statuses, names, IDs, cell addresses) recur down a column
MEMO_CELLS = 20_000  # distinct cells remembered per column


def _rows_markup(rows: Sequence[Sequence[Any]], first: int, letters: list[str], col_style: list[int],
                 memo: list[dict[Any, str]] | None) -> str:
    """The hot loop of every nq57 workbook.

    A cell carries its address (r="F14") only after an empty cell: readers count the others from the
    row's start (ECMA-376 makes the attribute optional). So a cell's XML does not depend on its row,
    and a short text, a float or a date is made into XML once per column (`memo`), however often it
    recurs.
    Cheap `in` tests send the rare odd string to _odd_text_cell. memo=None: the careful pass (every
    string escaped in full, nothing remembered).
    """
    careful = memo is None
    text_open = [f'<c s="{style}" t="inlineStr"><is><t>' for style in col_style]
    out: list[str] = []
    append = out.append
    for number, values in enumerate(rows, start=first):
        append(f'<row r="{number}">')
        gap = False  # an empty cell went before: the next one says where it is
        for c, value in enumerate(values):
            if value is None or value == "":
                gap = True
                continue
            kind = value.__class__
            if not gap and memo is not None and ((kind is str and len(value) <= MEMO_TEXT) or kind is float
                                                 or kind is date):  # (never equal to one another)
                known = memo[c].get(value)
                if known is None:
                    known = _cell(value, "", col_style[c], text_open[c], careful)
                    if len(memo[c]) < MEMO_CELLS:
                        memo[c][value] = known
                append(known)
                continue
            cell = _cell(value, f' r="{letters[c]}{number}"' if gap else "", col_style[c], text_open[c], careful)
            if cell:
                append(cell)
            gap = not cell  # (an object with no text makes no cell)
        append("</row>")
    return "".join(out)


def _cell(value: Any, ref: str, style: int, text_open: str, careful: bool) -> str:
    """One cell's XML; `ref`: "" or ' r="F14"'."""
    if value.__class__ is str:
        if careful or "&" in value or "<" in value or ">" in value or "_" in value or "\r" in value \
                or value[0] in _EDGE or value[-1] in _EDGE or len(value) > EXCEL_MAX_TEXT:
            return _odd_text_cell(value, ref, style, careful)
        return f"<c{ref}{text_open[2:]}{value}</t></is></c>" if ref else f"{text_open}{value}</t></is></c>"
    return _other_cell(value, ref, style)


def _odd_text_cell(value: str, ref: str, style: int, careful: bool = True) -> str:
    text = value[:EXCEL_MAX_TEXT]
    if careful or "_x" in text:
        text = _SPECIAL.sub(_escape_special, text)
    else:  # no control character in the chunk (else it is made again, carefully): & < > are all there is
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c{ref} s="{style}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _other_cell(value: Any, ref: str, style: int) -> str:
    if value is True or value is False:
        return f'<c{ref} s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (date, datetime)):
        return f'<c{ref} s="{DATE}"><v>{value.toordinal() - _EPOCH}</v></c>'
    if isinstance(value, (int, float)) and value == value and value not in (float("inf"), float("-inf")):
        return f'<c{ref} s="{style}"><v>{value!r}</v></c>'
    text = str(value)
    return _odd_text_cell(text, ref, style) if text else ""  # NaN, inf, other objects: as text


# --- Pieces: deflated chunks that concatenate into one part (as pigz does) -----------------------

Piece = tuple[bytes, int, int]  # raw deflate data ending on a full flush, CRC-32 and length of the input
_FINAL_BLOCK = b"\x03\x00"  # an empty final deflate block: closes a run of fully flushed pieces


def deflate_piece(data: bytes) -> Piece:
    """Deflate `data` on its own, ending on a byte boundary, so that pieces can follow each other."""
    compressor = isal_zlib.compressobj(COMPRESS_LEVEL, isal_zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(isal_zlib.Z_FULL_FLUSH), isal_zlib.crc32(data), len(data)


# --- The zip container ----------------------------------------------------------------------

_DOS_DATE = ((ZIP_TIME[0] - 1980) << 9) | (ZIP_TIME[1] << 5) | ZIP_TIME[2]
_DOS_TIME = (ZIP_TIME[3] << 11) | (ZIP_TIME[4] << 5) | (ZIP_TIME[5] // 2)
_MADE_BY = (3 << 8) | 20  # Unix, zip 2.0
_ZIP32_LIMIT = 0xFFFFFFFF


def part_crc(pieces: list[Piece]) -> tuple[int, int]:
    """CRC-32 and size of the part made of `pieces`."""
    crc, size = 0, 0
    for _, piece_crc, length in pieces:
        crc, size = isal_zlib.crc32_combine(crc, piece_crc, length), size + length
    return crc, size


def write_zip(handle: Any, entries: list[tuple[str, list[Piece]]]) -> None:
    """A zip archive of deflated entries, each given as pieces; fixed times, so equal inputs give equal bytes."""
    directory = []
    for name, pieces in entries:
        crc, size = part_crc(pieces)
        compressed = sum(len(data) for data, _, _ in pieces) + len(_FINAL_BLOCK)
        offset = handle.tell()
        if max(size, compressed, offset) >= _ZIP32_LIMIT:
            raise ValueError(f"{name}: part too large for a workbook ({size} bytes)")
        encoded = name.encode("ascii")
        handle.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, _DOS_TIME, _DOS_DATE, crc, compressed, size,
                                 len(encoded), 0) + encoded)
        for data, _, _ in pieces:
            handle.write(data)
        handle.write(_FINAL_BLOCK)
        directory.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", _MADE_BY, 20, 0, 8, _DOS_TIME, _DOS_DATE, crc,
                                     compressed, size, len(encoded), 0, 0, 0, 0, 0o600 << 16, offset) + encoded)
    start = handle.tell()
    for record in directory:
        handle.write(record)
    end = handle.tell()
    if end >= _ZIP32_LIMIT:
        raise ValueError("workbook too large")
    handle.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(directory), len(directory), end - start, start, 0))


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
