"""Shared fixtures: small real workbooks written with openpyxl."""

from __future__ import annotations

import hashlib
import io
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

# The issuing office of the tests, configured explicitly (nq57 has no built-in agency or signer).
OFFICE = {
    "agency.parent": "UBND TỈNH QUẢNG NGÃI", "agency.name": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "agency.full_name": "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", "agency.code": "SKHCN",
    "document.place": "Quảng Ngãi", "signer.position": "GIÁM ĐỐC", "signer.name": "Nguyễn Văn A",
}


def office_config(overrides: dict[str, str] | None = None) -> Any:
    """A ReportConfig for the tests' office (OFFICE), with `overrides` applied like --set."""
    from nq57cli.domain.config import ReportConfig
    from nq57cli.domain.overrides import apply_overrides

    return apply_overrides(ReportConfig(), {**OFFICE, **(overrides or {})})

HEADER = ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Thời hạn hoàn thành", "Tình trạng", "Kết quả thực hiện",
          "Ngày hoàn thành thực tế"]


def write_xlsx(path: Path, rows: list[list[Any]], sheet: str = "Báo cáo", merges: list[str] | None = None,
               before: list[str] | None = None) -> Path:
    """A workbook with `rows` from A1 on `sheet`; `before` adds sheets in front (e.g. instructions)."""
    wb = Workbook()
    first = wb.active
    if before:
        first.title = before[0]
        first["A1"] = "Hướng dẫn: điền cột Tình trạng theo danh mục."
        for name in before[1:]:
            wb.create_sheet(name)
        ws = wb.create_sheet(sheet)
    else:
        ws = first
        ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for ref in merges or []:
        ws.merge_cells(ref)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


@pytest.fixture()
def no_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test fails if anything starts a process pool."""
    import concurrent.futures

    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)


@contextmanager
def another_thread_running() -> Iterator[None]:
    """A second thread alive for the duration (a process running threads must not fork)."""
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        yield
    finally:
        release.set()
        other.join()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def catalog(tmp_path: Path) -> Path:
    """A three-task catalog in two groups (plus an empty third group)."""
    rows = [
        ["UBND TỈNH QUẢNG NGÃI"],
        ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
        [],
        ["Mã nhiệm vụ", "STT", "Nhiệm vụ cụ thể", "Văn bản giao nhiệm vụ", "Thời hạn hoàn thành",
         "Cơ quan chủ trì", "Cơ quan phối hợp"],
        ["Nhóm 1 - Nâng cao nhận thức"],
        ["NV-01", 1, "Tiếp tục nâng cao tinh thần trách nhiệm, có quyết tâm chính trị cao",
         "Thông báo số 05-TB/BCĐTW ngày 04/07/2025", "31/12/2025", "Sở Khoa học và Công nghệ", "Sở Nội vụ"],
        ["NV-02", 2, "Rà soát, ban hành các văn bản thuộc lĩnh vực, chức năng làm căn cứ triển khai Đề án",
         "Thông báo số 06-TB/BCĐCĐS ngày 18/3/2025", "Tháng 9/2025", "Sở Nội vụ", None],
        ["Nhóm 2 - Hoàn thiện thể chế"],
        ["NV-03", 3, "Đẩy mạnh hợp tác với doanh nghiệp, viện, trường trong và ngoài nước về khoa học",
         "Thông báo số 30-TB/TGV ngày 13/6/2025", "Quý IV/2025", "Sở Khoa học và Công nghệ", "Sở Tài chính"],
        ["Nhóm 3 - Hợp tác quốc tế: không có nhiệm vụ"],
    ]
    return write_xlsx(tmp_path / "catalog.xlsx", rows, sheet="Danh mục", merges=["A5:G5", "A8:G8", "A10:G10"])


def submission_rows(agency_line: str | None, body: list[list[Any]]) -> list[list[Any]]:
    top = [["UBND TỈNH QUẢNG NGÃI"], [agency_line]] if agency_line else []
    return top + [[], HEADER] + body


@pytest.fixture()
def samples_dir(tmp_path: Path) -> Path:
    """A copy of the bundled samples (tests never touch the originals)."""
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def encrypt(source: Path, target: Path, password: str = "123") -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as handle:
        buffer = io.BytesIO()
        OOXMLFile(handle).encrypt(password, buffer)
    target.write_bytes(buffer.getvalue())
    return target
