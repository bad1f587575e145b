"""Checks made before a workbook is read, turning what would crash or exhaust the process into a
finding code: a sheet whose cells holding a value lie so far apart that the reader would allocate
the whole grid (python-calamine aborts the process when that allocation fails: no exception to
catch; an .ods's repeated rows are expanded in memory), and the
operating-system errors of files that are locked or go away while a run reads them.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from typing import Any

Problem = tuple[str, dict[str, Any]]  # finding code, its parameters


def env_limit(name: str, default: int) -> int:
    """A limit from the environment variable `name` (a positive whole number), else `default`."""
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


MAX_CELLS = env_limit("NQ57_MAX_CELLS", 5_000_000)  # rows × columns of one sheet's grid

# Without a reference of three letters or five digits, a sheet spans at most ZZ9999 (7 million
# cells, about 250 MB in the reader): the common case costs one fast search.
_FAR_REFERENCE = re.compile(rb'r="(?:[A-Z]{3,}\d|[A-Z]{0,3}\d{5,})')
# A cell element, empty (`<c r="A9" s="3"/>`: formatting only) or with content; the reader
# allocates its grid for the cells holding a value (<v> or an inline string <is>), not for the others.
_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]+)(\d+)"[^>]*?(/>|>(.*?)</(?:\w+:)?c>)', re.DOTALL)
_VALUE = re.compile(rb'<(?:\w+:)?(?:v|is)[\s>]')
_ROW_START = re.compile(rb'<(?:\w+:)?row[\s>]')
_CHUNK = 4 * 1024 * 1024


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _value_extent(chunk: bytes) -> tuple[int, int]:
    rows = columns = 0
    for match in _CELL.finditer(chunk):
        if match.group(3) != b"/>" and _VALUE.search(match.group(4) or b""):
            rows = max(rows, int(match.group(2)))
            columns = max(columns, _column_number(match.group(1)))
    return rows, columns


def grid_size(xml: bytes) -> tuple[int, int] | None:
    """(rows, columns) that the cells holding a value in a worksheet's XML span, or None when no
    reference can span more than ZZ9999 (not worth listing them). Cells with formatting only
    (borders or fills down to row 1,048,576) and the <dimension> element do not count."""
    if not _FAR_REFERENCE.search(xml):
        return None
    return _value_extent(xml)


def streamed_grid_size(stream: Any) -> tuple[int, int]:
    """grid_size() of a worksheet read from a stream in pieces cut at row starts: memory stays
    bounded for parts of hundreds of megabytes."""
    rows = columns = 0
    pending = b""
    while True:
        chunk = stream.read(_CHUNK)
        data = pending + chunk
        if not chunk:
            cut = len(data)
        else:
            starts = [m.start() for m in _ROW_START.finditer(data, max(0, len(data) - _CHUNK))]
            cut = starts[-1] if starts and starts[-1] > 0 else 0
            if cut == 0:
                pending = data  # no row boundary yet: one row larger than a chunk
                continue
        r, c = _value_extent(data[:cut])
        rows, columns = max(rows, r), max(columns, c)
        pending = data[cut:]
        if not chunk:
            return rows, columns


class Archive:
    """An .xlsx/.xlsm package opened once for all the checks made on it (size, extent, formulas,
    legacy fonts): its directory is read once and each part decompressed at most once."""

    KEEP_BYTES = 16 * 1024 * 1024  # parts up to this size are kept once read; larger ones are read again

    def __init__(self, path: Any) -> None:
        self.zip = zipfile.ZipFile(path)
        self.infos = self.zip.infolist()
        self._parts: dict[str, bytes] = {}
        self._names: dict[str, str] | None = None

    def read(self, part: str) -> bytes:
        if part in self._parts:
            return self._parts[part]
        data = self.zip.read(part)
        if len(data) <= self.KEEP_BYTES:
            self._parts[part] = data
        return data

    def open(self, part: str) -> Any:
        """A part as a stream (for parts parsed incrementally; not kept)."""
        return self.zip.open(part)

    def worksheet_parts(self) -> list[str]:
        return [i.filename for i in self.infos
                if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")]

    def sheet_names(self) -> dict[str, str]:
        """Worksheet part → the sheet's name, as far as workbook.xml and its relations say (read once)."""
        if self._names is None:
            self._names = _sheet_names(self)
        return self._names

    def sheet_part(self, sheet_name: str) -> str | None:
        return next((part for part, name in self.sheet_names().items() if name == sheet_name), None)

    def close(self) -> None:
        self.zip.close()
        self._parts.clear()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sheet_part(archive: Any, sheet_name: str) -> str | None:
    """The worksheet part of `sheet_name` in an Archive or a zipfile.ZipFile; None when not found."""
    if isinstance(archive, Archive):
        return archive.sheet_part(sheet_name)
    return next((part for part, name in _sheet_names(archive).items() if name == sheet_name), None)


def _sheet_names(archive: Any) -> dict[str, str]:
    """Worksheet part → sheet name, from workbook.xml and its relations (`archive`: anything with read())."""
    from defusedxml import ElementTree

    names: dict[str, str] = {}
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # damaged parts: the reader reports them
        return names
    targets = {}
    for rel in rels.iter():
        target = rel.get("Target") or ""
        targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet"):
            rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            if rid in targets:
                names[targets[rid]] = sheet.get("name") or targets[rid]
    return names


def sheet_extent_problem(archive: Archive, max_rows: int) -> Problem | None:
    """sheet.too_many_rows / sheet.too_many_cells for the first worksheet of an .xlsx/.xlsm whose
    cells span more than the limits, before anything allocates the grid; None otherwise."""
    sizes = {info.filename: info.file_size for info in archive.infos}
    try:
        for part in archive.worksheet_parts():
            if sizes.get(part, 0) <= archive.KEEP_BYTES:
                size = grid_size(archive.read(part))
            else:  # read in pieces: a sheet of hundreds of megabytes is never held whole
                with archive.open(part) as stream:
                    size = streamed_grid_size(stream)
            if size is not None and (problem := _extent_problem(
                    archive.sheet_names().get(part, part.rpartition("/")[2]), *size, max_rows)):
                return problem
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, KeyError, OSError, EOFError, ValueError,
            RuntimeError, NotImplementedError):
        return None  # a damaged archive: the reader reports it
    return None


def _extent_problem(sheet: str, rows: int, columns: int, max_rows: int) -> Problem | None:
    if rows > max_rows:
        return "sheet.too_many_rows", {"sheet": sheet, "rows": rows, "limit": max_rows}
    if rows * columns > MAX_CELLS:
        return "sheet.too_many_cells", {"sheet": sheet, "cells": rows * columns, "rows": rows,
                                        "columns": columns, "limit": MAX_CELLS}
    return None


_ODS = "urn:oasis:names:tc:opendocument:xmlns:"
_TABLE = "{" + _ODS + "table:1.0}"
_OFFICE_VALUE_TYPE = "{" + _ODS + "office:1.0}value-type"


def ods_extent_problem(archive: Archive, max_rows: int) -> Problem | None:
    """sheet.too_many_rows / sheet.too_many_cells for an .ods whose cells holding a value, once their
    repeats (table:number-rows-repeated, table:number-columns-repeated) are expanded, span more than
    the limits; found by a streamed parse of content.xml before the reader expands anything.
    Repeated rows and cells without a value (formatting filled down) do not count."""
    from lxml import etree

    try:
        with archive.open("content.xml") as stream:
            table = ""
            row_index = last_row = width = 0
            events = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                                     huge_tree=True)
            for event, element in events:
                tag = element.tag
                if event == "start":
                    if tag == _TABLE + "table":
                        table, row_index, last_row, width = element.get(_TABLE + "name") or "?", 0, 0, 0
                    continue
                if tag == _TABLE + "table-row":
                    repeat = _repeat(element.get(_TABLE + "number-rows-repeated"))
                    column = row_width = 0
                    for cell in element:
                        column += _repeat(cell.get(_TABLE + "number-columns-repeated"))
                        if cell.get(_OFFICE_VALUE_TYPE) or len(cell) or (cell.text or "").strip():
                            row_width = column
                    if row_width:
                        last_row, width = row_index + repeat, max(width, row_width)
                        if problem := _extent_problem(table, last_row, width, max_rows):
                            return problem
                    row_index += repeat
                    element.clear()
                    while element.getprevious() is not None:  # the rows read so far are not kept
                        del element.getparent()[0]
                elif tag == _TABLE + "table":
                    element.clear()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, KeyError, OSError, EOFError, ValueError,
            RuntimeError, NotImplementedError, etree.XMLSyntaxError):
        return None  # a damaged or encrypted package: the reader reports it
    return None


def _repeat(value: str | None) -> int:
    return int(value) if value and value.isdigit() and int(value) > 0 else 1


def os_error_problem(exc: OSError) -> Problem:
    """A finding code for a file that could not be opened: locked, gone, a folder, or else."""
    if isinstance(exc, PermissionError):
        return "file.locked", {}
    if isinstance(exc, FileNotFoundError):
        return "file.not_found", {}
    if isinstance(exc, IsADirectoryError):
        return "file.not_a_file", {}
    detail = (exc.strerror or str(exc) or type(exc).__name__).strip()[:120]
    return "file.unreadable", {"detail": detail}
