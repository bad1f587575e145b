"""One exception base for the library; the CLI turns each into a message and an exit code."""

from __future__ import annotations

import errno
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, the same for every command."""

    OK = 0
    FINDINGS = 1  # the run finished but error-level findings were reported
    USAGE = 2  # bad options or arguments
    UNREADABLE = 3  # no usable input (missing file, unreadable catalog, nothing readable)
    RENDER = 4  # template or document rendering failed
    OUTPUT = 5  # an output cannot be written (folder is a file, no permission, disk full, read-only)
    INTERNAL = 6  # an unexpected error inside nq57 (a defect): one line, the traceback with --debug


class Nq57Error(Exception):
    """Base of every error nq57 raises on purpose; carries a Vietnamese and an English message."""

    exit_code: ExitCode = ExitCode.FINDINGS

    def __init__(self, message_vi: str, message_en: str | None = None, *, findings: list | None = None) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en or message_vi
        self.findings = list(findings or [])  # the findings that explain the error (in --json output)

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang == "en" else self.message_vi


class UsageError(Nq57Error):
    exit_code = ExitCode.USAGE


class UnreadableInputError(Nq57Error):
    exit_code = ExitCode.UNREADABLE


class RenderError(Nq57Error):
    exit_code = ExitCode.RENDER


class OutputError(Nq57Error):
    """An output file or folder cannot be written; names the path and the system's reason."""

    exit_code = ExitCode.OUTPUT

    def __init__(self, path: object, error: OSError) -> None:
        reason_vi, reason_en = _OS_REASONS.get(error.errno or 0, (None, None))
        detail = error.strerror or str(error)
        super().__init__(f"Không ghi được {path}: {reason_vi or detail}.", f"Cannot write {path}: {reason_en or detail}.")
        self.path = path
        self.errno = error.errno


_OS_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("hết chỗ trên đĩa", "no space left on the disk"),
    errno.EDQUOT: ("vượt hạn mức dung lượng", "disk quota exceeded"),
    errno.EACCES: ("không có quyền ghi", "permission denied"),
    errno.EPERM: ("không có quyền ghi", "permission denied"),
    errno.EROFS: ("ổ đĩa chỉ đọc", "read-only file system"),
    errno.ENOTDIR: ("một phần của đường dẫn là tệp, không phải thư mục", "part of the path is a file, not a folder"),
    errno.EEXIST: ("một tệp cùng tên chắn chỗ thư mục cần tạo", "a file is in the way of a folder to create"),
    errno.EISDIR: ("đó là một thư mục", "it is a folder"),
    errno.ENAMETOOLONG: ("tên quá dài", "file name too long"),
}
