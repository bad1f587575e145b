"""Lint is part of the test command: pyflakes-level checks with ruff over the whole tree."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import ROOT


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff not installed (pip install -e '.[test]')")
def test_ruff_finds_nothing():
    done = subprocess.run(["ruff", "check", "src", "tests", "benchmarks", "samples", "templates"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
