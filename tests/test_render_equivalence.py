"""The faster render path gives what docxtpl and python-docx give on their own, byte for byte:
engine.Template's string steps, its grid check and its document swap, docx_bytes' single zip pass,
text()'s shortcuts, and read_merged's per-value caches. No timing here."""

from __future__ import annotations

import io
import random
import re
from datetime import date

import pytest
from docx import Document
from docxtpl import DocxTemplate
from lxml import etree

from nq57cli.domain import format as fmt
from nq57cli.domain import forms
from nq57cli.render import compose, engine
from nq57cli.render.context import build_context
from nq57cli.domain.models import Deadline, DocumentRef, Group, MergeResult, Task
from nq57cli.core.stable import frozen_package
from conftest import office_config

PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # docxtpl's resolve_listing pattern
PIECES = ["<w:p>", "<w:p ", "<w:p w:rsidR='1'>", "</w:p>", "<w:pPr>", "</w:pPr>", "<w:r>", "</w:r>", "<w:r x='y'>",
          "<w:t>", "</w:t>", '<w:t xml:space="preserve">', "<w:rPr><w:b/></w:rPr>", "<w:pPr><w:jc/></w:pPr>", ">",
          "<", "a", "ế", "\n", "\t", "\a", "\f", " ", "<w:p", "<w:proofErr/>", "</w:p", "w:p>", "{_{", "_"]


def _strings(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def test_paragraph_spans_are_the_regex_matches():
    for text in _strings(4000, 1) + ["<w:p a<w:p>b</w:p>", "<w:p x</w:p>y</w:p>", "<w:p", "<w:p >", "<w:p></w:p"]:
        assert list(engine._paragraph_spans(text)) == [m.span() for m in PARAGRAPH.finditer(text)], text


def test_resolve_listing_is_docxtpls():
    template = engine.template_class().__new__(engine.template_class())
    for text in _strings(4000, 2):
        assert type(template).resolve_listing(template, text) == DocxTemplate.resolve_listing(template, text), text


def _old_text(value: object) -> str:
    """fmt.text before its shortcuts."""
    import unicodedata

    if value is None:
        return ""
    out = unicodedata.normalize("NFC", str(value))
    out = out.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\u2028", "\n")
    out = fmt._ILLEGAL_XML.sub("", out)
    out = fmt._DOCXTPL_ESCAPES.sub("\u200b", out)
    return out.strip()


def test_text_shortcuts_change_nothing():
    alphabet = list("ab {}%_ \r\n\v\f\t\x00\x07\x1f\x7f\u2028\u2029\ufffe\uffff\u200b\u00a0") + ["cu\u0301", "Đ", "😀"]
    rng = random.Random(3)
    for _ in range(20000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert fmt.text(value) == _old_text(value), repr(value)
    for code in list(range(0x3000)) + [0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600]:
        assert fmt.text(f"a{chr(code)}b") == _old_text(f"a{chr(code)}b"), hex(code)


# ----------------------------------------------------------------------- whole templates, both ways


@pytest.fixture()
def context():
    groups = [Group(key="G1", order=1, label="Nhóm 1", title="Nhóm 1 - A"),
              Group(key="G2", order=2, label="Nhóm 2", title="Nhóm 2 - B")]
    tasks = [Task(task_id=f"NV-{k}", order=k, group=f"G{k % 2 + 1}", stt=str(k), title=f"Nhiệm vụ {k}\tcột",
                  result="Dòng 1\nDòng 2\aĐoạn mới\fTrang mới <x> & {{ y }}", status="in_progress", lead="Sở A",
                  document=DocumentRef(type="TB", type_name="Thông báo", number="05", code="05-TB/BCĐTW",
                                       raw="Thông báo số 05-TB/BCĐTW"),
                  deadline=Deadline(kind="date", due=date(2025, 6, 30), raw="30/6/2025")) for k in range(1, 13)]
    config = office_config({"document.number": "300", "document.date": "2025-09-20"})
    return build_context(MergeResult(tasks=tasks, groups=groups, findings=[], inputs=[]), config, "bao-cao")


def _docxtpl(path, context):
    """The template rendered by docxtpl itself, with nq57's environment and chart."""
    template = DocxTemplate(str(path))
    template.init_docx()
    values = dict(context, chart=engine.chart_class()(template, context["stats"]))
    template.render(values, jinja_env=engine.environment(), autoescape=True)
    return template.docx


def _saved(document) -> bytes:
    raw = io.BytesIO()
    document.save(raw)
    return frozen_package(raw.getvalue(), external_attr=compose.DOCX_MODE)


def _user_template(tmp_path, build) -> object:
    document = Document()
    build(document)
    path = tmp_path / "mine.docx"
    document.save(str(path))
    return path


def _columns_from_a_loop(document):  # more cells than grid columns: docxtpl adds columns
    table = document.add_table(rows=2, cols=4)
    cells = table.rows[0].cells
    cells[0].text, cells[1].text, cells[2].text, cells[3].text = (
        "Nhóm", "{%tc for t in tasks[:6] %}", "{{ t.number }}", "{%tc endfor %}")
    table.rows[1].cells[0].text = "{{ stats.total }}"


def _fewer_cells(document):  # fewer cells than grid columns: docxtpl removes columns
    table = document.add_table(rows=1, cols=4)
    cells = table.rows[0].cells
    cells[0].text, cells[1].text, cells[2].text, cells[3].text = (
        "{%tc for g in groups[:1] %}", "{{ g.short }}", "{%tc endfor %}", "x")


def _merges_and_parts(document):  # colspan, vm, hm, {{r}}, {%p}, {_{ escapes, header and footer
    table = document.add_table(rows=4, cols=3)
    table.rows[0].cells[0].text = "{%tr for r in rows %}"
    table.rows[1].cells[0].text = "{% colspan 2 %}{{ r.title }}"
    table.rows[1].cells[2].text = "{% vm %}{{ r.kind }}"
    table.rows[2].cells[0].text = "{% hm %}x"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    for text in ("{%p for t in tasks %}", "{{ t.result }} {{r t.title }}", "{%p endfor %}", "{{ chart }}",
                 "Thẻ in nguyên văn: {_{ x }_} {_% y %_}"):
        document.add_paragraph(text)
    document.sections[0].header.paragraphs[0].text = "Đầu trang {{ agency.code }}\t{{ doc.symbol }}"
    document.sections[0].footer.paragraphs[0].text = "Chân trang {{ stats.total }}"


@pytest.mark.parametrize("build", [_columns_from_a_loop, _fewer_cells, _merges_and_parts])
def test_user_templates_render_as_docxtpl_renders_them(build, context, tmp_path):
    path = _user_template(tmp_path, build)
    ours = engine.render_template(path, context)
    assert compose.docx_bytes(ours) == _saved(_docxtpl(path, context))


@pytest.mark.parametrize("form", ["phu-luc-03", "phu-luc-01", "bao-cao"])
def test_builtin_templates_render_as_docxtpl_renders_them(form, context, tmp_path):
    path = forms.template_path(forms.FORMS[form])
    ours = engine.render_template(path, context)
    assert etree.tostring(ours.element) == etree.tostring(_docxtpl(path, context).element)
    assert compose.docx_bytes(ours) == _saved(_docxtpl(path, context))


def test_environment_reads_dict_items_as_jinja_does(context):
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    plain = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    ours = engine.environment()
    for source in ("{{ agency.code }}", "{{ agency.items() | list }}", "{{ agency.get('code') }}",
                   "{% for k in agency.keys() %}{{ k }};{% endfor %}", "{{ stats.groups[0].by_status.completed }}"):
        assert ours.from_string(source).render(context) == plain.from_string(source).render(context)
    for source in ("{{ agency.nope }}", "{{ agency.__class__ }}", "{{ agency.mro }}"):
        with pytest.raises(Exception) as theirs:
            plain.from_string(source).render(context)
        with pytest.raises(type(theirs.value), match=re.escape(str(theirs.value))):
            ours.from_string(source).render(context)


def test_read_merged_gives_each_task_its_own_parsed_values(tmp_path):
    """Deadlines, documents and agency lists repeat over tasks and are parsed once per value:
    every task still gets objects of its own, equal to what parsing its cells gives."""
    from nq57cli.domain.agency import split_agencies
    from nq57cli.domain.deadline import parse_deadline
    from nq57cli.domain.docref import parse_document
    from nq57cli.write.mergedbook import read_merged, write_merged

    tasks = [Task(task_id=f"NV-{k}", order=k, title=f"Nhiệm vụ {k}", lead="Sở A", partners=["Sở B", "Sở C"],
                  document=parse_document("Thông báo số 05-TB/BCĐTW ngày 04/07/2025"),
                  deadline=parse_deadline("Quý IV/2025")[0], status="completed") for k in range(1, 5)]
    path = write_merged(MergeResult(tasks=tasks, groups=[], findings=[], inputs=[]), tmp_path / "merged.xlsx")
    read = read_merged(path)[0].tasks
    first, second = read[0], read[1]
    assert first.deadline == second.deadline == parse_deadline("Quý IV/2025")[0]
    assert first.document == parse_document("Thông báo số 05-TB/BCĐTW ngày 04/07/2025")
    assert first.partners == split_agencies("Sở B; Sở C")
    assert first.deadline is not second.deadline and first.document is not second.document
    assert first.partners is not second.partners and first.silent is not second.silent
    first.deadline.raw, first.document.raw = "đã sửa", "đã sửa"
    first.partners.append("Sở D")
    assert second.deadline.raw == "Quý IV/2025" and second.document.raw != "đã sửa" and "Sở D" not in second.partners
