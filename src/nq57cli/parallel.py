"""How many processes nq57 works with, and how it starts them: one rule for reading and writing."""

from __future__ import annotations

import multiprocessing
import os
import threading
from typing import Any


def worker_count(requested: int | None = None) -> int:
    """Processes to use: `requested`, else the NQ57_WORKERS variable, else one per CPU; at least 1."""
    if requested is None:
        value = os.environ.get("NQ57_WORKERS", "")
        requested = int(value) if value.isdigit() else None
    return max(1, requested if requested is not None else (os.cpu_count() or 1))


def fork_context() -> Any | None:
    """The "fork" start method when workers can be forked safely, else None.

    Forked workers inherit what this process has built (a catalog, a workbook's rows) instead of
    receiving it pickled; but not from a process running other threads, whose locks a forked child
    could inherit held.
    """
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")
