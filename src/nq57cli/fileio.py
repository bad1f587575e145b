"""Writing outputs safely: temporary file in the target folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from nq57cli.errors import UsageError


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


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call write(tmp) on a temporary path beside `path`, then rename it over `path`.

    An interrupted run leaves any previous file at `path` whole; missing folders are created.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix + ".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))
