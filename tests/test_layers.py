"""The layer contract (axis_ingest.layers.LAYERS): no module imports a higher layer.

Every module of the package is parsed with `ast`; every `import`/`from ... import`
of one of our modules (at module level or inside a function: a lazy import is a
dependency all the same) is checked against the importer's layer.  Imports
under `if TYPE_CHECKING:` are exempt: they do not run.
"""

from __future__ import annotations

import ast
from pathlib import Path

from axis_ingest.layers import LAYERS, layer_of

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "axis_ingest"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(module: str, path: Path, known: set[str]) -> list[tuple[int, str]]:
    """(line, imported module) for each of our modules that `module` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names if alias.name.startswith("axis_ingest"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base.startswith("axis_ingest"):
                for alias in node.names:  # `from axis_ingest.readers import html` imports a module
                    sub = f"{base}.{alias.name}"
                    found.append((node.lineno, sub if sub in known else base))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_every_module_has_a_layer() -> None:
    assert [name for name in _modules() if layer_of(name) is None] == []


def test_no_module_imports_a_higher_layer() -> None:
    modules = _modules()
    known = set(modules)
    upward = []
    for name, path in modules.items():
        own = layer_of(name)
        for line, imported in _imports(name, path, known):
            theirs = layer_of(imported)
            if own is not None and theirs is not None and theirs > own:
                upward.append(
                    f"{path.relative_to(PACKAGE.parent)}:{line}: {name} ({LAYERS[own][0]}) "
                    f"imports {imported} ({LAYERS[theirs][0]})"
                )
    assert upward == [], "upward imports:\n" + "\n".join(upward)


def test_the_check_sees_lazy_imports(tmp_path: Path) -> None:
    """The walker finds an import inside a function, and skips one under TYPE_CHECKING."""
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from axis_ingest.run import IngestRun\n"
        "def f():\n    from axis_ingest.store import load\n",
        encoding="utf-8",
    )
    assert _imports("axis_ingest.sniff", source, {"axis_ingest.store.load"}) == [(5, "axis_ingest.store.load")]
