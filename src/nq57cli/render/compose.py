"""Composing DOCX packages: a rendered appendix appended as new sections (styles, images and
numbering carried over), fixed document properties, and the .docx bytes written with fixed zip
times (reproducible files)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from copy import deepcopy
from typing import Any

from nq57cli.core.stable import FIXED_MOMENT, ZIP_TIME, frozen_package
from nq57cli.errors import RenderError
from nq57cli.read.inputs import PRODUCER

DOCX_MODE = 0o644 << 16  # rw-r--r-- on every zip entry


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _end_section_here(final: Any) -> None:
    """Turn the body's last section properties into a section break after the current content."""
    from docx.oxml import OxmlElement

    last = final.getprevious()
    ppr = last.find(_qn("w:pPr")) if last is not None and last.tag == _qn("w:p") else None
    if last is None or last.tag != _qn("w:p") or (ppr is not None and ppr.find(_qn("w:sectPr")) is not None):
        last = OxmlElement("w:p")
        final.addprevious(last)
    ppr = last.get_or_add_pPr()
    ppr.insert_element_before(deepcopy(final), "w:pPrChange")


def _relink(element: Any, source: Any, target: Any, mapping: dict[str, str]) -> None:
    """Re-point relationship ids (images, links) of content copied from one document to another."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    prefix = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    for node in element.iter():
        for attr, rid in list(node.attrib.items()):
            if not attr.startswith(prefix):
                continue
            if rid not in mapping:
                rel = source.rels.get(rid)
                if rel is None:
                    continue
                if rel.is_external:
                    mapping[rid] = target.relate_to(rel.target_ref, rel.reltype, is_external=True)
                elif rel.reltype == RT.IMAGE:
                    mapping[rid] = target.get_or_add_image(io.BytesIO(rel.target_part.blob))[0]
                elif rel.reltype in (RT.HEADER, RT.FOOTER):
                    continue
                else:
                    raise RenderError(
                        f"Mẫu phụ lục chứa đối tượng không ghép được vào báo cáo ({rel.reltype.rsplit('/', 1)[-1]}).",
                        f"The appendix template holds an object that cannot be merged into the report "
                        f"({rel.reltype.rsplit('/', 1)[-1]}).")
            node.set(attr, mapping[rid])


def _copy_styles(source: Any, target: Any, elements: list[Any]) -> None:
    """Styles used by copied content that the target lacks, copied with their base styles."""
    wanted: list[str] = []
    for element in elements:
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            wanted.extend(node.get(_qn("w:val")) for node in element.iter(_qn(tag)))
    have = {s.get(_qn("w:styleId")) for s in target.styles.element.findall(_qn("w:style"))}
    source_styles = {s.get(_qn("w:styleId")): s for s in source.styles.element.findall(_qn("w:style"))}
    while wanted:
        style_id = wanted.pop()
        if style_id in have or style_id not in source_styles:
            continue
        style = source_styles[style_id]
        target.styles.element.append(deepcopy(style))
        have.add(style_id)
        for link in ("w:basedOn", "w:next", "w:link"):
            ref = style.find(_qn(link))
            if ref is not None:
                wanted.append(ref.get(_qn("w:val")))


def _restart_numbering(sect_pr: Any) -> None:
    from docx.oxml import OxmlElement

    for old in sect_pr.findall(_qn("w:pgNumType")):
        sect_pr.remove(old)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(_qn("w:start"), "1")
    sect_pr.insert_element_before(numbering, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                                  "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings")


def append_document(main: Any, appendix: Any) -> None:
    """Append a rendered appendix to a document as new sections (own orientation, numbered from 1).

    The appended sections take the page-number headers of the document they join ('link to previous').
    """
    body = main.element.body
    final = body.find(_qn("w:sectPr"))
    _end_section_here(final)
    source_body = appendix.element.body
    source_final = source_body.find(_qn("w:sectPr"))
    mapping: dict[str, str] = {}
    copied = []
    for child in list(source_body):
        if child is source_final:
            continue
        element = deepcopy(child)
        for sect in element.iter(_qn("w:sectPr")):
            for ref in sect.findall(_qn("w:headerReference")) + sect.findall(_qn("w:footerReference")):
                sect.remove(ref)
        _relink(element, appendix.part, main.part, mapping)
        final.addprevious(element)
        copied.append(element)
    new_final = deepcopy(source_final)
    for ref in new_final.findall(_qn("w:headerReference")) + new_final.findall(_qn("w:footerReference")):
        new_final.remove(ref)
    _restart_numbering(new_final)
    body.replace(final, new_final)
    _copy_styles(appendix, main, copied)
    for index, node in enumerate(body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"),
                                 start=1):
        node.set("id", str(index))


def fix_properties(document: Any, day: dt.date | None, title: str, author: str, subject: str = "",
                   keywords: str = "") -> None:
    """Core properties that depend on nothing but the arguments, so two runs give identical documents:
    created, modified and printed on `day` (the document's date), else at stable.FIXED_MOMENT."""
    moment = dt.datetime.combine(day, dt.time()) if day else FIXED_MOMENT
    props = document.core_properties
    props.title = title[:255]
    props.subject = subject
    props.author = author[:255]
    props.last_modified_by = PRODUCER
    props.comments = ""
    props.keywords = keywords
    props.category = ""
    props.revision = 1
    props.created = moment
    props.modified = moment
    props.last_printed = moment


class _FixedTimeZip:
    """The physical-package writer python-docx's PackageWriter writes through, putting each part
    into the zip once with the fixed time and mode stable.frozen_package gives (same bytes)."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    def write(self, pack_uri: Any, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_TIME)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = DOCX_MODE
        self.archive.writestr(entry, blob)


def docx_bytes(document: Any) -> bytes:
    """The document as .docx bytes with fixed zip timestamps (reproducible files).

    What document.save() then stable.frozen_package() give, byte for byte, with each part
    compressed once instead of three times (saved, read back, saved again)."""
    from docx.opc.pkgwriter import PackageWriter

    steps = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")
    if not all(hasattr(PackageWriter, step) for step in steps):  # another python-docx: save, re-zip
        raw = io.BytesIO()
        document.save(raw)
        return frozen_package(raw.getvalue(), external_attr=DOCX_MODE)
    package = document.part.package
    for part in package.parts:  # as OpcPackage.save does
        part.before_marshal()
    parts = package.parts
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        writer = _FixedTimeZip(archive)
        PackageWriter._write_content_types_stream(writer, parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        # python-docx annotates the duck-typed physical writer with PhysPkgWriter, a factory class that
        # cannot be subclassed (its __new__ returns its zip writer)
        PackageWriter._write_parts(writer, parts)  # type: ignore[arg-type]
    return out.getvalue()
