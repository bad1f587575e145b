"""Writing the XLSX files nq57 produces (merged.xlsx, the overdue list, the indicator table):
bold frozen header, column widths, wrapped text, dates as dates, and agency text always as text."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from nq57cli.stable import FIXED_MOMENT

Column = tuple[str, int, bool]  # header, width, wrapped

EXCEL_MAX_TEXT = 32767  # characters Excel can hold in one cell
CONSTANT_MEMORY_FROM = 200_000  # rows; below this the faster in-memory (shared strings) mode is used
FIXED_CREATED = FIXED_MOMENT  # document properties do not carry the run time: runs compare equal


def new_workbook(path: Path, rows: int = 0, title: str = "nq57") -> Any:
    """An xlsxwriter workbook that never turns a string into a formula, number or link."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {
        "constant_memory": rows >= CONSTANT_MEMORY_FROM, "strings_to_formulas": False,
        "strings_to_urls": False, "strings_to_numbers": False,
    })
    workbook.set_properties({"title": title, "author": "nq57", "created": FIXED_CREATED})
    workbook.nq57_formats = {
        "header": workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True,
                                       "valign": "vcenter", "align": "center", "border": 1}),
        "title": workbook.add_format({"bold": True, "font_size": 13}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
        "top": workbook.add_format({"valign": "top"}),
        "date": workbook.add_format({"num_format": "dd/mm/yyyy", "valign": "top"}),
    }
    return workbook


def write_sheet(workbook: Any, name: str, columns: list[Column], rows: list[list[Any]],
                title: str | None = None) -> None:
    """One sheet: an optional title line, then a bold frozen header, widths, wrapping and a filter.

    Every string goes through write_string, so agency text starting with "=", "+", "-" or "@" stays
    text; control characters are escaped by xlsxwriter.
    """
    ws = workbook.add_worksheet(name)
    formats = workbook.nq57_formats
    for index, (_, width, wrapped) in enumerate(columns):
        ws.set_column(index, index, width, formats["wrap" if wrapped else "top"])
    top = 0
    if title:
        ws.write_string(0, 0, title, formats["title"])
        top = 1
    ws.freeze_panes(top + 1, 0)
    for index, (header, _, _) in enumerate(columns):
        ws.write_string(top, index, header, formats["header"])
    for r, values in enumerate(rows, start=top + 1):
        for c, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                ws.write_string(r, c, value[:EXCEL_MAX_TEXT])
            elif isinstance(value, bool):
                ws.write_boolean(r, c, value)
            elif isinstance(value, (date, datetime)):
                ws.write_datetime(r, c, datetime(value.year, value.month, value.day), formats["date"])
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, str(value))
    ws.autofilter(top, 0, top + max(len(rows), 1), len(columns) - 1)


def open_own_workbook(path: Path, sheet: str, what_vi: str, what_en: str, hint_vi: str = "", hint_en: str = "") -> Any:
    """One of the workbooks nq57 writes (merged.xlsx, indicators.xlsx), opened for reading back; a file
    that cannot be read, or lacks `sheet`, is an UnreadableInputError naming it."""
    import python_calamine as calamine

    from nq57cli.errors import UnreadableInputError

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise UnreadableInputError(f"Không đọc được {what_vi} {path}: {exc}",
                                   f"Cannot read the {what_en} {path}: {exc}") from None
    if sheet not in workbook.sheet_names:
        raise UnreadableInputError(
            f"{path} không phải {what_vi} của nq57 (thiếu trang \"{sheet}\"){hint_vi}",
            f"{path} is not an nq57 {what_en} (no \"{sheet}\" sheet){hint_en}",
        )
    return workbook
