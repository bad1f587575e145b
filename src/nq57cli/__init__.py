"""nq57 — tổng hợp báo cáo thực hiện Nghị quyết 57-NQ/TW từ các tệp Excel của các cơ quan.

The public Python API, for scripts and notebooks (the command line `nq57` is one client of it)::

    import nq57cli
    result = nq57cli.merge("submissions/", catalog="catalog.xlsx")
    result.tasks_frame()                       # pandas DataFrame (extra [analysis])
    late = nq57cli.overdue(result, as_of="30/9/2025")
    nq57cli.render("bao-cao", result, "bao-cao.docx")

Names are loaded on first use (module ``__getattr__``): ``import nq57cli`` imports no library, so
``nq57 --help`` stays fast.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType

__version__ = "0.1.0"

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (6 ms); mypy reads it the same
if TYPE_CHECKING:
    from typing import Any

    from nq57cli.api import merge, merge_indicators, overdue, read_merged, render, validate
    from nq57cli.domain.models import Finding, MergeResult
    from nq57cli.errors import Nq57Error
    from nq57cli.indicators.models import IndicatorResult
    from nq57cli.tasks.filereport import ValidationReport
    from nq57cli.tasks.overdue import OverdueReport

_LAZY = {
    "merge": "nq57cli.api",
    "read_merged": "nq57cli.api",
    "validate": "nq57cli.api",
    "overdue": "nq57cli.api",
    "merge_indicators": "nq57cli.api",
    "render": "nq57cli.api",
    "Finding": "nq57cli.domain.models",
    "MergeResult": "nq57cli.domain.models",
    "Nq57Error": "nq57cli.errors",
    "OverdueReport": "nq57cli.tasks.overdue",
    "IndicatorResult": "nq57cli.indicators.models",
    "ValidationReport": "nq57cli.tasks.filereport",
}

__all__ = ["__version__", "merge", "read_merged", "validate", "overdue", "merge_indicators", "render", "Finding",
           "MergeResult", "Nq57Error", "OverdueReport", "IndicatorResult", "ValidationReport"]


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use, and keep it."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nq57cli' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


class _Package(ModuleType):
    """`nq57cli.render` names both the function render() and the subpackage render/: importing the
    subpackage would set the attribute to the module; the function is kept (the subpackage is
    imported by its full name, `from nq57cli.render.document import ...`, through sys.modules)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
