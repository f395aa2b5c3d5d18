"""The code keeps its shape: public imports of other packages, small modules, short functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import PROJECT

SOURCES = sorted(
    path
    for folder in ("src", "tests", "benchmarks", "fuzz", "examples")
    for path in (PROJECT / folder).rglob("*.py")
    if "data" not in path.relative_to(PROJECT).parts
)


def private_imports(source: str) -> list[str]:
    """The modules of other packages that `source` imports by a `_`-prefixed name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [
            name
            for name in names
            if name.split(".")[0] != "cse_cli" and any(_private(part) for part in name.split("."))
        ]
    return found


def _private(name: str) -> bool:
    """`_name`, not a dunder such as `__future__`."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_a_private_import_is_found() -> None:
    planted = "import yaml\nfrom yaml._yaml import CParser\nimport typer._click.core\nimport _io\n"
    assert private_imports(planted) == ["yaml._yaml", "typer._click.core", "_io"]
    assert private_imports("from __future__ import annotations\nfrom cse_cli._x import y\n") == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PROJECT)))
def test_no_module_imports_another_packages_private_module(path: Path) -> None:
    assert private_imports(path.read_text(encoding="utf-8")) == []


MODULE_LINES = 300  # STYLE.md: small modules
FUNCTION_LINES = 60  # and short functions, counted from the first statement after the docstring

PACKAGE = sorted((PROJECT / "src").rglob("*.py"))


def long_functions(source: str) -> list[str]:
    """The functions of `source` whose body, signature and docstring aside, is over the limit."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if (
                len(body) > 1
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
            ):
                body = body[1:]
            end = node.end_lineno or node.lineno
            if end - body[0].lineno + 1 > FUNCTION_LINES:
                found.append(f"{node.name} (line {node.lineno})")
    return found


def test_a_long_function_is_found_and_its_signature_and_docstring_do_not_count() -> None:
    signature = "def command(\n" + "    a: int = 1,\n" * 40 + ") -> None:\n"
    docstring = '    """Say.\n' + "    more\n" * 30 + '    """\n'
    short = signature + docstring + "    x = 1\n" * FUNCTION_LINES
    assert long_functions(short) == []
    assert long_functions(short + "    x = 1\n") == ["command (line 1)"]


@pytest.mark.parametrize("path", PACKAGE, ids=lambda p: str(p.relative_to(PROJECT)))
def test_modules_and_functions_are_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MODULE_LINES
    assert long_functions(source) == []
