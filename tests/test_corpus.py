"""Public spreadsheet test files from reader projects' own test suites (tests/corpus/MANIFEST.json):
`nq57 validate --json FILE` on each gives no traceback, exactly one JSON document on stdout and a
documented exit code."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nq57cli.cli.app import app

CORPUS = Path(__file__).resolve().parent / "corpus"
MANIFEST = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))["files"]
runner = CliRunner()


def test_manifest_names_every_file_with_its_source_and_licence():
    listed = {entry["file"] for entry in MANIFEST}
    present = {p.name for p in CORPUS.iterdir() if p.is_file() and p.name != "MANIFEST.json"}
    assert listed == present
    for entry in MANIFEST:
        assert entry["repository"].startswith("https://github.com/") and len(entry["commit"]) == 40
        assert (CORPUS / entry["licence_file"]).is_file() and entry["licence"]
        assert hashlib.sha256((CORPUS / entry["file"]).read_bytes()).hexdigest() == entry["sha256"]
    assert sum((CORPUS / e["file"]).stat().st_size for e in MANIFEST) < 3 * 1024 * 1024


def _findings(document: dict) -> list[dict]:
    """The findings of `validate --json`: per file on a run that read something, all together when
    nothing could be read (exit 3's document)."""
    if "files" in document:
        return [f for item in document["files"] for f in item["findings"]]
    assert document["ok"] is False and document["exit_code"] == 3, document
    return document["findings"]


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["file"] for e in MANIFEST])
def test_validate_json_on_every_corpus_file(entry):
    result = runner.invoke(app, ["validate", "--json", str(CORPUS / entry["file"])])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout + (result.stderr or "")
    assert result.exit_code in (0, 1, 3), (result.exit_code, result.stdout[-300:], result.stderr[-300:])
    document = json.loads(result.stdout)  # exactly one JSON document, nothing around it
    findings = _findings(document)
    assert (result.exit_code == 3) == ("files" not in document)
    assert all(f["message"] and f["code"] for f in findings)


EXPECTED = {  # corpus file → the finding its kind calls for
    "pycalamine-password.xls": "file.encrypted",
    "sheetjs-password_2002_40_xor.xls": "file.encrypted",
    "sheetjs-password_2002_128_strong.xls": "file.encrypted",
    "calamine-pass_protected.xlsx": "file.encrypted",
    "calamine-pass_protected.xlsb": "file.encrypted",
    "calamine-pass_protected.ods": "file.encrypted",
    "sheetjs-column_width.htm.xls": "file.disguised_html",
    "sheetjs-sushi.xml.xlsx": "file.disguised_xml2003",
    "sheetjs-minimal_112.tsv.xls": "file.disguised_csv",
    "sheetjs-word_doc.doc.xls": "file.other_document",
    "calamine-issue_594_dos.ods": "sheet.too_many_rows",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_files_of_odd_kinds_get_the_finding_naming_them(name):
    result = runner.invoke(app, ["validate", "--json", str(CORPUS / name)])
    codes = [f["code"] for f in _findings(json.loads(result.stdout))]
    assert codes == [EXPECTED[name]]


@pytest.mark.parametrize("name", ["sheetjs-minimal_112.xls.xlsx", "xlrd-sample.xlsx.xls", "xlrd-sample.ods.xlsx",
                                  "calamine-any_sheets.xlsb", "calamine-biff5_write.xls"])
def test_workbooks_under_any_name_are_read_not_called_damaged(name):
    result = runner.invoke(app, ["validate", "--json", str(CORPUS / name)])
    codes = [f["code"] for f in _findings(json.loads(result.stdout))]
    assert not {"file.corrupt", "file.unsupported", "file.encrypted"} & set(codes), codes
