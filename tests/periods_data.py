"""Two reporting periods built from the samples, for the period-to-period tests: Quý II/2025 is the samples
merged, Quý III/2025 the same merge as the office would have it a quarter later (edited in merged.xlsx)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from conftest import SAMPLES
from nq57cli.tasks.merge import merge
from nq57cli.write.mergedbook import write_merged

SUBMISSIONS = sorted((SAMPLES / "submissions").glob("*.xlsx"))
SILENT = "Sở Tài chính"  # reported in Quý II, not in Quý III
COPIED = ("NQ57-01", "Sở Khoa học và Công nghệ")  # the one agency's text left as it was


def two_periods(folder: Path) -> tuple[Path, Path]:
    """(Quý II, Quý III) merged.xlsx. From II to III: NQ57-01 completed, NQ57-02 back to in progress (a
    regression), NQ57-13 waiting → not started, NQ57-06's deadline moved to 30/06/2026, NQ57-38 dropped,
    NQ57-39 added, Sở Tài chính silent, every other agency's text updated except COPIED; NQ57-08
    (due 31/08/2025) is late as of 30/09 and was not as of 30/06."""
    result = merge(SUBMISSIONS, catalog=SAMPLES / "catalog.xlsx")
    result.period = "Quý II/2025"
    previous = write_merged(result, folder / "q2.xlsx")
    result.period = "Quý III/2025"
    current = write_merged(result, folder / "q3.xlsx")
    book = openpyxl.load_workbook(current)
    tasks = book["Nhiệm vụ"]
    rows = {tasks.cell(r, 1).value: r for r in range(2, tasks.max_row + 1)}
    tasks.cell(rows["NQ57-01"], 10).value = "Đã hoàn thành"
    tasks.cell(rows["NQ57-02"], 10).value = "Đang thực hiện"
    tasks.cell(rows["NQ57-13"], 10).value = "Chưa thực hiện"
    tasks.cell(rows["NQ57-06"], 6).value = "30/06/2026"
    tasks.cell(rows["NQ57-06"], 7).value = date(2026, 6, 30)
    group = tasks.cell(rows["NQ57-38"], 2).value
    tasks.delete_rows(rows["NQ57-38"])
    tasks.append(["NQ57-39", group, "39", "Nhiệm vụ mới giao trong quý III/2025", None, "31/12/2025", date(2025, 12, 31),
                  "Sở Khoa học và Công nghệ", None, "Chưa có báo cáo"])
    reports = book["Báo cáo đơn vị"]
    for r in range(reports.max_row, 1, -1):
        task_id, agency = reports.cell(r, 1).value, reports.cell(r, 2).value
        if agency == SILENT:
            reports.delete_rows(r)
        elif reports.cell(r, 5).value and (task_id, agency) != COPIED:
            reports.cell(r, 5).value += " Cập nhật quý III/2025."
    book.save(current)
    return previous, current
