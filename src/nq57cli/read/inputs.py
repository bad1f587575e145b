"""Output safety: the set of input paths of a run, and the checks on each output before it is written;
the extensions read, and the one "nothing readable: exit code 3" policy.

A command gathers everything it will read (files named, found in a folder, matched by a glob, the
catalog, the agency list, -i, nq57.toml, template files) into an OutputGuard before reading any of
it; every output is then checked against that set by real identity (symlinks, "..", case on
case-insensitive file systems and hard links all resolve to one device and inode). A folder that
nq57 fills with many files (templates, letters, annotated copies) only has nq57's own files of the
same kind replaced, recognised by the marker written in their document properties.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from nq57cli.errors import UnreadableInputError, UsageError

if TYPE_CHECKING:
    from nq57cli.domain.models import Finding, InputFile

SUBMISSION_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}  # the workbooks nq57 reads (reader), and a folder is searched for
PRODUCER = "nq57"  # "last modified by" of every file nq57 marks: Excel or LibreOffice saving it puts the user's name
MARKER_PREFIX = "nq57:"
KINDS = {"template": ("mẫu báo cáo", "report template"), "letter": ("công văn đôn đốc", "reminder letter"),
         "annotated": ("bản đánh dấu lỗi", "annotated copy")}
_CORE_PART = "docProps/core.xml"
_KEYWORDS = re.compile(r"<cp:keywords\b[^>]*>([^<]*)</cp:keywords>")
_MODIFIED_BY = re.compile(r"<cp:lastModifiedBy\b[^>]*>([^<]*)</cp:lastModifiedBy>")


def marker(kind: str) -> str:
    """The keywords property nq57 writes into a file of this kind ("nq57:template", …)."""
    if kind not in KINDS:
        raise ValueError(kind)
    return MARKER_PREFIX + kind


def made_by_nq57(path: Path, kind: str) -> bool:
    """Whether `path` is an nq57 output of this kind, unchanged since: the marker in its keywords and
    nq57 as its last author (a template an agency filled in and saved names the agency's user)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_CORE_PART)
            if info.file_size > 64_000:
                return False
            core = archive.read(info).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, EOFError):
        return False
    keywords, author = _KEYWORDS.search(core), _MODIFIED_BY.search(core)
    return (keywords is not None and keywords.group(1).strip() == marker(kind)
            and author is not None and author.group(1).strip() == PRODUCER)


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file `path` names, following links; "a/../b" with no folder "a" too."""
    for name in (path, os.path.realpath(path)):
        try:
            stat = os.stat(name)
        except (OSError, ValueError):
            continue
        return (stat.st_dev, stat.st_ino)
    return None


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


class OutputGuard:
    """The inputs of one run (files and folders) and the checks on each output path."""

    def __init__(self, force: bool = False) -> None:
        self.force = force  # replace files in an output folder that nq57 did not make
        self._files: dict[str, Path] = {}  # real path → the path as given
        self._ids: dict[tuple[int, int], Path] = {}
        self._folders: dict[str, Path] = {}
        self._folder_ids: dict[tuple[int, int], Path] = {}

    # ---------------------------------------------------------------- gathering inputs

    def add_file(self, path: Path | str | None, real: str | None = None) -> None:
        """One input file (missing ones too: a path named as input is never an output); `real`: its
        real path when already known (a folder listing)."""
        if path is None:
            return
        path = Path(path)
        self._files.setdefault(real or _real(path), path)
        ident = _identity(path)
        if ident is not None:
            self._ids.setdefault(ident, path)

    def add_files(self, paths: Iterable[Path | str | None]) -> None:
        for path in paths:
            self.add_file(path)

    def add_folder(self, folder: Path | str | None) -> None:
        """A folder read as input: its workbooks, or its templates (config template_dir)."""
        if folder is None:
            return
        folder = Path(folder)
        self._add_folder_only(folder)
        if folder.is_dir():
            real = os.path.realpath(folder)
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_file():
                        name = folder / entry.name
                        self.add_file(name, None if entry.is_symlink() else os.path.normcase(os.path.join(real, entry.name)))

    def _add_folder_only(self, folder: Path) -> None:
        self._folders.setdefault(_real(folder), folder)
        ident = _identity(folder)
        if ident is not None:
            self._folder_ids.setdefault(ident, folder)

    def add_items(self, items: list[str], exclude: Iterable[Path | None] = ()) -> list[Path]:
        """Files, folders (their workbooks) and globs → a sorted, de-duplicated list of paths to read;
        each one, each folder and each glob's folders become inputs. `exclude` (the catalog in the
        submissions folder) is not read as a submission."""
        excluded = {p.resolve() for p in exclude if p is not None}
        found: list[tuple[Path, Path]] = []  # (path as given or listed, its real path)
        for item in items:
            path = Path(item)
            if path.is_dir():
                matches = _workbooks_in(path)
                if not matches:
                    raise UnreadableInputError(f"Thư mục {path} không có tệp Excel nào.", f"Folder {path} holds no Excel file.")
                self._add_folder_only(path)
                found.extend(matches)
            elif any(ch in item for ch in "*?[") and not path.exists():
                matched = sorted(Path(m) for m in glob.glob(item))
                if not matched:
                    raise UsageError(f"Không có tệp nào khớp mẫu {item}.", f"No file matches {item}.")
                for parent in dict.fromkeys(m.parent for m in matched):
                    self._add_folder_only(parent)
                found.extend((m, m.resolve()) for m in matched)
            else:
                found.append((path, path.resolve()))
        unique: dict[Path, Path] = {}
        for path, key in found:
            if key not in excluded and key not in unique:
                unique[key] = path
        for key, path in unique.items():
            self.add_file(path, os.path.normcase(str(key)))
        return list(unique.values())

    # ---------------------------------------------------------------- checks on outputs

    def input_matching(self, output: Path) -> Path | None:
        """The input that `output` is (same real file), if any."""
        ident = _identity(output)
        if ident is not None and ident in self._ids:
            return self._ids[ident]
        return self._files.get(_real(output))

    def check_file(self, output: Path | None) -> None:
        """Refuse an output path that is one of the inputs (exit 2, one line naming both)."""
        if output is None:
            return
        same = self.input_matching(Path(output))
        if same is not None:
            raise UsageError(
                f"Tệp kết quả {output} chính là tệp đầu vào {same}; không ghi gì, hãy chọn tên hoặc thư mục khác.",
                f"The output {output} is the input {same}; nothing written, choose another name or folder.",
            )
        if Path(output).is_dir():
            raise UsageError(f"Tệp kết quả {output} là một thư mục; hãy chọn tên tệp.",
                             f"The output {output} is a folder; give a file name.")

    def check_folder(self, folder: Path | None) -> None:
        """Refuse an output folder that is an input folder, or an input file."""
        if folder is None:
            return
        folder = Path(folder)
        ident = _identity(folder)
        same = (self._folder_ids.get(ident) if ident is not None else None) or self._folders.get(_real(folder))
        if same is not None:
            raise UsageError(
                f"Thư mục kết quả {folder} chính là thư mục đầu vào {same}; không ghi gì, hãy chọn thư mục khác.",
                f"The output folder {folder} is the input folder {same}; nothing written, choose another folder.",
            )
        if not folder.is_dir():
            self.check_file(folder)

    def check_replace(self, paths: Iterable[Path], kind: str) -> None:
        """Before a folder is filled: no path is an input, and each file already there is nq57's own
        output of this `kind` (unless --force). Checks every path before anything is written."""
        paths = list(paths)
        for path in paths:
            self.check_file(path)
        if self.force:
            return
        vi, en = KINDS[kind]
        for path in paths:
            if os.path.lexists(path) and not made_by_nq57(path, kind):
                raise UsageError(
                    f"Đã có tệp {path} không phải {vi} do nq57 tạo; không ghi đè (thêm --force để ghi đè, "
                    "hoặc chọn thư mục khác).",
                    f"{path} already exists and is not a {en} made by nq57; not replaced (add --force to "
                    "replace it, or choose another folder).",
                )


def expand_inputs(items: list[str], exclude: Iterable[Path | None] = ()) -> list[Path]:
    """Files, folders (their workbooks) and globs → a sorted, de-duplicated list of paths."""
    return OutputGuard().add_items(items, exclude)


def _workbooks_in(folder: Path) -> list[tuple[Path, Path]]:
    """The workbooks of a folder, by name, with their real paths: the extension in any case
    ("BAO CAO.XLSX"), hidden files and Excel's "~$" lock files left out. One listing of the
    folder, and the folder's real path worked out once (a thousand files: 48 → 13 ms)."""
    real = Path(os.path.realpath(folder))
    out = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith((".", "~$")) or os.path.splitext(name)[1].lower() not in SUBMISSION_SUFFIXES:
                continue
            path = folder / name
            out.append((path, path.resolve() if entry.is_symlink() else real / name))
    return sorted(out)


# What a command says when none of its files could be read: (files, in Vietnamese and in English).
UNREADABLE_KINDS = {"tasks": ("tệp báo cáo", "the submissions"),
                    "indicators": ("tệp số liệu chỉ tiêu", "the indicator files")}


def require_readable(inputs: list[InputFile], findings: list[Finding], kind: str = "tasks",
                     writes: bool = False) -> None:
    """The one "nothing readable" policy: no readable submission among `inputs` stops the run with
    UnreadableInputError (exit code 3) carrying the findings that say why; `writes`: the command
    would have written a consolidated workbook (the message says nothing was written)."""
    if any(i.readable for i in inputs if i.role == "submission"):
        return
    vi, en = UNREADABLE_KINDS[kind]
    raise UnreadableInputError(
        f"Không đọc được {vi} nào (xem các lỗi ở trên)" + ("; không ghi tệp tổng hợp." if writes else "."),
        f"None of {en} could be read (see above)" + ("; nothing written." if writes else "."),
        findings=findings,
    )
