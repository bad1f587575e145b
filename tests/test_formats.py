"""Old .xls and .ods files are read like .xlsx (converted with LibreOffice when it is installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLES
from nq57cli.tasks.merge import merge

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, target_ext: str, folder: Path) -> Path:
    filters = {"xls": "xls:MS Excel 97", "ods": "ods"}
    profile = folder / "lo-profile"
    done = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                           filters[target_ext], "--outdir", str(folder), str(source)],
                          capture_output=True, text=True, timeout=180)
    out = folder / f"{source.stem}.{target_ext}"
    if done.returncode != 0 or not out.exists():
        pytest.skip(f"LibreOffice could not convert to {target_ext}: {done.stderr[-200:]}")
    return out


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("ext", ["xls", "ods"])
def test_legacy_formats_give_the_same_reports(tmp_path, ext):
    source = SAMPLES / "submissions" / "so-khoa-hoc-cong-nghe.xlsx"
    converted = convert(source, ext, tmp_path)
    catalog = SAMPLES / "catalog.xlsx"
    original = merge([source], catalog=catalog)
    legacy = merge([converted], catalog=catalog)
    assert legacy.errors() == []
    summary = lambda r: [(t.task_id, t.status, t.result, t.completed_on) for t in r.tasks]  # noqa: E731
    assert summary(legacy) == summary(original)
    assert legacy.inputs[1].agency == "Sở Khoa học và Công nghệ"
