"""Reproducible XLSX files from openpyxl: the same inputs give the same bytes, so two runs compare.

openpyxl stamps the save time into docProps/core.xml ("modified") and into every zip entry;
save_reproducibly() saves, then puts fixed times in both places. xlsxwriter files (xlsxout.py)
and DOCX files (render.docx_bytes) are made reproducible where they are written.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

FIXED_TIME = "2025-01-01T00:00:00Z"  # document dates when the run time is not wanted (xlsxout.FIXED_CREATED)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CREATED = re.compile(rb"(<dcterms:created\b[^>]*>)([^<]*)(</dcterms:created>)")
_MODIFIED = re.compile(rb"(<dcterms:modified\b[^>]*>)([^<]*)(</dcterms:modified>)")


def fixed_core_properties(xml: bytes, keep_created: bool = False) -> bytes:
    """core.xml with fixed dates: "modified" set to "created" when that is kept (an agency's own
    file), else both set to FIXED_TIME."""
    created = _CREATED.search(xml)
    kept = keep_created and created is not None and created.group(2).strip()
    moment = created.group(2) if kept else FIXED_TIME.encode()
    if created is not None:
        xml = _CREATED.sub(lambda m: m.group(1) + moment + m.group(3), xml)
    else:
        xml = xml.replace(b"</cp:coreProperties>",
                          b'<dcterms:created xmlns:dcterms="http://purl.org/dc/terms/" '
                          b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="dcterms:W3CDTF">'
                          + moment + b"</dcterms:created></cp:coreProperties>")
    return _MODIFIED.sub(lambda m: m.group(1) + moment + m.group(3), xml)


def freeze_zip(path: Path, keep_created: bool = False) -> None:
    """Rewrite the package at `path` with fixed entry times and fixed document dates (same order)."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                data = fixed_core_properties(data, keep_created)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            target.writestr(entry, data)


def save_reproducibly(workbook: Any, path: Path, keep_created: bool = False) -> None:
    """openpyxl's workbook.save(path), then freeze_zip(path, keep_created)."""
    workbook.save(path)
    freeze_zip(path, keep_created)
