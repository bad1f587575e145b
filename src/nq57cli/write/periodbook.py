"""Merged workbooks of several periods read back at once, as the records comparing periods needs
(tasks/periods.py): `diff`, `render --previous`, `overdue --previous`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from nq57cli.core.parallel import shared_map, worker_count
from nq57cli.tasks.periods import PeriodRecord, record_of
from nq57cli.write.mergedbook import read_merged


def read_period(path: Path) -> PeriodRecord:
    """One merged.xlsx as a period's record (module level: helper processes run it)."""
    result, _ = read_merged(path)
    return record_of(result, path.name)


def read_periods(paths: Sequence[Path], workers: int | None = None) -> list[PeriodRecord]:
    """Each merged.xlsx as a record, in the order given, one file per process (a national merge takes
    seconds to read; its record, without the reports' models, is cheap to send back)."""
    return shared_map(read_period, list(paths), min(len(paths), worker_count(workers)))
