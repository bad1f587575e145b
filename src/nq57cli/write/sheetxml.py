"""SpreadsheetML of cells and rows, the hot loop of every workbook nq57 writes (xlsxout.py): every string an
inline string in Excel's escapes, numbers, booleans and dates as values, each cell with its column's style;
a short text, float or date made into XML once per column."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from nq57cli.core.cells import EXCEL_MAX_TEXT

# Style indexes into styles.xml's cellXfs (xlsxout.py's _STYLES).
DEFAULT, HEADER, TITLE, WRAP, TOP, DATE = range(6)

_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_EPOCH = date(1899, 12, 30).toordinal()


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



def rows_xml(rows: Sequence[Sequence[Any]], first: int, letters: list[str], col_style: list[int],
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


