"""Hostile input is refused with a clear finding; outputs are written atomically."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import HEADER, sha256, write_xlsx
from nq57cli.read import reader, workbook
from nq57cli.core.fileio import atomic_write
from nq57cli.tasks.merge import merge


def _good(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "good.xlsx", [HEADER, ["NV-01", 1, "Nhiệm vụ một", "2025", "Hoàn thành", "xong", None]])


def test_zip_bomb_is_refused_before_decompressing(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_UNZIPPED_MB", 2)
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(_good(tmp_path).read_bytes())
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (5 * 1024 * 1024))
    result = merge([bomb, _good(tmp_path)])
    found = [f for f in result.findings if f.file == "bomb.xlsx"]
    assert [f.code for f in found] == ["file.zip_bomb"]
    assert "NQ57_MAX_UNZIPPED_MB" in found[0].message("vi") and "2 MB" in found[0].message("en")
    assert len(result.tasks) == 1  # the other file was still read


def test_high_compression_ratio_part_is_refused(tmp_path, monkeypatch):
    bomb = tmp_path / "ratio.xlsx"
    bomb.write_bytes(_good(tmp_path).read_bytes())
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/zeros.bin", b"\0" * (12 * 1024 * 1024))
    outcome = reader.read_table(bomb)
    assert outcome.table is None and outcome.findings[0].code == "file.zip_bomb"


def test_too_many_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_ROWS", 5)
    rows = [HEADER] + [[f"NV-{i}", i, f"Nhiệm vụ {i}", "2025", "Hoàn thành", "x", None] for i in range(10)]
    outcome = reader.read_table(write_xlsx(tmp_path / "long.xlsx", rows))
    assert outcome.table is None and outcome.findings[0].code == "sheet.too_many_rows"
    assert "NQ57_MAX_ROWS" in outcome.findings[0].message("vi")


def test_file_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_FILE_MB", 0)
    outcome = reader.read_table(_good(tmp_path))
    assert outcome.findings[0].code == "file.too_large"


def test_external_entity_in_sheet_xml_is_not_resolved(tmp_path):
    """A sheet with a DOCTYPE declaring an external entity: nothing is fetched or read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    good = _good(tmp_path)
    evil = tmp_path / "xxe.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                text = text.replace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", "")
                doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                text = '<?xml version="1.0" encoding="UTF-8"?>' + doctype + text.replace("Nhiệm vụ một", "&xxe;")
                data = text.encode("utf-8")
            dst.writestr(item, data)
    result = merge([evil])
    dump = result.model_dump_json()
    assert "TOP-SECRET" not in dump


def test_atomic_write_keeps_the_previous_file_when_writing_fails(tmp_path):
    target = tmp_path / "out" / "merged.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"old complete output")

    def broken(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_bytes() == b"old complete output"
    assert sorted(p.name for p in target.parent.iterdir()) == ["merged.xlsx"]


def test_atomic_write_creates_missing_folders(tmp_path):
    target = tmp_path / "a" / "b" / "c.bin"
    atomic_write(target, lambda tmp: tmp.write_bytes(b"x"))
    assert target.read_bytes() == b"x"


def test_vietnamese_names_with_spaces(tmp_path):
    path = write_xlsx(tmp_path / "Báo cáo Sở Nội vụ (bản cuối).xlsx",
                      [HEADER, ["NV-01", 1, "Nhiệm vụ một", "2025", "Hoàn thành", "xong", None]])
    before = sha256(path)
    result = merge([path])
    assert result.inputs[0].name == "Báo cáo Sở Nội vụ (bản cuối).xlsx"
    assert result.tasks[0].status == "completed"
    assert sha256(path) == before
