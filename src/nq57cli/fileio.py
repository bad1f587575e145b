"""Writing outputs safely: temporary file in the target folder, then an atomic rename."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from nq57cli.errors import OutputError, UsageError


def refuse_overwriting_inputs(output: Path, inputs: Iterable[Path]) -> None:
    """An output path that is one of the inputs would destroy it: refuse."""
    target = output.resolve()
    for path in inputs:
        try:
            same = path.resolve() == target or (path.exists() and output.exists() and os.path.samefile(path, output))
        except OSError:
            same = False
        if same:
            raise UsageError(
                f"Tệp kết quả {output} trùng với một tệp đầu vào; hãy chọn tên khác.",
                f"The output {output} is one of the inputs; choose another name.",
            )


# errors of writing itself, whichever file the system names (a full disk names none)
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG}


@contextmanager
def writing(path: Path, *own: Path) -> Iterator[None]:
    """Turn an OSError of writing `path` (or the temporary files in `own`) into an OutputError naming
    `path`; an OSError about another file (an input read while writing) passes through."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None or exc.errno in _WRITE_ERRNOS or _names(exc, path, *own):
            raise OutputError(path, exc) from exc
        raise


def _names(exc: OSError, *paths: Path) -> bool:
    named = {os.fspath(p) for p in paths} | {os.fspath(p.parent) for p in paths}
    return any(os.fspath(f) in named for f in (exc.filename, exc.filename2) if f is not None)


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call write(tmp) on a temporary path beside `path`, then rename it over `path`.

    An interrupted run leaves any previous file at `path` whole; missing folders are created.
    A path that cannot be written (folder is a file, no permission, disk full) is an OutputError.
    """
    with writing(path, *path.parents):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix + ".tmp", dir=path.parent)
        os.close(fd)
    tmp = Path(name)
    try:
        with writing(path, tmp):
            write(tmp)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))
