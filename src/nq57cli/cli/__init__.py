"""The `nq57` command line: a thin typer layer over the library, the only package that prints.
Importing it registers every command (cli/commands/) on the one app (cli/app.py)."""

from nq57cli.cli import commands  # noqa: F401 - registers the commands on the app
