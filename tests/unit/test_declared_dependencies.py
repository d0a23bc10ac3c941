"""Every third-party package the console imports is declared in pyproject.toml."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "operator_console"
GENERATED = PACKAGE / "ui" / "forms"
# Import names that differ from the name of the distribution that provides them.
DISTRIBUTION_OF = {"PIL": "pillow", "PySide6": "pyside6-essentials"}


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        requirements = tomllib.load(file)["project"]["dependencies"]
    return {normalised(re.split(r"[\s\[<>=!~;]", line, maxsplit=1)[0]) for line in requirements}


@cache
def imported() -> dict[str, str]:
    """Top-level third-party modules imported by the package, each with one file importing it."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if GENERATED in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top != "operator_console" and top not in sys.stdlib_module_names:
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_imported_package_is_a_declared_dependency() -> None:
    dependencies = declared()
    undeclared = {
        module: where
        for module, where in imported().items()
        if normalised(DISTRIBUTION_OF.get(module, module)) not in dependencies
    }
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_the_scan_sees_the_imports() -> None:
    modules = imported()
    assert {"PySide6", "sqlalchemy", "shapely", "PIL"} <= set(modules)
    assert "json" not in modules and "operator_console" not in modules
