"""Cells of the workbooks nq57 writes with openpyxl (report templates, annotated copies): the font, text that
stays text, and row heights estimated from wrapped lines (Excel does not size rows on open)."""

from __future__ import annotations

import math
from typing import Any

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
LINE_HEIGHT = 15.75  # points per line of 12 pt text
MAX_ROW_HEIGHT = 409  # Excel's limit


def font(bold: bool = False, italic: bool = False, size: int = FONT_SIZE) -> Any:
    """The font of every cell: Times New Roman, 12 pt unless `size` says otherwise."""
    from openpyxl.styles import Font

    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines wrapped text takes in a column of this width (an estimate: Excel does not say)."""
    per_line = max(1, int(width * 1.15))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def row_height(lines: int) -> float:
    """Row height in points for that many lines of 12 pt text (rows are sized here: Excel does not on open)."""
    return min(MAX_ROW_HEIGHT, round(max(1, lines) * LINE_HEIGHT + 4, 2))


def text_cell(ws: Any, row: int, col: int, value: Any) -> Any:
    """Write a value; text stays text even when it starts with "=" (catalog or agency text, never a formula)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = ws.cell(row, col)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


