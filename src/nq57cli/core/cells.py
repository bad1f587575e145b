"""What a spreadsheet cell is, whichever side reads or writes it: Excel's column letters and the
most text one cell holds (used by the reader, the row parser, the merge and the XLSX writer)."""

from __future__ import annotations

import re

EXCEL_MAX_TEXT = 32767  # characters Excel can hold in one cell


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    """0-based row and column → "F14"."""
    return f"{column_letter(col)}{row + 1}"


_REF = re.compile(r"^([A-Z]{1,3})([1-9][0-9]{0,6})$")


def parse_cell_ref(ref: str | None) -> tuple[int, int] | None:
    """"F14" → (13, 5), 0-based row and column (the inverse of cell_ref); None for anything else."""
    match = _REF.match(ref or "")
    if not match:
        return None
    col = 0
    for letter in match.group(1):
        col = col * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, col - 1
