"""The finding registry (domain/findings.py) is complete: every code the source emits is declared with a
severity and both languages, every declared code is emitted, every template renders in both languages;
and the one findings collection (counts, errors, severity labels)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from nq57cli.domain.findings import (CODES, DATE_PARAM_CODES, LABELS, SEVERITIES, SEVERITY_VARIES, count_by_severity,
                                     counts_text, errors, finding_message, render, severity_label)
from nq57cli.domain.models import Finding, MergeResult

SRC = Path(__file__).resolve().parents[1] / "src" / "nq57cli"
REGISTRY = SRC / "domain" / "findings.py"

_LIT = r'"([a-z]+\.[a-z][a-z_0-9]*)"'
_ONE_OR_TWO = rf'{_LIT}(?:\s+if\s+[^"\n]+?\s+else\s+{_LIT})?'  # "a.b" or "a.b" if cond else "c.d"
# Every form in which the source names a finding code (see test_the_scan_sees_each_form).
EMITTING = [
    re.compile(rf"\bcode\s*=\s*{_ONE_OR_TWO}"),  # Finding(code=...), code = ... if ... else ...
    re.compile(rf"\.add\(\s*(?:\"\w+\"(?:\s+if\s+[^\"\n]+?\s+else\s+\"\w+\")?|[\w.()]+),\s*{_ONE_OR_TWO}"),  # RowContext
    re.compile(rf"\b_at\(\w+,\s*\"\w+\",\s*{_ONE_OR_TWO}"),  # merge._at(report, severity, code, ...)
    re.compile(rf"\bWorkbookUnreadable\(\s*{_LIT}"),  # the reader's unreadable files
    re.compile(rf"(?:\breturn|\()\s*{_LIT},\s*\{{"),  # (code, params) problems and parser issues
    re.compile(rf"\bno_header\s*(?::\s*str\s*)?=\s*{_LIT}"),  # a table schema's "no header" code
]
# Tables that map a kind to the code emitted for it.
CODE_TABLES = re.compile(r"^(?:DISGUISED|_REASON_CODES) = \{(.*?)\}", re.M | re.S)
# Emission sites that still state a severity: the helpers' positional severity, and Finding(severity=...).
SEVERITY_AT_SITE = [
    re.compile(rf"\.add\(\s*\"(\w+)\"(?:\s+if\s+[^\"\n]+?\s+else\s+\"(\w+)\")?,\s*{_ONE_OR_TWO}"),
    re.compile(rf"\b_at\(\w+,\s*\"(\w+)\"(),\s*{_ONE_OR_TWO}"),
]
FINDING_WITH_SEVERITY = re.compile(r"Finding\((?:[^()]|\([^()]*\))*?severity\s*=(?:[^()]|\([^()]*\))*?code\s*=\s*" + _LIT)


def _sources() -> dict[str, str]:
    return {str(p.relative_to(SRC)): p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py")) if p != REGISTRY}


def emitted_codes() -> dict[str, set[str]]:
    """code → the modules that emit it."""
    found: dict[str, set[str]] = {}
    for name, text in _sources().items():
        for pattern in EMITTING:
            for match in pattern.finditer(text):
                for code in match.groups():
                    if code:
                        found.setdefault(code, set()).add(name)
        for table in CODE_TABLES.finditer(text):
            for code in re.findall(r":\s*" + _LIT, table.group(1)):
                found.setdefault(code, set()).add(name)
    return found


def test_every_emitted_code_is_declared_with_a_severity_and_both_languages():
    emitted = emitted_codes()
    assert len(emitted) > 60  # the scan sees the source (a broken pattern would find nothing and pass)
    undeclared = {code: sorted(where) for code, where in emitted.items() if code not in CODES}
    assert not undeclared, f"finding codes emitted but not declared in domain/findings.py: {undeclared}"
    for code, declared in CODES.items():
        assert declared.severity in SEVERITIES, code
        assert declared.vi.strip() and declared.en.strip(), f"{code} lacks a language"
        assert declared.vi != declared.en, f"{code}: the English text is the Vietnamese one"


def test_every_declared_code_is_emitted():
    never = sorted(set(CODES) - set(emitted_codes()))
    assert not never, f"declared in domain/findings.py but emitted nowhere: {never}"


def test_the_scan_sees_each_form():
    """One code per emission form, so that a pattern that stops matching fails here, not silently."""
    emitted = emitted_codes()
    for code, module in [("task.no_match", "tasks/matching.py"),  # _at(report, "error", "task.no_match", ...)
                         ("status.unknown", "read/rows.py"),  # ctx.add("error", "status.unknown", ...)
                         ("indicator.name_match", "indicators/read.py"),  # ... if weak else "…name_match"
                         ("file.zip_bomb", "read/workbook.py"),  # WorkbookUnreadable("file.zip_bomb", ...)
                         ("file.locked", "read/guards.py"),  # return "file.locked", {}
                         ("date.unparsed", "domain/deadline.py"),  # issues: ("date.unparsed", {...})
                         ("date.ambiguous", "domain/deadline.py"),  # code = "…" if … else "date.ambiguous"
                         ("file.disguised_csv", "read/formats.py"),  # DISGUISED table
                         ("indicator.value_bound", "indicators/consolidate.py"),  # _REASON_CODES table
                         ("indicator.no_header", "indicators/read.py"),  # Schema(no_header=...)
                         ("cell.formula_no_value", "read/rows.py"),  # code="…" if error else "…"
                         ("task.task_that_is_not", None)]:
        if module is None:
            assert code not in emitted
        else:
            assert module in emitted.get(code, set()), (code, module)


def test_a_severity_stated_at_an_emission_site_is_the_declared_one():
    """The severity lives in the registry; a site that still names one must agree with it, except for the
    codes whose severity depends on the case (SEVERITY_VARIES, documented there)."""
    seen = 0
    for name, text in _sources().items():
        for pattern in SEVERITY_AT_SITE:
            for match in pattern.finditer(text):
                severities = [s for s in match.groups()[:2] if s]
                codes = [c for c in match.groups()[2:] if c]
                for severity, code in zip(severities if len(severities) == len(codes) else severities * len(codes),
                                          codes):
                    seen += 1
                    assert code in SEVERITY_VARIES or CODES[code].severity == severity, (name, code, severity)
        for match in FINDING_WITH_SEVERITY.finditer(text):
            assert match.group(1) in SEVERITY_VARIES, f"{name}: Finding({match.group(1)}) gives a severity; " \
                                                      "drop it (the registry's is used) or declare it as varying"
    assert seen > 20


def test_a_finding_takes_its_severity_from_its_code():
    assert Finding(code="task.no_match").severity == "error"
    assert Finding(code="task.weak_match").severity == "warning"
    assert Finding(code="agency.source").severity == "info"
    assert Finding(severity="info", code="text.legacy_encoding").severity == "info"  # a varying one, given
    with pytest.raises(KeyError):
        Finding(code="task.not_declared")


def _params(code: str) -> list[dict]:
    """Params for every placeholder of both templates; one set per label key of a labelled param."""
    fields = {}
    for template in (CODES[code].vi, CODES[code].en):
        for _, name, spec, _ in string.Formatter().parse(template):
            if name:
                fields[name] = 42.5 if spec else f"<{name}>"
    for texts in LABELS.get(code, {}).values():
        for text in (t for pair in texts.values() for t in pair):
            for _, name, spec, _ in string.Formatter().parse(text):
                if name:
                    fields[name] = f"<{name}>"
    variants = [fields]
    for label, texts in LABELS.get(code, {}).items():
        variants = [{**v, label: key} for v in variants for key in texts]
    return variants


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_template_renders_in_both_languages(code):
    for params in _params(code):
        vi, en = render(code, params, "vi"), render(code, params, "en")
        for text in (vi, en):
            assert "{" not in text and "}" not in text, (code, text)
        assert vi != en
        for name, value in params.items():  # every param is shown in both languages (a label by its text)
            if name not in LABELS.get(code, {}) and isinstance(value, str):
                assert (value in vi) == (value in en), (code, name)


def test_both_languages_use_the_same_placeholders():
    for code, declared in CODES.items():
        vi = {name for _, name, _, _ in string.Formatter().parse(declared.vi) if name}
        en = {name for _, name, _, _ in string.Formatter().parse(declared.en) if name}
        assert vi == en, code


def test_labels_are_language_neutral_keys_shown_per_language():
    finding = Finding(code="agency.source", params={"agency": "Sở Tài chính", "source": "filename"})
    assert finding.message("vi") == "đơn vị báo cáo: Sở Tài chính (lấy từ tên tệp)"
    assert finding.message("en") == "reporting agency: Sở Tài chính (taken from the file name)"
    legacy = Finding(severity="info", code="text.legacy_encoding",
                     params={"encoding": "TCVN3", "count": 2, "cells": "B4, C5", "how": "font", "fonts": ".VnTime"})
    assert "(nhận ra qua phông chữ .VnTime)" in legacy.message("vi")
    assert "(recognised by the font .VnTime)" in legacy.message("en")
    unreadable = Finding(code="task.id_unreadable", value="#REF!", params={"what": "error", "then": "numbered",
                                                                          "assigned": "NV-003"})
    assert unreadable.message("vi").startswith("mã nhiệm vụ không đọc được (lỗi Excel #REF!); tạm đặt mã NV-003;")
    assert unreadable.message("en").startswith("the task ID cannot be read (the Excel error #REF!); numbered "
                                               "NV-003 for now;")


def _calls(text: str, opening: re.Pattern) -> list[str]:
    """The text of each call opened by `opening` (up to its closing parenthesis)."""
    calls = []
    for match in opening.finditer(text):
        depth, i = 1, match.end()
        while depth and i < len(text):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        calls.append(text[match.start():i])
    return calls


def test_no_finding_param_holds_text_in_one_language():
    """Params named *_vi / *_en were display text stored in the record (made at emission, in each language);
    params are language-neutral values now, shown per language by the templates and LABELS."""
    opening = re.compile(r"(?:\bFinding|\.add|\b_at|\.id_unreadable)\(")
    one_language = re.compile(r"\b\w+_(?:vi|en)\s*=[^=]|[\"']\w+_(?:vi|en)[\"']\s*:")
    calls = [(name, call) for name, text in _sources().items() for call in _calls(text, opening)]
    assert len(calls) > 60
    for name, call in calls:
        assert not one_language.search(call), f"{name}: {call}"


def test_iso_dates_of_date_findings_are_shown_day_first():
    assert "date.ambiguous" in DATE_PARAM_CODES
    finding = Finding(code="date.ambiguous", params={"text": "03/04/2025", "day_first": "2025-04-03",
                                                     "month_first": "2025-03-04"})
    assert "đã hiểu là 03/04/2025 (ngày trước), không phải 04/03/2025" in finding.message("vi")
    assert "read as 03/04/2025 (day first), not 04/03/2025" in finding.message("en")
    assert finding.params["day_first"] == "2025-04-03"  # the record keeps the date, not its display


def test_an_unrenderable_finding_prints_its_template_not_an_exception():
    assert Finding(code="task.no_match").message("en") == CODES["task.no_match"].en
    assert finding_message(Finding(severity="error", code="x.unknown"), "vi") == "x.unknown"


def test_one_findings_collection():
    findings = [Finding(code="task.no_match"), Finding(code="task.weak_match"), Finding(code="task.no_match"),
                Finding(code="agency.source")]
    assert count_by_severity(findings) == {"error": 2, "warning": 1, "info": 1}
    assert list(count_by_severity([])) == ["error", "warning", "info"]
    assert errors(findings) == [findings[0], findings[2]]
    result = MergeResult(tasks=[], groups=[], findings=findings, inputs=[])
    assert result.errors() == errors(findings)
    assert [severity_label(s) for s in SEVERITIES] == ["lỗi", "cảnh báo", "thông tin"]
    assert [severity_label(s, "en") for s in SEVERITIES] == ["error", "warning", "info"]
    assert counts_text({"error": 2, "warning": 1, "info": 0}) == "2 lỗi, 1 cảnh báo, 0 thông tin"
    assert counts_text({"error": 2, "warning": 1, "info": 0}, "en") == "2 errors, 1 warnings, 0 info"


@pytest.mark.parametrize("toml, vi, en", [
    ('[signer]\nauthority = "XYZ"\n', "thẩm quyền ký phải là một trong TM, KT, TL, TUQ",
     "the signing authority must be one of TM, KT, TL, TUQ"),
    ('[signer]\nauthority = "TM"\non_behalf = ""\n', "khi có thẩm quyền ký (TM/KT/TL/TUQ) cần ghi on_behalf",
     "a signing authority (TM/KT/TL/TUQ) needs on_behalf"),
    ('[document]\ndate = "32/13/2025"\n', "ngày không đọc được: '32/13/2025'", "cannot read the date '32/13/2025'"),
    ('[report]\nappendices = ["phu-luc-99"]\n', "phụ lục 'phu-luc-99' không có", "no appendix 'phu-luc-99'"),
    ('[report]\nappendices = ["phu-luc-03", "phu-luc-03"]\n', "một phụ lục được ghi hai lần",
     "an appendix is named twice"),
])
def test_configuration_errors_are_said_in_both_languages(tmp_path, toml, vi, en):
    from nq57cli.domain.configfile import load_config
    from nq57cli.errors import UsageError

    path = tmp_path / "nq57.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_config(path)
    assert vi in caught.value.message_vi and vi not in caught.value.message_en
    assert en in caught.value.message_en and caught.value.message_en.startswith("Invalid configuration ")
