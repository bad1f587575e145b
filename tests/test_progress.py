"""The reading progress bar speaks the chosen language and appears only on a terminal, from five files."""

from __future__ import annotations

import io
import sys

import pytest

from nq57cli.cli import output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("lang, word", [("vi", "Đang đọc"), ("en", "Reading")])
def test_progress_bar_in_the_chosen_language(monkeypatch, lang, word):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(output, "stderr", lambda: __import__("rich.console").console.Console(
        file=terminal, force_terminal=True, width=100))
    update, bar = output.progress_callback(6, lang)
    assert update is not None
    with bar:
        update(3, 6, "so-noi-vu.xlsx")
    assert word in terminal.getvalue()
    assert "so-noi-vu.xlsx" in terminal.getvalue()


def test_no_bar_for_few_files_or_off_a_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert output.progress_callback(4, "vi") == (None, None)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert output.progress_callback(50, "vi") == (None, None)
