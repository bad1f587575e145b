"""Who gets a report template and with which tasks: one plan per agency (named as the catalog spells it,
its tasks as lead or partner, a unique ASCII file name), and the agency list of `--agencies`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nq57cli.domain.agency import agency_key, display_name
from nq57cli.errors import UsageError
from nq57cli.domain.models import Task
from nq57cli.domain.registry import Registry
from nq57cli.read.agencylist import read_agencies
from nq57cli.core.text import one_line, strip_diacritics

if TYPE_CHECKING:
    from nq57cli.tasks.catalog import Catalog


@dataclass
class TemplatePlan:
    """What one agency's template will hold: its tasks, and whether the catalog names the agency."""

    agency: str
    file_name: str
    tasks: list[Task]
    named: bool  # False: the catalog names other agencies but not this one, so every task is listed


def concerned(task: Task, registry: Registry | None = None) -> list[str]:
    """The agencies a task is assigned to: lead(s) first, then partners (collective phrases such as
    "Các sở, ngành" stand for the roster's members of that kind)."""
    return (registry or Registry()).expected_for(task.lead, task.partners)


def file_stem(agency: str) -> str:
    """ASCII file name for an agency: "Sở Khoa học và Công nghệ" → "so-khoa-hoc-va-cong-nghe".

    Read back by agency.agency_from_filename(), the stem matches the agency again.
    """
    ascii_name = strip_diacritics(one_line(agency) or "").lower()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:80].strip("-")
    return stem or "don-vi"


def plan_templates(catalog: Catalog, agencies: list[str] | None = None) -> list[TemplatePlan]:
    """One plan per agency (the catalog's lead and partner agencies when none are given).

    Names are snapped to the catalog's spelling; duplicates are dropped; file names are unique.
    """
    registry = catalog.registry
    known = registry.names
    if agencies is None:
        if not known:
            raise UsageError(
                "Danh mục không ghi cơ quan chủ trì, phối hợp; hãy nêu đơn vị (--agency) hoặc danh sách đơn vị "
                "(--agencies).",
                "The catalog names no lead or partner agency; give the agencies (--agency or --agencies).",
            )
        agencies = known
    names: dict[str, str] = {}
    for name in agencies:
        text = one_line(name)
        if not text:
            continue
        snapped = registry.snap(display_name(text))
        names.setdefault(agency_key(snapped), snapped)
    if not names:
        raise UsageError("Chưa có đơn vị nào để lập biểu mẫu.", "No agency to write a template for.")
    plans: list[TemplatePlan] = []
    used: set[str] = set()
    for agency in names.values():
        tasks = [t for t in catalog.tasks if agency in concerned(t, registry)] if known else []
        named = bool(tasks) or not known
        stem = base = file_stem(agency)
        number = 2
        while stem in used:
            stem, number = f"{base}-{number}", number + 1
        used.add(stem)
        plans.append(TemplatePlan(agency=agency, file_name=f"{stem}.xlsx", tasks=tasks or list(catalog.tasks),
                                  named=named))
    return plans



def read_agency_list(path: Path) -> list[str]:
    """Agency names from an agency list workbook (agencylist.read_agencies: name, short name, aliases,
    kind, e-mail); order kept, repeats and section headings skipped."""
    return [agency.name for agency in read_agencies(path)]

