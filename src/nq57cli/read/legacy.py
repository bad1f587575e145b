"""Legacy Vietnamese text in a sheet converted to Unicode: cells in a TCVN3 or VNI font by their font
(legacyfonts.py), the others when the sheet's text reads as legacy (legacytext.py), with one finding per
encoding found (text.legacy_encoding). The code tables and the conversion itself: encodings.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nq57cli.core.cells import cell_ref
from nq57cli.read.encodings import NAMES, TCVN3, VNI, convert
from nq57cli.read.guards import Archive
from nq57cli.read.legacyfonts import Run, font_runs
from nq57cli.read.legacytext import UNICODE_ONLY, convert_by_text
from nq57cli.domain.models import Finding


@dataclass
class Conversion:
    """The cells of one sheet converted from one encoding, and how the encoding was known."""

    encoding: str
    by_font: bool
    fonts: list[str] = field(default_factory=list)
    cells: list[tuple[int, int]] = field(default_factory=list)


def _convert_runs(value: str, runs: list[Run]) -> tuple[str, tuple[str, bool] | None]:
    """The cell's text with each legacy run converted; runs holding Unicode-only letters are kept."""
    joined = "".join(text for text, _ in runs)
    legacy = next((font for _, font in runs if font), None)
    if joined != value:  # the reader normalised the text: convert it whole, by its first legacy font
        if legacy is None or UNICODE_ONLY.search(value):
            return value, None
        return convert(value, *legacy), legacy
    out = []
    for text, font in runs:
        out.append(text if font is None or UNICODE_ONLY.search(text) else convert(text, *font))
    return "".join(out), legacy


def convert_rows(path: Path, sheet_name: str, rows: list[list[Any]],
                 archive: Archive | None = None) -> tuple[list[list[Any]], list[Conversion]]:
    """The sheet's rows with legacy text converted to Unicode, and what was converted.

    A cell in a legacy font is converted by its font; other cells are converted when the text of
    the sheet reads as TCVN3 or VNI and the cell's own text does (see evidence()).
    """
    runs = font_runs(path, sheet_name, archive)
    changes: dict[tuple[int, int], str] = {}
    conversions: dict[tuple[str, bool], Conversion] = {}
    for (r, c), cell_runs in runs.items():
        if r >= len(rows) or c >= len(rows[r]) or not isinstance(rows[r][c], str):
            continue
        value = rows[r][c]
        new, font = _convert_runs(value, cell_runs)
        if font is None:
            continue
        record = conversions.setdefault((font[0], True), Conversion(font[0], True))
        name = _font_label(font)
        if name not in record.fonts:
            record.fonts.append(name)
        if new != value:
            changes[(r, c)] = new
            record.cells.append((r, c))
    by_text = convert_by_text(rows, skip=set(runs))
    if by_text:
        encoding, converted = by_text
        record = conversions.setdefault((encoding, False), Conversion(encoding, False))
        for position, new in converted.items():
            changes[position] = new
            record.cells.append(position)
    if not changes:
        return rows, [c for c in conversions.values() if c.cells]
    out = [list(row) if any((r, c) in changes for c in range(len(row))) else row for r, row in enumerate(rows)]
    for (r, c), new in changes.items():
        out[r][c] = new
    return out, [c for c in conversions.values() if c.cells]


def _font_label(font: tuple[str, bool]) -> str:
    return {(TCVN3, False): ".VnTime", (TCVN3, True): ".VnTimeH", (VNI, False): "VNI-Times"}[font]


def cell_list(cells: list[tuple[int, int]], limit: int = 12) -> str:
    """"C5, C6, D9 …(+40)": the converted cells, in sheet order."""
    ordered = sorted(cells)
    shown = ", ".join(cell_ref(r, c) for r, c in ordered[:limit])
    return shown + (f" … (+{len(ordered) - limit})" if len(ordered) > limit else "")


def decode_legacy_rows(path: Path, sheet_name: str, rows: list[list[Any]], display: str,
                       findings: list[Finding], archive: Archive | None = None) -> list[list[Any]]:
    """convert_rows(), with one finding per encoding found in the sheet (text.legacy_encoding)."""
    if not rows:
        return rows
    out, conversions = convert_rows(path, sheet_name, rows, archive)
    for item in conversions:
        findings.append(Finding(
            severity="info" if item.by_font else "warning", code="text.legacy_encoding", file=display,
            sheet=sheet_name,
            params={"encoding": NAMES[item.encoding], "count": len(item.cells), "cells": cell_list(item.cells),
                    "how": "font" if item.by_font else "text", "fonts": ", ".join(item.fonts)},
        ))
    return out
