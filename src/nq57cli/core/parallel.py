"""How many processes nq57 works with, and how it starts them: one rule for reading and writing."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
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


def _run_chunk(func: Callable[[Any], Any], chunk: Sequence[Any]) -> list[Any]:
    return [func(item) for item in chunk]


def shared_map(func: Callable[[Any], Any], items: Sequence[Any], workers: int, chunk_size: int = 1,
               initializer: Callable[..., None] | None = None, initargs: tuple = (),
               done: Callable[[Any, Any], None] | None = None, spawn: bool = True) -> list[Any]:
    """[func(item) for item in items], shared between this process and `workers` - 1 helpers.

    Helpers (forked when fork_context() allows, else spawned) take chunks (up to `chunk_size` items,
    fewer where the two ends are expected to meet: _chunk_bounds) from the front of the list;
    this process works through it from the back, taking each chunk no helper has started yet. Neither
    waits for the other: when they meet, this process collects the helpers' results, in order. `func`
    and `initializer` must be module-level functions; forked helpers inherit what this process holds,
    spawned ones get `initargs` pickled (`spawn=False`: no helpers when they could not be forked).
    `done(item, result)` is called once per item, in this process.
    """
    chunks = [items[start:end] for start, end in _chunk_bounds(len(items), chunk_size, workers)]
    workers = min(workers, len(chunks))  # no helper that could never get a chunk
    context = fork_context() if workers > 1 else None
    if context is None and spawn and workers > 1:
        context = multiprocessing.get_context("spawn")
    if context is None:
        return _local(func, chunks, done)
    from concurrent.futures import ProcessPoolExecutor

    mine: dict[int, list[Any]] = {}
    pool = ProcessPoolExecutor(max_workers=workers - 1, mp_context=context, initializer=_start_helper,
                               initargs=(initializer, initargs))
    try:
        futures = [pool.submit(_run_chunk, func, chunk) for chunk in chunks]
        for index in range(len(chunks) - 1, -1, -1):
            if not futures[index].cancel():  # a helper has it: the rest are theirs too
                break
            mine[index] = _local(func, [chunks[index]], done)
        out: list[Any] = []
        for index, chunk in enumerate(chunks):
            if index in mine:
                out.extend(mine[index])
                continue
            results = futures[index].result()
            if done:
                for item, result in zip(chunk, results):
                    done(item, result)
            out.extend(results)
    except BaseException:  # Ctrl-C, or a helper's error: stop the helpers now, not after their chunks
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return out


def _start_helper(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    """A helper ignores Ctrl-C (the terminal sends it to the whole process group): this process
    stops the helpers itself (_stop), so that one line is printed, not a traceback per helper."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


def _stop(pool: Any) -> None:
    """End the helpers at once and wait for them (well under a second): no process is left behind."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # the executor offers no public way
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(0.5)
        if process.is_alive():
            process.kill()
            process.join(0.5)


def _chunk_bounds(count: int, chunk_size: int, workers: int) -> list[tuple[int, int]]:
    """(start, end) of each chunk: `chunk_size` items, fewer near where the helpers (from the front)
    and this process (from the back) are expected to meet, so that whoever gets there first waits
    for a few items at most, not for a long chunk (at 1,000 files this process waited 0.26 s for the
    helper's last chunks, now 0.01 s)."""
    if count <= chunk_size:
        return [(0, count)] if count else []
    meet = count * (workers - 1) // max(1, workers)
    bounds, start = [], 0
    while start < count:
        size = max(1, min(chunk_size, abs(meet - start) // 8, count - start))
        bounds.append((start, start + size))
        start += size
    return bounds


def _local(func: Callable[[Any], Any], chunks: list[Sequence[Any]], done: Callable[[Any, Any], None] | None) -> list:
    out = []
    for chunk in chunks:
        for item in chunk:
            result = func(item)
            if done:
                done(item, result)
            out.append(result)
    return out
