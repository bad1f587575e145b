"""Opening one workbook file safely: the limits against damaged or hostile files, the format by content,
python-calamine or a slower reader when it rejects a valid file, the cells it cannot see (formulas without
a value, Excel errors), and the file's hash. Failures are WorkbookUnreadable with a finding code."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

from nq57cli.read.formats import (DISGUISED, WORKBOOK_KINDS, OpenpyxlWorkbook, Sniffed, convert_to_xlsx, has_utf16_parts,
                             libreoffice, sniff)
from nq57cli.read.guards import Archive, Problem, env_limit, ods_extent_problem, sheet_extent_problem
from nq57cli.core.text import one_line

from nq57cli.read.inputs import SUBMISSION_SUFFIXES as SUPPORTED  # the one list of extensions read


# Limits against damaged or hostile files; each can be raised with the environment variable named.
MAX_FILE_MB = env_limit("NQ57_MAX_FILE_MB", 50)  # size of one input file
MAX_UNZIPPED_MB = env_limit("NQ57_MAX_UNZIPPED_MB", 300)  # its parts once decompressed (zip bombs)
MAX_RATIO = env_limit("NQ57_MAX_RATIO", 200)  # decompressed / compressed, for parts over 10 MB
# Rows of the task sheet. An agency's report has tens to a few thousand rows; at 98,000 rows a merge
# peaked at 1,026 MB, over the 1 GB any single input may take, so the limit is 50,000 (benchmarks/memory.py).
MAX_ROWS = env_limit("NQ57_MAX_ROWS", 50_000)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()



class WorkbookUnreadable(Exception):
    """Raised while a workbook is opened or read; turned into a file-level finding by read_table()."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def open_workbook(path: Path) -> tuple[Any, list[Problem], Archive | None]:
    """The workbook (python-calamine's, or a slower reader's when it rejects a valid file), notes
    on how it was read (info findings), and for .xlsx/.xlsm the package opened once for the other
    checks. What the file is comes from its content (formats.py), not from its name."""
    import python_calamine as calamine

    if not path.exists():
        raise WorkbookUnreadable("file.not_found")
    if not path.is_file():
        raise WorkbookUnreadable("file.not_a_file")
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise WorkbookUnreadable("file.unsupported", ext=ext or "?")
    size = path.stat().st_size
    if size > MAX_FILE_MB * 1024 * 1024:
        raise WorkbookUnreadable("file.too_large", size_mb=round(size / 1048576, 1), limit_mb=MAX_FILE_MB)
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    if not head:
        raise WorkbookUnreadable("file.empty")
    kind = sniff(path, head)
    if kind.kind == "encrypted":
        raise WorkbookUnreadable("file.encrypted")
    if kind.kind in DISGUISED:
        raise WorkbookUnreadable(DISGUISED[kind.kind], ext=ext)
    archive = None
    try:
        if head.startswith(b"PK"):
            try:
                archive = Archive(path)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
                archive = None  # the reader reports the damage itself
            if archive is not None:
                _check_archive(path, archive)
                _check_extent(archive, kind.kind)  # before any grid is allocated
                if kind.kind not in {"xlsx", "xlsm"}:
                    archive.close()
                    archive = None  # the other checks read .xlsx/.xlsm parts only
        if kind.kind == "biff":  # Excel 2-4: no OLE container, python-calamine cannot read it
            return (*_slower_reader(path, kind, "BIFF2-4"), archive)
        if archive is not None and has_utf16_parts(archive):
            return (*_slower_reader(path, kind, "UTF-16"), archive)
        try:
            if kind.extension and kind.extension != ext and not {ext, kind.extension} <= {".xlsx", ".xlsm"}:
                with path.open("rb") as handle:  # named for another format: opened by its content
                    return calamine.CalamineWorkbook.from_filelike(handle), [], archive
            return calamine.CalamineWorkbook.from_path(str(path)), [], archive
        except calamine.PasswordError:
            raise WorkbookUnreadable("file.encrypted") from None
        except Exception as exc:  # calamine raises several unrelated types for damaged files
            if kind.kind not in WORKBOOK_KINDS:
                raise WorkbookUnreadable("file.corrupt", detail=exception_detail(exc)) from None
            return (*_slower_reader(path, kind, exception_detail(exc)), archive)
    except BaseException:
        if archive is not None:
            archive.close()
        raise


def _check_archive(path: Path, archive: Archive) -> None:
    """Refuse zip bombs from the archive's directory alone, before anything is decompressed."""
    parts = archive.infos
    total = sum(p.file_size for p in parts)
    if total > MAX_UNZIPPED_MB * 1024 * 1024:
        raise WorkbookUnreadable("file.zip_bomb", unzipped_mb=round(total / 1048576), limit_mb=MAX_UNZIPPED_MB)
    for part in parts:
        if part.file_size > 10 * 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise WorkbookUnreadable("file.zip_bomb", unzipped_mb=round(part.file_size / 1048576),
                                     limit_mb=MAX_UNZIPPED_MB)


def _check_extent(archive: Archive, kind: str) -> None:
    """Refuse a sheet whose cells holding a value span more than the limits, before anything
    allocates its grid (.ods: before its repeated rows and columns are expanded)."""
    if kind in {"xlsx", "xlsm"}:
        problem = sheet_extent_problem(archive, MAX_ROWS)
    elif kind == "ods":
        problem = ods_extent_problem(archive, MAX_ROWS)
    else:
        problem = None
    if problem:
        raise WorkbookUnreadable(problem[0], **problem[1])


def _slower_reader(path: Path, kind: Sniffed, detail: str) -> tuple[Any, list[Problem]]:
    """A valid workbook python-calamine rejects: .xlsx/.xlsm read by openpyxl; the others converted
    to .xlsx by LibreOffice when it is installed (said in an info finding), else a finding naming
    the format and what to do."""
    import python_calamine as calamine

    if kind.kind in {"xlsx", "xlsm"}:
        try:
            return OpenpyxlWorkbook(path, MAX_ROWS), []
        except Exception:  # openpyxl cannot read it either: damaged
            raise WorkbookUnreadable("file.corrupt", detail=detail) from None
    if libreoffice() is None:
        raise WorkbookUnreadable("file.old_format", format=kind.label, detail=detail)
    data = convert_to_xlsx(path, kind.extension)
    if data is None:
        raise WorkbookUnreadable("file.corrupt", detail=detail)
    with Archive(io.BytesIO(data)) as converted:
        _check_archive(path, converted)
        _check_extent(converted, "xlsx")
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:
        raise WorkbookUnreadable("file.corrupt", detail=detail) from None
    return workbook, [("file.converted", {"format": kind.label})]


def exception_detail(exc: Exception) -> str:
    text = one_line(str(exc)) or type(exc).__name__
    return text[:120]


def sheet_rows(workbook: Any, name: str) -> tuple[list[list[Any]], list[tuple]]:
    """The rows of one sheet (empty cells included) and its merged ranges; a sheet taller than MAX_ROWS is refused."""
    sheet = workbook.get_sheet_by_name(name)
    if sheet.total_height > MAX_ROWS:
        raise WorkbookUnreadable("sheet.too_many_rows", sheet=name, rows=sheet.total_height, limit=MAX_ROWS)
    return sheet.to_python(skip_empty_area=False), list(sheet.merged_cell_ranges or [])


def unreadable_cells(path: Path, sheet_name: str, archive: Archive | None) -> tuple[set[str], dict[str, str]]:
    """Cells of an .xlsx/.xlsm sheet whose value cannot be read (the reader sees them empty): those holding
    a formula but no cached value, and those holding an Excel error ("#REF!", "#N/A", ...), with it.
    `archive`: the package as the reader opened it; None when zipfile could not open it."""
    if archive is None or path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return set(), {}
    from lxml import etree

    def marked(data: bytes) -> bool:
        return b"<f" in data or b":f" in data or b't="e"' in data

    try:
        if not any(map(marked, map(archive.read, archive.worksheet_parts()))):
            return set(), {}  # no formula nor error anywhere: the sheet names need not be looked up
        target = archive.sheet_part(sheet_name)
        if not target:
            return set(), {}
        data = archive.read(target)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return set(), {}
    if not marked(data):
        return set(), {}
    found: set[str] = set()
    errors: dict[str, str] = {}
    parser_args = {"resolve_entities": False, "no_network": True, "huge_tree": False}
    try:
        for _, cell in etree.iterparse(io.BytesIO(data), tag="{*}c", **parser_args):
            formula = cell.find("{*}f")
            value = cell.find("{*}v")
            ref = cell.get("r") or ""
            if cell.get("t") == "e":
                errors[ref] = (value.text or "").strip() if value is not None else ""
            elif formula is not None and (value is None or value.text is None) and cell.get("t") != "inlineStr" \
                    and not (value is not None and cell.get("t") == "str"):  # "str" with <v/>: Excel's cached ""
                found.add(ref)
            cell.clear()
    except etree.XMLSyntaxError:
        pass
    return {c for c in found if c}, {c: e or "#?" for c, e in errors.items() if c}

