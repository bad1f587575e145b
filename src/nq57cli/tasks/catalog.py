"""The task catalog (danh mục nhiệm vụ) and the base every catalog shares: who is expected to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nq57cli.core.text import header_key
from nq57cli.domain.models import Finding, Group, InputFile, Task
from nq57cli.domain.registry import Agency, Registry, catalog_registry
from nq57cli.errors import UnreadableInputError
from nq57cli.read.reader import read_table
from nq57cli.read.table import ReadOutcome
from nq57cli.read.workbook import sha256_of
from nq57cli.read.rows import parse_catalog


CATALOG_NAMES = ("danh muc", "danh-muc", "danh_muc", "danhmuc", "catalog")  # in a file name, diacritics dropped


def looks_like_catalog(columns: dict[str, int], file_name: str) -> bool:
    """Whether a table read as an agency's report is a task catalog: no status and no result column,
    and task IDs or a name like "danh-muc.xlsx" (an agency's report always says how its tasks stand)."""
    from nq57cli.core.text import strip_diacritics

    if "status" in columns or "result" in columns:
        return False
    name = strip_diacritics(file_name).lower()
    return "task_id" in columns or any(word in name for word in CATALOG_NAMES)


class CatalogBase:
    """What a catalog (of tasks, of indicators) tells the input loader: the agencies expected to report,
    as a roster (`registry`) and as names (`agencies`). A subclass says how the roster is made."""

    _registry: Registry | None = None

    def make_registry(self) -> Registry:
        raise NotImplementedError

    @property
    def registry(self) -> Registry:
        """Who is who, made once per catalog."""
        if self._registry is None:
            self._registry = self.make_registry()
        return self._registry

    @property
    def agencies(self) -> list[str]:
        return self.registry.names


def unreadable_catalog(path: Path, outcome: ReadOutcome, what_vi: str, what_en: str) -> UnreadableInputError:
    """The error (exit code 3) for a catalog whose table could not be read, with the reader's reason."""
    problem = outcome.findings[0] if outcome.findings else None
    return UnreadableInputError(
        f"Không đọc được {what_vi} {path}: {problem.message('vi') if problem else 'không đọc được'}",
        f"Cannot read {what_en} {path}: {problem.message('en') if problem else 'unreadable'}",
    )


@dataclass
class Catalog(CatalogBase):
    tasks: list[Task]
    groups: list[Group]
    findings: list[Finding]
    input: InputFile
    listed: list[Agency] = field(default_factory=list)  # an agency list given with the catalog (--agencies)
    _registry: Registry | None = field(default=None, repr=False)
    title: str | None = None  # the title line above its table ("DANH MỤC NHIỆM VỤ ..."), else its sheet's name

    def make_registry(self) -> Registry:
        """The listed agencies, then those the catalog's lead and partner cells name."""
        return catalog_registry(self.tasks, self.listed)


def load_catalog(path: Path, listed: list[Agency] | None = None) -> Catalog:
    """Read the master task list; an unreadable catalog stops the run (exit code 3)."""
    try:  # hashed first: what is read is what the inputs sheet records
        digest, size = sha256_of(path), path.stat().st_size
    except OSError:
        digest, size = None, None  # read_table says why
    outcome = read_table(path)
    if outcome.table is None:
        raise unreadable_catalog(path, outcome, "danh mục nhiệm vụ", "the task catalog")
    tasks, groups, findings = parse_catalog(outcome.table)
    info = InputFile(
        path=str(path), name=path.name, sha256=digest, size=size, role="catalog",
        sheet=outcome.table.sheet, header_row=outcome.table.header_row, rows=len(tasks),
    )
    return Catalog(tasks, groups, outcome.findings + findings, info, list(listed or []),
                   title=catalog_title(outcome.table.title_lines, outcome.table.sheet))


def catalog_title(lines: list[str], sheet: str) -> str:
    """The line above a catalog's table that names it ("DANH MỤC ...", else the longest line that is not
    "(Kèm theo ...)"), else its sheet's name: recorded with the catalog's sha256 in merged.xlsx."""
    named = [line for line in lines if header_key(line).startswith("danh muc")]
    if named:
        return named[0]
    others = [line for line in lines if not line.lstrip().startswith("(")]
    return max(others, key=len) if others else sheet
