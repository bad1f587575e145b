"""Writing outputs safely: temporary file in the target folder, then an atomic rename."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from nq57cli.errors import OutputError

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


def temporary_beside(path: Path) -> Path:
    """An empty temporary file in `path`'s folder (created if missing), named after it: renamed or
    linked over `path` once complete. A folder that cannot be written is an OutputError naming `path`."""
    with writing(path, *path.parents):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix + ".tmp", dir=path.parent)
        os.close(fd)
    return Path(name)


def atomic_write(path: Path, write: Callable[[Path], object]) -> Path:
    """Call write(tmp) on a temporary path beside `path`, then rename it over `path`.

    An interrupted run leaves any previous file at `path` whole; missing folders are created.
    A path that cannot be written (folder is a file, no permission, disk full) is an OutputError.
    """
    tmp = temporary_beside(path)
    try:
        with writing(path, tmp):
            write(tmp)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
    finally:  # also on KeyboardInterrupt and a full disk: no temporary file is left behind
        tmp.unlink(missing_ok=True)
    return path


def atomic_create(path: Path, write: Callable[[Path], object]) -> bool:
    """Like atomic_write, but only when `path` does not exist yet (`nq57 init`): False when it does.

    The complete temporary file is linked to `path` (which fails if `path` exists meanwhile), so an
    interrupted run never leaves a half file that a later run would keep as "already there"."""
    if os.path.lexists(path):
        return False
    tmp = temporary_beside(path)
    try:
        with writing(path, tmp):
            write(tmp)
            os.chmod(tmp, 0o644)
            try:
                os.link(tmp, path)
            except FileExistsError:
                return False
            except OSError:  # a file system without hard links: a rename, after one more look
                if os.path.lexists(path):
                    return False
                os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return True


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))
