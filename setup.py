"""Build step: compile the Qt Designer files in ui/ into operator_console/ui/forms/, and the
translation catalogs in translations/ into operator_console/ui/catalogs/."""

from __future__ import annotations

import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
FORMS = ROOT / "src" / "operator_console" / "ui" / "forms"
CATALOGS = ROOT / "src" / "operator_console" / "ui" / "catalogs"


def _qt_tool(name: str) -> Path:
    import PySide6

    package = Path(PySide6.__file__).parent
    for candidate in (f"Qt/libexec/{name}", f"{name}.exe", f"Qt/libexec/{name}.exe", name):
        if (package / candidate).is_file():
            return package / candidate
    raise RuntimeError(f"Qt's {name} was not found in {package}")


def _uic() -> Path:
    return _qt_tool("uic")


def compile_forms() -> None:
    FORMS.mkdir(exist_ok=True)
    (FORMS / "__init__.py").write_text('"""Python classes compiled from ui/*.ui."""\n')
    uic = _uic()
    for form in sorted((ROOT / "ui").glob("*.ui")):
        target = FORMS / f"ui_{form.stem}.py"
        subprocess.run([str(uic), "-g", "python", str(form), "-o", str(target)], check=True)


def compile_catalogs() -> None:
    CATALOGS.mkdir(exist_ok=True)
    lrelease = _qt_tool("lrelease")
    for catalog in sorted((ROOT / "translations").glob("*.ts")):
        target = CATALOGS / f"{catalog.stem}.qm"
        subprocess.run([str(lrelease), "-silent", str(catalog), "-qm", str(target)], check=True)


class BuildPyWithForms(build_py):
    def run(self) -> None:
        compile_forms()
        compile_catalogs()
        super().run()


setup(cmdclass={"build_py": BuildPyWithForms})
