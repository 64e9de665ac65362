"""The house's shape, checked: imports go downward between the layers, no import cycle among
app's modules (imports inside functions included: a deferred import still ties two modules
together), and no module so long that a newcomer cannot find their way in it without being
told why.

Layers (../shared/STYLE.md): ui and cli -> services -> store, reports, intake -> core.
The application's resources (app/resources.py: where the fonts and templates are) and its
logging set-up (app/logsetup.py) serve every layer."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
MAX_LINES = 1000
# Still to be split by what they do (issue 12): each is listed here until it is, and the
# list may only shrink (a listed module that is no longer long fails the test, so the entry
# goes with the split).
TO_BE_SPLIT: set[str] = set()
# What a module of each layer may import of ours (its own layer included).
ALLOWED = {
    "core": {"core"},
    "store": {"store", "core"},
    "reports": {"reports", "core"},
    "intake": {"intake", "core"},
    "services": {"services", "store", "reports", "intake", "core"},
    # The GUI and the CLI reach the database only through the services (app/services/storage.py
    # is their door to the handle, its opening and the owner-only writer).
    "ui": {"ui", "services", "core"},
    # The CLI is also the program's entry: `innsyn` (gui) and `--self-test` start them.
    "cli": {"cli", "services", "core", "reports", "ui", "selftest"},
}
SHARED = {"app", "app.resources", "app.logsetup"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(APP.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """(module of ours imported, line), at any depth; not those only for type checking."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def walk(node: ast.AST) -> Iterator[ast.AST]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            yield child
            yield from walk(child)

    for node in walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "app":
                    yield _known(alias.name), node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] != "app":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                yield (sub if sub in MODULES else _known(target)), node.lineno


def _known(name: str) -> str:
    while name not in MODULES and "." in name:
        name = name.rpartition(".")[0]
    return name


GRAPH = {
    name: sorted({target for target, _ in _imports(path) if target != name})
    for name, path in MODULES.items()
}


def _layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH.get(v, ()):
            # A package's __init__ is imported by every module in it; that is no cycle.
            if v.startswith(w + "."):
                continue
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

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


def test_the_walk_sees_the_imports_it_checks() -> None:
    # The walk itself: a deferred import in a function counts, a TYPE_CHECKING one does not.
    assert "app.core.clock" in GRAPH["app.services.cases"]
    assert "app.cli" in GRAPH["app.__main__"]
    assert len(MODULES) > 80


def test_no_import_cycle_among_app_modules() -> None:
    cycles = _cycles()
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_imports_go_downward(layer: str) -> None:
    wrong = [
        f"{name} imports {target} (line {line})"
        for name, path in MODULES.items()
        if _layer(name) == layer
        for target, line in _imports(path)
        if target not in SHARED and _layer(target) not in ALLOWED[layer]
    ]
    assert wrong == []


def test_only_the_gui_imports_qt() -> None:
    wrong = []
    for name, path in MODULES.items():
        if _layer(name) == "ui" or name == "app.selftest":
            continue  # the self-test builds the main window, as a user's start does
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            module = None
            if isinstance(node, ast.ImportFrom):
                module = node.module
            elif isinstance(node, ast.Import):
                module = node.names[0].name
            if module and module.split(".")[0] in {"PySide6", "shiboken6"}:
                wrong.append(f"{name}:{node.lineno}")
    assert wrong == []


def test_no_private_name_is_imported_from_a_sibling() -> None:
    wrong = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app"):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        wrong.append(f"{name}:{node.lineno} imports {node.module}.{alias.name}")
    assert wrong == []


def test_long_modules_say_why() -> None:
    """A module over MAX_LINES lines says at its top why it is one piece ("long because")."""
    unexplained = []
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if name in TO_BE_SPLIT:
            assert lines > MAX_LINES, f"{name} is split: take it off TO_BE_SPLIT"
            continue
        if lines <= MAX_LINES:
            continue
        doc = ast.get_docstring(ast.parse(text)) or ""
        if "long because" not in doc.lower():
            unexplained.append(f"{name}: {lines} lines")
    assert unexplained == []
