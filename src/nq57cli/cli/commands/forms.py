"""`nq57 forms`: the built-in document forms, one per line."""

from __future__ import annotations

import json

import typer

from nq57cli.cli.app import command
from nq57cli.cli.options import DebugOpt, JsonOpt, LangOpt


@command("forms", english="List the built-in document forms, one per line.")
def forms_command(json_out: JsonOpt = False, lang: LangOpt = "vi", debug: DebugOpt = False) -> None:
    """Liệt kê các mẫu văn bản có sẵn, mỗi mẫu một dòng."""
    from nq57cli.domain.forms import list_forms

    forms = list_forms()
    if json_out:
        typer.echo(json.dumps([{"name": f.name, "description": f.description, "template": f.template,
                                "orientation": f.orientation} for f in forms], ensure_ascii=False, indent=2))
        return
    width = max(len(f.name) for f in forms)
    for f in forms:
        typer.echo(f"{f.name:<{width}}  {f.description}")
