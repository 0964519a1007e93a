"""The package's layout, read from its source: no import cycles between its modules, and an
import inside a function only to defer a heavy optional dependency, saying so.

The import graph is built from the AST of every module of ``attribution``: the imports a
module runs when it is imported (module level, class bodies, module-level ``if`` and
``try``; not ``if TYPE_CHECKING:``), relative imports resolved, ``from package import
name`` counted as an import of the submodule when ``name`` is one.
"""

from __future__ import annotations

import ast
import configparser
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "attribution"
MARK = "# deferred:"


def module_files(root: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package, by dotted name (a package by its ``__init__``)."""
    out = {}
    for f in sorted(root.rglob("*.py")):
        parts = f.relative_to(root.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def _is_package(name: str, files: dict[str, Path]) -> bool:
    return files[name].name == "__init__.py"


def _resolve(module: str, node: ast.ImportFrom, files: dict[str, Path]) -> str:
    """The absolute name of what ``from ... import`` names in ``module``."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not _is_package(module, files):
        base = base[:-1]  # a module's relative imports count from its package
    base = base[:len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _targets(module: str, node: ast.Import | ast.ImportFrom, files: dict[str, Path]) -> set[str]:
    """The modules of the package that this import statement imports."""
    found: set[str] = set()
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = _resolve(module, node, files)
        # "from package import name": the submodule when name is one, else the package
        names = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
    for name in names:
        if name in files:
            found.add(name)
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def import_time_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements that run when the module is imported."""
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop(0)
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                todo += node.body
            todo += node.orelse
        elif isinstance(node, ast.Try):
            todo += node.body + node.orelse + node.finalbody
            for handler in node.handlers:
                todo += handler.body
        elif isinstance(node, ast.With | ast.ClassDef):
            todo += node.body


def import_graph(files: dict[str, Path] | None = None) -> dict[str, set[str]]:
    """Module -> the modules of the package it imports when it is imported."""
    files = files if files is not None else module_files()
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        graph[name] = set()
        for node in import_time_imports(tree):
            graph[name] |= _targets(name, node, files) - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def function_imports(path: Path) -> Iterator[tuple[int, str, bool]]:
    """(line, statement, marked) of every import inside a function of the file at ``path``;
    marked: a ``# deferred:`` comment on one of its lines or on the line above."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    for func in ast.walk(ast.parse(source, str(path))):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.Import | ast.ImportFrom):
                end = node.end_lineno or node.lineno
                span = lines[max(0, node.lineno - 2):end]
                yield node.lineno, lines[node.lineno - 1].strip(), any(MARK in s for s in span)


# --- the tests of the tests' own machinery ---------------------------------------------------

def _files(tmp_path: Path, sources: dict[str, str]) -> dict[str, Path]:
    for rel, text in sources.items():
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    return module_files(tmp_path / "pkg")


def test_the_graph_resolves_relative_imports_and_finds_a_cycle(tmp_path: Path) -> None:
    files = _files(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from . import b\nfrom .sub.c import thing\n",
        "pkg/b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n",
        "pkg/sub/__init__.py": "from .c import thing\n",
        "pkg/sub/c.py": ("def f():\n    from .. import a\n"
                         "try:\n    from ..a import x\nexcept ImportError:\n    pass\n"),
    })
    graph = import_graph(files)
    assert graph["pkg.a"] == {"pkg.b", "pkg.sub.c"}
    assert graph["pkg.b"] == set()  # only for the type checker
    assert graph["pkg.sub"] == {"pkg.sub.c"}
    assert graph["pkg.sub.c"] == {"pkg.a"}  # the import in the try block, not the one in f
    assert cycles(graph) == [["pkg.a", "pkg.sub.c"]]
    assert [marked for _, _, marked in function_imports(files["pkg.sub.c"])] == [False]


# --- the package -------------------------------------------------------------------------------

def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 30 and graph["attribution.pipeline"]  # the graph was really read
    assert cycles(graph) == []


def test_every_import_inside_a_function_says_why_it_is_deferred() -> None:
    offenders = [f"{path.relative_to(PACKAGE.parent)}:{line}: {statement}"
                 for path in module_files().values()
                 for line, statement, marked in function_imports(path) if not marked]
    if offenders:
        pytest.fail("imports inside a function without a '# deferred: <why>' comment "
                    "(move them to the top, or say what they defer):\n" + "\n".join(offenders))


def test_setup_cfg_ships_every_package_of_the_tree() -> None:
    # an editable install hides a subpackage missing from setup.cfg; a wheel would lack it
    cfg = configparser.ConfigParser()
    cfg.read(PACKAGE.parent / "setup.cfg", encoding="utf-8")
    listed = {p.strip() for p in cfg["options"]["packages"].split() if p.strip()}
    on_disk = {".".join(init.parent.relative_to(PACKAGE.parent).parts) for init in PACKAGE.rglob("__init__.py")}
    assert on_disk <= listed, sorted(on_disk - listed)
    assert "attribution.templates" in listed
