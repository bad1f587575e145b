"""One module per command; importing this package registers them on the app in the order `nq57 --help`
lists them."""

from nq57cli.cli.commands import (  # noqa: F401 - imported to register, in this order
    merge,
    template,
    validate,
    missing,
    render,
    forms,
    init,
    overdue,
    demo,
    indicators,
    diff,
)
