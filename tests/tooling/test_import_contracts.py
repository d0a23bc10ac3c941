"""Each import-linter contract is kept today and reports a violating import when one is added."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "operator_console"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# contract id -> (module that gets the import, the import that breaks the contract)
VIOLATIONS = {
    "layers": ("services/errors.py", "import operator_console.storage.db.engine"),
    "screens": ("ui/common/formatting.py", "import operator_console.ui.map.page"),
    "screens-independent": ("ui/queues/panel.py", "import operator_console.ui.intake.panel"),
    "embedded-independent": ("ui/cases/detail_panel.py", "import operator_console.ui.duplicates"),
    "pure-core": ("domain/lifecycle.py", "import PySide6.QtCore"),
    "ui-no-database": ("ui/common/formatting.py", "import sqlite3"),
}


def _lint(root: Path, contract: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--contract", contract, str(ROOT / "pyproject.toml")],
        cwd=root,
        env={"PYTHONPATH": str(root / "src"), "PATH": str(LINT_IMPORTS.parent)},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("contracts")
    shutil.copytree(
        PACKAGE, root / "src" / "operator_console", ignore=shutil.ignore_patterns("__pycache__")
    )
    return root


@pytest.mark.parametrize("contract", sorted(VIOLATIONS))
def test_the_contract_breaks_on_a_violating_import(package_copy: Path, contract: str) -> None:
    module, statement = VIOLATIONS[contract]
    target = package_copy / "src" / "operator_console" / module
    original = target.read_text()
    assert _lint(package_copy, contract).returncode == 0, "the contract is not kept today"
    target.write_text(f"{original}\n{statement}  # added by the test\n")
    try:
        result = _lint(package_copy, contract)
    finally:
        target.write_text(original)
    assert result.returncode == 1
    assert "BROKEN" in result.stdout
