"""The one place where exceptions become a message on stderr and an exit code (plus the JSON failure
document under --json): nq57's own errors, click's usage errors, Ctrl-C (130) and defects (6)."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer

from nq57cli.cli import lang as clilang
from nq57cli.cli.lang import click
from nq57cli.cli.texts import text
from nq57cli.errors import ExitCode, Nq57Error


def failure_json(code: ExitCode, message: str, findings: list, lang: str) -> str:
    """The one JSON document of a failed run under --json: what failed and the findings that explain it."""
    return json.dumps({"ok": False, "exit_code": int(code), "error": {"kind": code.name.lower(), "message": message},
                       "findings": [f.to_dict(lang) for f in findings]}, ensure_ascii=False, indent=2)


def command_failed(exc: BaseException, lang: str, json_out: bool, debug: bool) -> NoReturn:
    """An exception raised inside a command, turned into its message and exit code (re-raised as it is
    with --debug, and for typer's and click's own exits)."""
    if isinstance(exc, Nq57Error):
        if debug:
            raise exc
        fail(exc.exit_code, exc.message(lang), exc.findings, lang, json_out)
    if isinstance(exc, (typer.Exit, typer.Abort, click.ClickException)):
        raise exc
    if isinstance(exc, KeyboardInterrupt):
        interrupted(lang)
        raise typer.Exit(130) from None
    if isinstance(exc, Exception):  # a defect: one line, the traceback only with --debug
        if debug:
            raise exc
        fail(ExitCode.INTERNAL, text("unexpected", lang, kind=type(exc).__name__, detail=exc), [], lang, json_out)
    raise exc


def usage_failed(exc: Any, args: list[str], lang: str) -> NoReturn:
    """click's usage error (or the help shown for no arguments) on stderr in the chosen language, with the
    JSON document on stdout when --json was given; exits with click's code."""
    clilang.show_usage_error(exc)
    if "--json" in args and not isinstance(exc, click.exceptions.NoArgsIsHelpError):
        typer.echo(failure_json(ExitCode.USAGE, clilang.error_message(exc), [], lang))
    sys.exit(exc.exit_code)


def aborted(exc: BaseException, lang: str) -> NoReturn:
    """click's Abort: Ctrl-C that click caught ends as every interruption does (130); any other (end of
    input at a prompt) with click's "Aborted!" (1)."""
    if isinstance(exc, KeyboardInterrupt) or isinstance(exc.__cause__, KeyboardInterrupt):
        interrupted(lang)
        sys.exit(130)
    click.echo(clilang.text("Aborted!"), err=True)
    sys.exit(1)


def interrupted(lang: str) -> None:
    """Ctrl-C: one line on stderr in the chosen language (helpers are stopped, temporary files gone)."""
    sys.stderr.write(text("interrupted", lang) + "\n")


def fail(code: ExitCode, message: str, findings: list, lang: str, json_out: bool) -> NoReturn:
    """One line on stderr (and the JSON document on stdout under --json), then the exit code."""
    from nq57cli.cli.output import escape, stderr

    stderr().print(f"[bold red]{text('error', lang)}:[/] {escape(message)}")
    if json_out:
        typer.echo(failure_json(code, message, findings, lang))
    raise typer.Exit(int(code)) from None
