"""The package's shape: imports go only down the layers, and no module imports itself back."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cstocli"

LAYERS = [
    "errors", "ids", "disk", "text", "model", "dataset", "search", "summary",
    "library", "importer", "views", "browse", "cli", "__main__",
]  # fmt: skip
"""Bottom to top, as README "Architecture" lists them; a module may import its own layer
and those below it. ``cstocli`` itself (``__version__``) is below everything."""

OWNERS = {"rich": "views", "textual": "browse"}
"""Third-party packages that exactly one layer may import."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _rank(module: str) -> int:
    layer = _layer(module)
    return -1 if not layer else LAYERS.index(layer)


def _imports(path: Path, *, runtime_only: bool = False) -> Iterator[tuple[str, int]]:
    """Every module that ``path`` imports (lazy ones too), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    if runtime_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
                skipped.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                yield (name if name in MODULES else node.module), node.lineno


def test_every_module_belongs_to_a_layer() -> None:
    """A new top-level module or package must take its place in LAYERS (and the README)."""
    assert {_layer(m) for m in MODULES} - {""} <= set(LAYERS)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down(module: str) -> None:
    """No module imports a layer above its own, nor a library another layer owns."""
    upward = []
    for imported, line in _imports(MODULES[module]):
        root = imported.split(".")[0]
        if root == "cstocli" and _rank(imported) > _rank(module):
            upward.append(f"line {line}: {imported}")
        if root in OWNERS and _layer(module) != OWNERS[root]:
            upward.append(f"line {line}: {imported} (only cstocli.{OWNERS[root]} may)")
    assert not upward, f"{module} imports upward: {upward}"


def test_no_import_cycles() -> None:
    """No chain of runtime imports leads from a module back to itself."""
    graph = {
        module: {
            name
            for name, _ in _imports(path, runtime_only=True)
            if name in MODULES and name not in (module, "cstocli")
        }
        for module, path in MODULES.items()
    }
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            cycle = [*trail[trail.index(module) :], module]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, [*trail, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_readme_architecture_names_every_module() -> None:
    """README "Architecture" lists each package's modules, so it cannot drift from the tree."""
    readme = (PACKAGE.parents[1] / "README.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `/"): line for line in readme.splitlines() if "| `" in line}
    missing = [
        name
        for name in MODULES
        if name.count(".") == 2 and not name.endswith("__init__")
        and f"`{name.rsplit('.', 1)[1]}`" not in rows.get(name.split(".")[1], "")
    ]  # fmt: skip
    assert missing == []
