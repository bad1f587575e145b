"""Legacy encodings found by the font (.xlsx, .xlsm): styles.xml names the fonts; only files naming a
legacy font (".VnTime", "VNI-Times") have their sheet and shared strings read again, as text runs with
the encoding of each run's font."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from nq57cli.core.cells import parse_cell_ref
from nq57cli.read.encodings import font_encoding
from nq57cli.read.guards import Archive, sheet_part

Run = tuple[str, "tuple[str, bool] | None"]  # text, (encoding, capitals) of its font


def _parse(source: Any, tags: tuple[str, ...], events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, Any]]:
    from lxml import etree

    return etree.iterparse(source, events=events, tag=tags, resolve_entities=False, no_network=True,
                           huge_tree=False, load_dtd=False)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _style_fonts(archive: Any) -> list[tuple[str, bool] | None] | None:
    """The legacy font of each cell style (cellXfs index), or None when no style uses one."""
    try:
        data = archive.read("xl/styles.xml")
    except KeyError:
        return None
    fonts: list[tuple[str, bool] | None] = []
    styles: list[tuple[str, bool] | None] = []
    for _, element in _parse(io.BytesIO(data), ("{*}font", "{*}cellXfs")):
        if _local(element.tag) == "font" and _local(element.getparent().tag) == "fonts":
            name = next((child.get("val") for child in element if _local(child.tag) == "name"), None)
            fonts.append(font_encoding(name))
        elif _local(element.tag) == "cellXfs":
            for xf in element:
                font_id = xf.get("fontId") or "0"
                index = int(font_id) if font_id.isdigit() else 0
                styles.append(fonts[index] if index < len(fonts) else None)
    return styles if any(styles) else None


def _runs(element: Any, cell_font: tuple[str, bool] | None) -> list[Run]:
    """Text runs of a <si> or <is>: plain <t>, or rich <r> runs with their own font (<rFont>)."""
    runs: list[Run] = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            runs.append((child.text or "", cell_font))
        elif tag == "r":
            font = cell_font
            text = ""
            for part in child:
                if _local(part.tag) == "rPr":
                    name = next((p.get("val") for p in part if _local(p.tag) == "rFont"), None)
                    if name:
                        font = font_encoding(name)
                elif _local(part.tag) == "t":
                    text = part.text or ""
            runs.append((text, font))
    return runs


def _cell_position(ref: str | None, row: int, col: int) -> tuple[int, int]:
    """The cell's (row, col), 0-based, from its reference; without one, the next cell of the row."""
    return parse_cell_ref(ref) or (row, col + 1)


def font_runs(path: Path, sheet_name: str, archive: Archive | None = None) -> dict[tuple[int, int], list[Run]]:
    """(row, col) 0-based → text runs with their fonts, for the cells of a sheet written in a legacy font.

    Empty for Unicode workbooks, other formats and damaged files: never raises. `archive`: the
    package already opened by the reader (its styles are then not read again).
    """
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return {}
    try:
        if archive is not None:  # the reader's package: styles and sheet read from it, not opened again
            try:
                styles_xml = archive.read("xl/styles.xml")
            except KeyError:
                return {}
            return _legacy_runs(archive, sheet_name) if _styles_name_legacy_font(styles_xml) else {}
        stat = path.stat()
        if not _names_legacy_font(str(path), stat.st_mtime_ns, stat.st_size):
            return {}
        with zipfile.ZipFile(path) as opened:
            return _legacy_runs(opened, sheet_name)
    except Exception:  # a damaged archive or part raises many types; the text heuristic still applies
        return {}


def _legacy_runs(archive: Any, sheet_name: str) -> dict[tuple[int, int], list[Run]]:
    styles = _style_fonts(archive)
    return _sheet_runs(archive, sheet_name, styles) if styles else {}


@lru_cache(maxsize=64)
def _names_legacy_font(path: str, mtime_ns: int, size: int) -> bool:
    """Whether the workbook's styles name a legacy font (asked once per file, not per sheet)."""
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read("xl/styles.xml")
    except Exception:  # damaged or no styles part: nothing to learn from fonts
        return False
    return _styles_name_legacy_font(data)


def _styles_name_legacy_font(styles_xml: bytes) -> bool:
    lowered = styles_xml.lower()
    return b'".vn' in lowered or b'"vni' in lowered


def _sheet_runs(archive: Any, sheet_name: str, styles: list) -> dict[tuple[int, int], list[Run]]:
    part = sheet_part(archive, sheet_name)
    if not part:
        return {}
    shared: dict[tuple[int, int], tuple[int, tuple[str, bool] | None]] = {}
    found: dict[tuple[int, int], list[Run]] = {}
    row, col = -1, -1
    with archive.open(part) as handle:
        for event, element in _parse(handle, ("{*}row", "{*}c"), events=("start", "end")):
            tag = _local(element.tag)
            if tag == "row":
                if event == "start":
                    number = element.get("r")
                    row, col = (int(number) - 1 if number and number.isdigit() else row + 1), -1
                else:
                    element.clear()
                continue
            if event == "start":
                continue
            row, col = _cell_position(element.get("r"), row, col)
            style = element.get("s") or "0"
            font = styles[int(style)] if style.isdigit() and int(style) < len(styles) else None
            kind = element.get("t")
            if kind == "s":
                value = next((child.text for child in element if _local(child.tag) == "v"), None)
                if value and value.strip().isdigit():
                    shared[(row, col)] = (int(value), font)
            elif kind == "inlineStr":
                inline = next((child for child in element if _local(child.tag) == "is"), None)
                runs = _runs(inline, font) if inline is not None else []
                if any(f for _, f in runs):
                    found[(row, col)] = runs
            elif kind == "str" and font:
                value = next((child.text for child in element if _local(child.tag) == "v"), None)
                if value:
                    found[(row, col)] = [(value, font)]
            element.clear()
    if shared:
        strings = _shared_strings(archive, {index for index, _ in shared.values()})
        for position, (index, font) in shared.items():
            if index in strings:
                runs = [(text, run_font if run_font is not _CELL_FONT else font) for text, run_font in strings[index]]
                if any(f for _, f in runs):
                    found[position] = runs
    return found


_CELL_FONT: Any = object()  # a shared-string run without a font of its own takes the cell's


def _shared_strings(archive: zipfile.ZipFile, wanted: set[int]) -> dict[int, list]:
    strings: dict[int, list] = {}
    try:
        handle = archive.open("xl/sharedStrings.xml")
    except KeyError:
        return strings
    with handle:
        for index, (_, element) in enumerate(_parse(handle, ("{*}si",))):
            if index in wanted:
                strings[index] = _runs(element, _CELL_FONT)
            element.clear()
    return strings
