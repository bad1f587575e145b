"""The template engine of `nq57 render`: docxtpl in a sandboxed Jinja environment (autoescape,
strict undefined variables: agency text is data, printed literally, never run as a template), its
template errors turned into messages quoting the paragraph, and the status chart image.

A measured fast path: `template_class` overrides internals of docxtpl 0.20.x (DOCXTPL_VERSIONS; the
methods in DOCXTPL_OVERRIDES, and the attributes docx_ids_index and current_rendering_part) and gives
the same document byte for byte (tests/test_render_equivalence.py): phu-luc-03 with 5,000 tasks,
render_template 3.32 s against 10.27 s for stock docxtpl 0.20.2 (3.1×, best of 3). A docxtpl outside
that range fails tests/test_render_engine.py until the equivalence tests pass on it.
"""
from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nq57cli.domain.format import number
from nq57cli.errors import RenderError

CHART_WIDTH_MM = 160
DOCXTPL_VERSIONS = ("0.20.",)  # the docxtpl releases whose internals template_class overrides
DOCXTPL_OVERRIDES = {  # DocxTemplate method: its parameters in those releases
    "render_xml_part": ("self", "src_xml", "part", "context", "jinja_env"),
    "resolve_listing": ("self", "xml"),
    "build_xml": ("self", "context", "jinja_env"),
    "fix_tables": ("self", "xml"),
    "map_tree": ("self", "tree"),
    "fix_docpr_ids": ("self", "tree"),
    "xml_to_string": ("self", "xml", "encoding"),
    "patch_xml": ("self", "src_xml"),
}


_DICT_ATTRIBUTES = frozenset(dir(dict))


def environment() -> Any:
    """Sandboxed Jinja: no access to Python internals, escaping on, unknown names are errors."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class Environment(SandboxedEnvironment):
        def getattr(self, obj: Any, attribute: str) -> Any:
            """`row.title` on a context dict: the item straight away. Jinja first tries the attribute,
            which a dict has not (AttributeError raised and caught 35,000 times for 5,000 rows);
            the dict's own attributes (items, __class__ ...) still go through the sandbox."""
            if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
                try:
                    return obj[attribute]
                except KeyError:
                    return self.undefined(obj=obj, name=attribute)
            return super().getattr(obj, attribute)

    env = Environment(autoescape=True, undefined=StrictUndefined)
    env.filters["number"] = number
    return env


def _paragraph_text(line: str) -> str:
    plain = html.unescape(re.sub(r"<[^>]+>", "", line))
    plain = " ".join(plain.split())
    return plain if len(plain) <= 200 else plain[:197] + "..."


def _error_line(exc: BaseException) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return int(lineno)
    tb = exc.__traceback__
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def _unclosed_line(lines: list[str]) -> int | None:
    """The first paragraph with a '{{' or '{%' that is not closed in it (Word split or typo)."""
    for index, line in enumerate(lines, start=1):
        plain = _paragraph_text(line)
        if plain.count("{{") > plain.count("}}") or plain.count("{%") > plain.count("%}"):
            return index
    return None


def _reason(exc: BaseException) -> tuple[str, str]:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, SecurityError):
        return (f"thẻ dùng thuộc tính bị chặn vì lý do an toàn ({message})",
                f"the tag uses an attribute blocked for safety ({message})")
    if isinstance(exc, UndefinedError):
        return (f"biến không có trong dữ liệu ({message}); xem danh sách biến trong templates/README.md",
                f"unknown variable ({message}); see the variables in templates/README.md")
    if isinstance(exc, TemplateSyntaxError):
        hint_vi = hint_en = ""
        if re.search(r"unknown tag '(tr|tc|p|r)'", message):
            hint_vi = "; thẻ {%tr ...%} phải nằm trong một dòng của bảng, {%p ...%} trong một đoạn riêng"
            hint_en = "; a {%tr ...%} tag must sit in a table row, {%p ...%} in a paragraph of its own"
        return (f"thẻ Jinja sai cú pháp ({message}){hint_vi}; nếu Word đã tách thẻ, hãy gõ lại cả thẻ "
                "một lần, không đổi định dạng giữa chừng",
                f"Jinja syntax error ({message}){hint_en}; if Word split the tag, retype the whole tag "
                "at once without changing its formatting midway")
    return (f"lỗi khi điền dữ liệu ({type(exc).__name__}: {message})",
            f"error while filling in the data ({type(exc).__name__}: {message})")


def template_error(exc: BaseException, src_xml: str, part_name: str, template: str) -> RenderError:
    """RenderError naming the template, the part and the paragraph text where the error is."""
    from jinja2 import TemplateSyntaxError

    lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml).split("\n")
    lineno = _error_line(exc)
    if isinstance(exc, TemplateSyntaxError) and ("end of template" in str(exc) or not lineno):
        lineno = _unclosed_line(lines) or lineno
    quote = ""
    if lineno and 0 < lineno <= len(lines):
        quote = _paragraph_text(lines[lineno - 1])
        step = lineno
        while not quote and step < len(lines):
            quote = _paragraph_text(lines[step])
            step += 1
    reason_vi, reason_en = _reason(exc)
    part_vi = "đầu trang" if "header" in part_name else "chân trang" if "footer" in part_name else "nội dung"
    part_en = "header" if "header" in part_name else "footer" if "footer" in part_name else "body"
    where_vi = f" — tại đoạn ({part_vi}): «{quote}»" if quote else f" ({part_vi})"
    where_en = f" — in the paragraph ({part_en}): «{quote}»" if quote else f" ({part_en})"
    return RenderError(f"Lỗi mẫu {template}: {reason_vi}{where_vi}",
                       f"Template error in {template}: {reason_en}{where_en}")


def _paragraph_spans(xml: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of docxtpl's paragraph pattern `<w:p(?: [^>]*)?>.*?</w:p>` (DOTALL),
    left to right as re.finditer gives them, found with str.find (several times faster)."""
    find = xml.find
    pos = 0
    while True:
        start = find("<w:p", pos)
        if start < 0:
            return
        after = xml[start + 4:start + 5]
        if after == ">":
            opened = start + 5
        elif after == " ":
            close = find(">", start + 5)
            if close < 0:
                return
            opened = close + 1
        else:  # <w:pPr>, <w:proofErr ...>: not a paragraph
            pos = start + 4
            continue
        end = find("</w:p>", opened)
        if end < 0:
            return
        pos = end + 6
        yield start, pos


def template_class() -> type:
    from docxtpl import DocxTemplate
    from jinja2 import Template as JinjaTemplate
    from jinja2 import TemplateError

    class Template(DocxTemplate):
        """DocxTemplate whose Jinja errors become a RenderError quoting the paragraph.

        The steps around Jinja are docxtpl's (0.20), done faster on the large table of an appendix
        with the same document, byte for byte: str.replace for regular expressions, line breaks and
        tabs resolved only in the paragraphs that hold one, the table grid walked only as far as it
        takes to see it needs no fixing, the rendered document element swapped in whole.
        """

        declares_namespaces = True  # set by fix_tables; True: map_tree moves the body, as docxtpl does

        def render_xml_part(self, src_xml, part, context, jinja_env=None):  # type: ignore[override]
            try:
                return self._render_xml_part(src_xml, part, context, jinja_env)
            except RenderError:
                raise
            except Exception as exc:  # any failure while filling one part is a template error
                raise template_error(exc, src_xml, str(getattr(part, "partname", "")),
                                      Path(str(self.template_file)).name) from None

        def _render_xml_part(self, src_xml, part, context, jinja_env=None):
            """docxtpl's DocxTemplate.render_xml_part (0.20), its regular expressions on the output
            replaced by str.replace (identical: the patterns are literal but for one character)."""
            src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
            try:
                self.current_rendering_part = part
                template = jinja_env.from_string(src_xml) if jinja_env else JinjaTemplate(src_xml)
                dst_xml = template.render(context)
            except TemplateError as exc:
                if getattr(exc, "lineno", None) is not None:
                    line_number = max(exc.lineno - 4, 0)
                    exc.docx_context = [re.sub(r"<[^>]+>", "", x)  # type: ignore[attr-defined]
                                        for x in src_xml.splitlines()[line_number:line_number + 7]]
                raise
            dst_xml = dst_xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
            if "_" in dst_xml:  # one pass to skip four when no escaped tag can be there
                dst_xml = dst_xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
            return self.resolve_listing(dst_xml)

        def resolve_listing(self, xml):  # type: ignore[override]
            """docxtpl's: tabs, line breaks, \\a and \\f in text become Word markup. Only the
            paragraphs that hold such a character change, so only they go through docxtpl."""
            specials = sorted(_positions(xml, _LISTING_CHARS))
            if not specials:
                return xml
            out: list[str] = []
            done = 0
            index = 0
            for start, end in _paragraph_spans(xml):
                while index < len(specials) and specials[index] < start:
                    index += 1
                if index == len(specials):
                    break
                if specials[index] < end:
                    out.append(xml[done:start])
                    out.append(super().resolve_listing(xml[start:end]))
                    done = end
            out.append(xml[done:])
            return "".join(out)

        def build_xml(self, context, jinja_env=None):  # type: ignore[override]
            """docxtpl's, on the whole document element rather than its body (nothing outside the
            body holds a tag): the result is parsed as a whole and replaces the template's element
            (map_tree), where docxtpl moves the new body into the old document, which has lxml
            re-link every node of it (a quarter of a second at 5,000 rows)."""
            xml = self.xml_to_string(self.docx.element)
            xml = self.patch_xml(xml)
            return self.render_xml_part(xml, self.docx.part, context, jinja_env)

        def fix_tables(self, xml):  # type: ignore[override]
            """docxtpl's fix_tables, which walks every row in Python; here first a check that no
            table needs a change to its grid (the common case), else docxtpl's own. Parsed with
            python-docx's element classes, as the tree becomes the document's element."""
            from docx.oxml.parser import element_class_lookup
            from lxml import etree

            parser = etree.XMLParser(recover=True)
            parser.set_element_class_lookup(element_class_lookup)
            tree = etree.fromstring(xml, parser=parser)
            # Below the document element's start tag, "xmlns" is a declaration or plain text.
            self.declares_namespaces = xml.find("xmlns", xml.find(">")) >= 0
            w = tree.nsmap["w"]
            if all(_grid_fits(table, w) for table in tree.iter(f"{{{w}}}tbl")):
                return tree
            fixed = super().fix_tables(xml)
            return etree.fromstring(etree.tostring(fixed, encoding="unicode"), parser=parser)

        def map_tree(self, tree):  # type: ignore[override]
            """The rendered document element takes the place of the template's (see build_xml).
            When the body declares namespaces of its own (a picture's), docxtpl's move instead:
            lxml drops those the document element already declares as it moves a tree."""
            if self.declares_namespaces:
                self.docx.element.replace(self.docx.element.body, tree.body)
                return
            part = self.docx.part
            part._element = tree
            self.docx = part.document

        def fix_docpr_ids(self, tree):  # type: ignore[override]
            """docxtpl's, iter() for its XPath (same elements, same order; instant without pictures)."""
            pictures = list(tree.iter(_WP_DOCPR))
            for element in pictures:
                self.docx_ids_index += 1
                element.attrib["id"] = str(self.docx_ids_index)

    return Template


_WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_LISTING_CHARS = "\t\a\n\f"  # what docxtpl's resolve_listing turns into Word markup


def _positions(text: str, chars: str) -> Iterator[int]:
    """Every index of any of chars in text (str.find: much faster than a regex when they are few)."""
    for char in chars:
        index = text.find(char)
        while index >= 0:
            yield index
            index = text.find(char, index + 1)


def _grid_fits(table: Any, w: str) -> bool:
    """True when docxtpl's fix_tables would leave this table as it is: no row has more cells than
    the grid has columns, and some row (counting spans) fills them all. False when unsure.
    One walk through the table's rows and spans, cells counted only where they could be too many."""
    grid = table.find(f"{{{w}}}tblGrid")
    if grid is None:
        return False
    columns = len(grid.findall(f"{{{w}}}gridCol"))
    row_tag, cell_tag, cell_pr_tag = f"{{{w}}}tr", f"{{{w}}}tc", f"{{{w}}}tcPr"
    span_tag, val = f"{{{w}}}gridSpan", f"{{{w}}}val"
    filled = False
    for node in table.iter(row_tag, span_tag):
        if node.tag == span_tag:  # docxtpl would fail on a bad span: let it
            try:
                int(node.get(val))
            except (TypeError, ValueError):
                return False
            continue
        if len(node) > columns and len(node.findall(cell_tag)) > columns:
            return False
        if not filled:
            width = 0
            for cell in node.findall(cell_tag):
                cell_pr = cell.find(cell_pr_tag)
                span = None if cell_pr is None else cell_pr.find(span_tag)
                width += int(span.get(val)) if span is not None else 1
            filled = width >= columns
    return filled


def chart_class() -> type:
    from docxtpl import InlineImage

    class ChartImage(InlineImage):
        """The status chart, drawn the first time a template prints {{ chart }}."""

        image_descriptor: io.BytesIO | None  # InlineImage's image; None until the chart is drawn

        def __init__(self, tpl: Any, stats: dict[str, Any]) -> None:
            from docx.shared import Mm

            super().__init__(tpl, None, width=Mm(CHART_WIDTH_MM))
            self.stats = stats

        def _insert_image(self) -> str:
            from nq57cli.render.chart import status_chart_png

            if self.image_descriptor is None:
                total = self.stats["by_status_counts"]
                self.image_descriptor = io.BytesIO(status_chart_png(self.stats["groups"], total))
            self.image_descriptor.seek(0)
            return super()._insert_image()

    return ChartImage


def render_template(path: Path, context: dict[str, Any]) -> Any:
    """Render one .docx template; the python-docx Document of the result."""
    from jinja2 import TemplateError

    if not path.is_file():
        raise RenderError(f"Không có tệp mẫu {path}.", f"No template file {path}.")
    template = template_class()(str(path))
    try:
        template.init_docx()
    except Exception as exc:
        raise RenderError(f"Không mở được mẫu {path.name} (không phải tệp .docx hợp lệ?): {exc}",
                          f"Cannot open the template {path.name} (not a valid .docx?): {exc}") from None
    values = dict(context)
    values["chart"] = chart_class()(template, context["stats"])
    previous = context.get("previous")  # the trend over periods: one bar a period (render/previous.py)
    values["trend_chart"] = chart_class()(template, {"groups": previous["periods"] if previous else [],
                                                     "by_status_counts": context["stats"]["by_status_counts"]})
    try:
        template.render(values, jinja_env=environment(), autoescape=True)
    except RenderError:
        raise
    except TemplateError as exc:  # outside the body/headers: the document properties
        raise template_error(exc, "", "docProps", path.name) from None
    return template.docx


def render_laid_out(path: Path, context: dict[str, Any]) -> Any:
    """render_template, then its tables laid out from their contents (layout.fit_tables). The
    docxtpl step alone stays comparable with stock docxtpl (test_render_equivalence)."""
    from nq57cli.render.layout import keep_tokens_whole, shrink_closing_paragraphs, size_rules
    from nq57cli.render.pagination import fit_tables

    document = render_template(path, context)
    fit_tables(document)
    size_rules(document)
    keep_tokens_whole(document)
    shrink_closing_paragraphs(document)
    return document
