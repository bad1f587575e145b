"""`--pdf`: DOCX to PDF through LibreOffice (`soffice --headless`), when it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from nq57cli.errors import RenderError
from nq57cli.core.fileio import atomic_write

SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 300


class PdfUnavailableError(RenderError):
    """LibreOffice is not installed: the DOCX stands, only the PDF is skipped."""


def find_soffice() -> str | None:
    """Path of the LibreOffice command on PATH, or None."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_pdf(docx: Path, output: Path | None = None, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Convert docx to PDF (beside it by default) with a private LibreOffice profile, so runs in
    parallel do not clash; PdfUnavailableError when LibreOffice is missing, RenderError on failure."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailableError(
            "Không tìm thấy LibreOffice (lệnh soffice) nên chưa xuất PDF; tệp Word vẫn đã ghi. "
            "Cài LibreOffice Writer (Debian/Ubuntu: apt-get install libreoffice-writer fonts-liberation2; "
            "Windows/macOS: libreoffice.org) rồi chạy lại với --pdf.",
            "LibreOffice (the soffice command) was not found, so no PDF was made; the Word file is written. "
            "Install LibreOffice Writer (Debian/Ubuntu: apt-get install libreoffice-writer fonts-liberation2; "
            "Windows/macOS: libreoffice.org) and run again with --pdf.",
        )
    source = docx.resolve()
    target = output or docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="nq57-pdf-") as work:
        folder = Path(work)
        profile = (folder / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
                   "--nologo", "--nodefault", "--convert-to", "pdf:writer_pdf_Export", "--outdir",
                   str(folder / "out"), str(source)]
        environment = {**os.environ, "HOME": str(folder)}
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=environment,
                                  check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(f"LibreOffice chưa chuyển xong {docx.name} sang PDF sau {timeout:.0f} giây.",
                              f"LibreOffice did not finish converting {docx.name} to PDF in {timeout:.0f} s.") from None
        except OSError as exc:
            raise RenderError(f"Không chạy được LibreOffice ({soffice}): {exc}",
                              f"Cannot run LibreOffice ({soffice}): {exc}") from None
        produced = folder / "out" / (source.stem + ".pdf")
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout or "").strip().splitlines()[-3:]
            raise RenderError(f"LibreOffice không chuyển được {docx.name} sang PDF: {' '.join(detail)}",
                              f"LibreOffice could not convert {docx.name} to PDF: {' '.join(detail)}")
        return atomic_write(target, lambda tmp: shutil.copyfile(produced, tmp))


def convert_many(docxs: list[Path], folder: Path, timeout: float = TIMEOUT_SECONDS) -> list[Path]:
    """Convert several DOCX files to PDF in `folder` with one LibreOffice start (a start costs more
    than a small document); the PDFs in the order given. Errors as convert_to_pdf."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailableError("Không tìm thấy LibreOffice (lệnh soffice).", "LibreOffice (soffice) was not found.")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nq57-pdf-") as work:
        profile = (Path(work) / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
                   "--nologo", "--nodefault", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(folder),
                   *(str(d.resolve()) for d in docxs)]
        try:
            subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                           env={**os.environ, "HOME": work}, check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(f"LibreOffice chưa chuyển xong sau {timeout:.0f} giây.",
                              f"LibreOffice did not finish in {timeout:.0f} s.") from None
    produced = [folder / (d.stem + ".pdf") for d in docxs]
    missing = [p.name for p in produced if not p.is_file()]
    if missing:
        raise RenderError(f"LibreOffice không chuyển được: {', '.join(missing)}",
                          f"LibreOffice could not convert: {', '.join(missing)}")
    return produced
