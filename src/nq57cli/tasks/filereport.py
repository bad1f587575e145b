"""The `validate` report: merge's findings grouped by file, and the files that are clean.

validate_files() runs merge itself, so `validate` and `merge` can never disagree on a finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from nq57cli.domain.findings import count_by_severity, errors
from nq57cli.domain.models import Finding, MergeResult, Model

PROBLEM = ("error", "warning")


class FileReport(Model):
    """One input file and the findings about it."""

    file: str  # the name findings use
    path: str
    role: Literal["catalog", "submission", "merged", "copy"] = "submission"
    agency: str | None = None
    readable: bool = True
    findings: list[Finding] = Field(default_factory=list)

    def count(self, severity: str) -> int:
        return count_by_severity(self.findings)[severity]

    @property
    def clean(self) -> bool:
        """No error and no warning (info findings do not count)."""
        return self.readable and not any(f.severity in PROBLEM for f in self.findings)

    def to_json_dict(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "file": self.file, "path": self.path, "role": self.role, "agency": self.agency,
            "readable": self.readable, "clean": self.clean,
            "counts": count_by_severity(self.findings),
            "findings": [f.to_dict(lang) for f in self.findings],
        }


class ValidationReport(Model):
    """Findings by file (catalog first, then submissions in the order given) and run-wide findings."""

    files: list[FileReport]
    general: list[Finding] = Field(default_factory=list)  # about no single file (tasks, conflicts)
    findings: list[Finding] = Field(default_factory=list)  # all of them, exactly as merge returned them

    @property
    def submissions(self) -> list[FileReport]:
        return [f for f in self.files if f.role == "submission"]

    @property
    def clean_files(self) -> list[str]:
        return [f.file for f in self.submissions if f.clean]

    @property
    def files_with_problems(self) -> list[FileReport]:
        return [f for f in self.submissions if not f.clean]

    def errors(self) -> list[Finding]:
        return errors(self.findings)

    def to_json_dict(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "files": [f.to_json_dict(lang) for f in self.files],
            "general": [f.to_dict(lang) for f in self.general],
            "clean_files": self.clean_files,
            "counts": count_by_severity(self.findings),
        }


def group_by_file(result: MergeResult) -> ValidationReport:
    """Sort a merge result's findings into the files they are about."""
    reports: dict[str, FileReport] = {}
    for info in result.inputs:
        if info.name not in reports:  # two inputs of one name cannot be told apart by their findings
            reports[info.name] = FileReport(file=info.name, path=info.path, role=info.role, agency=info.agency,
                                            readable=info.readable)
    general = []
    for finding in result.findings:
        report = reports.get(finding.file or "")
        if report is None:
            general.append(finding)
        else:
            report.findings.append(finding)
    return ValidationReport(files=list(reports.values()), general=general, findings=list(result.findings))


def validate_files(
    paths: list[Path], catalog: Path | None = None, agencies: dict[str, str] | None = None,
    use: list[str] | None = None,
) -> ValidationReport:
    """Check submissions (against a catalog when given): the findings of merge, grouped by file."""
    from nq57cli.tasks.merge import merge

    return group_by_file(merge(paths, catalog=catalog, agencies=agencies, use=use))
