"""Every DOCX nq57 writes, checked against the ECMA-376 / ISO/IEC 29500 Transitional schemas (wml.xsd and
what it imports) with libxml2's XSD validator: each form in both styles (state, party), the demo's BÁO
CÁO (compared with a previous period) and appendix, the overdue appendix and the reminder letters, and the
built-in templates themselves. Parts validated: word/document.xml, styles, settings, numbering, fontTable,
webSettings, headers, footers (footnotes, endnotes, comments when present) against wml.xsd, and
docProps/app.xml against shared-documentPropertiesExtended.xsd. Transitional lets w:rPr and w:trPr
children come in any order; Word writes them, and the Open XML SDK's validator expects them, in the
order wml.xsd lists them, so that order is checked too (read from wml.xsd, not restated here).

The schema files are ECMA's (see tests/schemas/ooxml/MANIFEST.md for where they come from and where the
test looks for them); when none is found the module is skipped, saying so.

Markup compatibility (ECMA-376 Part 3), as Word reads a part: the namespaces a part lists in
mc:Ignorable (w14, w15, ... in python-docx's base document) are not in the Transitional schema, so their
elements and attributes are removed before validating, the mc:Ignorable attribute too, and an
mc:AlternateContent keeps its mc:Fallback. Nothing else is changed.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from conftest import SAMPLES
from nq57cli.cli.app import app
from nq57cli.domain.configfile import load_config
from nq57cli.domain.overrides import apply_overrides
from nq57cli.domain.forms import FORMS, builtin_templates_dir

ROOT = Path(__file__).resolve().parents[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XSD = "http://www.w3.org/2001/XMLSchema"
PARTS = re.compile(r"word/(document|styles|settings|numbering|fontTable|webSettings|footnotes|endnotes|comments"
                   r"|header\d*|footer\d*)\.xml")
WML_FILES = ("wml.xsd", "dml-wordprocessingDrawing.xsd", "dml-main.xsd", "dml-picture.xsd", "dml-chart.xsd",
             "dml-chartDrawing.xsd", "dml-diagram.xsd", "dml-lockedCanvas.xsd", "shared-math.xsd",
             "shared-commonSimpleTypes.xsd", "shared-relationshipReference.xsd",
             "shared-customXmlSchemaProperties.xsd", "shared-documentPropertiesExtended.xsd",
             "shared-documentPropertiesVariantTypes.xsd")
APP = "docProps/app.xml"


def schema_folder() -> Path | None:
    """The first folder holding the ECMA files: $NQ57_OOXML_XSD, tests/schemas/ooxml/, or ooxml-xsd/ in
    the shared/ folder beside the repository (where CI has it)."""
    candidates = [Path(os.environ["NQ57_OOXML_XSD"])] if os.environ.get("NQ57_OOXML_XSD") else []
    candidates += [ROOT / "tests" / "schemas" / "ooxml", ROOT.parent / "shared" / "ooxml-xsd"]
    return next((c for c in candidates if all((c / name).is_file() for name in WML_FILES)), None)


FOLDER = schema_folder()
needs_schemas = pytest.mark.skipif(FOLDER is None, reason=(
    "the ECMA-376 Transitional schema files are not here (tests/schemas/ooxml/MANIFEST.md says which and where)"))

# wml.xsd imports the xml: namespace without a schemaLocation (ECMA leaves it to the validator); libxml2
# needs a declaration of the two attributes the WordprocessingML parts use, xml:space and xml:lang. This
# stands in for W3C's xml.xsd (same declarations, nothing else); the ECMA files are read unchanged.
XML_XSD = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="{XML_NS}">
  <xsd:attribute name="lang" type="xsd:language"/>
  <xsd:attribute name="space">
    <xsd:simpleType><xsd:restriction base="xsd:NCName">
      <xsd:enumeration value="default"/><xsd:enumeration value="preserve"/>
    </xsd:restriction></xsd:simpleType>
  </xsd:attribute>
</xsd:schema>""".encode()


class _Local(etree.Resolver):
    """Every schemaLocation from the schema folder; nothing from the network."""

    def resolve(self, url, pubid, context):
        name = (url or "").rsplit("/", 1)[-1]
        if name == "xml.xsd" or XML_NS in (url or ""):
            return self.resolve_string(XML_XSD, context)
        if FOLDER is None or not (FOLDER / name).is_file():
            raise AssertionError(f"schema {url!r} is not in the schema folder")
        return self.resolve_filename(str(FOLDER / name), context)


def _compile(namespace: str, location: str) -> etree.XMLSchema:
    """The schema of `namespace` (from `location` in the schema folder), with the xml: namespace."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_Local())
    root = etree.fromstring(f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:import namespace="{XML_NS}" schemaLocation="xml.xsd"/>
      <xsd:import namespace="{namespace}" schemaLocation="{location}"/>
    </xsd:schema>""".encode(), parser, base_url=str(FOLDER / "nq57-wrapper.xsd"))
    return etree.XMLSchema(etree.ElementTree(root))


@dataclass(frozen=True)
class Schemas:
    wml: etree.XMLSchema
    app: etree.XMLSchema
    orders: dict[str, list[str]]  # w:rPr, w:trPr: the children in wml.xsd's order


def _declared_order(group: etree._Element) -> list[str]:
    return [element.get("name") for element in group.iter(f"{{{XSD}}}element")]


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    wml = etree.parse(str(FOLDER / "wml.xsd")).getroot()
    rpr = wml.find(f"{{{XSD}}}group[@name='EG_RPrBase']")
    trpr = wml.find(f"{{{XSD}}}complexType[@name='CT_TrPrBase']")
    return Schemas(
        wml=_compile(W, "wml.xsd"),
        app=_compile("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
                     "shared-documentPropertiesExtended.xsd"),
        orders={"rPr": _declared_order(rpr), "trPr": _declared_order(trpr)})


def as_word_reads(root: etree._Element) -> etree._Element:
    """The part with its ignorable markup gone (ECMA-376 Part 3, §10.2.1 Ignorable, §10.2.3
    AlternateContent: the Fallback is taken, since no Choice's Requires is understood by this check)."""
    ignorable = set()
    for element in root.iter():
        for prefix in (element.get(f"{{{MC}}}Ignorable") or "").split():
            ignorable.add(element.nsmap.get(prefix))
    for alternate in list(root.iter(f"{{{MC}}}AlternateContent")):
        parent, fallback = alternate.getparent(), alternate.find(f"{{{MC}}}Fallback")
        index = parent.index(alternate)
        parent.remove(alternate)
        for offset, child in enumerate(list(fallback) if fallback is not None else []):
            parent.insert(index + offset, child)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).namespace in ignorable and element.getparent() is not None:
            element.getparent().remove(element)
            continue
        for name in list(element.attrib):
            if etree.QName(name).namespace in ignorable | {MC}:
                del element.attrib[name]
    return root


@dataclass(frozen=True)
class Violation:
    file: str
    part: str
    line: int
    where: str  # the element's path in the part (nq57's parts are one long line)
    message: str

    def __str__(self) -> str:
        return f"{self.file} {self.part}:{self.line} {self.where}: {self.message}"


def _out_of_order(root: etree._Element, orders: dict[str, list[str]]) -> list[tuple[etree._Element, str]]:
    found = []
    for tag, order in orders.items():
        for element in root.iter(f"{{{W}}}{tag}"):
            names = [etree.QName(child).localname for child in element if isinstance(child.tag, str)]
            ranks = [order.index(name) for name in names if name in order]
            if ranks != sorted(ranks):
                found.append((element, f"w:{tag} children {names} are not in wml.xsd's order"))
    return found


def violations(schemas: Schemas, path: Path, label: str | None = None) -> tuple[list[Violation], int]:
    """The schemas' messages for each WordprocessingML part of the file and its app properties, and how
    many parts were checked."""
    found, parts = [], 0
    with zipfile.ZipFile(path) as package:
        names = sorted(n for n in package.namelist() if PARTS.fullmatch(n) or n == APP)
        for name in names:
            parts += 1
            root = as_word_reads(etree.fromstring(package.read(name)))
            schema = schemas.app if name == APP else schemas.wml
            if not schema.validate(etree.ElementTree(root)):
                found += [Violation(label or path.name, name, e.line, e.path, e.message) for e in schema.error_log]
            tree = root.getroottree()
            found += [Violation(label or path.name, name, element.sourceline or 0, tree.getpath(element), message)
                      for element, message in _out_of_order(root, schemas.orders)]
    return found, parts


# ---------------------------------------------------------------------------------------- the files


def party(config):
    return apply_overrides(config, {
        "style": "party", "agency.parent": "Đảng bộ tỉnh Quảng Ngãi", "agency.name": "ĐẢNG ỦY UBND TỈNH",
        "agency.code": "ĐUUBNDT", "signer.authority": "TM", "signer.on_behalf": "Ban Thường vụ",
        "signer.position": "Phó Bí thư"})


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    """Every DOCX nq57 writes from the samples: `nq57 demo`'s (BÁO CÁO with a previous period, Phụ lục 03,
    letters), each form in both styles, the overdue appendix and letters in both styles, and the
    built-in templates."""
    from datetime import date

    from nq57cli.indicators.consolidate import merge_indicators
    from nq57cli.pipeline import DEMO_AS_OF, DEMO_PERIOD
    from nq57cli.render.document import render_document
    from nq57cli.render.overdue import write_letters, write_overdue_docx
    from nq57cli.tasks.merge import merge
    from nq57cli.tasks.overduereport import classify

    out = tmp_path_factory.mktemp("ooxml")
    demo = CliRunner().invoke(app, ["demo", "-o", str(out / "demo")])
    assert demo.exit_code == 0, demo.output
    files = {f"demo/{p.relative_to(out / 'demo')}": p for p in sorted((out / "demo").rglob("*.docx"))}
    assert len(files) >= 4, files

    result = merge(sorted((SAMPLES / "submissions").glob("*.xlsx")), catalog=SAMPLES / "catalog.xlsx",
                   period=DEMO_PERIOD)
    folder = SAMPLES / "indicators"
    indicators = merge_indicators(sorted(p for p in folder.glob("*.xlsx") if p.name != "chi-tieu.xlsx"),
                                  folder / "chi-tieu.xlsx", "2025")
    state = apply_overrides(load_config(SAMPLES / "nq57.toml"), {"document.date": DEMO_AS_OF})
    late = classify(result, date.fromisoformat(DEMO_AS_OF))
    for style, config in (("state", state), ("party", party(state))):
        for form in FORMS:
            path = out / style / f"{form}.docx"
            path.parent.mkdir(exist_ok=True)
            files[f"{style}/{form}"] = render_document(result, form, config, path, indicators=indicators)
        files[f"{style}/qua-han"] = write_overdue_docx(late, out / style / "qua-han.docx", config)
        for letter in write_letters(late, out / style / "letters", config)[:2]:
            files[f"{style}/letters/{letter.name}"] = letter
    for template in sorted(builtin_templates_dir().glob("*.docx")):
        files[f"templates/{template.name}"] = template
    return files


@needs_schemas
def test_the_schemas_compile_and_reject_what_word_would(schemas, tmp_path):
    """The check can fail: w:spacing after w:jc in w:pPr, an unknown attribute, w:b after w:sz in w:rPr,
    and an element unknown to the app properties are each reported with the file, part, line and element."""
    body = (f'<w:document xmlns:w="{W}"><w:body><w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/>'
            '</w:pPr><w:r><w:t>x</w:t></w:r></w:p>\n<w:p w:bogus="1"/>\n<w:p><w:r><w:rPr><w:sz w:val="28"/><w:b/>'
            '</w:rPr></w:r></w:p><w:sectPr/></w:body></w:document>')
    app = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>nq57</Application><Generator>nq57</Generator></Properties>')
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", body)
        package.writestr(APP, app)
    found, parts = violations(schemas, path)
    assert parts == 2
    assert [(v.file, v.part, v.line) for v in found] == [
        ("bad.docx", APP, 1), ("bad.docx", "word/document.xml", 1), ("bad.docx", "word/document.xml", 2),
        ("bad.docx", "word/document.xml", 3)]
    assert "Generator" in found[0].message and "{%s}spacing" % W in found[1].message
    assert "bogus" in found[2].message and found[3].where == "/w:document/w:body/w:p[3]/w:r/w:rPr"
    assert "['sz', 'b']" in found[3].message
    assert found[1].where == "/w:document/w:body/w:p[1]/w:pPr/w:spacing"


def test_ignorable_markup_is_removed_as_word_does():
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    root = etree.fromstring(
        f'<w:settings xmlns:w="{W}" xmlns:mc="{MC}" xmlns:w14="{w14}" mc:Ignorable="w14">'
        '<w:zoom w:percent="100" w14:x="1"/><w14:docId w14:val="1"/>'
        '<mc:AlternateContent><mc:Choice Requires="w14"><w14:y/></mc:Choice>'
        '<mc:Fallback><w:defaultTabStop w:val="720"/></mc:Fallback></mc:AlternateContent></w:settings>')
    kept = as_word_reads(root)
    assert [etree.QName(e).localname for e in kept] == ["zoom", "defaultTabStop"]
    assert dict(kept.attrib) == {} and dict(kept[0].attrib) == {f"{{{W}}}percent": "100"}


@needs_schemas
def test_every_docx_is_schema_valid(schemas, documents):
    """Each file's WordprocessingML parts and app properties are valid against the Transitional schemas."""
    found, parts = [], 0
    for label, path in documents.items():
        file_found, file_parts = violations(schemas, path, label)
        found += file_found
        parts += file_parts
    # document, styles, settings, numbering, fontTable, webSettings, 2 headers, app.xml
    assert parts >= 9 * len(documents) and len(documents) >= 2 * len(FORMS) + 4 + len(FORMS)
    assert not found, f"{len(found)} schema violations in {parts} parts:\n" + "\n".join(map(str, found[:40]))
