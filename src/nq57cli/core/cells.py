"""What a spreadsheet cell is, whichever side reads or writes it: Excel's column letters and the
most text one cell holds (used by the reader, the row parser, the merge and the XLSX writer)."""

from __future__ import annotations

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
