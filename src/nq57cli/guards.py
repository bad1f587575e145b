"""Checks made before a workbook is read, turning what would crash or exhaust the process into a
finding code: a sheet whose cells lie so far apart that the reader would allocate the whole grid
(python-calamine aborts the process when that allocation fails: no exception to catch), and the
operating-system errors of files that are locked or go away while a run reads them.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from typing import Any

Problem = tuple[str, dict[str, Any]]  # finding code, its parameters


def _limit(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


MAX_CELLS = _limit("NQ57_MAX_CELLS", 5_000_000)  # rows × columns of one sheet's grid

# Without a reference of three letters or five digits, a sheet spans at most ZZ9999 (7 million
# cells, about 250 MB in the reader): the common case costs one fast search.
_FAR_REFERENCE = re.compile(rb'r="(?:[A-Z]{3,}\d|[A-Z]{0,3}\d{5,})')
_CELL_COLUMN = re.compile(rb'\sr="([A-Z]+)\d')
_CELL_ROW = re.compile(rb'\sr="[A-Z]+(\d+)"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def grid_size(xml: bytes) -> tuple[int, int] | None:
    """(rows, columns) that the cell references of a worksheet's XML span, or None when they
    cannot span more than ZZ9999 (not worth listing them)."""
    if not _FAR_REFERENCE.search(xml):
        return None
    rows = max((int(n) for n in set(_CELL_ROW.findall(xml))), default=0)
    columns = max((_column_number(c) for c in set(_CELL_COLUMN.findall(xml))), default=0)
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
    try:
        for part in archive.worksheet_parts():
            size = grid_size(archive.read(part))
            if size is None:
                continue
            rows, columns = size
            if rows > max_rows or rows * columns > MAX_CELLS:
                sheet = archive.sheet_names().get(part, part.rpartition("/")[2])
                if rows > max_rows:
                    return "sheet.too_many_rows", {"sheet": sheet, "rows": rows, "limit": max_rows}
                return "sheet.too_many_cells", {"sheet": sheet, "cells": rows * columns, "rows": rows,
                                                "columns": columns, "limit": MAX_CELLS}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, KeyError, OSError, EOFError, ValueError,
            RuntimeError, NotImplementedError):
        return None  # a damaged archive: the reader reports it
    return None


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
