"""One exception base for the library; the CLI turns each into a message and an exit code."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, the same for every command."""

    OK = 0
    FINDINGS = 1  # the run finished but error-level findings were reported
    USAGE = 2  # bad options or arguments
    UNREADABLE = 3  # no usable input (missing file, unreadable catalog, nothing readable)
    RENDER = 4  # template or document rendering failed


class Nq57Error(Exception):
    """Base of every error nq57 raises on purpose; carries a Vietnamese and an English message."""

    exit_code: ExitCode = ExitCode.FINDINGS

    def __init__(self, message_vi: str, message_en: str | None = None) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en or message_vi

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang == "en" else self.message_vi


class UsageError(Nq57Error):
    exit_code = ExitCode.USAGE


class UnreadableInputError(Nq57Error):
    exit_code = ExitCode.UNREADABLE


class RenderError(Nq57Error):
    exit_code = ExitCode.RENDER
