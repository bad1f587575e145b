"""Build the built-in DOCX templates of nq57: `python templates/build_templates.py [OUT_DIR]`.

Each form's template is generated here (python-docx plus raw OOXML where python-docx has no API),
so the layout is reviewable as code; the .docx files are committed and users may restyle copies
of them in Word. Format: Decree 30/2020/NĐ-CP (state) and Guideline 36-HD/VPTW (Party): A4,
margins 20/20/30/15 mm, Times New Roman, page numbers centred in the top margin from page 2,
appendix tables on landscape pages with a repeated header row.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

try:
    from nq57cli.core.stable import FIXED_MOMENT, frozen_package
except ModuleNotFoundError:  # run from a source checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from nq57cli.core.stable import FIXED_MOMENT, frozen_package

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"
FIXED_TIME = FIXED_MOMENT

# Page geometry in twips (1 mm = 56.69 twips): A4, margins top/bottom 20, left 30, right 15 mm.
A4_SHORT, A4_LONG = 11906, 16838
MARGINS = {"top": 1134, "bottom": 1134, "left": 1701, "right": 850}
HEADER_DISTANCE = 567  # the page number sits 10 mm from the top edge, inside the top margin
PORTRAIT_WIDTH = A4_SHORT - MARGINS["left"] - MARGINS["right"]  # 9355 = 165 mm of text
LANDSCAPE_WIDTH = A4_LONG - MARGINS["left"] - MARGINS["right"]  # 14287 = 252 mm of text
CELL_MARGIN = 108  # Word's default left/right cell margin

# Header block: left column (agency) and right column (national motto / Party name). The table
# reaches 7 mm into the left margin, as usual for this block, so that "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
# (13 pt bold: 3961 twips) and "ĐẢNG BỘ TỈNH QUẢNG NGÃI" (14 pt: 3852) fit on one line.
HEADER_INDENT = -397
HEADER_COLUMNS = (4365, 5387)
# Text widths measured on the Times New Roman metrics (Liberation Serif 2, metric-compatible):
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" bold 12 pt is 4972 twips (13 pt: 5386, too wide for the
# column), "Độc lập - Tự do - Hạnh phúc" bold 14 pt 3423, "ĐẢNG CỘNG SẢN VIỆT NAM" bold 15 pt 4123.
# The rules under the motto and the Party name are as long as their text; short rules are a
# third to a half of their line.
MOTTO_RULE = 3440
PARTY_RULE = 4140
AGENCY_RULE = 1417  # 25 mm
SUMMARY_RULE = 2835  # 50 mm

PPR_AFTER_BORDER = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)
TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
TRPR_AFTER_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
SECTPR_AFTER_PGNUM = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                      "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


# ----------------------------------------------------------------------------------------- fonts


def set_fonts(rpr, name: str = FONT) -> None:
    """Times New Roman for every script slot (ascii, hAnsi, cs, eastAsia); theme fonts removed."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.get_or_add_rFonts() if hasattr(rpr, "get_or_add_rFonts") else None
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)


def run(paragraph, text: str, *, size: float | None = None, bold: bool | None = None,
        italic: bool | None = None, underline: bool | None = None):
    """A run with explicit Times New Roman (all slots) and the given size and weight."""
    r = paragraph.add_run(text)
    r.font.name = FONT
    set_fonts(r._r.get_or_add_rPr())
    if size is not None:
        r.font.size = Pt(size)
        szcs = OxmlElement("w:szCs")  # the same size for complex-script text
        szcs.set(qn("w:val"), str(int(size * 2)))
        r._r.rPr.sz.addnext(szcs)
    if bold is not None:
        r.bold = bold
    if italic is not None:
        r.italic = italic
    if underline is not None:
        r.underline = underline
    return r


# ------------------------------------------------------------------------------------- paragraphs


def para(container, text: str = "", *, style: str | None = None, align=None, size: float | None = None,
         bold: bool | None = None, italic: bool | None = None, underline: bool | None = None,
         before: float | None = None, after: float | None = None, first_line: int | None = None,
         keep_next: bool | None = None):
    """A paragraph in a document or cell, with one run of text (none when text is empty)."""
    p = container.add_paragraph(style=style)
    fmt = p.paragraph_format
    if align is not None:
        fmt.alignment = align
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if first_line is not None:
        fmt.first_line_indent = Twips(first_line)
    if keep_next is not None:
        fmt.keep_with_next = keep_next
    if text:
        run(p, text, size=size, bold=bold, italic=italic, underline=underline)
    if size is not None:
        paragraph_mark(p, size)
    return p


def paragraph_mark(paragraph, size: float) -> None:
    """Font and size of the paragraph mark, which set the height of an empty paragraph."""
    ppr = paragraph._p.get_or_add_pPr()
    old = ppr.find(qn("w:rPr"))
    if old is not None:
        ppr.remove(old)
    mark = OxmlElement("w:rPr")
    mark.append(OxmlElement("w:rFonts"))
    set_fonts(mark)
    for name in ("w:sz", "w:szCs"):
        element = OxmlElement(name)
        element.set(qn("w:val"), str(int(size * 2)))
        mark.append(element)
    ppr.insert_element_before(mark, "w:sectPr", "w:pPrChange")


def tag(container, text: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}); removed when rendering."""
    return para(container, text, style="Normal", size=12)


def rule(container, length: int, available: int):
    """A centred horizontal line `length` twips long: the top border of a 2-pt empty paragraph."""
    p = container.add_paragraph(style="Normal")
    fmt = p.paragraph_format
    side = max(0, (available - length) // 2)
    fmt.left_indent = Twips(side)
    fmt.right_indent = Twips(side)
    fmt.space_before = Pt(2)  # a little air between the text and its line
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(2)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    ppr.insert_element_before(borders, *PPR_AFTER_BORDER)
    paragraph_mark(p, 2)
    return p


# ----------------------------------------------------------------------------------------- tables


def _borders(tbl_pr, value: str) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), value)
        if value != "nil":
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "000000")
        borders.append(edge)
    tbl_pr.insert_element_before(borders, *TBLPR_AFTER_BORDERS)


def table(doc, widths: list[int], *, borders: bool, indent: int = 0):
    """A fixed-layout table exactly sum(widths) twips wide, with or without single black borders,
    its left edge `indent` twips from the margin (negative: into the margin)."""
    t = doc.add_table(rows=0, cols=len(widths))
    t.autofit = False
    tbl_pr = t._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(width, "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
                                     "w:tblLayout", "w:tblCellMar", "w:tblLook")
    width.set(qn("w:w"), str(sum(widths)))
    width.set(qn("w:type"), "dxa")
    _borders(tbl_pr, "single" if borders else "nil")
    if indent:
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(indent))
        ind.set(qn("w:type"), "dxa")
        tbl_pr.insert_element_before(ind, "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    for column, w in zip(t.columns, widths):
        column.width = Twips(w)
    return t


def row(t, widths: list[int]):
    """A new row whose cells carry their widths (Word and LibreOffice both read tcW)."""
    r = t.add_row()
    for cell, w in zip(r.cells, widths):
        cell.width = Twips(w)
    return r


def merged_row(t, widths: list[int]):
    """A row of one cell spanning every column (gridSpan)."""
    r = row(t, widths)
    cell = r.cells[0].merge(r.cells[-1])
    cell.width = Twips(sum(widths))
    return r, cell


def repeat_header(r) -> None:
    """Mark a row as the table header repeated at the top of every page (w:tblHeader)."""
    tr_pr = r._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.insert_element_before(header, *TRPR_AFTER_HEADER)


def cant_split(r) -> None:
    """A row that is not broken across pages (w:cantSplit); render drops it again for a row taller
    than a page (layout.fit_tables)."""
    tr_pr = r._tr.get_or_add_trPr()
    tr_pr.insert_element_before(OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader", *TRPR_AFTER_HEADER)


def keep_with_next(cell) -> None:
    for p in cell.paragraphs:
        p.paragraph_format.keep_with_next = True


def results_cell(cell, *, size: float) -> None:
    """A task's result: one paragraph per part of render's `row.results` (consolidate.py), the
    agency's name in bold before its text; a summary line has no name."""
    cell_text(cell, "{%p for part in row.results %}", size=size)
    p = para(cell, style="NQ Table Text", align=LEFT)  # justified lines before a line break stretch
    run(p, "{{ part.agency }}", size=size, bold=True)
    run(p, "{{ part.text }}", size=size)
    paragraph_mark(p, size)
    para(cell, "{%p endfor %}", style="NQ Table Text", size=size)


def deadline_cell(cell, *, size: float, align) -> None:
    """The deadline, and under it in italics the note when it may be read two ways (day/month)."""
    cell_text(cell, "{{ row.deadline }}", size=size, align=align)
    para(cell, "{%p if row.deadline_note is defined and row.deadline_note %}", style="NQ Table Text", size=size)
    para(cell, "({{ row.deadline_note }})", style="NQ Table Text", size=size - 1, italic=True, align=align)
    para(cell, "{%p endif %}", style="NQ Table Text", size=size)


def cell_text(cell, text: str, *, size: float, bold: bool = False, italic: bool = False,
              align=WD_ALIGN_PARAGRAPH.LEFT, style: str = "NQ Table Text"):
    """Replace a cell's first (empty) paragraph with one holding text."""
    p = cell.paragraphs[0]
    p.style = style
    p.paragraph_format.alignment = align
    if text:
        run(p, text, size=size, bold=bold or None, italic=italic or None)
    return p


def tr_tag(t, widths: list[int], text: str) -> None:
    """A row holding a docxtpl row tag ({%tr ... %}); the whole row is replaced when rendering."""
    r, cell = merged_row(t, widths)
    cell_text(cell, text, size=10)


# --------------------------------------------------------------------------------------- document


def _document_defaults(doc) -> None:
    """Times New Roman 14 pt, Vietnamese, black, single spacing, no space after, in every style."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    rpr.find(qn("w:sz")).set(qn("w:val"), "28")
    rpr.find(qn("w:szCs")).set(qn("w:val"), "28")
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "en-US")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    for fonts in list(styles.iter(qn("w:rFonts"))):  # styles and their table-part formatting
        set_fonts(fonts.getparent())
    for style in styles.findall(qn("w:style")):
        style_rpr = style.find(qn("w:rPr"))
        for color in style_rpr.findall(qn("w:color")) if style_rpr is not None else []:
            style_rpr.remove(color)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    set_fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    settings = doc.settings.element
    for rsids in settings.findall(qn("w:rsids")):
        settings.remove(rsids)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "vi-VN")


def _paragraph_style(doc, name: str, *, size: float = 14, bold: bool = False, italic: bool = False,
                     align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line: int | None = None, before: float = 0,
                     after: float = 0, line: float = 1.0, keep_next: bool = False, highlight=None):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    style.font.name = FONT
    set_fonts(style.element.get_or_add_rPr())
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    if highlight is not None:
        style.font.highlight_color = highlight
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Twips(first_line) if first_line is not None else None
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line
    fmt.keep_with_next = keep_next
    fmt.widow_control = True
    return style


def _styles(doc) -> None:
    """The named styles the templates use, so one change in Word restyles every such paragraph."""
    indent = 720  # 1.27 cm first-line indent
    _paragraph_style(doc, "NQ Body", first_line=indent, after=6, line=1.15)
    _paragraph_style(doc, "NQ Heading 1", bold=True, first_line=indent, before=6, after=6, line=1.15,
                     keep_next=True)
    _paragraph_style(doc, "NQ Heading 2", bold=True, first_line=indent, after=6, line=1.15, keep_next=True)
    _paragraph_style(doc, "NQ Placeholder", italic=True, first_line=indent, after=6, line=1.15,
                     highlight=WD_COLOR_INDEX.YELLOW)
    _paragraph_style(doc, "NQ Center", align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(doc, "NQ Caption", size=13, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    _paragraph_style(doc, "NQ Table Text", size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph_style(doc, "NQ Table Header", size=12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(doc, "NQ Recipients", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)


def _page_number_field(paragraph) -> None:
    """A PAGE field: begin, instruction, separate, a cached '2', end."""
    def field_run(kind: str | None = None, instruction: str | None = None, text: str | None = None):
        r = run(paragraph, "", size=14)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r._r.append(char)
        if instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = instruction
            r._r.append(instr)
        if text:
            t = OxmlElement("w:t")
            t.text = text
            r._r.append(t)

    field_run("begin")
    field_run(instruction=" PAGE ")
    field_run("separate")
    field_run(text="2")
    field_run("end")


def _geometry(section, orientation: str) -> None:
    landscape = orientation == "landscape"
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Twips(A4_LONG if landscape else A4_SHORT)
    section.page_height = Twips(A4_SHORT if landscape else A4_LONG)
    section.top_margin = Twips(MARGINS["top"])
    section.bottom_margin = Twips(MARGINS["bottom"])
    section.left_margin = Twips(MARGINS["left"])
    section.right_margin = Twips(MARGINS["right"])
    section.header_distance = Twips(HEADER_DISTANCE)
    section.footer_distance = Twips(HEADER_DISTANCE)
    section.gutter = Twips(0)
    section.different_first_page_header_footer = True


def _restart_page_numbers(section) -> None:
    sect_pr = section._sectPr
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    sect_pr.insert_element_before(numbering, *SECTPR_AFTER_PGNUM)


def _headers(doc) -> None:
    """Page number centred in the top margin from page 2 of each section; nothing on page 1."""
    first = doc.sections[0]
    first.header.is_linked_to_previous = False
    p = first.header.paragraphs[0]
    p.style = "Normal"
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_field(p)
    first.first_page_header.is_linked_to_previous = False
    blank = first.first_page_header.paragraphs[0]
    blank.style = "Normal"
    for later in doc.sections[1:]:
        later.header.is_linked_to_previous = True
        later.first_page_header.is_linked_to_previous = True
        _restart_page_numbers(later)


def new_document(orientation: str, title: str):
    doc = Document()
    _document_defaults(doc)
    _styles(doc)
    _geometry(doc.sections[0], orientation)
    props = doc.core_properties
    props.author = "nq57"
    props.last_modified_by = "nq57"
    props.title = title
    props.subject = ""
    props.comments = "Mẫu văn bản của nq57 (xem templates/README.md)."
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    return doc


def new_section(doc, orientation: str):
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _geometry(section, orientation)
    return section


APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>nq57</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "</Properties>"
)
KEPT_FONTS = ("Times New Roman", "Symbol")
UNUSED_PARTS = ("/thumbnail", "/customXml", "/stylesWithEffects")  # python-docx's default template's


def own_package(doc) -> None:
    """nq57's own base document instead of python-docx's default one: app properties that say nq57,
    Word 2013+ compatibility (no Compatibility Mode), no Calibri/Cambria theme or font-table entries,
    no thumbnail, custom XML or Word 2010 styles part."""
    import re as _re

    package = doc.part.package
    for owner in (package, doc.part):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype.endswith(UNUSED_PARTS):
                owner.rels.pop(rid)
                getattr(owner.rels, "_target_parts_by_rId", {}).pop(rid, None)
    for part in package.iter_parts():
        name = str(part.partname)
        if name == "/docProps/app.xml":
            part._blob = APP_XML.encode()
        elif name.startswith("/word/theme/"):
            part._blob = _re.sub(rb'typeface="(Calibri|Cambria)[^"]*"', FONT.encode().join((b'typeface="', b'"')),
                                 part.blob)
        elif name == "/word/fontTable.xml":
            from lxml import etree

            element = etree.fromstring(part.blob)
            for font in list(element):
                if font.get(qn("w:name")) not in KEPT_FONTS:
                    element.remove(font)
            part._blob = etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
    settings = doc.settings.element
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for zoom in settings.iter(qn("w:zoom")):  # ECMA-376 CT_Zoom: w:percent is required (the default template lacks it)
        zoom.set(qn("w:percent"), "100")


def save(doc, path: Path) -> None:
    """Save with fixed zip timestamps so a rebuild gives byte-identical files."""
    _headers(doc)
    own_package(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    normalise_zip(buffer.getvalue(), path)


def normalise_zip(data: bytes, path: Path) -> None:
    path.write_bytes(frozen_package(data, external_attr=0o644 << 16))


# ---------------------------------------------------------------------------------- shared blocks

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def header_block(doc) -> None:
    """Agency / national motto block as a borderless two-column table, state or Party style."""
    left, right = HEADER_COLUMNS
    inner_left, inner_right = left - 2 * CELL_MARGIN, right - 2 * CELL_MARGIN
    tag(doc, "{%p if party %}")
    t = table(doc, list(HEADER_COLUMNS), borders=False, indent=HEADER_INDENT)
    top = row(t, list(HEADER_COLUMNS))
    a, b = top.cells
    cell_text(a, "{{ agency.parent }}", size=14, align=CENTER, style="NQ Center")
    para(a, "{{ agency.name }}", style="NQ Center", size=14, bold=True)
    para(a, "*", style="NQ Center", size=14)
    para(a, "{{ doc.number_line }}", style="NQ Center", size=14)
    cell_text(b, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, align=CENTER, style="NQ Center")
    rule(b, PARTY_RULE, inner_right)
    para(b, "", style="NQ Center", size=14)
    para(b, "{{ doc.place_date }}", style="NQ Center", size=14, italic=True)
    tag(doc, "{%p else %}")
    t = table(doc, list(HEADER_COLUMNS), borders=False, indent=HEADER_INDENT)
    top = row(t, list(HEADER_COLUMNS))
    a, b = top.cells
    cell_text(a, "{{ agency.parent }}", size=13, align=CENTER, style="NQ Center")
    para(a, "{{ agency.name }}", style="NQ Center", size=13, bold=True)
    rule(a, AGENCY_RULE, inner_left)
    cell_text(b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align=CENTER, style="NQ Center")
    para(b, "Độc lập - Tự do - Hạnh phúc", style="NQ Center", size=14, bold=True)
    rule(b, MOTTO_RULE, inner_right)
    second = row(t, list(HEADER_COLUMNS))
    a, b = second.cells
    p = cell_text(a, "{{ doc.number_line }}", size=13, align=CENTER, style="NQ Center")
    p.paragraph_format.space_before = Pt(6)
    p = cell_text(b, "{{ doc.place_date }}", size=14, italic=True, align=CENTER, style="NQ Center")
    p.paragraph_format.space_before = Pt(6)
    tag(doc, "{%p endif %}")


def title_block(doc) -> None:
    """Document type (BÁO CÁO / KẾ HOẠCH), summary line and a short rule under it."""
    tag(doc, "{%p if party %}")
    para(doc, "{{ doc.title }}", style="NQ Center", size=16, bold=True, before=18, keep_next=True)
    tag(doc, "{%p else %}")
    para(doc, "{{ doc.title }}", style="NQ Center", size=14, bold=True, before=18, keep_next=True)
    tag(doc, "{%p endif %}")
    para(doc, "{{ doc.summary }}", style="NQ Center", size=14, bold=True, keep_next=True)
    rule(doc, SUMMARY_RULE, PORTRAIT_WIDTH)
    para(doc, "", style="NQ Center", size=6)


def placeholder(doc, text: str) -> None:
    para(doc, f"[{text} — phần này do cán bộ soạn thảo viết; xóa dòng hướng dẫn này khi hoàn thiện.]",
         style="NQ Placeholder")


def closing_and_signature(doc) -> None:
    """Closing sentence, then 'Nơi nhận' (left) and the signature block (right)."""
    para(doc, "{{ doc.closing }}", style="NQ Body", keep_next=True)
    widths = [4536, PORTRAIT_WIDTH - 4536]
    t = table(doc, widths, borders=False)
    r = row(t, widths)
    cant_split(r)  # "Nơi nhận" and the signature never part, nor leave the closing sentence
    left, right = r.cells
    p = cell_text(left, "", size=12, style="NQ Recipients")
    p.paragraph_format.space_before = Pt(6)
    run(p, "Nơi nhận:", size=12, bold=True, italic=True)
    tag(left, "{%p for item in recipients %}")
    para(left, "- {{ item }}", style="NQ Recipients", size=11)
    tag(left, "{%p endfor %}")
    para(left, "", style="NQ Recipients", size=11)
    p = cell_text(right, "", size=14, style="NQ Center")
    p.paragraph_format.space_before = Pt(6)
    tag(right, "{%p for line in signer.lines %}")
    para(right, "{{ line }}", style="NQ Center", size=14, bold=True)
    tag(right, "{%p endfor %}")
    for _ in range(4):
        para(right, "", style="NQ Center", size=14)
    para(right, "{{ signer.name }}", style="NQ Center", size=14, bold=True)
    para(doc, "", style="Normal", size=2)


def appendix_heading(doc) -> None:
    para(doc, "{{ appendix.title }}", style="NQ Center", size=14, bold=True, keep_next=True)
    para(doc, "{{ appendix.name }}", style="NQ Center", size=14, bold=True, keep_next=True)
    para(doc, "{{ appendix.attached }}", style="NQ Center", size=14, italic=True, after=12, keep_next=True)


def task_table(doc, columns: list[tuple[str, int, str, object]], *, size: float,
               group_cells: list[tuple[str, int]] | None = None) -> None:
    """The appendix table: one repeated header row, then a row per group (merged, bold) or task.

    columns: (header, width, template expression, alignment). group_cells: the group row's cells as
    (expression, number of columns spanned); default one cell across the table with `row.text`.
    """
    widths = [w for _, w, _, _ in columns]
    assert sum(widths) == LANDSCAPE_WIDTH, (sum(widths), LANDSCAPE_WIDTH)
    t = table(doc, widths, borders=True)
    header = row(t, widths)
    repeat_header(header)
    for cell, (title, _, _, _) in zip(header.cells, columns):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_text(cell, title, size=size, bold=True, align=CENTER, style="NQ Table Header")
    tr_tag(t, widths, "{%tr for row in rows %}")
    tr_tag(t, widths, "{%tr if row.is_group %}")
    if group_cells is None:
        r, cell = merged_row(t, widths)
        cell_text(cell, "{{ row.text }}", size=size, bold=True, align=LEFT)
        keep_with_next(cell)
        cant_split(r)
    else:
        r = row(t, widths)
        cant_split(r)
        start = 0
        for expression, span in group_cells:
            cell = r.cells[start]
            if span > 1:
                cell = cell.merge(r.cells[start + span - 1])
                cell.width = Twips(sum(widths[start:start + span]))
            align = CENTER if start == 0 else LEFT
            cell_text(cell, expression, size=size, bold=True, align=align)
            keep_with_next(cell)
            start += span
    tr_tag(t, widths, "{%tr else %}")
    task = row(t, widths)
    cant_split(task)
    for cell, (_, _, expression, align) in zip(task.cells, columns):
        if expression == RESULTS:
            results_cell(cell, size=size)
        elif expression == "{{ row.deadline }}":
            deadline_cell(cell, size=size, align=align)
        else:
            cell_text(cell, expression, size=size, align=align)
    tr_tag(t, widths, "{%tr endif %}")
    tr_tag(t, widths, "{%tr endfor %}")


RESULTS = "{{ row.results }}"  # marks the result column: a paragraph per part (results_cell)
PHU_LUC_03_COLUMNS = [
    ("STT", 680, "{{ row.number }}", CENTER),
    ("Nhiệm vụ cụ thể", 4080, "{{ row.title }}", LEFT),
    ("Văn bản giao nhiệm vụ", 1870, "{{ row.document }}", CENTER),
    ("Thời hạn hoàn thành", 1470, "{{ row.deadline }}", CENTER),
    ("Kết quả thực hiện", 4717, RESULTS, LEFT),
    ("Tình trạng", 1470, "{{ row.status }}", CENTER),
]
PHU_LUC_01_COLUMNS = [
    ("TT", 510, "{{ row.number }}", CENTER),
    ("Tên nhiệm vụ", 2700, "{{ row.title }}", LEFT),
    ("Thời hạn", 1130, "{{ row.deadline }}", CENTER),
    ("Kết quả", 1250, "{{ row.status }}", CENTER),
    ("Mô tả", 3400, RESULTS, LEFT),
    ("Ngày hoàn thành thực tế", 1150, "{{ row.completed_on }}", CENTER),
    ("Khó khăn, vướng mắc", 1500, "{{ row.difficulties }}", LEFT),
    ("Đề xuất, kiến nghị", 1500, "{{ row.proposals }}", LEFT),
    ("Đánh giá tiến độ", 1147, "{{ row.assessment }}", CENTER),
]
PHU_LUC_02_COLUMNS = [
    ("TT", 510, "{{ row.number }}", CENTER),
    ("Tên nhiệm vụ", 2400, "{{ row.title }}", LEFT),
    ("Văn bản giao nhiệm vụ", 1450, "{{ row.document }}", CENTER),
    ("Thời hạn", 1050, "{{ row.deadline }}", CENTER),
    ("Kết quả", 1150, "{{ row.status }}", CENTER),
    ("Mô tả", 3000, RESULTS, LEFT),
    ("Ngày hoàn thành thực tế", 1050, "{{ row.completed_on }}", CENTER),
    ("Khó khăn, vướng mắc", 1300, "{{ row.difficulties }}", LEFT),
    ("Đề xuất, kiến nghị", 1300, "{{ row.proposals }}", LEFT),
    ("Đánh giá tiến độ", 1077, "{{ row.assessment }}", CENTER),
]
KE_HOACH_COLUMNS = [
    ("TT", 567, "{{ row.number_in_group }}", CENTER),
    ("Tên nhiệm vụ", 4000, "{{ row.title }}", LEFT),
    ("Cơ quan chủ trì", 2000, "{{ row.lead }}", CENTER),
    ("Cơ quan phối hợp", 2200, "{{ row.partners }}", CENTER),
    ("Dự kiến kết quả", 2500, "{{ row.expected_output }}", LEFT),
    ("Thời gian hoàn thành", 1400, "{{ row.deadline }}", CENTER),
    ("Ghi chú", 1620, "{{ row.note }}", LEFT),
]


# ------------------------------------------------------------------------------------------ forms


def build_appendix(path: Path, columns, *, size: float, title: str) -> None:
    doc = new_document("landscape", title)
    appendix_heading(doc)
    task_table(doc, columns, size=size)
    save(doc, path)


def statistics_table(doc) -> None:
    widths = [3765, 790, 990, 990, 990, 850, 980]
    headers = ["Nhóm nhiệm vụ", "Tổng số", "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Khác (*)",
               "Quá hạn"]
    cells = ["{{ g.title }}", "{{ g.total|number }}", "{{ g.completed|number }}", "{{ g.in_progress|number }}",
             "{{ g.not_started|number }}", "{{ g.other|number }}", "{{ g.overdue|number }}"]
    totals = ["Tổng cộng", "{{ stats.total|number }}", "{{ stats.completed|number }}",
              "{{ stats.in_progress|number }}", "{{ stats.not_started|number }}", "{{ stats.other|number }}",
              "{{ stats.overdue|number }}"]
    t = table(doc, widths, borders=True)
    header = row(t, widths)
    repeat_header(header)
    for cell, text in zip(header.cells, headers):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_text(cell, text, size=12, bold=True, align=CENTER, style="NQ Table Header")
    tr_tag(t, widths, "{%tr for g in stats.groups %}")
    body = row(t, widths)
    cant_split(body)
    for index, (cell, text) in enumerate(zip(body.cells, cells)):
        cell_text(cell, text, size=12, align=LEFT if index == 0 else CENTER)
    tr_tag(t, widths, "{%tr endfor %}")
    total = row(t, widths)
    for index, (cell, text) in enumerate(zip(total.cells, totals)):
        cell_text(cell, text, size=12, bold=True, align=LEFT if index == 0 else CENTER)
    para(doc, "(*) Khác: chờ hướng dẫn của Trung ương, không thuộc nhiệm vụ của đơn vị, chưa có báo cáo.",
         style="NQ Caption", size=12, before=3)


def agency_texts(doc, name: str, hint: str) -> None:
    """Section II or IV of the BC: what the agencies reported (render's `difficulties` / `proposals`,
    grouped by agency, texts several agencies wrote stated once), then a placeholder to sum it up."""
    tag(doc, f"{{%p for a in {name} %}}")
    p = para(doc, style="NQ Body", keep_next=True)
    run(p, "{{ loop.index }}. {{ a.agency }}", italic=True)
    tag(doc, "{%p for item in a.texts %}")
    para(doc, "- {{ item.text }}{% if item.tasks %} (nhiệm vụ {{ item.tasks }}{% if item.also %}; cùng ý kiến: "
              "{{ item.also }}{% endif %}){% endif %}.", style="NQ Body")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    placeholder(doc, hint)


def build_bao_cao(path: Path) -> None:
    doc = new_document("portrait", "Báo cáo")
    header_block(doc)
    title_block(doc)
    para(doc, "{{ doc.opening }}", style="NQ Body")
    para(doc, "I. KẾT QUẢ THỰC HIỆN", style="NQ Heading 1")
    para(doc, "1. Tình hình chung", style="NQ Heading 2")
    placeholder(doc, "Đánh giá chung tình hình triển khai, công tác lãnh đạo, chỉ đạo và những kết quả nổi bật "
                     "trong kỳ báo cáo")
    para(doc, "2. Kết quả thực hiện các nhiệm vụ được giao", style="NQ Heading 2")
    para(doc, "Tổng số nhiệm vụ: {{ stats.total|number }} nhiệm vụ, thuộc {{ stats.groups|length }} nhóm "
              "nhiệm vụ; trong đó:", style="NQ Body")
    tag(doc, "{%p for s in stats.by_status %}")
    para(doc, "- {{ s.label }}: {{ s.count|number }} nhiệm vụ ({{ s.percent }}){{ s.end }}", style="NQ Body")
    tag(doc, "{%p endfor %}")
    para(doc, "Trong số nhiệm vụ đã hoàn thành: {{ stats.completed_on_time|number }} nhiệm vụ hoàn thành đúng "
              "hạn, {{ stats.completed_late|number }} nhiệm vụ hoàn thành quá hạn"
              "{% if stats.completed_undated %}, {{ stats.completed_undated|number }} nhiệm vụ chưa đủ thông tin "
              "về ngày hoàn thành hoặc thời hạn để đánh giá{% endif %}.", style="NQ Body")
    para(doc, "{% if stats.as_of %}Tính đến ngày {{ stats.as_of }}, có {{ stats.overdue|number }} nhiệm vụ đã "
              "quá thời hạn nhưng chưa hoàn thành{% if stats.overdue %} (chi tiết tại mục 3){% endif %}"
              "{% if stats.uncertain %}; {{ stats.uncertain|number }} nhiệm vụ có thời hạn cần xác minh (ngày và "
              "tháng có thể bị đảo trong danh mục), chưa tính quá hạn{% endif %}."
              "{% else %}Văn bản chưa ghi ngày ban hành nên chưa tính số nhiệm vụ quá hạn.{% endif %}",
         style="NQ Body")
    tag(doc, "{%p if previous %}")  # render --previous: against the last period, the trend over periods
    para(doc, "So với kỳ trước ({{ previous.period }}): số nhiệm vụ đã hoàn thành {{ previous.completed_change_text }} "
              "({{ previous.completed_before|number }} → {{ stats.completed|number }} nhiệm vụ)"
              "{% if previous.overdue_change_text %}, số nhiệm vụ quá hạn {{ previous.overdue_change_text }} "
              "({{ previous.overdue_before|number }} → {{ stats.overdue|number }} nhiệm vụ){% endif %}.", style="NQ Body")
    tag(doc, "{%p if previous.newly_completed %}")
    para(doc, "Các nhiệm vụ hoàn thành trong kỳ:", style="NQ Body", keep_next=True)
    tag(doc, "{%p for t in previous.newly_completed %}")
    para(doc, "- {{ t.title }}{% if t.lead %} (cơ quan chủ trì: {{ t.lead }}){% endif %}.", style="NQ Body")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if previous.regressions %}")
    para(doc, "Các nhiệm vụ kỳ trước đã hoàn thành, kỳ này báo cáo chưa hoàn thành:", style="NQ Body", keep_next=True)
    tag(doc, "{%p for t in previous.regressions %}")
    para(doc, "- {{ t.title }}{% if t.lead %} (cơ quan chủ trì: {{ t.lead }}){% endif %}.", style="NQ Body")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    para(doc, "{{ trend_chart }}", style="NQ Center", before=6)
    para(doc, "Biểu đồ: Tình trạng thực hiện nhiệm vụ qua các kỳ báo cáo", style="NQ Caption")
    tag(doc, "{%p endif %}")
    para(doc, "Kết quả theo từng nhóm nhiệm vụ:", style="NQ Body", keep_next=True)
    statistics_table(doc)
    para(doc, "{{ chart }}", style="NQ Center", before=6)
    para(doc, "Biểu đồ: Tình trạng thực hiện nhiệm vụ theo nhóm", style="NQ Caption")
    para(doc, "3. Các nhiệm vụ quá hạn", style="NQ Heading 2")
    tag(doc, "{%p for t in stats.overdue_tasks %}")
    para(doc, "- {{ t.title }} (thời hạn: {{ t.deadline }}{% if t.lead %}; cơ quan chủ trì: {{ t.lead }}"
              "{% endif %}; tình trạng: {{ t.status|lower }}).", style="NQ Body")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not stats.overdue_tasks %}")
    para(doc, "{% if stats.as_of %}Không có nhiệm vụ quá hạn.{% else %}Chưa xác định (văn bản chưa ghi ngày)."
              "{% endif %}", style="NQ Body")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if stats.uncertain_tasks %}")
    para(doc, "Các nhiệm vụ có thời hạn cần xác minh:", style="NQ Body", keep_next=True)
    tag(doc, "{%p for t in stats.uncertain_tasks %}")
    para(doc, "- {{ t.title }} (thời hạn ghi trong danh mục: {{ t.deadline }}; {{ t.deadline_note|lower }}).",
         style="NQ Body")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if appendices %}")
    para(doc, "(Chi tiết kết quả thực hiện từng nhiệm vụ tại {{ appendices|map(attribute='label')|join(', ') }} "
              "kèm theo.)", style="NQ Body", italic=True)
    tag(doc, "{%p endif %}")
    para(doc, "II. KHÓ KHĂN, VƯỚNG MẮC", style="NQ Heading 1")
    agency_texts(doc, "difficulties", "Những khó khăn, vướng mắc, hạn chế và nguyên nhân")
    para(doc, "III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI", style="NQ Heading 1")
    placeholder(doc, "Các nhiệm vụ, giải pháp trọng tâm trong thời gian tới")
    para(doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ", style="NQ Heading 1")
    agency_texts(doc, "proposals", "Đề xuất, kiến nghị với Trung ương, Ban Chỉ đạo và các cơ quan liên quan")
    closing_and_signature(doc)
    save(doc, path)


def build_ke_hoach(path: Path) -> None:
    doc = new_document("portrait", "Kế hoạch")
    header_block(doc)
    title_block(doc)
    tag(doc, "{%p for basis in doc.bases %}")
    para(doc, "{{ basis }}", style="NQ Body")
    tag(doc, "{%p endfor %}")
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", style="NQ Heading 1")
    para(doc, "1. Mục đích", style="NQ Heading 2")
    placeholder(doc, "Mục đích của kế hoạch")
    para(doc, "2. Yêu cầu", style="NQ Heading 2")
    placeholder(doc, "Yêu cầu đối với các cơ quan, đơn vị trong tổ chức thực hiện")
    para(doc, "II. NHIỆM VỤ TRỌNG TÂM", style="NQ Heading 1")
    para(doc, "Kế hoạch gồm {{ stats.total|number }} nhiệm vụ, chia thành {{ groups|length }} nhóm (chi tiết tại "
              "{{ appendix.label }} kèm theo):", style="NQ Body")
    tag(doc, "{%p for g in groups %}")
    para(doc, "{{ g.roman }}. {{ g.name }}: {{ g.count|number }} nhiệm vụ{{ g.end }}", style="NQ Body")
    tag(doc, "{%p endfor %}")
    para(doc, "III. TỔ CHỨC THỰC HIỆN", style="NQ Heading 1")
    placeholder(doc, "Trách nhiệm của cơ quan thường trực, các sở, ban, ngành và địa phương; chế độ báo cáo")
    closing_and_signature(doc)
    new_section(doc, "landscape")
    appendix_heading(doc)
    task_table(doc, KE_HOACH_COLUMNS, size=12,
               group_cells=[("{{ row.roman }}", 1),
                            ("{{ row.name }}{% if row.empty %}: không có nhiệm vụ{% endif %}",
                             len(KE_HOACH_COLUMNS) - 1)])
    save(doc, path)


# The indicator appendix (seed 004, Phụ lục I): five milestone columns under one "Mục tiêu" heading.
MILESTONE_SLOTS = 5
CHI_TIEU_COLUMNS = [
    ("STT", 620, "{{ row.code }}", CENTER),
    ("Tên chỉ tiêu", 3700, "{{ row.name }}", LEFT),
    ("Đơn vị", 1000, "{{ row.unit }}", CENTER),
    *[(f"{{{{ indicators.columns[{i}] }}}}", 880, f"{{{{ row.targets[{i}] }}}}", CENTER) for i in range(MILESTONE_SLOTS)],
    ("Cơ quan chủ trì theo dõi, đánh giá", 1800, "{{ row.monitor }}", CENTER),
    ("Kết quả đạt được", 1200, "{{ row.value }}", CENTER),
    ("Đánh giá", 1567, "{{ row.assessment }}", CENTER),
]


def indicator_table(doc, columns: list[tuple[str, int, str, object]], *, size: float, first: int = 3) -> None:
    """Two repeated header rows ("Mục tiêu" over the milestone columns, the others merged down), then
    per row: a section (one merged cell), a parent indicator (bold) or an indicator."""
    widths = [w for _, w, _, _ in columns]
    assert sum(widths) == LANDSCAPE_WIDTH, (sum(widths), LANDSCAPE_WIDTH)
    last = first + MILESTONE_SLOTS - 1
    t = table(doc, widths, borders=True)
    top, bottom = row(t, widths), row(t, widths)
    repeat_header(top)
    repeat_header(bottom)
    span = top.cells[first].merge(top.cells[last])
    span.width = Twips(sum(widths[first:last + 1]))
    for index, (title, _, _, _) in enumerate(columns):
        if first <= index <= last:
            cell = bottom.cells[index]
        else:
            cell = top.cells[index].merge(bottom.cells[index])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_text(cell, title, size=size, bold=True, align=CENTER, style="NQ Table Header")
    span.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    cell_text(span, "Mục tiêu", size=size, bold=True, align=CENTER, style="NQ Table Header")
    tr_tag(t, widths, "{%tr for row in indicators.rows %}")
    tr_tag(t, widths, "{%tr if row.is_group %}")
    r, cell = merged_row(t, widths)
    cell_text(cell, "{{ row.text }}", size=size, bold=True, align=LEFT)
    keep_with_next(cell)
    cant_split(r)
    tr_tag(t, widths, "{%tr elif row.is_parent %}")
    parent = row(t, widths)
    cant_split(parent)
    for cell, (_, _, expression, align) in zip(parent.cells, columns):
        cell_text(cell, expression, size=size, bold=True, align=align)
    tr_tag(t, widths, "{%tr else %}")
    child = row(t, widths)
    cant_split(child)
    for cell, (_, _, expression, align) in zip(child.cells, columns):
        cell_text(cell, expression, size=size, align=align)
    tr_tag(t, widths, "{%tr endif %}")
    tr_tag(t, widths, "{%tr endfor %}")


def build_chi_tieu(path: Path) -> None:
    """The indicator appendix: targets per milestone, the value reached and the assessment."""
    doc = new_document("landscape", "Phụ lục chỉ tiêu")
    appendix_heading(doc)
    indicator_table(doc, CHI_TIEU_COLUMNS, size=11)
    para(doc, "Ghi chú: (-): Chưa thực hiện; (X): Thực hiện.", style="NQ Caption", size=12, before=3)
    para(doc, "Đánh giá so với mục tiêu \u201c{{ indicators.milestone_label }}\u201d: {{ indicators.met|number }} chỉ "
              "tiêu đạt, {{ indicators.not_met|number }} chưa đạt, {{ indicators.not_comparable|number }} không so "
              "sánh được, {{ indicators.not_reported|number }} chưa báo cáo"
              "{% if indicators.not_applicable + indicators.no_target %}, {{ (indicators.not_applicable + "
              "indicators.no_target)|number }} không đặt mục tiêu cho mốc này{% endif %}.",
         style="NQ Caption", size=12)
    save(doc, path)


def build_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    targets = {
        "phu-luc-03.docx": lambda p: build_appendix(p, PHU_LUC_03_COLUMNS, size=12, title="Phụ lục 03"),
        "phu-luc-01.docx": lambda p: build_appendix(p, PHU_LUC_01_COLUMNS, size=11, title="Phụ lục I"),
        "phu-luc-02.docx": lambda p: build_appendix(p, PHU_LUC_02_COLUMNS, size=11, title="Phụ lục II"),
        "bao-cao.docx": build_bao_cao,
        "ke-hoach.docx": build_ke_hoach,
        "chi-tieu.docx": build_chi_tieu,
    }
    written = []
    for name, build in targets.items():
        build(folder / name)
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for written in build_all(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(written)
