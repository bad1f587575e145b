"""Lint is part of the test command: pyflakes-level checks with ruff over the whole tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


# the ruff of this interpreter's environment (a venv's bin/, also when it is not activated), else PATH's
RUFF = next((str(p) for p in (Path(sys.executable).parent / "ruff",) if p.exists()), None) or shutil.which("ruff")


@pytest.mark.skipif(RUFF is None, reason="ruff not installed (pip install -e '.[test]')")
def test_ruff_finds_nothing():
    done = subprocess.run([RUFF, "check", "src", "tests", "benchmarks", "samples", "templates"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
