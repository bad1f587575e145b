"""render.engine overrides docxtpl's internals: a docxtpl whose release or overridden methods differ
from those it was written against fails here, loudly, before any document could come out different."""

from __future__ import annotations

import inspect
from importlib.metadata import version

from docxtpl import DocxTemplate

from nq57cli.render import engine


def test_installed_docxtpl_is_a_release_the_engine_overrides():
    installed = version("docxtpl")
    assert installed.startswith(engine.DOCXTPL_VERSIONS), (
        f"docxtpl {installed}: render.engine.template_class overrides the internals of docxtpl "
        f"{engine.DOCXTPL_VERSIONS}; check tests/test_render_equivalence.py on it, then add it to DOCXTPL_VERSIONS")


def test_overridden_docxtpl_methods_keep_their_parameters():
    for name, parameters in engine.DOCXTPL_OVERRIDES.items():
        method = getattr(DocxTemplate, name, None)
        assert method is not None, f"docxtpl no longer has DocxTemplate.{name}, which render.engine overrides"
        assert tuple(inspect.signature(method).parameters) == parameters, (
            f"DocxTemplate.{name} changed its parameters: render.engine's override must be checked")


def test_template_class_overrides_every_listed_method_and_only_those():
    template = engine.template_class()
    own = {name for name in vars(template) if not name.startswith("__") and callable(vars(template)[name])}
    docxtpls = {name for name in own if hasattr(DocxTemplate, name)}
    assert docxtpls == set(engine.DOCXTPL_OVERRIDES) - {"xml_to_string", "patch_xml"}


def test_docxtpl_still_sets_the_attributes_the_engine_reads(tmp_path):
    from docx import Document

    path = tmp_path / "t.docx"
    Document().save(str(path))
    template = DocxTemplate(str(path))
    template.render_init()
    assert template.docx_ids_index == 1000
    assert hasattr(template, "current_rendering_part")
