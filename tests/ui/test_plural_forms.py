"""Counted messages read right in English: "1 case", "2 cases", never "case(s)"."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication

import operator_console
from operator_console.ui.common.language import CATALOGS, install_console_catalog

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "translations" / "operator_console_en.ts"


def _counted(ts_file: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) of every counted message, with its numerus forms."""
    found = {}
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                forms = [form.text or "" for form in message.iter("numerusform")]
                found[(name, message.findtext("source", ""))] = forms
    return found


def test_every_counted_message_has_english_singular_and_plural(tmp_path: Path) -> None:
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    extracted = tmp_path / "sources.ts"
    sources = Path(operator_console.__file__).parent
    subprocess.run(
        [str(lupdate), "-silent", "-extensions", "py", str(sources), "-ts", str(extracted)],
        check=True,
    )
    in_sources = _counted(extracted)
    assert ("TriagePanel", "%Ln case(s) reassigned") in in_sources
    english = _counted(CATALOG)
    missing = sorted(set(in_sources) - set(english))
    assert not missing, f"give these English singular and plural forms in {CATALOG}: {missing}"
    for key, forms in english.items():
        assert len(forms) == 2 and all(forms), key


def test_the_console_catalog_says_one_case_and_two_cases(qapp: QCoreApplication) -> None:
    assert (CATALOGS / "operator_console_en.qm").is_file(), "build the package: pip install -e ."
    translator = install_console_catalog(qapp)
    assert translator is not None
    try:
        words = [
            QCoreApplication.translate("TriagePanel", "%Ln case(s) reassigned", None, n)
            for n in (1, 2)
        ]
        assert words == ["1 case reassigned", "2 cases reassigned"]
    finally:
        QCoreApplication.removeTranslator(translator)
