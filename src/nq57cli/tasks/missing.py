"""Who has not answered: expected agencies that sent nothing, tasks nobody reported, silent leads.

Built from what merge already worked out (Task.reports, Task.silent, InputFile.agency); nothing
here matches rows to tasks again.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from nq57cli.domain.agency import agency_key, is_collective, split_agencies
from nq57cli.domain.format import count_text
from nq57cli.core.text import natural_key, natural_sorted
from nq57cli.domain.models import MergeResult, Model
from nq57cli.domain.registry import as_registry


class TaskGap(Model):
    """A task someone should have reported on."""

    task_id: str
    title: str
    lead: str | None = None


class LeadGap(Model):
    """A lead agency and the tasks it leads that others reported on but it did not."""

    agency: str
    tasks: list[str]


class AgencyGap(Model):
    """One expected agency: the files it sent and the tasks it is expected on but silent about."""

    agency: str
    sent: bool
    files: list[str] = Field(default_factory=list)
    silent_tasks: list[str] = Field(default_factory=list)  # as lead or partner
    silent_lead_tasks: list[str] = Field(default_factory=list)  # of those, the ones it leads


class MissingReport(Model):
    """Everything missing from a round of submissions, against the expected agencies."""

    expected: list[str]
    not_sent: list[str]  # expected agencies from which no readable file came
    unexpected: list[str]  # agencies that sent a file but are not expected
    unreadable_files: list[str]  # files whose agency could not be told (merge reports why)
    tasks_not_reported: list[TaskGap]  # no agency reported at all
    lead_silent: list[LeadGap]  # reported by others, not by the lead
    agencies: list[AgencyGap]

    def counts(self) -> dict[str, int]:
        return {
            "expected": len(self.expected),
            "not_sent": len(self.not_sent),
            "unreadable_files": len(self.unreadable_files),
            "tasks_not_reported": len(self.tasks_not_reported),
            "lead_silent_tasks": sum(len(g.tasks) for g in self.lead_silent),
        }

    def summary(self, lang: str = "vi") -> str:
        """One line: how many agencies and tasks are missing."""
        counts = self.counts()
        c = {key: count_text(value, lang) for key, value in counts.items()}
        sent = count_text(counts["expected"] - counts["not_sent"], lang)
        if lang == "en":
            return (f"{sent}/{c['expected']} expected agencies sent a file; {c['tasks_not_reported']} tasks "
                    f"without any report; {c['lead_silent_tasks']} tasks not reported by their lead agency.")
        return (f"{sent}/{c['expected']} đơn vị đã gửi báo cáo; {c['tasks_not_reported']} nhiệm vụ chưa có báo cáo; "
                f"{c['lead_silent_tasks']} nhiệm vụ cơ quan chủ trì chưa báo cáo.")

    def summary_lines(self, lang: str = "vi", limit: int | None = None) -> list[str]:
        """The one-line summary, then one line per kind of gap that is not empty. With `limit`, a list
        longer than that shows its first `limit` items and how many more (`nq57 missing` shows all)."""
        vi = lang != "en"

        def listed(items: list[str], separator: str) -> str:
            if limit is None or len(items) <= limit:
                return separator.join(items)
            more = len(items) - limit
            return separator.join(items[:limit]) + (f" … và {more} mục khác (nq57 missing in đủ)" if vi else
                                                    f" … and {more} more (nq57 missing lists them all)")

        lines = [self.summary(lang)]
        if self.not_sent:
            lines.append(("Đơn vị chưa gửi báo cáo: " if vi else "Agencies that sent nothing: ") + listed(self.not_sent, "; "))
        if self.unreadable_files:
            lines.append(("Tệp không đọc được: " if vi else "Unreadable files: ") + listed(self.unreadable_files, "; "))
        if self.tasks_not_reported:
            ids = [t.task_id for t in self.tasks_not_reported]
            lines.append(("Nhiệm vụ chưa có đơn vị nào báo cáo: " if vi else "Tasks without any report: ") + listed(ids, ", "))
        gaps = self.lead_silent if limit is None else self.lead_silent[:limit]
        for gap in gaps:
            lead = f"Cơ quan chủ trì {gap.agency} chưa báo cáo: " if vi else f"Lead {gap.agency} did not report on: "
            lines.append(lead + listed(gap.tasks, ", "))
        if len(gaps) < len(self.lead_silent):
            more = len(self.lead_silent) - len(gaps)
            lines.append(f"… và {more} cơ quan chủ trì khác chưa báo cáo (nq57 missing in đủ)" if vi else
                         f"… and {more} more lead agencies that did not report (nq57 missing lists them all)")
        if self.unexpected:
            lines.append(("Đơn vị ngoài danh sách: " if vi else "Not in the expected list: ") + listed(self.unexpected, "; "))
        return lines

    def to_json_dict(self, lang: str = "vi") -> dict[str, Any]:
        return self.model_dump(mode="json") | {"counts": self.counts(), "summary": self.summary(lang)}


def missing_report(result: MergeResult, expected: list[str] | None = None) -> MissingReport:
    """Gaps of a merge against `expected` agencies (an agency list), else the catalog's lead and partner agencies.

    Names are compared through the registry (registry.py, agency.agency_key): case, diacritics form,
    abbreviations and small spelling slips do not make an agency missing; collective phrases ("Các
    sở, ngành") are never agencies.
    """
    catalog = as_registry(result.expected_agencies)
    given = expected if expected is not None else result.expected_agencies
    unique: dict[str, str] = {}
    for name in given:  # the catalog's spelling wins; "CÔNG AN TỈNH" and "Công an tỉnh" are one agency
        if is_collective(name):
            continue
        snapped = catalog.snap(name)
        unique.setdefault(agency_key(snapped), snapped)
    names = list(unique.values())
    roster = as_registry(names)
    submissions = [i for i in result.inputs if i.role == "submission"]
    files: dict[str, list[str]] = {}
    unexpected: dict[str, None] = {}
    for info in submissions:
        if not info.agency:
            continue
        found = roster.get(roster.snap(info.agency))
        if found:
            files.setdefault(found.name, []).append(info.name)
        else:
            unexpected.setdefault(info.agency, None)
    unreadable = [i.name for i in submissions if not i.readable]

    tasks_not_reported = [TaskGap(task_id=t.task_id, title=t.title, lead=t.lead) for t in result.tasks if not t.reports]
    lead_silent: dict[str, list[str]] = {}
    silent: dict[str, list[str]] = {}
    silent_lead: dict[str, list[str]] = {}
    for task in result.tasks:
        leads = {agency_key(n) for n in catalog.expand(split_agencies(task.lead))}
        for agency in task.silent:
            key = roster.snap(agency)
            silent.setdefault(key, []).append(task.task_id)
            if agency_key(agency) in leads:
                silent_lead.setdefault(key, []).append(task.task_id)
                if task.reports:
                    lead_silent.setdefault(key, []).append(task.task_id)

    order = names + natural_sorted(a for a in silent if a not in names)
    agencies = [
        AgencyGap(agency=a, sent=a in files, files=files.get(a, []), silent_tasks=silent.get(a, []),
                  silent_lead_tasks=silent_lead.get(a, []))
        for a in order
    ]
    return MissingReport(
        expected=names,
        not_sent=[a for a in names if a not in files],
        unexpected=sorted(unexpected, key=natural_key),
        unreadable_files=unreadable,
        tasks_not_reported=tasks_not_reported,
        lead_silent=[LeadGap(agency=a, tasks=lead_silent[a]) for a in order if a in lead_silent],
        agencies=agencies,
    )
