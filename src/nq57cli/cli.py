"""The `nq57` command line: a thin typer layer over the library. The only module that prints."""

from __future__ import annotations

import functools
import glob
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from nq57cli import __version__
from nq57cli.errors import ExitCode, Nq57Error, UsageError

app = typer.Typer(
    name="nq57",
    help="nq57 — tổng hợp báo cáo thực hiện Nghị quyết 57-NQ/TW từ các tệp Excel của các cơ quan "
    "thành văn bản Word đúng thể thức (merge → render → overdue).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Shared options, defined once.
LangOpt = Annotated[str, typer.Option("--lang", help="Ngôn ngữ thông báo: vi (mặc định) hoặc en.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON ra stdout (cho script).")]
CatalogOpt = Annotated[
    Optional[Path], typer.Option("--catalog", "-c", help="Danh mục nhiệm vụ gốc (.xlsx) để đối chiếu theo mã.")
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Hiện cả các phát hiện mức thông tin.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Hiện traceback khi có lỗi.")]

SUBMISSION_PATTERNS = ("*.xlsx", "*.xlsm", "*.xls", "*.ods")
MAX_SHOWN_PER_FILE = 20  # findings printed per file unless --verbose


def _stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _stdout() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def command(*args: Any, **kwargs: Any) -> Callable:
    """app.command, with library errors turned into a message and an exit code (the one place)."""

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*a: Any, **kw: Any) -> Any:
            lang = kw.get("lang", "vi")
            try:
                return func(*a, **kw)
            except Nq57Error as exc:
                if kw.get("debug"):
                    raise
                _stderr().print(f"[bold red]{'error' if lang == 'en' else 'lỗi'}:[/] {_escape(exc.message(lang))}")
                raise typer.Exit(int(exc.exit_code)) from None
            except KeyboardInterrupt:
                _stderr().print("Đã dừng theo yêu cầu; các tệp kết quả cũ (nếu có) vẫn nguyên vẹn.")
                raise typer.Exit(130) from None

        return app.command(*args, **kwargs)(wrapper)

    return decorate


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nq57 {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát.")
    ] = False,
) -> None:
    """nq57 — tổng hợp báo cáo Nghị quyết 57-NQ/TW (merge → render → overdue)."""


def _check_lang(lang: str) -> str:
    if lang not in ("vi", "en"):
        raise UsageError(f"--lang phải là vi hoặc en, không phải \"{lang}\"", f"--lang must be vi or en, not \"{lang}\"")
    return lang


def expand_inputs(items: list[str], exclude: list[Path]) -> list[Path]:
    """Files, folders (their workbooks) and globs → a sorted, de-duplicated list of paths."""
    excluded = {p.resolve() for p in exclude}
    found: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            matches = sorted({m for pattern in SUBMISSION_PATTERNS for m in path.glob(pattern)})
            if not matches:
                raise UsageError(f"Thư mục {path} không có tệp Excel nào.", f"Folder {path} holds no Excel file.")
            found.extend(m for m in matches if not m.name.startswith("~$"))
        elif any(ch in item for ch in "*?[") and not path.exists():
            matches = sorted(Path(m) for m in glob.glob(item))
            if not matches:
                raise UsageError(f"Không có tệp nào khớp mẫu {item}.", f"No file matches {item}.")
            found.extend(matches)
        else:
            found.append(path)
    unique: dict[Path, Path] = {}
    for path in found:
        key = path.resolve()
        if key not in excluded and key not in unique:
            unique[key] = path
    return list(unique.values())


def _parse_agency_options(values: list[str]) -> dict[str, str]:
    out = {}
    for value in values:
        name, sep, agency = value.partition("=")
        if not sep or not name.strip() or not agency.strip():
            raise UsageError(f"--agency cần dạng TỆP=TÊN ĐƠN VỊ, không phải \"{value}\"",
                             f"--agency needs FILE=AGENCY NAME, not \"{value}\"")
        out[name.strip()] = agency.strip()
    return out


def print_findings(findings: list, lang: str, verbose: bool) -> None:
    """Findings to stderr, grouped by file, errors first."""
    from nq57cli.models import SEVERITY_ORDER

    console = _stderr()
    shown = [f for f in findings if verbose or f.severity != "info"]
    if not shown:
        return
    labels = {"error": ("lỗi", "error", "red"), "warning": ("cảnh báo", "warning", "yellow"),
              "info": ("thông tin", "info", "cyan")}
    by_file: dict[str, list] = {}
    for finding in shown:
        by_file.setdefault(finding.file or "", []).append(finding)
    for file, items in by_file.items():
        console.print(f"[bold]{_escape(file) if file else ('(chung)' if lang == 'vi' else '(general)')}[/]")
        ordered = sorted(items, key=lambda f: (SEVERITY_ORDER[f.severity], f.sheet or "", _cell_sort(f.cell)))
        if not verbose and len(ordered) > MAX_SHOWN_PER_FILE:
            hidden = len(ordered) - MAX_SHOWN_PER_FILE
            ordered = ordered[:MAX_SHOWN_PER_FILE]
        else:
            hidden = 0
        for f in ordered:
            vi, en, colour = labels[f.severity]
            where = f"{f.sheet}!{f.cell}" if f.sheet and f.cell else (f.sheet or "")
            prefix = f"  [{colour}]{vi if lang == 'vi' else en}[/] "
            console.print(prefix + (f"{_escape(where)}: " if where else "") + _escape(f.message(lang)))
        if hidden:
            console.print(f"  … và {hidden} phát hiện khác (xem trang \"Phát hiện\" của tệp tổng hợp, hoặc dùng -v)"
                          if lang == "vi" else f"  … and {hidden} more (see the \"Phát hiện\" sheet, or use -v)")


def _cell_sort(cell: str | None) -> tuple[int, str]:
    if not cell:
        return (0, "")
    digits = "".join(ch for ch in cell if ch.isdigit())
    return (int(digits) if digits else 0, cell)


def _progress_callback(total: int) -> tuple[Callable[[int, int, str], None] | None, Any]:
    if total < 5 or not sys.stderr.isatty():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(TextColumn("Đang đọc"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                        console=_stderr(), transient=True)
    task = progress.add_task("", total=total)

    def update(number: int, count: int, name: str) -> None:
        progress.update(task, completed=number - 1, description=name)

    return update, progress


def print_summary(result: Any, lang: str, output: Path | None) -> None:
    from rich.table import Table

    from nq57cli.jsonout import summary
    from nq57cli.status import status_label

    data = summary(result)
    vi = lang == "vi"
    table = Table(title="Tổng hợp" if vi else "Summary", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("Tệp đã đọc" if vi else "Files read", f"{data['files_read']}/{data['files']}")
    table.add_row("Nhiệm vụ" if vi else "Tasks", str(data["tasks"]))
    table.add_row("Báo cáo của đơn vị" if vi else "Agency reports", str(data["reports"]))
    if data["unmatched_rows"]:
        table.add_row("Dòng không khớp nhiệm vụ" if vi else "Unmatched rows", str(data["unmatched_rows"]))
    for status in ("completed", "in_progress", "not_started", "waiting", "not_applicable", "no_report"):
        if data["status"].get(status):
            table.add_row("  " + status_label(status, lang), str(data["status"][status]))
    f = data["findings"]
    table.add_row("Phát hiện" if vi else "Findings",
                  f"{f['error']} {'lỗi' if vi else 'errors'}, {f['warning']} {'cảnh báo' if vi else 'warnings'}, "
                  f"{f['info']} {'thông tin' if vi else 'info'}")
    console = _stdout()
    console.print(table)
    if output:
        console.print(("Đã ghi: " if vi else "Written: ") + str(output))


@command("merge")
def merge_command(
    files: Annotated[list[str], typer.Argument(help="Các tệp báo cáo (.xlsx, .xlsm, .xls, .ods), thư mục hoặc mẫu *.xlsx.")],
    catalog: CatalogOpt = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Tệp tổng hợp sẽ ghi.")] = Path("merged.xlsx"),
    agency: Annotated[
        list[str], typer.Option("--agency", "-a", help="Tên đơn vị của một tệp: TỆP=TÊN (lặp lại được).")
    ] = [],  # noqa: B006 - typer needs a list default
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Đọc, kiểm tra và gộp báo cáo của các đơn vị theo mã nhiệm vụ → merged.xlsx."""
    from nq57cli.fileio import refuse_overwriting_inputs
    from nq57cli.merge import merge
    from nq57cli.mergedbook import write_merged

    lang = _check_lang(lang)
    overrides = _parse_agency_options(agency)
    paths = expand_inputs(files, exclude=[output] + ([catalog] if catalog else []))
    if not paths:
        raise UsageError("Chưa có tệp báo cáo nào để gộp.", "No submission files to merge.")
    refuse_overwriting_inputs(output, paths + ([catalog] if catalog else []))
    callback, progress = _progress_callback(len(paths))
    workers = int(os.environ["NQ57_WORKERS"]) if os.environ.get("NQ57_WORKERS", "").isdigit() else None
    if progress:
        with progress:
            result = merge(paths, catalog=catalog, agencies=overrides, progress=callback, workers=workers)
    else:
        result = merge(paths, catalog=catalog, agencies=overrides, workers=workers)
    written = write_merged(result, output, lang)
    print_findings(result.findings, lang, verbose)
    if json_out:
        typer.echo(json.dumps(result.to_json_dict(lang), ensure_ascii=False, indent=2))
    else:
        print_summary(result, lang, written)
    if result.errors():
        raise typer.Exit(int(ExitCode.FINDINGS))


def main() -> None:
    """Console-script entry point."""
    app(prog_name="nq57")


def samples_folder() -> Path:
    """The bundled samples, installed with the package (or the repository's samples/)."""
    from importlib.resources import files

    try:
        return Path(str(files("nq57cli.samples")))
    except ModuleNotFoundError:  # running from a source checkout without installing
        return Path(__file__).resolve().parents[2] / "samples"


@command("demo")
def demo_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi kết quả mẫu.")] = Path("nq57-demo"),
    lang: LangOpt = "vi",
    debug: DebugOpt = False,
) -> None:
    """Chạy thử trên dữ liệu mẫu kèm theo: merge (rồi render, overdue) vào một thư mục."""
    from nq57cli.merge import merge
    from nq57cli.mergedbook import write_merged

    lang = _check_lang(lang)
    samples = samples_folder()
    submissions = sorted((samples / "submissions").glob("*.xlsx"))
    catalog = samples / "catalog.xlsx"
    vi = lang == "vi"
    err = _stderr()
    err.print(("Dữ liệu mẫu: " if vi else "Sample data: ") + f"{catalog} + {len(submissions)} "
              + ("tệp báo cáo" if vi else "submissions"))
    result = merge(submissions, catalog=catalog)
    written = [write_merged(result, out / "merged.xlsx", lang)]
    print_findings(result.findings, lang, verbose=False)
    print_summary(result, lang, None)
    written.extend(_demo_steps(result, out, lang))
    console = _stdout()
    console.print(("Kết quả mẫu trong thư mục " if vi else "Demo outputs in ") + f"{out}/:")
    for path in written:
        console.print(f"  {path}")
    if result.errors():
        err.print("Các lỗi trên là lỗi cố ý trong dữ liệu mẫu (xem samples/README.md)." if vi else
                  "The errors above are deliberate mistakes in the sample data (see samples/README.md).")


def _demo_steps(result: Any, out: Path, lang: str) -> list[Path]:
    """The steps after merge that the demo also runs."""
    return []
