"""The language of what click and typer print themselves: usage lines, help headings, option errors.

Vietnamese by default, English with `--lang en` (or NQ57_LANG=en), chosen from the arguments before
they are parsed, so that `--help` and errors in parsing speak the language asked for. The typer in
use carries its own copy of click with the texts written in the code (no gettext), so the texts are
put in place at the few points click offers: the help formatter, the help option, the usage
metavars, typer.core's gettext function, and the error messages made here from the exception's
fields. Help texts of commands and options are written in both languages next to each other in
cli/options.py and cli/commands/ (`h("vi", "en")`) and the English one is put in place when English is
chosen; the CLI's other words are in cli/texts.py.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

import typer.core

try:  # typer ≥ 0.23 carries its own click
    from typer import _click as click
except ImportError:  # pragma: no cover - older typer on click
    import click  # type: ignore[no-redef]

LANGS = ("vi", "en")
ENV_VAR = "NQ57_LANG"

_current = "vi"

# click's and typer's own words → Vietnamese (English is their own text)
VI: dict[str, str] = {
    "Usage: ": "Cách dùng: ",
    "Options": "Tùy chọn",
    "Arguments": "Đối số",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiện trợ giúp này rồi thoát.",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tính khi chạy)",
    "Aborted!": "Đã hủy.",
    "Missing command.": "Thiếu lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Error": "Lỗi",
    "Try '{command}' for help.": "Xem '{command}' để được trợ giúp.",
    "[OPTIONS]": "[TÙY CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
}

# click's free-text messages (ctx.fail, the parser, the number types) → Vietnamese
_MESSAGES_VI: tuple[tuple[str, str], ...] = (
    (r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", r"Thừa đối số không dùng đến (\1)"),
    (r"No such command '(.*)'\. Did you mean (.*)\?", r"Không có lệnh '\1'. Có phải là \2?"),
    (r"No such command '(.*)'\.", r"Không có lệnh '\1'."),
    (r"Missing command\.", "Thiếu lệnh."),
    (r"Option '(.*)' requires an argument\.", r"Tùy chọn '\1' cần một giá trị."),
    (r"Option '(.*)' requires (\d+) arguments\.", r"Tùy chọn '\1' cần \2 giá trị."),
    (r"Option '(.*)' does not take a value\.", r"Tùy chọn '\1' không nhận giá trị."),
    (r"Argument '(.*)' takes (\d+) values\.", r"Đối số '\1' cần \2 giá trị."),
    (r"(.*) is not a valid int(?:eger)?\.", r"\1 không phải là số nguyên."),
    (r"(.*) is not a valid float\.", r"\1 không phải là số."),
    (r"(.*) is not a valid boolean\..*", r"\1 không phải là giá trị đúng/sai."),
    (r"No such option: (.*)", r"Không có tùy chọn \1"),
)

# English help texts, by their Vietnamese text (options) or by command name (commands)
EN_HELP: dict[str, str] = {}
EN_COMMANDS: dict[str, str] = {}


def h(vi: str, en: str) -> str:
    """A help text in both languages: the Vietnamese one is given to typer, the English one kept."""
    EN_HELP[vi] = en
    return vi


def choose_language(args: Sequence[str], environ: Any = os.environ) -> str:
    """`--lang en` / `--lang=en` among the arguments, else NQ57_LANG, else Vietnamese."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = args[index + 1] if arg == "--lang" and index + 1 < len(args) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if value in LANGS:
            return value
    value = environ.get(ENV_VAR, "")
    return value if value in LANGS else "vi"


def language() -> str:
    return _current


def text(message: str) -> str:
    """click's or typer's own text in the chosen language (a gettext function, named as gettext's)."""
    return VI.get(message, message) if _current == "vi" else message


def set_language(lang: str, command: Any) -> None:
    """Choose the language of this run and put the help texts of `command` (the whole tree) in it."""
    global _current
    _current = lang if lang in LANGS else "vi"
    typer.core._ = text  # typer's headings, [default: …], [required]; gettext in its code
    _localize(command)


def _localize(command: Any) -> None:
    english = _current == "en"
    name = command.name or ""
    if english and (name in EN_COMMANDS or command.help in EN_HELP):
        command.help = EN_COMMANDS.get(name) or EN_HELP[command.help]
        command.short_help = None
    command.options_metavar = text("[OPTIONS]")
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = text("COMMAND [ARGS]...")
    for param in command.params:
        if english and getattr(param, "help", None) in EN_HELP:
            param.help = EN_HELP[param.help]
    for sub in getattr(command, "commands", {}).values():
        _localize(sub)


class HelpFormatter(click.HelpFormatter):
    """click's help formatter with its headings and usage prefix in the chosen language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, text("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(text(heading))


class Context(click.Context):
    formatter_class = HelpFormatter


def localized_help_option(option: Any) -> Any:
    """The help option click makes itself, with its help text in the chosen language."""
    if option is not None:
        option.help = text("Show this message and exit.")
    return option


def error_message(exc: Any) -> str:
    """A click usage error's message in the chosen language."""
    if _current == "en":
        return exc.format_message()
    if isinstance(exc, click.exceptions.MissingParameter):
        param = exc.param
        # typer's click types get_error_hint's ctx as Context, yet passes its exceptions' ctx (maybe None) itself
        hint = exc.param_hint if exc.param_hint is not None else (
            param.get_error_hint(exc.ctx) if param else None)  # type: ignore[arg-type]
        hint = click.exceptions._join_param_hints(hint) or ""
        kind = exc.param_type or (param.param_type_name if param else "parameter")
        noun = {"option": "tùy chọn", "argument": "đối số"}.get(kind, "tham số")
        return f"Thiếu {noun} {hint}.".replace("  ", " ")
    if isinstance(exc, click.exceptions.NoSuchOption):
        message = f"Không có tùy chọn {exc.option_name}"
        if exc.possibilities:
            message += f" (có thể là: {', '.join(sorted(exc.possibilities))})"
        return message
    if isinstance(exc, click.exceptions.BadParameter):
        param = exc.param
        # typer's click types get_error_hint's ctx as Context, yet passes its exceptions' ctx (maybe None) itself
        hint = exc.param_hint if exc.param_hint is not None else (
            param.get_error_hint(exc.ctx) if param else None)  # type: ignore[arg-type]
        hint = click.exceptions._join_param_hints(hint)
        message = _free_text(exc.message)
        return f"Giá trị không hợp lệ cho {hint}: {message}" if hint else f"Giá trị không hợp lệ: {message}"
    return _free_text(exc.format_message())


def _free_text(message: str) -> str:
    for pattern, replacement in _MESSAGES_VI:  # compiled only when an error is shown (--help stays fast)
        found = re.fullmatch(pattern, message, re.S)
        if found:
            return found.expand(replacement)
    return message


def show_usage_error(exc: Any) -> None:
    """What click prints for a usage error (usage line, where to get help, the error), in the chosen
    language, on stderr."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):  # the help itself, already localized
        click.echo(exc.format_message(), err=True)
        return
    lines = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(text("Try '{command}' for help.").format(command=f"{ctx.command_path} {ctx.help_option_names[0]}"))
        lines.append("")
    lines.append(f"{text('Error')}: {error_message(exc) if isinstance(exc, click.exceptions.UsageError) else exc.format_message()}")
    click.echo("\n".join(lines), err=True)
