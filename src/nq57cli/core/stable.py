"""Reproducible XLSX files from openpyxl: the same inputs give the same bytes, so two runs compare.

openpyxl stamps the save time into docProps/core.xml ("modified") and into every zip entry;
save_reproducibly() saves, then puts fixed times in both places. Files from xlsxout.py
and DOCX files (render.docx_bytes) are made reproducible where they are written.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

FIXED_MOMENT = datetime(2025, 1, 1)  # document dates when the run time is not wanted (every writer uses it)
FIXED_TIME = FIXED_MOMENT.strftime("%Y-%m-%dT%H:%M:%SZ")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CREATED = re.compile(rb"(<dcterms:created\b[^>]*>)([^<]*)(</dcterms:created>)")
_MODIFIED = re.compile(rb"(<dcterms:modified\b[^>]*>)([^<]*)(</dcterms:modified>)")


def fixed_core_properties(xml: bytes, keep_created: bool = False) -> bytes:
    """core.xml with fixed dates: "modified" set to "created" when that is kept (an agency's own
    file), else both set to FIXED_TIME."""
    created = _CREATED.search(xml)
    kept = keep_created and created is not None and created.group(2).strip()
    moment = created.group(2) if kept and created is not None else FIXED_TIME.encode()
    if created is not None:
        xml = _CREATED.sub(lambda m: m.group(1) + moment + m.group(3), xml)
    else:
        xml = xml.replace(b"</cp:coreProperties>",
                          b'<dcterms:created xmlns:dcterms="http://purl.org/dc/terms/" '
                          b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="dcterms:W3CDTF">'
                          + moment + b"</dcterms:created></cp:coreProperties>")
    return _MODIFIED.sub(lambda m: m.group(1) + moment + m.group(3), xml)


def frozen_package(data: bytes, core: Callable[[bytes], bytes] | None = None,
                   external_attr: int | None = None) -> bytes:
    """An OOXML package (.xlsx, .docx) again, entries in the same order with fixed times (ZIP_TIME);
    `core` rewrites docProps/core.xml; `external_attr` replaces each entry's (else it is kept)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if core is not None and info.filename == "docProps/core.xml":
                part = core(part)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr if external_attr is None else external_attr
            target.writestr(entry, part)
    return out.getvalue()


def freeze_zip(path: Path, keep_created: bool = False) -> None:
    """Rewrite the package at `path` with fixed entry times and fixed document dates (same order)."""
    path.write_bytes(frozen_package(path.read_bytes(), lambda xml: fixed_core_properties(xml, keep_created)))


def save_reproducibly(workbook: Any, path: Path, keep_created: bool = False) -> None:
    """openpyxl's workbook.save(path), then freeze_zip(path, keep_created)."""
    workbook.save(path)
    freeze_zip(path, keep_created)
