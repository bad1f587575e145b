"""The import rules of the package (README, issue 15): layers pointing down (import-linter's contracts
in pyproject.toml), no private name imported across modules, no import cycle. Function-level imports
count; imports under `if TYPE_CHECKING:` do not (they are never run)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "nq57cli"

# Cycles and private imports allowed: none. Nothing may be added here; a new one is a defect to fix.
KNOWN_CYCLES: list[set[str]] = []  # none left
KNOWN_PRIVATE: set[tuple[str, str, str]] = set()  # (importer, module, name): none left


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _type_checking_block(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def runtime_imports(path: Path) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement of a module, at any depth (functions, methods), except TYPE_CHECKING ones."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _type_checking_block(child):
                for other in getattr(child, "orelse", []):
                    visit(other)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.append(child)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def _resolve(importer: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = importer.split(".")
    if not MODULES[importer].name == "__init__.py":
        package = package[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _own_module(name: str) -> str | None:
    """The nq57cli module `name` is, or is inside (a name imported from a module)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for importer, path in MODULES.items():
        for node in runtime_imports(path):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = _resolve(importer, node)
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
            for target in targets:
                own = _own_module(target)
                if own and own != importer and own != "nq57cli":  # the package root holds only the lazy API
                    graph[importer].add(own)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_no_import_cycles_counting_function_level_imports():
    found = cycles(import_graph())
    new = [sorted(c) for c in found if c not in KNOWN_CYCLES]
    assert not new, f"import cycles: {new}"


def test_the_cycle_finder_finds_a_function_level_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [{"a", "b", "c"}]


def test_no_private_name_is_imported_across_modules():
    found = set()
    for importer, path in MODULES.items():
        for node in runtime_imports(path):
            if not isinstance(node, ast.ImportFrom):
                continue
            base = _resolve(importer, node)
            if not base.startswith("nq57cli"):
                continue
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.add((importer, base, alias.name))
    assert found <= KNOWN_PRIVATE, f"private names imported across modules: {sorted(found - KNOWN_PRIVATE)}"


def test_function_level_imports_are_seen():
    """A module whose only import of another is inside a function still depends on it."""
    graph = import_graph()
    assert "nq57cli.tasks.merge" in graph["nq57cli.tasks.filereport"]  # imported inside validate_files


@pytest.mark.skipif(shutil.which("lint-imports") is None and not (Path(sys.executable).parent / "lint-imports").exists(),
                    reason="import-linter is not installed (pip install -e '.[test]')")
def test_import_linter_contracts_are_kept():
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    done = subprocess.run([command, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


# Import names whose distribution has another name, or comes with another declared distribution.
DISTRIBUTION_OF = {
    "docx": "python-docx",
    "python_calamine": "python-calamine",
    "click": "typer",  # cli/lang.py: click for typer < 0.22, which depended on it; newer typer vendors it (typer._click)
}


def _normalize(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def test_every_third_party_import_is_a_declared_dependency():
    """What src imports (at any depth) is in pyproject's dependencies, and every dependency is imported."""
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_normalize(re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0]) for d in project["dependencies"]}
    optional = {_normalize(re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0])
                for name, deps in project["optional-dependencies"].items() if name == "analysis" for d in deps}
    imported: dict[str, str] = {}
    for name, path in MODULES.items():
        for node in runtime_imports(path) + [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                                             if isinstance(n, (ast.Import, ast.ImportFrom))]:
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if not node.level else []
            for top in (n.split(".")[0] for n in names):
                if top and top != "nq57cli" and top not in sys.stdlib_module_names:
                    imported.setdefault(_normalize(DISTRIBUTION_OF.get(top, top)), name)
    undeclared = {dist: where for dist, where in imported.items() if dist not in declared | optional}
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"
    unused = declared - set(imported)
    assert not unused, f"declared but never imported: {unused}"
    assert optional <= set(imported)
