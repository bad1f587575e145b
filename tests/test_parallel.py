"""parallel.shared_map: helpers from the front, this process from the back, results in order."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from conftest import another_thread_running
from nq57cli.core import parallel
from nq57cli.core.parallel import _chunk_bounds, shared_map

pytestmark = pytest.mark.skipif(parallel.fork_context() is None, reason="needs the fork start method")


def _slow_double(item: int) -> tuple[int, int]:
    time.sleep(0.01)  # long enough for the helper to start and take chunks
    return item * 2, os.getpid()


def test_results_in_order_and_work_shared():
    seen: list[int] = []
    out = shared_map(_slow_double, list(range(60)), workers=2, chunk_size=3,
                     done=lambda item, result: seen.append(item))
    assert [value for value, _ in out] == [i * 2 for i in range(60)]
    pids = {pid for _, pid in out}
    assert os.getpid() in pids and len(pids) == 2  # this process and one helper both worked
    mine = [i for i, (_, pid) in enumerate(out) if pid == os.getpid()]
    assert mine == list(range(mine[0], 60))  # this process took the end of the list
    assert sorted(seen) == list(range(60))  # done() once per item, in this process


def test_one_worker_or_one_chunk_starts_no_process(no_worker_processes):
    assert [v for v, _ in shared_map(_slow_double, [1, 2, 3], workers=1)] == [2, 4, 6]
    assert [v for v, _ in shared_map(_slow_double, [1, 2, 3], workers=4, chunk_size=3)] == [2, 4, 6]


def test_without_fork_and_without_spawn_it_runs_here(no_worker_processes):
    with another_thread_running():
        out = shared_map(_slow_double, list(range(8)), workers=2, spawn=False)
    assert [v for v, _ in out] == [i * 2 for i in range(8)]
    assert {pid for _, pid in out} == {os.getpid()}


def test_no_more_helpers_than_chunks(monkeypatch):
    started = []
    real = parallel.fork_context

    class Counting:
        def __init__(self, context):
            self.context = context

        def __getattr__(self, name):
            return getattr(self.context, name)

        def Process(self, *args, **kwargs):  # noqa: N802 - the multiprocessing name
            started.append(1)
            return self.context.Process(*args, **kwargs)

    monkeypatch.setattr(parallel, "fork_context", lambda: Counting(real()))
    assert [v for v, _ in shared_map(_slow_double, [1, 2, 3], workers=8)] == [2, 4, 6]
    assert len(started) == 2  # three chunks: this process and two helpers


def _busy(item: int) -> int:
    end = time.monotonic() + 0.002
    while time.monotonic() < end:
        pass
    return item


def test_interrupted_at_any_point_it_leaves_no_process_and_no_thread_error(monkeypatch):
    """Ctrl-C (here raised by `done`) at 60 points of a shared run: each time the helpers are gone,
    and nothing is printed by a thread afterwards (ProcessPoolExecutor's manager thread raised
    InvalidStateError on futures this process had cancelled, about one run in 30, and its
    traceback was cut into the one-line message by the exit)."""
    import threading

    errors: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(repr(args.exc_value)))
    for stop_at in range(1, 241, 4):
        count = 0

        def done(item, result, stop_at=stop_at):
            nonlocal count
            count += 1
            if count == stop_at:
                raise KeyboardInterrupt

        before = set(multiprocessing.active_children())
        with pytest.raises(KeyboardInterrupt):
            shared_map(_busy, list(range(300)), workers=2, chunk_size=4, done=done)
        assert set(multiprocessing.active_children()) == before, stop_at
        assert [t for t in threading.enumerate() if t.name == "nq57-results"] == [], stop_at
    time.sleep(0.2)
    assert errors == []


def _fails_on_seven(item: int) -> int:
    if item == 7:
        raise ValueError("seven")
    time.sleep(0.005)
    return item


def test_an_error_in_a_helper_reaches_the_caller():
    with pytest.raises(ValueError, match="seven"):
        shared_map(_fails_on_seven, list(range(40)), workers=2, chunk_size=2)


@pytest.mark.parametrize("count, chunk_size, workers", [(1000, 16, 2), (1000, 16, 4), (41, 16, 2), (84, 1, 2), (3, 5, 2)])
def test_chunks_cover_every_item_once_and_shrink_where_the_ends_meet(count, chunk_size, workers):
    bounds = _chunk_bounds(count, chunk_size, workers)
    assert [i for start, end in bounds for i in range(start, end)] == list(range(count))
    sizes = [end - start for start, end in bounds]
    assert max(sizes) <= max(1, chunk_size) and min(sizes) >= 1
    meet = count * (workers - 1) // workers
    if count <= chunk_size:
        assert bounds == [(0, count)]  # one chunk: no helper at all
        return
    near = [end - start for start, end in bounds if abs(start - meet) <= 8]
    assert near and max(near) == 1  # whoever arrives first waits for one item at a time
    if count >= 1000:
        assert sizes[0] == chunk_size and max(sizes[-3:]) == chunk_size  # far from it, full chunks
