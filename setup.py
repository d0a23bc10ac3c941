"""Build step: compile the Qt Designer files in ui/ into operator_console/ui/forms/."""

from __future__ import annotations

import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
FORMS = ROOT / "src" / "operator_console" / "ui" / "forms"


def _uic() -> Path:
    import PySide6

    package = Path(PySide6.__file__).parent
    for candidate in ("Qt/libexec/uic", "uic.exe", "Qt/libexec/uic.exe", "uic"):
        if (package / candidate).is_file():
            return package / candidate
    raise RuntimeError(f"Qt's uic was not found in {package}")


def compile_forms() -> None:
    FORMS.mkdir(exist_ok=True)
    (FORMS / "__init__.py").write_text('"""Python classes compiled from ui/*.ui."""\n')
    uic = _uic()
    for form in sorted((ROOT / "ui").glob("*.ui")):
        target = FORMS / f"ui_{form.stem}.py"
        subprocess.run([str(uic), "-g", "python", str(form), "-o", str(target)], check=True)


class BuildPyWithForms(build_py):
    def run(self) -> None:
        compile_forms()
        super().run()


setup(cmdclass={"build_py": BuildPyWithForms})
