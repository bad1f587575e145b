"""Who is who: the roster of agencies a round of reports expects, and how names are snapped to it.

The roster comes from the catalog's lead and partner cells (agency.split_agencies), from an agency
list (`--agencies agencies.xlsx`: name, short name, aliases, kind, e-mail), or both. Every command
compares names through agency.agency_key, here, so that validate, merge, missing, template, overdue
and indicators name each agency the same way. Collective phrases ("Các sở, ngành", "UBND các xã,
phường") are never agencies: they stand for the roster's members of their kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nq57cli.domain.agency import agency_key, is_collective, split_agencies
from nq57cli.core.text import header_key

KINDS = ("so_nganh", "xa_phuong", "other")  # sở/ngành (provincial departments and their peers), xã/phường, other


@dataclass(frozen=True)
class Agency:
    name: str
    kind: str = "other"
    short: str | None = None
    aliases: tuple[str, ...] = ()
    email: str | None = None

    def keys(self) -> list[str]:
        return [k for k in (agency_key(n) for n in (self.name, self.short, *self.aliases) if n) if k]


_COMMUNE = re.compile(r"^(?:ubnd|uy ban nhan dan|dang uy|hdnd) (?:xa|phuong|dac khu|thi tran)\b")
_DEPARTMENT = re.compile(r"^(?:so|ban|cong an tinh|van phong|thanh tra tinh|bo chi huy|dai|bao|trung tam|"
                         r"kho bac|chi cuc|cuc|bao hiem xa hoi|ngan hang nha nuoc|tinh doan|hoi)\b")


def kind_of(name: str) -> str:
    """The kind of a named agency, from its name: "UBND xã …" → xa_phuong, "Sở …" → so_nganh."""
    key = header_key(name)
    if _COMMUNE.match(key):
        return "xa_phuong"
    if _DEPARTMENT.match(key):
        return "so_nganh"
    return "other"


def collective_kinds(phrase: str) -> tuple[str, ...]:
    """The kinds a collective phrase stands for ("Các sở, ngành" → so_nganh; "các xã, phường" →
    xa_phuong); () for phrases that name no kind ("các cơ quan, đơn vị liên quan", "Các bộ, ngành")."""
    key = header_key(phrase)
    if re.search(r"\bbo\b", key) and not re.search(r"\bso\b", key):
        return ()  # ministries: never members of a province's roster
    kinds = []
    if re.search(r"\b(?:so|nganh)\b", key):
        kinds.append("so_nganh")
    if re.search(r"\b(?:xa|phuong|dia phuong)\b", key):
        kinds.append("xa_phuong")
    return tuple(kinds)


@dataclass
class Registry:
    """The roster, in order, with every way of writing each name."""

    agencies: list[Agency] = field(default_factory=list)
    _by_key: dict[str, Agency] = field(default_factory=dict, repr=False)
    _by_initials: dict[str, list[Agency]] = field(default_factory=dict, repr=False)  # "skhcn" → Sở KH&CN

    def __post_init__(self) -> None:
        agencies, self.agencies = self.agencies, []
        for agency in agencies:
            self.add(agency)

    def add(self, agency: Agency) -> Agency:
        """Add an agency (one already known under any of its names is kept, with the new aliases)."""
        for key in agency.keys():
            if key in self._by_key:
                return self._by_key[key]
        self.agencies.append(agency)
        for key in agency.keys():
            self._by_key.setdefault(key, agency)
        for initials in _written_as_initials(agency):
            self._by_initials.setdefault(initials, []).append(agency)
        return agency

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.agencies]

    def __bool__(self) -> bool:
        return bool(self.agencies)

    def get(self, name: str) -> Agency | None:
        return self._by_key.get(agency_key(name))

    def snap(self, name: str) -> str:
        """The roster's spelling of `name` when it is clearly that agency, else `name` itself."""
        found, _ = self.resolve(name)
        return found or name

    def resolve(self, name: str) -> tuple[str | None, list[str]]:
        """(the roster agency `name` is, or None; the roster agencies it fits equally when ambiguous)."""
        key = agency_key(name)
        if not key or not self.agencies:
            return None, []
        exact = self._by_key.get(key)
        if exact:
            return exact.name, []
        if " " not in key and key in self._by_initials:  # "SKHCN" for "Sở Khoa học và Công nghệ"
            fits = [a.name for a in self._by_initials[key]]
            return (fits[0], []) if len(fits) == 1 else (None, fits)
        from rapidfuzz import fuzz, process

        keys = list(self._by_key)
        head = key.split()[0]
        cutoff = 90 if len(key) >= 25 else 95  # short names: "Sở Ngoại vụ" is not a slip for "Sở Nội vụ"
        top = [hit for hit in process.extract(key, keys, scorer=fuzz.ratio, limit=4, score_cutoff=cutoff)
               if hit[0].split()[0] == head]  # a spelling slip, never "Bộ …" for "Sở …"
        if not top:
            return None, []
        best = top[0][1]
        fits = list(dict.fromkeys(self._by_key[k].name for k, score, _ in top if score >= best - 0.5))
        if len(fits) > 1:
            return None, fits
        return fits[0], []

    def find_in(self, text: str, abbreviations: bool = False) -> tuple[str | None, list[str]]:
        """The roster agency whose name (or short name, or alias) appears in `text` ("Báo cáo — Sở Tài chính",
        "01_so-khcn_quy4"): the longest one; two different agencies equally long are ambiguous."""
        key = f" {agency_key(text)} "
        if not key.strip():
            return None, []
        found: dict[str, int] = {}
        for agency_name, length in ((a.name, len(k)) for a in self.agencies for k in a.keys() if f" {k} " in key):
            found[agency_name] = max(found.get(agency_name, 0), length)
        if abbreviations:
            tokens = set(header_key(text).split())
            for agency in self.agencies:
                if any(i in tokens for n in (agency.name, agency.short) if n for i in _initials(n)):
                    found.setdefault(agency.name, 1)
        if not found:
            return None, []
        best = max(found.values())
        fits = [n for n, length in found.items() if length == best]
        return (fits[0], []) if len(fits) == 1 else (None, fits)

    def expand(self, names: Iterable[str]) -> list[str]:
        """Names with collective phrases replaced by the roster's members of their kind; deduplicated."""
        out: dict[str, str] = {}
        for name in names:
            if is_collective(name):
                kinds = collective_kinds(name)
                for agency in self.agencies:
                    if agency.kind in kinds:
                        out.setdefault(agency_key(agency.name), agency.name)
            else:
                snapped = self.snap(name)
                out.setdefault(agency_key(snapped), snapped)
        return list(out.values())

    def expected_for(self, lead: str | None, partners: Iterable[str]) -> list[str]:
        """A task's lead agencies, then its partners (collectives expanded): who should report on it."""
        return self.expand([*split_agencies(lead), *partners])


def as_registry(known: list[str] | Registry) -> Registry:
    """A roster from a list of names (kinds told from the names), or the roster itself."""
    if isinstance(known, Registry):
        return known
    return Registry([Agency(name=n, kind=kind_of(n)) for n in known if not is_collective(n)])


def names_in(cells: Iterable[object]) -> list[str]:
    """Agencies named in catalog cells, in order, without collective phrases and repeats."""
    out: dict[str, str] = {}
    for cell in cells:
        for name in split_agencies(cell):
            if not is_collective(name):
                out.setdefault(agency_key(name), name)
    return list(out.values())


def catalog_registry(tasks: Iterable[object], listed: list[Agency] | None = None) -> Registry:
    """The roster: the listed agencies first (an agency list's spelling wins), then the catalog's."""
    registry = Registry(list(listed or []))
    cells: list[object] = []
    for task in tasks:
        cells.append(getattr(task, "lead", None))
        cells.extend(getattr(task, "partners", []))
    names = names_in(cells)
    written_out = Registry([*registry.agencies, *(Agency(name=n) for n in names if " " in agency_key(n))])
    for name in names:
        if " " not in agency_key(name) and written_out.resolve(name)[0]:
            continue  # "SKHCN" in one cell, "Sở Khoa học và Công nghệ" in another: one agency, not two
        registry.add(Agency(name=name, kind=kind_of(name)))
    return registry



@dataclass
class Sender:
    """Who sent a file, the signal that said so (messages.SOURCE_NAMES), and the roster agencies
    the name fits equally when it is ambiguous (then `name` is the text as written)."""

    name: str
    source: str
    ambiguous: list[str] = field(default_factory=list)


def identify_sender(path: Path, title_lines: list[str], overrides: dict[str, str], registry: Registry) -> Sender:
    """The agency that sent `path`, from every signal, strongest first: the --agency option; a label
    line ("Đơn vị: …"); the title block (parent body, then issuing body; the province and the
    document's own title left out); the workbook's properties (only when they name a roster agency);
    the file name (abbreviations such as "so-khcn", "SYT_", "VPUBND" included). Each candidate is
    snapped to the roster; with no roster, the name is kept as written, in Vietnamese capitalisation."""
    from nq57cli.domain.agency import (agency_from_filename, agency_label, display_name, title_candidates,
                                without_province)

    for key in (str(path), path.name, path.stem):
        if key in overrides:
            return _snapped(overrides[key], "option", registry)
    label = agency_label(title_lines)
    if label:
        return _snapped(display_name(label), "label", registry)
    candidates = title_candidates(title_lines)
    if candidates:
        issuing = candidates[1] if len(candidates) > 1 else candidates[0]
        if registry:  # the issuing body, then later lines; never the parent body above it ("UBND TỈNH …")
            for text in candidates[1:] or candidates:
                bare = without_province(text)
                for variant in dict.fromkeys((text, bare, re.sub(r"(?i)\s+(?:tỉnh|thành phố)$", "", bare))):
                    found, fits = registry.resolve(variant)
                    if found or fits:
                        return Sender(found or display_name(without_province(text)), "title", fits)
        return Sender(display_name(without_province(issuing)), "title")
    if registry:
        for value in workbook_properties(path):
            found, fits = registry.find_in(value)
            if found:
                return Sender(found, "properties")
    found, fits = (registry or _common()).find_in(path.stem, abbreviations=True)
    if found or fits:
        return Sender(found or agency_from_filename(path), "filename", fits)
    return Sender(agency_from_filename(path), "filename")


def _snapped(name: str, source: str, registry: Registry) -> Sender:
    found, fits = registry.resolve(name)
    return Sender(found or name, source, fits)


def _initials(name: str) -> set[str]:
    """ "Sở Y tế" → {"syt"}; "Văn phòng UBND tỉnh" → {"vpubndt", "vpubnd"}; "Sở Khoa học và Công nghệ" → {"skhcn"}."""
    words = [w for w in header_key(name).split() if w not in ("va", "cac")]
    if len(words) < 2:
        return set()
    letters = "".join(w if w in ("ubnd", "hdnd") else w[0] for w in words)
    out = {letters}
    if words[-1] == "tinh":
        out.add(letters[:-1])
    return {i for i in out if len(i) >= 3}


def _written_as_initials(agency: Agency) -> set[str]:
    """The initials a roster agency may be written as in a catalog or title ("SKHCN", "VPUBND"); never
    one of its own words ("UBND" is not "UBND tỉnh")."""
    words = set(header_key(agency.name).split())
    spelt_out = agency_key(agency.name)  # "Sở KH&CN" → "so khoa hoc va cong nghe" → "skhcn"
    return {i for n in (agency.name, agency.short, spelt_out) if n for i in _initials(n)} - words


_COMMON = Registry()  # with no roster, the file name is read against the usual names (KNOWN_NAMES, COMMON_NAMES)


def _common() -> Registry:
    if not _COMMON:
        from nq57cli.domain.agency import COMMON_NAMES, KNOWN_NAMES

        for name in KNOWN_NAMES + COMMON_NAMES:
            _COMMON.add(Agency(name=name, kind=kind_of(name)))
    return _COMMON


_PROPERTY = re.compile(r"<(?:dc:title|dc:subject|dc:creator|cp:keywords|Company)(?:\s[^>]*)?>([^<]{1,300})</", re.S)


def workbook_properties(path: Path) -> list[str]:
    """The workbook's title, subject, author and company (an .xlsx's docProps), as written."""
    import zipfile
    from html import unescape

    out: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            for member in ("docProps/core.xml", "docProps/app.xml"):
                if member in archive.namelist():
                    text = archive.read(member)[:100_000].decode("utf-8", "replace")
                    out += [unescape(m).strip() for m in _PROPERTY.findall(text) if m.strip()]
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return []
    return out


def canonical(name: str, known: list[str]) -> str:
    """Snap a name to the spelling used in `known` when it is clearly the same agency (Registry.snap)."""
    return as_registry(known).snap(name) if known else name
