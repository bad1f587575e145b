"""The `nq57` typer app: the group that chooses the language, the `command` decorator every command
registers with, the root options and main(). The commands themselves are in cli/commands/."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any, Callable

import typer
from typer.core import TyperCommand, TyperGroup

from nq57cli import __version__
from nq57cli.cli import lang as clilang
from nq57cli.cli.lang import click, h
from nq57cli.cli.options import LangOpt
from nq57cli.cli.texts import text
from nq57cli.cli.translate import aborted, command_failed, interrupted, usage_failed


class _Command(TyperCommand):
    """A command whose help and usage errors speak the language chosen for the run (clilang)."""

    context_class = clilang.Context

    def get_help_option(self, ctx: Any) -> Any:
        return clilang.localized_help_option(super().get_help_option(ctx))


class _RootContext(clilang.Context):
    """The root's context: Ctrl-C while it closes, after the command, ends like Ctrl-C in the command."""

    def __exit__(self, *exc_info: Any) -> Any:
        try:
            return super().__exit__(*exc_info)
        except KeyboardInterrupt as exc:
            command_failed(exc, clilang.language(), False, False)


class _App(TyperGroup):
    """The nq57 group: chooses the language before click parses anything, and shows click's own
    usage errors in it (with a JSON document on stdout when --json was given)."""

    context_class = _RootContext

    def get_help_option(self, ctx: Any) -> Any:
        return clilang.localized_help_option(super().get_help_option(ctx))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        lang = clilang.choose_language(args)
        clilang.set_language(lang, self)
        try:
            done = super().main(args, prog_name, complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
        except click.ClickException as exc:
            if not standalone_mode:
                raise
            usage_failed(exc, args, lang)
        except (typer.Abort, KeyboardInterrupt) as exc:  # Ctrl-C that click caught, or where it does not
            if not standalone_mode:
                raise
            aborted(exc, lang)
        if not standalone_mode:
            return done
        sys.exit(done if isinstance(done, int) else 0)

    # Ctrl-C while click parses the command line (the root's options here, the command's in invoke) ends
    # like Ctrl-C in a command (translate.command_failed), not as typer ends it (exit 130 without a word;
    # on click, "Aborted!" and exit 1).
    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt as exc:
            command_failed(exc, clilang.language(), False, False)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            command_failed(exc, clilang.language(), False, False)


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


def command(*args: Any, english: str, **kwargs: Any) -> Callable:
    """app.command, with errors turned into a message and an exit code (translate.command_failed, the
    one place); `english` is the command's help in English (its docstring is the Vietnamese one)."""

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*a: Any, **kw: Any) -> Any:
            if kw.get("lang") in clilang.LANGS:  # the language chosen for the run: --lang (here or before
                kw["lang"] = clilang.language()  # the command's name), else NQ57_LANG, else Vietnamese
            lang = kw["lang"] if kw.get("lang") in clilang.LANGS else "vi"
            try:
                return func(*a, **kw)
            except (Exception, KeyboardInterrupt) as exc:
                command_failed(exc, lang, kw.get("json_out", False), bool(kw.get("debug")))

        clilang.EN_COMMANDS[args[0]] = english
        return app.command(*args, cls=_Command, **kwargs)(wrapper)

    return decorate


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
        raise typer.BadParameter(text("lang_choices", clilang.language()), param_hint="'--lang'")


_kept: list[Any] = []
_exit_without_freeing = False


def keep_until_exit(data: Any) -> None:
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
        except KeyboardInterrupt:  # outside click and the commands (choosing the language)
            interrupted(clilang.choose_language(sys.argv[1:]))
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
        except KeyboardInterrupt:  # while the last output drains (a slow reader): cut short like any Ctrl-C
            interrupted(clilang.choose_language(sys.argv[1:]))
            code = 130
    os._exit(code)
