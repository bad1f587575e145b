"""What a file is, decided by its content (magic bytes, zip member names, XML root), never by its
extension; and the slower ways to open the workbooks python-calamine rejects (openpyxl for .xlsx,
LibreOffice for the rest).

Agencies send what their machines make: an .xls renamed .xlsx, an HTML page or a CSV saved as
.xls, an Excel 2003 XML file, a workbook with a password. Each is either read or named.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# BOF records of a bare BIFF2, BIFF3, BIFF4 stream (Excel 2-4 wrote no OLE container) and BIFF5/8.
_BIFF_BOF = {b"\x09\x00", b"\x09\x02", b"\x09\x04", b"\x09\x08"}
_FILEPASS = 0x002F
_EOF = 0x000A

# kind → how a person names it (the same in both languages) and the extension its readers expect
LABELS = {
    "xlsx": ("Excel (.xlsx)", ".xlsx"),
    "xlsm": ("Excel (.xlsm)", ".xlsm"),
    "xlsb": ("Excel Binary (.xlsb)", ".xlsb"),
    "ods": ("OpenDocument (.ods)", ".ods"),
    "xls": ("Excel 97-2003 (.xls)", ".xls"),
    "biff": ("Excel 2-4 (.xls)", ".xls"),
}
WORKBOOK_KINDS = set(LABELS)
# kinds that are no workbook: the finding code that names them
DISGUISED = {"html": "file.disguised_html", "xml2003": "file.disguised_xml2003", "csv": "file.disguised_csv",
             "other_document": "file.other_document"}


@dataclass(frozen=True)
class Sniffed:
    """What the content says: `kind` (a key of LABELS or DISGUISED, "encrypted" or "unknown")."""

    kind: str

    @property
    def label(self) -> str:
        return LABELS.get(self.kind, (self.kind, ""))[0]

    @property
    def extension(self) -> str:
        return LABELS.get(self.kind, ("", ""))[1]


def sniff(path: Path, head: bytes) -> Sniffed:
    """The kind of the file at `path` whose first bytes are `head` (at least the first 64 KB)."""
    if head.startswith(b"PK"):
        return Sniffed(_zip_kind(path))
    if head.startswith(OLE_MAGIC):
        return Sniffed(_ole_kind(path))
    if head[:2] in _BIFF_BOF and len(head) >= 4 and 4 <= int.from_bytes(head[2:4], "little") <= 32:
        return Sniffed("biff")
    return Sniffed(_text_kind(head))


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names or "content.xml" in names:
                mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
                if b"opendocument.spreadsheet" in mimetype or not mimetype:
                    manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
                    return "encrypted" if b"encryption-data" in manifest else "ods"
                return "other_document"
            if "[Content_Types].xml" in names:
                types = archive.read("[Content_Types].xml")
                if b"sheet.binary" in types:
                    return "xlsb"
                if b"spreadsheetml" not in types and b"ms-excel" not in types:
                    return "other_document"  # a Word or PowerPoint file
                return "xlsm" if b"macroEnabled" in types else "xlsx"
    except Exception:  # zipfile, zlib and CRC errors of a damaged package
        pass
    return "xlsx"  # a damaged package: the reader names the damage


def _ole_kind(path: Path) -> str:
    """encrypted (an OOXML package encrypted in an OLE container, or a workbook stream beginning
    with a FILEPASS record: RC4, CryptoAPI or XOR obfuscation), xls, other_document or unknown."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(entry).lower(): "/".join(entry) for entry in ole.listdir()}
            if "encryptedpackage" in streams or "encryptioninfo" in streams:
                return "encrypted"
            name = streams.get("workbook") or streams.get("book")
            if name is None:
                return "other_document"  # a Word .doc, an Outlook message, ...
            with ole.openstream(name) as stream:
                return "encrypted" if _biff_has_filepass(stream) else "xls"
    except Exception:  # olefile raises many types for damaged containers: the reader names the damage
        return "xls"


def _biff_has_filepass(stream: Any) -> bool:
    """True when the workbook globals (BOF … EOF) hold a FILEPASS record."""
    for _ in range(10_000):
        header = stream.read(4)
        if len(header) < 4:
            return False
        record, size = int.from_bytes(header[:2], "little"), int.from_bytes(header[2:], "little")
        if record == _FILEPASS:
            return True
        if record == _EOF:
            return False
        stream.seek(size, os.SEEK_CUR)
    return False


def _text_kind(head: bytes) -> str:
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            text = head[len(bom):].decode(encoding, errors="replace")
            break
    else:
        if head[:200].count(b"\x00") > 20:  # UTF-16 without a mark ("Unicode text" from Excel)
            text = head.decode("utf-16-le" if head[1:2] == b"\x00" else "utf-16-be", errors="replace")
        else:
            text = head.decode("utf-8", errors="replace")
    start = text[:4096].lstrip().lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in start or (start.startswith("<?xml")
                                                                      and "<workbook" in start):
        return "xml2003"
    if start.startswith(("<!doctype html", "<html", "<table", "<meta", "<head", "<body")) or (
            "<html" in start[:1024] or "<table" in start[:2048]):
        return "html"
    if "\x00" in text[:2048] or not start:
        return "unknown"
    lines = [line for line in start.splitlines()[:20] if line.strip()]
    printable = sum(ch.isprintable() or ch in "\t\r\n" for ch in start[:2048]) >= 0.95 * len(start[:2048])
    whole = lines[:-1] if len(lines) > 2 else lines  # the last line of the head may be cut short
    if printable and len(lines) >= 2 and any(
            len({line.count(sep) for line in whole}) == 1 and whole[0].count(sep) >= 1 for sep in ",;\t|"):
        return "csv"  # two lines or more with the same number of separators: a table as text
    return "unknown"


def has_utf16_parts(archive: Any) -> bool:
    """True when a worksheet or the shared strings of an .xlsx package are UTF-16 XML (valid, written
    by some exporters): python-calamine reads such sheets as empty without saying so."""
    names = [n for n in (i.filename for i in archive.infos)
             if n == "xl/sharedStrings.xml" or (n.startswith("xl/worksheets/") and n.endswith(".xml"))]
    for name in names:
        try:
            with archive.open(name) as part:
                start = part.read(4)
        except Exception:  # a damaged part (zlib, CRC, zipfile errors): the reader names the damage
            continue
        if start[:2] in (b"\xff\xfe", b"\xfe\xff") or start in (b"<\x00?\x00", b"\x00<\x00?"):
            return True
    return False


# --- The slower readers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _SheetMeta:
    name: str
    typ: str
    visible: str


class _RowsSheet:
    """A sheet as rows of values, with the members of python-calamine's sheet the reader uses."""

    def __init__(self, rows: list[list[Any]]) -> None:
        while rows and not any(v != "" for v in rows[-1]):
            rows.pop()
        width = max((len(r) for r in rows), default=0)
        self._rows = [r + [""] * (width - len(r)) for r in rows]
        self.total_height = len(self._rows)
        self.merged_cell_ranges: list[tuple] = []  # openpyxl's read-only mode does not read them

    def to_python(self, skip_empty_area: bool = False) -> list[list[Any]]:
        return self._rows


def _calamine_value(value: Any) -> Any:
    """openpyxl's value as python-calamine gives it: numbers as float, midnight datetimes as dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


class OpenpyxlWorkbook:
    """An .xlsx/.xlsm that python-calamine rejects (UTF-16 parts, unusual XML), read by openpyxl
    behind the members of python-calamine's workbook that reader.py and workbook.py use."""

    def __init__(self, source: Any, max_rows: int) -> None:
        import openpyxl

        self._book = openpyxl.load_workbook(source, read_only=True, data_only=True)
        self._max_rows = max_rows

    @property
    def sheets_metadata(self) -> list[_SheetMeta]:
        return [_SheetMeta(ws.title, "SheetTypeEnum.WorkSheet" if hasattr(ws, "iter_rows") else "ChartSheet",
                           "SheetVisibleEnum.Visible" if ws.sheet_state == "visible" else "SheetVisibleEnum.Hidden")
                for ws in self._book.worksheets + list(getattr(self._book, "chartsheets", []))]

    def get_sheet_by_name(self, name: str) -> _RowsSheet:
        ws = self._book[name]
        ws.reset_dimensions()  # a <dimension> claiming A1:XFD1048576 must not make rows of nothing
        rows = []
        for row in ws.iter_rows(values_only=True):
            rows.append([_calamine_value(v) for v in row])
            if len(rows) > self._max_rows + 1:
                break  # the reader refuses the sheet by its height
        return _RowsSheet(rows)

    def close(self) -> None:
        self._book.close()


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


CONVERT_SECONDS = int(os.environ.get("NQ57_CONVERT_SECONDS", "") or 120)


def convert_to_xlsx(path: Path, extension: str, timeout: int = CONVERT_SECONDS) -> bytes | None:
    """The file converted to .xlsx by LibreOffice in a private temporary folder (removed after), or
    None when LibreOffice is not installed, fails or takes longer than `timeout` seconds."""
    soffice = libreoffice()
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="nq57-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"input{extension}"  # the extension its content calls for
        shutil.copyfile(path, source)
        args = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                "--convert-to", "xlsx", "--outdir", str(folder / "out"), str(source)]
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # soffice.bin can outlive its launcher script
            except (ProcessLookupError, PermissionError):
                pass
            proc.wait()
        out = folder / "out" / "input.xlsx"
        return out.read_bytes() if out.is_file() and out.stat().st_size else None
