"""render/document.py's template class overrides docxtpl 0.20's DocxTemplate internals (the fast path:
3x stock docxtpl, same bytes; tests/test_render_equivalence.py proves the bytes). This test fails loudly
when a new docxtpl changes what the override copies or relies on: check the override against the new
docxtpl source, update it, then the hashes below and the version bound in pyproject.toml."""

from __future__ import annotations

import hashlib
import inspect
import re

import pytest

docxtpl = pytest.importorskip("docxtpl")
from docxtpl import DocxTemplate  # noqa: E402

from nq57cli.render.engine import template_class  # noqa: E402

# The DocxTemplate methods the override replaces or calls, with their signature and a hash of their
# source in docxtpl 0.20 (the override copies the body of the first six, step for step).
CONTRACT = {
    "render_xml_part": ("(self, src_xml, part, context, jinja_env=None)", "b762e42956e6709c"),
    "resolve_listing": ("(self, xml)", "20441608d64f33fd"),
    "build_xml": ("(self, context, jinja_env=None)", "210792ef9e97b524"),
    "fix_tables": ("(self, xml)", "da467aabccf452e4"),
    "map_tree": ("(self, tree)", "d01401c73b6e2fb6"),
    "fix_docpr_ids": ("(self, tree)", "3a606189fb525cb9"),
    "xml_to_string": ("(self, xml, encoding='unicode')", "32dc5d6b57c9a9a8"),
    "patch_xml": ("(self, src_xml)", "59341311e906ccb2"),
    "render_init": ("(self)", "34e9db59453cf487"),
}
OVERRIDDEN = {"render_xml_part", "resolve_listing", "build_xml", "fix_tables", "map_tree", "fix_docpr_ids"}


def _source_hash(function) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]


def test_docxtpl_version_is_the_one_the_override_copies():
    major_minor = tuple(int(p) for p in docxtpl.__version__.split(".")[:2])
    assert major_minor == (0, 20), (
        f"docxtpl {docxtpl.__version__}: render/document.py's override copies 0.20's internals; "
        "check them against this version before lifting the bound in pyproject.toml")


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_overridden_and_used_internals_are_unchanged(name):
    signature, digest = CONTRACT[name]
    method = getattr(DocxTemplate, name, None)
    assert method is not None, f"docxtpl no longer has DocxTemplate.{name}, which render/document.py relies on"
    assert str(inspect.signature(method)) == signature, f"DocxTemplate.{name} changed its signature"
    assert _source_hash(method) == digest, (
        f"DocxTemplate.{name} changed in docxtpl {docxtpl.__version__}: render/document.py's override copies "
        "its steps; compare them, then update the hash")


def test_render_calls_the_overridden_steps_in_this_order():
    """DocxTemplate.render: build_xml → fix_tables → fix_docpr_ids → map_tree (the override's build_xml
    and map_tree hand the whole document element to each other)."""
    source = inspect.getsource(DocxTemplate.render)
    calls = re.findall(r"self\.(build_xml|fix_tables|fix_docpr_ids|map_tree)\(", source)
    assert calls == ["build_xml", "fix_tables", "fix_docpr_ids", "map_tree"]


def test_the_override_replaces_exactly_those_methods_with_the_same_signatures():
    template = template_class()
    assert issubclass(template, DocxTemplate)
    replaced = {name for name, value in vars(template).items() if callable(value) and name in vars(DocxTemplate)}
    assert replaced == OVERRIDDEN
    for name in OVERRIDDEN:
        assert inspect.signature(getattr(template, name)) == inspect.signature(getattr(DocxTemplate, name))


def test_the_attributes_the_override_uses_are_set_by_docxtpl():
    """render_init() sets what the override's render_xml_part and fix_docpr_ids use."""
    source = inspect.getsource(DocxTemplate.render_init)
    for attribute in ("current_rendering_part", "docx_ids_index"):
        assert f"self.{attribute}" in source
