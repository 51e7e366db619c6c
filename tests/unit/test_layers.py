"""The layers of docs/architecture.md, read from the code's own imports (run-time ones, including
those inside functions; ``if TYPE_CHECKING:`` blocks do not run and do not count)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "nework_desktop"
MAX_LINES = 600


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    found: list[ast.AST] = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        found.append(node)
        if isinstance(node, ast.If) and _is_type_checking(node):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return found


def _resolve(name: str, current: str, level: int, is_package: bool) -> str:
    if level == 0:
        return name
    base = current.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


@cache
def _imports(module: str) -> frozenset[str]:
    """The ``nework_desktop`` modules (and any others, by top name) ``module`` imports."""
    path = _modules()[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    names: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            # ``from pkg import sub`` imports the module ``pkg.sub``; ``from mod import name``
            # imports ``mod``.
            target = _resolve(node.module or "", module, node.level, is_package)
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                names.add(sub if sub in _modules() else target)
    return frozenset(names)


def _internal(module: str) -> set[str]:
    return {n for n in _imports(module) if n in _modules() and n != module}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_package_is_found() -> None:
    assert "nework_desktop.core.storage" in _modules()
    assert "nework_desktop.core.storage" in _internal("nework_desktop.core.consent")
    assert "PySide6.QtCore" in _imports("nework_desktop.ui.workers")


def test_no_import_cycle() -> None:
    graph = {m: _internal(m) for m in _modules()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert cycles == []


CORE_MAY_NOT = ("net", "ui", "app", "cli", "services", "qa")


@pytest.mark.parametrize("module", sorted(m for m in _modules() if _layer(m) == "core"))
def test_core_imports_no_upper_layer_and_no_qt(module: str) -> None:
    upward = sorted(n for n in _internal(module) if _layer(n) in CORE_MAY_NOT)
    qt = sorted(n for n in _imports(module) if n.split(".")[0] in ("PySide6", "shiboken6"))
    assert (upward, qt) == ([], [])


@pytest.mark.parametrize("module", sorted(m for m in _modules() if _layer(m) == "net"))
def test_net_takes_plain_values(module: str) -> None:
    banned = {"nework_desktop.core.prefs"} | {
        n for n in _internal(module) if _layer(n) in ("ui", "app", "cli", "services")
    }
    assert sorted(_internal(module) & banned) == []


@pytest.mark.parametrize("module", sorted(m for m in _modules() if _layer(m) == "ui"))
def test_ui_imports_neither_app_nor_a_cli_command(module: str) -> None:
    assert sorted(n for n in _internal(module) if _layer(n) in ("app", "cli")) == []


@pytest.mark.parametrize("module", sorted(_modules()))
def test_nothing_imports_the_tests(module: str) -> None:
    assert sorted(n for n in _imports(module) if n.split(".")[0] == "tests") == []


def test_no_module_is_too_long() -> None:
    lines = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in _modules().items()}
    assert {m: n for m, n in lines.items() if n > MAX_LINES} == {}


def test_one_module_replaces_files() -> None:
    replacing = sorted(
        module
        for module, path in _modules().items()
        if any(
            isinstance(node, ast.Attribute)
            and node.attr == "replace"
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    )
    assert replacing == ["nework_desktop.core.storage"]
