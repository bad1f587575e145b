"""The `nq57` command line: a thin typer layer over the library. The only module that prints."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from nq57cli import __version__
from nq57cli.cli import lang as clilang
from nq57cli.cli.lang import click, h
from nq57cli.domain.findings import count_by_severity, counts_text, errors, severity_label
from nq57cli.errors import ExitCode, Nq57Error, UnreadableInputError, UsageError
from nq57cli.read.inputs import OutputGuard, expand_inputs, require_readable  # noqa: F401 - expand_inputs: part of the CLI's API


class _Command(TyperCommand):
    """A command whose help and usage errors speak the language chosen for the run (clilang)."""

    context_class = clilang.Context

    def get_help_option(self, ctx: Any) -> Any:
        return clilang.localized_help_option(super().get_help_option(ctx))


class _App(TyperGroup):
    """The nq57 group: chooses the language before click parses anything, and shows click's own
    usage errors in it (with a JSON document on stdout when --json was given)."""

    context_class = clilang.Context

    def get_help_option(self, ctx: Any) -> Any:
        return clilang.localized_help_option(super().get_help_option(ctx))

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        lang = clilang.choose_language(args)
        clilang.set_language(lang, self)
        try:
            done = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            if not standalone_mode:
                raise
            clilang.show_usage_error(exc)
            if "--json" in args and not isinstance(exc, click.exceptions.NoArgsIsHelpError):
                typer.echo(failure_json(ExitCode.USAGE, clilang.error_message(exc), [], lang))
            sys.exit(exc.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            click.echo(clilang.text("Aborted!"), err=True)
            sys.exit(1)
        if not standalone_mode:
            return done
        sys.exit(done if isinstance(done, int) else 0)


def failure_json(code: ExitCode, message: str, findings: list, lang: str) -> str:
    """The one JSON document of a failed run under --json: what failed and the findings that explain it."""
    return json.dumps({"ok": False, "exit_code": int(code), "error": {"kind": code.name.lower(), "message": message},
                       "findings": [f.to_dict(lang) for f in findings]}, ensure_ascii=False, indent=2)


app = typer.Typer(
    name="nq57",
    cls=_App,
    help=h("nq57 — tổng hợp báo cáo thực hiện Nghị quyết 57-NQ/TW từ các tệp Excel của các cơ quan "
           "thành văn bản Word đúng thể thức (merge → render → overdue).",
           "nq57 — consolidates agencies' Excel reports on Resolution 57-NQ/TW into properly formatted Word "
           "documents (merge → render → overdue)."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: --help stays fast (rich formatting alone costs ~0.2 s)
)

# Shared options, defined once.
LangOpt = Annotated[str, typer.Option("--lang", help=h(
    "Ngôn ngữ của thông báo và trợ giúp: vi (mặc định, hoặc biến môi trường NQ57_LANG) hoặc en.",
    "Language of messages and help: vi (default, or the NQ57_LANG environment variable) or en."))]
JsonOpt = Annotated[bool, typer.Option("--json", help=h("In kết quả dạng JSON ra stdout (cho script).",
                                                        "Print the result as JSON on stdout (for scripts)."))]
CatalogOpt = Annotated[
    Optional[Path], typer.Option("--catalog", "-c", help=h("Danh mục nhiệm vụ gốc (.xlsx) để đối chiếu theo mã.",
                                                           "The master task catalog (.xlsx) to match task IDs against."))
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help=h("Hiện cả các phát hiện mức thông tin.",
                                                                    "Show info-level findings too."))]
DebugOpt = Annotated[bool, typer.Option("--debug", help=h("Hiện traceback khi có lỗi.",
                                                          "Show the traceback when an error occurs."))]

InputOpt = Annotated[
    Optional[Path], typer.Option("--input", "-i", help=h("Tệp tổng hợp merged.xlsx (đã sửa trong Excel nếu cần).",
                                                         "The consolidated merged.xlsx (edited in Excel if needed)."))
]
FilesArg = Annotated[
    Optional[list[str]], typer.Argument(help=h("Các tệp báo cáo để gộp ngay (thay cho -i), cùng --catalog.",
                                               "Submission files to merge now (instead of -i), with --catalog."))
]
AgencyOpt = Annotated[list[str], typer.Option("--agency", "-a", help=h("Tên đơn vị của một tệp: TỆP=TÊN (lặp lại được).",
                                                                       "The agency of one file: FILE=NAME (repeatable)."))]
AgenciesFileOpt = Annotated[
    Optional[Path], typer.Option("--agencies", help=h("Danh sách đơn vị phải báo cáo (agencies.xlsx, cột \"Đơn vị\").",
                                                      "The agencies that must report (agencies.xlsx, column \"Đơn vị\")."))
]

ConfigOpt = Annotated[
    Optional[Path], typer.Option("--config", help=h("Tệp cấu hình nq57.toml (mặc định: ./nq57.toml nếu có).",
                                                    "The nq57.toml settings file (default: ./nq57.toml when present)."))
]
SetOpt = Annotated[
    list[str], typer.Option("--set", help=h("Ghi đè một mục cấu hình: KHÓA=GIÁ TRỊ, ví dụ document.number=300.",
                                            "Override one setting: KEY=VALUE, e.g. document.number=300."))
]
MilestoneOpt = Annotated[
    Optional[str],
    typer.Option("--milestone", "-m", help=h("Mốc đánh giá chỉ tiêu (năm), ví dụ 2025; mặc định: mốc sớm nhất của danh mục.",
                                             "The milestone (year) indicators are assessed at, e.g. 2025; default: the catalog's earliest.")),
]
IndicatorsOpt = Annotated[
    Optional[Path],
    typer.Option("--indicators", help=h("Tệp chỉ tiêu indicators.xlsx (của \"nq57 indicators\"): biến indicators của "
                                        "bao-cao, phụ lục chi-tieu kèm báo cáo.",
                                        "The indicator workbook indicators.xlsx (from \"nq57 indicators\"): the indicators "
                                        "of bao-cao, the chi-tieu appendix with the report.")),
]

MAX_SHOWN_PER_FILE = 20  # findings printed per file unless --verbose
DEMO_AS_OF = "2025-12-31"  # the end of the samples' reporting period


def _stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _stdout() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def command(*args: Any, english: str, **kwargs: Any) -> Callable:
    """app.command, with library errors turned into a message and an exit code (the one place);
    `english` is the command's help in English (its docstring is the Vietnamese one)."""

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*a: Any, **kw: Any) -> Any:
            if kw.get("lang") in clilang.LANGS:  # the language chosen for the run: --lang (here or before
                kw["lang"] = clilang.language()  # the command's name), else NQ57_LANG, else Vietnamese
            lang = kw.get("lang") if kw.get("lang") in clilang.LANGS else "vi"
            try:
                return func(*a, **kw)
            except Nq57Error as exc:
                if kw.get("debug"):
                    raise
                _fail(exc.exit_code, exc.message(lang), exc.findings, lang, kw.get("json_out", False))
            except (typer.Exit, typer.Abort, click.ClickException):
                raise
            except Exception as exc:  # a defect: one line, the traceback only with --debug
                if kw.get("debug"):
                    raise
                vi = (f"lỗi không lường trước trong nq57 ({type(exc).__name__}: {exc}); chạy lại lệnh với --debug "
                      "để xem chi tiết và gửi cho người phát triển.")
                en = (f"unexpected error in nq57 ({type(exc).__name__}: {exc}); run the command again with --debug "
                      "for the details and send them to the developers.")
                _fail(ExitCode.INTERNAL, en if lang == "en" else vi, [], lang, kw.get("json_out", False))
            except KeyboardInterrupt:
                _interrupted(lang)
                raise typer.Exit(130) from None

        clilang.EN_COMMANDS[args[0]] = english
        return app.command(*args, cls=_Command, **kwargs)(wrapper)

    return decorate


def _interrupted(lang: str) -> None:
    """Ctrl-C: one line on stderr in the chosen language (helpers are stopped, temporary files gone)."""
    from nq57cli.core.fileio import INTERRUPTED

    sys.stderr.write(INTERRUPTED[1 if lang == "en" else 0] + "\n")


def _fail(code: ExitCode, message: str, findings: list, lang: str, json_out: bool) -> None:
    """One line on stderr (and the JSON document on stdout under --json), then the exit code."""
    _stderr().print(f"[bold red]{'error' if lang == 'en' else 'lỗi'}:[/] {_escape(message)}")
    if json_out:
        typer.echo(failure_json(code, message, findings, lang))
    raise typer.Exit(int(code)) from None


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
        bool, typer.Option("--version", callback=_version, is_eager=True, help=h("In phiên bản rồi thoát.",
                                                                                 "Print the version and exit."))
    ] = False,
    lang: LangOpt = "vi",
) -> None:
    """nq57 — tổng hợp báo cáo Nghị quyết 57-NQ/TW (merge → render → overdue)."""
    if lang not in clilang.LANGS:  # the language itself is chosen before parsing (clilang.choose_language)
        raise typer.BadParameter("phải là vi hoặc en" if clilang.language() == "vi" else "must be vi or en",
                                 param_hint="'--lang'")


def _check_lang(lang: str) -> str:
    if lang not in ("vi", "en"):
        raise UsageError(f"--lang phải là vi hoặc en, không phải \"{lang}\"", f"--lang must be vi or en, not \"{lang}\"")
    return lang


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
    from nq57cli.domain.models import SEVERITY_ORDER

    console = _stderr()
    shown = [f for f in findings if verbose or f.severity != "info"]
    if not shown:
        return
    styled = console.is_terminal  # colours on a terminal; plain text (no markup to parse) elsewhere
    mark = _escape if styled else (lambda text: text)
    colours = {"error": "red", "warning": "yellow", "info": "cyan"}
    by_file: dict[str, list] = {}
    for finding in shown:
        by_file.setdefault(finding.file or "", []).append(finding)
    lines: list[str] = []  # written at once
    for file, items in by_file.items():
        heading = mark(file) if file else ("(chung)" if lang == "vi" else "(general)")
        lines.append(f"[bold]{heading}[/]" if styled else heading)
        ordered = sorted(items, key=lambda f: (SEVERITY_ORDER[f.severity], f.sheet or "", _cell_sort(f.cell)))
        if not verbose and len(ordered) > MAX_SHOWN_PER_FILE:
            hidden = len(ordered) - MAX_SHOWN_PER_FILE
            ordered = ordered[:MAX_SHOWN_PER_FILE]
        else:
            hidden = 0
        for f in ordered:
            colour = colours[f.severity]
            # each line names its file too, so a line copied or grepped alone still says where
            where = f.location() if f.file else (f"{f.sheet}!{f.cell}" if f.sheet and f.cell else (f.sheet or ""))
            label = severity_label(f.severity, lang)
            prefix = f"  [{colour}]{label}[/] " if styled else f"  {label} "
            lines.append(prefix + (f"{mark(where)}: " if where else "") + mark(f.message(lang)))
        if hidden:
            lines.append(f"  … và {hidden} phát hiện khác (xem trang \"Phát hiện\" của tệp tổng hợp, hoặc dùng -v)"
                         if lang == "vi" else f"  … and {hidden} more (see the \"Phát hiện\" sheet, or use -v)")
    if styled:
        console.print("\n".join(lines))
    else:
        console.file.write("\n".join(lines) + "\n")


def _cell_sort(cell: str | None) -> tuple[int, str]:
    if not cell:
        return (0, "")
    digits = "".join(ch for ch in cell if ch.isdigit())
    return (int(digits) if digits else 0, cell)


def _progress_callback(total: int) -> tuple[Callable[[int, int, str], None] | None, Any]:
    if total < 5 or not sys.stderr.isatty():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    # Redrawn by the callback, not by a refresh thread: reading forks worker processes, which is
    # only done from a process with no other thread running (parallel.fork_context).
    progress = Progress(TextColumn("Đang đọc"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                        console=_stderr(), transient=True, auto_refresh=False)
    task = progress.add_task("", total=total)

    def update(number: int, count: int, name: str) -> None:
        progress.update(task, completed=number - 1, description=name, refresh=True)

    return update, progress


def print_summary(result: Any, lang: str, output: Path | None) -> None:
    from rich.table import Table

    from nq57cli.write.jsonout import summary
    from nq57cli.domain.status import DISPLAY_ORDER, status_label

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
    for status in DISPLAY_ORDER:
        if data["status"].get(status):
            table.add_row("  " + status_label(status, lang), str(data["status"][status]))
    f = data["findings"]
    table.add_row("Phát hiện" if vi else "Findings",
                  counts_text(f, lang))
    console = _stdout()
    console.print(table)
    if output:
        console.print(("Đã ghi: " if vi else "Written: ") + str(output))


@command("merge", english="Read, check and merge the agencies' reports by task ID → merged.xlsx.")
def merge_command(
    files: Annotated[list[str], typer.Argument(help=h("Các tệp báo cáo (.xlsx, .xlsm, .xls, .ods), thư mục hoặc mẫu *.xlsx.",
                                                      "Submission files (.xlsx, .xlsm, .xls, .ods), folders or patterns like *.xlsx."))],
    catalog: CatalogOpt = None,
    output: Annotated[Path, typer.Option("--output", "-o", help=h("Tệp tổng hợp sẽ ghi.",
                                                                  "The consolidated workbook to write."))] = Path("merged.xlsx"),
    agency: AgencyOpt = [],  # noqa: B006 - typer needs a list default
    agencies: AgenciesFileOpt = None,
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Đọc, kiểm tra và gộp báo cáo của các đơn vị theo mã nhiệm vụ → merged.xlsx."""
    from nq57cli.tasks.merge import merge
    from nq57cli.write.mergedbook import write_merged

    lang = _check_lang(lang)
    overrides = _parse_agency_options(agency)
    guard = OutputGuard()
    paths = guard.add_items(files, exclude=[catalog])
    if not paths:
        raise UsageError("Chưa có tệp báo cáo nào để gộp.", "No submission files to merge.")
    guard.add_files([catalog, agencies])
    guard.check_file(output)
    callback, progress = _progress_callback(len(paths))
    roster = _roster(agencies)
    if progress:
        with progress:
            result = merge(paths, catalog=catalog, agencies=overrides, progress=callback, roster=roster)
    else:
        result = merge(paths, catalog=catalog, agencies=overrides, roster=roster)
    if not result.readable_submissions():
        print_findings(result.findings, lang, verbose)
    require_readable(result.inputs, result.findings, "tasks", writes=True)
    written = write_merged(result, output, lang)
    print_findings(result.findings, lang, verbose)
    from nq57cli.tasks.missing import missing_report

    if json_out:  # written in pieces: the text of a national merge is never held whole
        from nq57cli.write.jsonout import merge_result_to_dict, write_json

        write_json(merge_result_to_dict(result, lang, lazy=True), lambda text: typer.echo(text, nl=False))
    else:
        print_summary(result, lang, written)
        if catalog or agencies:  # who has not answered needs a list of who should
            print_missing(missing_report(result, _expected_agencies(result, agencies)), lang)
    _keep_until_exit(result)
    if result.errors():
        raise typer.Exit(int(ExitCode.FINDINGS))


_kept: list[Any] = []
_exit_without_freeing = False


def _keep_until_exit(data: Any) -> None:
    """Under main(), which ends the process without freeing anything, large results stay referenced:
    freeing a national merge object by object would cost a third of a second for nothing."""
    if _exit_without_freeing:
        _kept.append(data)


def main() -> None:
    """Console-script entry point.

    A merge builds hundreds of thousands of small objects: the cyclic garbage collector is asked to
    look less often while they are built, and the process ends without freeing them one by one
    (outputs are complete and closed by then; 0.4 s at 130 files). Tests call `app` directly.
    """
    import gc

    global _exit_without_freeing
    gc.set_threshold(50_000, 20, 100)
    _exit_without_freeing = True
    try:
        try:
            app(prog_name="nq57", standalone_mode=True)
        except KeyboardInterrupt:  # outside a command (while parsing or importing)
            argv = sys.argv[1:]
            english = any(a == "--lang=en" for a in argv) or any(
                a == "--lang" and b == "en" for a, b in zip(argv, argv[1:]))
            _interrupted("en" if english else "vi")
            raise SystemExit(130) from None
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            sys.stderr.write(done.code + "\n")
    else:
        code = 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError):  # `nq57 ... | head`: the reader has gone, nothing to report
            pass
    os._exit(code)


def _roster(agencies_file: Path | None) -> Any:
    """The agency list of --agencies (registry.read_agencies), or None."""
    if not agencies_file:
        return None
    from nq57cli.domain.registry import read_agencies

    return read_agencies(agencies_file)


def load_result(input_path: Path | None, catalog: Path | None, files: list[str] | None, agency: list[str],
                lang: str, verbose: bool = False, paths: list[Path] | None = None,
                agencies_file: Path | None = None) -> Any:
    """The data a command works on: a merged.xlsx (default ./merged.xlsx) or submissions merged now
    (`paths`: the files already listed by gather_data_inputs)."""
    if files:
        from nq57cli.tasks.merge import merge

        paths = paths if paths is not None else expand_inputs(files, exclude=[catalog] if catalog else [])
        result = merge(paths, catalog=catalog, agencies=_parse_agency_options(agency), roster=_roster(agencies_file))
        print_findings(errors(result.findings), lang, verbose)
        require_readable(result.inputs, result.findings, "tasks")
        return result
    from nq57cli.write.mergedbook import read_merged

    path = input_path or Path("merged.xlsx")
    if not path.exists():
        raise UnreadableInputError(
            f"Không có tệp tổng hợp {path}; hãy chạy \"nq57 merge\" trước, hoặc dùng -i, hoặc --catalog và các tệp báo cáo.",
            f"No consolidated workbook {path}; run \"nq57 merge\" first, or give -i, or --catalog and submissions.",
        )
    result, findings = read_merged(path)
    print_findings(findings, lang, verbose)
    return result


def gather_data_inputs(guard: OutputGuard, input_path: Path | None, catalog: Path | None,
                       files: list[str] | None) -> list[Path] | None:
    """What load_result() will read, added to `guard` before anything is read: the submissions (their
    list is returned for load_result) and the catalog, else -i (default ./merged.xlsx)."""
    guard.add_file(catalog)
    if files:
        return guard.add_items(files, exclude=[catalog])
    guard.add_file(input_path or Path("merged.xlsx"))
    return None


def gather_config_inputs(guard: OutputGuard, config: Path | None) -> None:
    """nq57.toml (given or ./nq57.toml) is an input of the commands that read it."""
    from nq57cli.domain.config import default_config_path

    guard.add_file(config if config is not None else default_config_path())


def _expected_agencies(result: Any, agencies_file: Path | None) -> list[str] | None:
    if agencies_file:
        from nq57cli.write.agencybook import read_agency_list

        return read_agency_list(agencies_file)
    if result.expected_agencies:
        return None
    from nq57cli.domain.agency import split_agencies

    names: dict[str, None] = {}
    for task in result.tasks:  # a merged.xlsx read back: the tasks' lead and partner agencies
        for name in split_agencies(task.lead) + task.partners:
            names.setdefault(name, None)
    return list(names)


def print_missing(report: Any, lang: str) -> None:
    console = _stderr()
    for line in report.summary_lines(lang):
        console.print(_escape(line))


@command("template", english=(
    "Make a ready report workbook for each agency (tasks filled in, columns locked, status list)."))
def template_command(
    catalog: Annotated[Path, typer.Option("--catalog", "-c", help=h("Danh mục nhiệm vụ gốc (.xlsx).",
                                                                    "The master task catalog (.xlsx)."))],
    output: Annotated[Path, typer.Option("--output", "-o", help=h("Thư mục ghi các tệp mẫu.",
                                                                  "The folder to write the forms into."))] = Path("mau-bao-cao"),
    agency: Annotated[list[str], typer.Option("--agency", help=h("Đơn vị cần tệp mẫu (lặp lại được).",
                                                                 "An agency that needs a form (repeatable)."))] = [],  # noqa: B006
    agencies: AgenciesFileOpt = None,
    period: Annotated[Optional[str], typer.Option("--period", help=h("Kỳ báo cáo, ví dụ \"Quý III/2025\".",
                                                                     "The reporting period, e.g. \"Quý III/2025\"."))] = None,
    return_by: Annotated[Optional[str], typer.Option("--return-by", help=h("Hạn gửi lại tệp, ví dụ 25/9/2025.",
                                                                           "The date the forms are due back, e.g. 25/9/2025."))] = None,
    force: Annotated[bool, typer.Option("--force", help=h("Ghi đè cả tệp có sẵn trong thư mục không do nq57 tạo.",
                                                          "Replace files in the folder that nq57 did not make too."))] = False,
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    debug: DebugOpt = False,
) -> None:
    """Tạo sẵn tệp Excel báo cáo cho từng đơn vị (đã điền nhiệm vụ, khóa cột, danh sách tình trạng)."""
    from nq57cli.write.agencybook import plan_templates, read_agency_list, write_agency_templates
    from nq57cli.domain.deadline import parse_date_option
    from nq57cli.tasks.catalog import load_catalog

    lang = _check_lang(lang)
    guard = OutputGuard(force=force)
    guard.add_files([catalog, agencies])
    guard.check_folder(output)
    names = list(agency) + (read_agency_list(agencies) if agencies else [])
    due = parse_date_option(return_by, "--return-by") if return_by else None
    cat = load_catalog(catalog, _roster(agencies))  # the list's kinds expand "UBND các xã, phường"
    plans = plan_templates(cat, names or None)
    written = write_agency_templates(cat, output, names or None, period=period, return_by=due, guard=guard)
    if json_out:
        typer.echo(json.dumps({"files": [{"agency": p.agency, "path": str(w), "tasks": len(p.tasks), "named": p.named}
                                         for p, w in zip(plans, written)]}, ensure_ascii=False, indent=2))
        return
    console = _stdout()
    for plan, path in zip(plans, written):
        note = "" if plan.named else (" (không có trong danh mục: nhận mọi nhiệm vụ)" if lang == "vi" else
                                      " (not in the catalog: gets every task)")
        console.print(f"{path}  — {_escape(plan.agency)}: {len(plan.tasks)} " + ("nhiệm vụ" if lang == "vi" else "tasks")
                      + _escape(note))


@command("validate", english=(
    "Check submission files (the same findings as merge), file by file; --annotate writes marked-up copies."))
def validate_command(
    files: Annotated[list[str], typer.Argument(help=h("Các tệp báo cáo cần kiểm tra, thư mục hoặc mẫu *.xlsx.",
                                                      "Submission files to check, folders or patterns like *.xlsx."))],
    catalog: CatalogOpt = None,
    annotate_dir: Annotated[
        Optional[Path], typer.Option("--annotate", help=h("Ghi bản sao có đánh dấu lỗi (tô màu + ghi chú) vào thư mục này.",
                                                          "Write copies with the problems marked (colour + comments) into this folder."))
    ] = None,
    agency: AgencyOpt = [],  # noqa: B006
    force: Annotated[bool, typer.Option("--force", help=h("Với --annotate: ghi đè cả tệp có sẵn không do nq57 tạo.",
                                                          "With --annotate: replace files nq57 did not make too."))] = False,
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Kiểm tra các tệp báo cáo (cùng phát hiện như merge), theo từng tệp; --annotate ghi bản sao đánh dấu lỗi."""
    from nq57cli.write.annotate import annotate, annotation_targets
    from nq57cli.tasks.filereport import validate_files

    lang = _check_lang(lang)
    guard = OutputGuard(force=force)
    paths = guard.add_items(files, exclude=[catalog])
    guard.add_file(catalog)
    if annotate_dir:
        guard.check_folder(annotate_dir)
        for path in paths:
            for target in annotation_targets(path, annotate_dir):
                guard.check_file(target)
    report = validate_files(paths, catalog=catalog, agencies=_parse_agency_options(agency))
    if not any(f.readable for f in report.submissions):
        if not json_out:  # under --json the findings are in the JSON document
            print_findings(report.findings, lang, verbose)
        raise UnreadableInputError("Không đọc được tệp báo cáo nào (xem các lỗi ở trên).",
                                   "None of the submissions could be read (see above).", findings=report.findings)
    annotated: list[Path] = []
    if annotate_dir:
        problems = report.files_with_problems
        guard.check_replace([t for item in problems for t in annotation_targets(Path(item.path), annotate_dir)],
                            "annotated")
        for item in problems:
            annotated.append(annotate(Path(item.path), item.findings, annotate_dir, lang, guard=guard))
    if json_out:
        data = report.to_json_dict(lang)
        data["annotated"] = [str(p) for p in annotated]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_findings(report.findings, lang, verbose)
        console = _stdout()
        vi = lang == "vi"
        clean = report.clean_files
        console.print(("Tệp không có lỗi: " if vi else "Clean files: ") + (", ".join(clean) if clean else "—"))
        problems = report.files_with_problems
        console.print(("Tệp cần sửa: " if vi else "Files to fix: ") + (", ".join(f.file for f in problems) or "—"))
        for path in annotated:
            console.print(("Bản đánh dấu lỗi: " if vi else "Annotated copy: ") + str(path))
    if report.errors():
        raise typer.Exit(int(ExitCode.FINDINGS))


@command("missing", english=(
    "Agencies that have not reported, tasks nobody reported on, tasks whose lead agency has not reported."))
def missing_command(
    files: FilesArg = None,
    input_path: InputOpt = None,
    catalog: CatalogOpt = None,
    agencies: AgenciesFileOpt = None,
    agency: AgencyOpt = [],  # noqa: B006
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    debug: DebugOpt = False,
) -> None:
    """Đơn vị chưa gửi báo cáo, nhiệm vụ chưa ai báo cáo, nhiệm vụ cơ quan chủ trì chưa báo cáo."""
    from nq57cli.tasks.missing import missing_report

    lang = _check_lang(lang)
    result = load_result(input_path, catalog, files, agency, lang, agencies_file=agencies)
    report = missing_report(result, _expected_agencies(result, agencies))
    if json_out:
        typer.echo(json.dumps(report.to_json_dict(lang), ensure_ascii=False, indent=2))
        return
    console = _stdout()
    for line in report.summary_lines(lang):
        console.print(_escape(line))


def load_report_config(path: Path | None, sets: list[str]) -> Any:
    """nq57.toml (given, or ./nq57.toml when present, else defaults) with --set overrides."""
    from nq57cli.domain.config import apply_overrides, default_config_path, load_config

    config = load_config(path if path is not None else default_config_path())
    overrides = {}
    for item in sets:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--set cần dạng KHÓA=GIÁ TRỊ, không phải \"{item}\"", f"--set needs KEY=VALUE, not \"{item}\"")
        overrides[key.strip()] = value.strip()
    return apply_overrides(config, overrides) if overrides else config


def _write_pdf(docx: Path, lang: str) -> Path | None:
    from nq57cli.render.pdf import PdfUnavailableError, convert_to_pdf

    try:
        return convert_to_pdf(docx)
    except PdfUnavailableError as exc:
        _stderr().print(("Bỏ qua PDF: " if lang == "vi" else "PDF skipped: ") + _escape(exc.message(lang)))
        return None


@command("render", english=(
    "Render a Word document (report/plan, appendices) in the official format from merged.xlsx or from the submissions.\n\nThe chi-tieu form reads indicator data: -i indicators.xlsx, or --catalog CHI-TIEU.xlsx and the indicator files."))
def render_command(
    form: Annotated[str, typer.Option("--form", "-f", help=h("Mẫu văn bản (xem \"nq57 forms\"), ví dụ phu-luc-03.",
                                                             "The document form (see \"nq57 forms\"), e.g. phu-luc-03."))],
    files: FilesArg = None,
    input_path: InputOpt = None,
    catalog: CatalogOpt = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=h("Tệp .docx sẽ ghi (mặc định: FORM.docx).",
                                                                            "The .docx to write (default: FORM.docx)."))] = None,
    config: ConfigOpt = None,
    set_: SetOpt = [],  # noqa: B006
    template: Annotated[
        Optional[Path], typer.Option("--template", help=h("Dùng tệp .docx mẫu của bạn (thẻ Jinja) thay cho mẫu có sẵn.",
                                                          "Use your own .docx template (Jinja tags) instead of the built-in one."))
    ] = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help=h("Ngày tính quá hạn trong số liệu (mặc định: ngày của văn bản).",
                                                      "The date overdue figures are counted at (default: the document's date)."))
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help=h("Ghi thêm bản PDF (cần LibreOffice).",
                                                      "Also write a PDF (needs LibreOffice)."))] = False,
    agency: AgencyOpt = [],  # noqa: B006
    indicators: IndicatorsOpt = None,
    milestone: MilestoneOpt = None,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Kết xuất văn bản Word (BC/KH, phụ lục) đúng thể thức từ merged.xlsx hoặc từ các tệp báo cáo.

    Mẫu chi-tieu đọc dữ liệu chỉ tiêu: -i indicators.xlsx, hoặc --catalog CHI-TIEU.xlsx và các tệp chỉ tiêu."""
    from nq57cli.domain.deadline import parse_date_option
    from nq57cli.render.forms import get_form
    from nq57cli.render.document import render_document

    lang = _check_lang(lang)
    chosen = get_form(form)
    target = output or Path(f"{chosen.name}.docx")
    guard = OutputGuard()
    gather_config_inputs(guard, config)
    guard.add_files([template, indicators])
    if chosen.data == "indicators":
        guard.add_file(catalog)
        listed = guard.add_items(files, exclude=[catalog]) if files else None
        if not files:
            guard.add_file(input_path or indicators or Path("indicators.xlsx"))
    else:
        listed = gather_data_inputs(guard, input_path, catalog, files)
    guard.check_file(target)
    guard.check_file(target.with_suffix(".pdf") if pdf else None)
    if template is not None and not template.is_file():
        raise UnreadableInputError(f"Không tìm thấy tệp mẫu {template}", f"Template not found: {template}")
    settings = load_report_config(config, set_)
    guard.add_folder(settings.template_dir)
    guard.check_file(target)
    day = parse_date_option(as_of, "--as-of") if as_of else None
    if chosen.data == "indicators":
        from nq57cli.domain.models import MergeResult

        data = load_indicator_data(input_path or indicators, catalog, files, agency, milestone, lang, verbose, listed)
        result = MergeResult(tasks=[], groups=[], findings=[], inputs=[])
    else:
        result = load_result(input_path, catalog, files, agency, lang, verbose, listed)
        data = load_indicator_data(indicators, None, None, agency, milestone, lang, verbose) if indicators else None
    written = render_document(result, chosen, settings, target, template=template, as_of=day, indicators=data)
    from nq57cli.render.document import document_findings

    print_findings(document_findings(settings, day), lang, verbose)
    console = _stdout()
    console.print(("Đã ghi: " if lang == "vi" else "Written: ") + str(written))
    if pdf:
        converted = _write_pdf(written, lang)
        if converted:
            console.print(("Đã ghi: " if lang == "vi" else "Written: ") + str(converted))


@command("forms", english="List the built-in document forms, one per line.")
def forms_command(json_out: JsonOpt = False, lang: LangOpt = "vi", debug: DebugOpt = False) -> None:
    """Liệt kê các mẫu văn bản có sẵn, mỗi mẫu một dòng."""
    from nq57cli.render.forms import list_forms

    forms = list_forms()
    if json_out:
        typer.echo(json.dumps([{"name": f.name, "description": f.description, "template": f.template,
                                "orientation": f.orientation} for f in forms], ensure_ascii=False, indent=2))
        return
    width = max(len(f.name) for f in forms)
    for f in forms:
        typer.echo(f"{f.name:<{width}}  {f.description}")


@command("init", english=(
    "Create a commented nq57.toml (and a submissions/ folder) for a new reporting period; never overwrites a file."))
def init_command(
    folder: Annotated[Path, typer.Argument(help=h("Thư mục làm việc mới (mặc định: thư mục hiện tại).",
                                                  "The new working folder (default: the current folder)."))] = Path("."),
    with_templates: Annotated[
        bool, typer.Option("--templates", help=h("Chép thêm các mẫu .docx có sẵn vào FOLDER/templates để sửa trong Word.",
                                                 "Also copy the built-in .docx templates into FOLDER/templates for editing in Word."))
    ] = False,
    lang: LangOpt = "vi",
    debug: DebugOpt = False,
) -> None:
    """Tạo nq57.toml có chú thích (và thư mục submissions/) cho một kỳ báo cáo mới; không ghi đè tệp có sẵn."""
    from nq57cli.domain.config import write_starter

    lang = _check_lang(lang)
    starter = write_starter(folder)
    created, skipped = list(starter.created), list(starter.skipped)
    if with_templates:
        from nq57cli.render.forms import export_templates

        copied, kept = export_templates(folder / "templates")
        created += copied
        skipped += kept
    console = _stdout()
    vi = lang == "vi"
    for path in created:
        console.print(("Đã tạo: " if vi else "Created: ") + str(path))
    for path in skipped:
        console.print(("Đã có, giữ nguyên: " if vi else "Exists, left alone: ") + str(path))


@command("overdue", english="Overdue (and soon due) tasks as of a date, by agency; reminder letters.")
def overdue_command(
    files: FilesArg = None,
    input_path: InputOpt = None,
    catalog: CatalogOpt = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help=h("Ngày tính quá hạn: 30/9/2025, 30.9.2025 hoặc 2025-09-30 (mặc định: hôm nay).",
                                                      "The date overdue is counted at: 30/9/2025, 30.9.2025 or 2025-09-30 (default: today)."))
    ] = None,
    within: Annotated[Optional[int], typer.Option("--within", help=h("Liệt kê thêm nhiệm vụ đến hạn trong N ngày tới.",
                                                                     "Also list the tasks due within the next N days."))] = None,
    by: Annotated[str, typer.Option("--by", help=h("Nhóm theo: lead (cơ quan chủ trì), agency (đơn vị báo cáo), group (nhóm).",
                                                   "Group by: lead (lead agency), agency (reporting agency), group (task group)."))] = "lead",
    xlsx: Annotated[Optional[Path], typer.Option("--xlsx", help=h("Ghi danh sách ra tệp Excel để chuyển tiếp.",
                                                                  "Write the list to an Excel file to pass on."))] = None,
    docx: Annotated[Optional[Path], typer.Option("--docx", help=h("Ghi phụ lục \"Danh sách nhiệm vụ quá hạn\" (Word).",
                                                                  "Write the \"Danh sách nhiệm vụ quá hạn\" appendix (Word)."))] = None,
    letters: Annotated[
        Optional[Path], typer.Option("--letters", help=h("Ghi công văn đôn đốc, mỗi cơ quan chủ trì có việc quá hạn một tệp.",
                                                         "Write reminder letters, one file per lead agency with overdue tasks."))
    ] = None,
    fail_on_overdue: Annotated[
        bool, typer.Option("--fail-on-overdue", help=h("Thoát với mã 1 khi có nhiệm vụ quá hạn (cho script).",
                                                       "Exit with code 1 when tasks are overdue (for scripts)."))
    ] = False,
    force: Annotated[bool, typer.Option("--force", help=h("Với --letters: ghi đè cả tệp có sẵn không do nq57 tạo.",
                                                          "With --letters: replace files nq57 did not make too."))] = False,
    config: ConfigOpt = None,
    set_: SetOpt = [],  # noqa: B006
    agency: AgencyOpt = [],  # noqa: B006
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Nhiệm vụ quá hạn (và sắp đến hạn) tính đến một ngày, của cơ quan nào; công văn đôn đốc."""
    from datetime import date

    from nq57cli.domain.deadline import parse_date_option
    from nq57cli.render.overdue import write_letters, write_overdue_docx
    from nq57cli.tasks.overdue import classify, terminal_table
    from nq57cli.write.overduebook import write_overdue_xlsx
    from nq57cli.write.overduejson import to_json_dict

    lang = _check_lang(lang)
    day = parse_date_option(as_of, "--as-of") if as_of else date.today()
    if within is not None and within < 0:
        raise UsageError("--within phải là số ngày ≥ 0", "--within must be a number of days ≥ 0")
    guard = OutputGuard(force=force)
    listed = gather_data_inputs(guard, input_path, catalog, files)
    if docx or letters:
        gather_config_inputs(guard, config)
    for path in (xlsx, docx):
        guard.check_file(path)
    guard.check_folder(letters)
    settings = load_report_config(config, set_) if (docx or letters) else None
    if settings is not None:
        guard.add_folder(settings.template_dir)
        guard.check_file(docx)
        guard.check_folder(letters)
    result = load_result(input_path, catalog, files, agency, lang, verbose, listed)
    report = classify(result, day, within=within, by=by)
    written: list[Path] = []
    if xlsx:
        written.append(write_overdue_xlsx(report, xlsx, lang))
    if docx:
        written.append(write_overdue_docx(report, docx, settings))
    if letters:
        written.extend(write_letters(report, letters, settings, guard=guard))
    if json_out:
        typer.echo(json.dumps(to_json_dict(report, lang), ensure_ascii=False, indent=2))
    else:
        _print_overdue(terminal_table(report, lang), lang)
    err = _stderr()
    for path in written:
        err.print(("Đã ghi: " if lang == "vi" else "Written: ") + str(path))
    if fail_on_overdue and report.summary.overdue:
        raise typer.Exit(int(ExitCode.FINDINGS))


def _print_overdue(table: Any, lang: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = _stdout()
    if not console.is_terminal:
        console = Console(highlight=False, width=160)  # piped: wide enough for the task column
    title_width = max(30, console.width - 95)
    for section in table.sections:
        if not section.rows:
            continue
        grid = Table(title=_escape(section.title), title_justify="left", show_lines=True)
        for index, name in enumerate(table.columns):
            grid.add_column(name, overflow="fold", justify="right" if index == 5 else "left",
                            min_width=title_width if index == 1 else None, max_width=None if index == 1 else 24)
        for row in section.rows:
            cells = [_escape(_shorten(cell, 160) if index == 1 else cell) for index, cell in enumerate(row)]
            grid.add_row(*cells)
        console.print(grid)
    console.print(_escape(table.summary))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def samples_folder() -> Path:
    """The bundled samples, installed with the package (or the repository's samples/)."""
    from importlib.resources import files

    try:
        return Path(str(files("nq57cli.samples")))
    except ModuleNotFoundError:  # running from a source checkout without installing
        return Path(__file__).resolve().parents[3] / "samples"


@command("demo", english=(
    "Try nq57 on the bundled sample data: merge (then render, overdue) into a folder."))
def demo_command(
    out: Annotated[Path, typer.Option("--out", "-o", help=h("Thư mục ghi kết quả mẫu.",
                                                            "The folder to write the demo outputs into."))] = Path("nq57-demo"),
    lang: LangOpt = "vi",
    debug: DebugOpt = False,
) -> None:
    """Chạy thử trên dữ liệu mẫu kèm theo: merge (rồi render, overdue) vào một thư mục."""
    from nq57cli.tasks.merge import merge
    from nq57cli.write.mergedbook import write_merged

    lang = _check_lang(lang)
    samples = samples_folder()
    submissions = sorted((samples / "submissions").glob("*.xlsx"))
    catalog = samples / "catalog.xlsx"
    guard = OutputGuard()
    guard.add_folder(samples)
    guard.add_folder(samples / "submissions")
    guard.check_folder(out)
    for name in DEMO_OUTPUTS:
        guard.check_file(out / name)
    vi = lang == "vi"
    err = _stderr()
    err.print(("Dữ liệu mẫu: " if vi else "Sample data: ") + f"{catalog} + {len(submissions)} "
              + ("tệp báo cáo" if vi else "submissions"))
    result = merge(submissions, catalog=catalog)
    written = [write_merged(result, out / "merged.xlsx", lang)]
    print_findings(result.findings, lang, verbose=False)
    print_summary(result, lang, None)
    written.extend(_demo_steps(result, out, lang, guard))
    console = _stdout()
    console.print(("Kết quả mẫu trong thư mục " if vi else "Demo outputs in ") + f"{out}/:")
    for path in written:
        console.print(f"  {path}")
    if result.errors():
        err.print("Các lỗi trên là lỗi cố ý trong dữ liệu mẫu (xem samples/README.md)." if vi else
                  "The errors above are deliberate mistakes in the sample data (see samples/README.md).")


DEMO_OUTPUTS = ("merged.xlsx", "phu-luc-03.docx", "bao-cao.docx", "qua-han.xlsx")


def _demo_steps(result: Any, out: Path, lang: str, guard: OutputGuard) -> list[Path]:
    """After merge, the demo renders the report and its appendix, then the overdue list and letters,
    all as of the end of the samples' reporting period."""
    from datetime import date

    from nq57cli.domain.config import apply_overrides, load_config
    from nq57cli.render.document import render_document
    from nq57cli.render.overdue import write_letters
    from nq57cli.tasks.overdue import classify
    from nq57cli.write.overduebook import write_overdue_xlsx

    config = apply_overrides(load_config(None), {"document.date": DEMO_AS_OF})
    written = [render_document(result, form, config, out / f"{form}.docx") for form in ("phu-luc-03", "bao-cao")]
    late = classify(result, date.fromisoformat(DEMO_AS_OF))
    written.append(write_overdue_xlsx(late, out / "qua-han.xlsx", lang))
    guard.check_folder(out / "cong-van-don-doc")
    written.extend(write_letters(late, out / "cong-van-don-doc", config, guard=guard))
    return written


def load_indicator_data(input_path: Path | None, catalog: Path | None, files: list[str] | None, agency: list[str],
                        milestone: str | None, lang: str, verbose: bool = False, paths: list[Path] | None = None) -> Any:
    """Indicator data: an indicators.xlsx (default ./indicators.xlsx) or indicator files consolidated now
    (`paths`: the files already listed)."""
    if files:
        from nq57cli.indicators.consolidate import merge_indicators

        if catalog is None:
            raise UsageError("Các tệp báo cáo chỉ tiêu cần --catalog CHI-TIEU.xlsx (danh mục chỉ tiêu).",
                             "Indicator submissions need --catalog CHI-TIEU.xlsx (the indicator catalog).")
        paths = paths if paths is not None else expand_inputs(files, exclude=[catalog])
        result = merge_indicators(paths, catalog, milestone, _parse_agency_options(agency))
        print_findings(errors(result.findings), lang, verbose)
        require_readable(result.inputs, result.findings, "indicators")
        return result
    from nq57cli.write.indicatorbook import read_indicator_book

    path = input_path or Path("indicators.xlsx")
    if not path.exists():
        raise UnreadableInputError(
            f"Không có tệp chỉ tiêu {path}; hãy chạy \"nq57 indicators\" trước, hoặc dùng -i, hoặc --catalog và các tệp.",
            f"No indicator workbook {path}; run \"nq57 indicators\" first, or give -i, or --catalog and the files.",
        )
    result = read_indicator_book(path, milestone)
    print_findings([f for f in result.findings if verbose or f.severity == "error"], lang, verbose)
    return result


@command("indicators", english=(
    "Consolidate the agencies' indicator figures and assess met / not met against a milestone's targets → indicators.xlsx."))
def indicators_command(
    files: Annotated[list[str], typer.Argument(help=h("Các tệp số liệu chỉ tiêu của các đơn vị, thư mục hoặc mẫu *.xlsx.",
                                                      "The agencies' indicator files, folders or patterns like *.xlsx."))],
    catalog: Annotated[Path, typer.Option("--catalog", "-c", help=h("Danh mục chỉ tiêu (.xlsx) với mục tiêu theo các mốc năm.",
                                                                    "The indicator catalog (.xlsx) with targets per milestone year."))],
    milestone: MilestoneOpt = None,
    output: Annotated[Path, typer.Option("--output", "-o", help=h("Tệp tổng hợp chỉ tiêu sẽ ghi.",
                                                                  "The consolidated indicator workbook to write."))] = Path("indicators.xlsx"),
    agency: AgencyOpt = [],  # noqa: B006
    json_out: JsonOpt = False,
    lang: LangOpt = "vi",
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Tổng hợp số liệu chỉ tiêu của các đơn vị và đánh giá đạt / chưa đạt so với mục tiêu của một mốc → indicators.xlsx."""
    from nq57cli.write.indicatorbook import write_indicators
    from nq57cli.indicators.consolidate import merge_indicators

    lang = _check_lang(lang)
    guard = OutputGuard()
    paths = guard.add_items(files, exclude=[catalog])
    if not paths:
        raise UsageError("Chưa có tệp số liệu chỉ tiêu nào.", "No indicator files given.")
    guard.add_file(catalog)
    guard.check_file(output)
    result = merge_indicators(paths, catalog, milestone, _parse_agency_options(agency))
    if not result.readable_submissions():
        print_findings(result.findings, lang, verbose)
    require_readable(result.inputs, result.findings, "indicators", writes=True)
    written = write_indicators(result, output, lang)
    print_findings(result.findings, lang, verbose)
    if json_out:
        typer.echo(json.dumps(result.to_json_dict(lang), ensure_ascii=False, indent=2))
    else:
        _print_indicator_summary(result, lang, written)
    if result.errors():
        raise typer.Exit(int(ExitCode.FINDINGS))


def _print_indicator_summary(result: Any, lang: str, output: Path) -> None:
    from rich.table import Table

    from nq57cli.indicators.evaluate import STATUSES, status_label

    vi = lang == "vi"
    counts = result.counts()
    files = [i for i in result.inputs if i.role == "submission"]
    table = Table(title="Tổng hợp chỉ tiêu" if vi else "Indicators", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("Mốc đánh giá" if vi else "Milestone", result.milestone_headers.get(result.milestone, result.milestone))
    table.add_row("Tệp đã đọc" if vi else "Files read", f"{len(result.readable_submissions())}/{len(files)}")
    table.add_row("Chỉ tiêu được đánh giá" if vi else "Indicators evaluated",
                  f"{sum(counts.values())}/{len(result.indicators)}")
    for status in STATUSES:
        if counts[status]:
            table.add_row("  " + status_label(status, lang), str(counts[status]))
    if result.unmatched:
        table.add_row("Giá trị không khớp chỉ tiêu" if vi else "Unmatched values", str(len(result.unmatched)))
    table.add_row("Phát hiện" if vi else "Findings", counts_text(count_by_severity(result.findings), lang))
    console = _stdout()
    console.print(table)
    missed = [f"{i.code} ({i.assessment.text(i.unit, lang).split('(', 1)[-1].rstrip(')')})" for i in result.indicators
              if i.assessment and i.assessment.status == "not_met"]
    if missed:
        console.print(_escape(("Chưa đạt: " if vi else "Not met: ") + "; ".join(missed)))
    console.print(("Đã ghi: " if vi else "Written: ") + str(output))
