"""Every string of the console has a finished Spanish translation, and the console shows its
screens in Spanish with the Spanish catalog."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu
from pytestqt.qtbot import QtBot

import operator_console
from operator_console.ui.common import language
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.duplicates.candidates_panel import ATTACH_KEYS
from tests.ui.screen_support import open_demo_window

ROOT = Path(__file__).resolve().parents[2]
SPANISH = ROOT / "translations" / "operator_console_es.ts"
QT_TOOLS = Path(PySide6.__file__).parent

Key = tuple[str, str]


def _messages(ts_file: Path) -> dict[Key, ElementTree.Element]:
    found = {}
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def _mnemonic(text: str) -> str | None:
    """The letter Alt types for `text` ("Ape&llido": "alt+l"), or None."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return f"alt+{found.group(1).lower()}" if found else None


def _finished(message: ElementTree.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if message.get("numerus") == "yes":
        forms = [form.text or "" for form in translation.iter("numerusform")]
        return len(forms) == 2 and all(forms)
    return bool(translation.text)


@pytest.fixture(scope="module")
def in_sources(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, ElementTree.Element]:
    """Every string of the console's sources and forms, as lupdate extracts it."""
    extracted = tmp_path_factory.mktemp("lupdate") / "sources.ts"
    sources = Path(operator_console.__file__).parent
    lupdate = [str(QT_TOOLS / "lupdate"), "-silent", "-extensions", "py,ui"]
    subprocess.run([*lupdate, str(sources), str(ROOT / "ui"), "-ts", str(extracted)], check=True)
    return _messages(extracted)


def test_every_string_of_the_console_is_in_spanish(
    in_sources: dict[Key, ElementTree.Element],
) -> None:
    spanish = _messages(SPANISH)
    missing = sorted(
        f"{context}: {source!r}"
        for (context, source) in in_sources
        if not (
            (context, source) in spanish
            and _finished(spanish[(context, source)])
            and spanish[(context, source)].get("numerus", "no")
            == in_sources[(context, source)].get("numerus", "no")
        )
    )
    assert not missing, (
        f"{len(missing)} string(s) have no finished Spanish translation: run the lupdate "
        "command of docs/translation.md and translate them in "
        f"{SPANISH.relative_to(ROOT)}:\n" + "\n".join(missing)
    )


@pytest.fixture
def spanish_catalog(qapp: QCoreApplication, tmp_path: Path) -> Iterator[QTranslator]:
    compiled = tmp_path / "operator_console_es.qm"
    subprocess.run(
        [str(QT_TOOLS / "lrelease"), "-silent", str(SPANISH), "-qm", str(compiled)], check=True
    )
    translator = QTranslator()
    assert translator.load(str(compiled))
    assert QCoreApplication.installTranslator(translator)
    before = QLocale()
    QLocale.setDefault(QLocale("es"))  # as --language es sets it
    yield translator
    QLocale.setDefault(before)
    QCoreApplication.removeTranslator(translator)


def test_the_window_speaks_spanish_with_the_spanish_catalog(
    demo_sqlite_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
    spanish_catalog: QTranslator,
) -> None:
    window = open_demo_window(
        demo_sqlite_url, "supervisor1", runner, qtbot, tmp_path, with_maps=False
    )
    tabs = window.ui.screens
    titles = [tabs.tabText(index).replace("&", "") for index in range(tabs.count())]
    window_words = {
        source: message.findtext("translation", "")
        for (context, source), message in _messages(SPANISH).items()
        if context == "MainWindow"
    }
    assert titles[:2] == ["Recepción", "Solicitudes"]
    assert not [title for title in titles if window_words.get(title, title) != title], titles
    menus = [menu.title() for menu in window.menuBar().findChildren(QMenu)]
    assert "&Consola" in menus and "A&yuda" in menus
    actions = [a.text() for a in window.ui.menuConsole.actions() if not a.isSeparator()]
    assert "&Actualizar" in actions and "&Salir" in actions
    assert "&Cerrar sesión / cambiar de usuario…" in actions
    assert "Ir a Recepción" in actions
    intake = window.panels()["intake"]
    groups = {group.objectName(): group.title() for group in intake.findChildren(QGroupBox)}
    assert groups["callerGroup"] == "Persona que llama"
    assert groups["locationGroup"] == "Ubicación"
    assert groups["categoryGroup"] == "Categoría"
    assert groups["descriptionGroup"] == "Descripción"
    labels = {label.objectName(): label.text() for label in intake.findChildren(QLabel)}
    assert labels["callerPhoneLabel"] == "&Teléfono"
    assert labels["callerFirstNameLabel"] == "&Nombre"
    assert labels["callerLastNameLabel"] == "Ape&llido"
    assert labels["callerEmailLabel"] == "Co&rreo electrónico"
    assert labels["callerLanguageLabel"] == "&Idioma"
    assert labels["callerReplyByLabel"] == "A&visar por"
    keys = [_mnemonic(menu) for menu in menus]
    keys += [_mnemonic(label.text()) for label in intake.findChildren(QLabel) if label.buddy()]
    keys += [_mnemonic(button.text()) for button in intake.findChildren(QAbstractButton)]
    keys += [key.lower() for key in ATTACH_KEYS if key.startswith("Alt+")]
    taken = [key for key in keys if key]
    assert sorted(key for key in set(taken) if taken.count(key) > 1) == [], taken
    assert window.staff_label.text().endswith("· Supervisor")
    assert window.windowTitle().startswith("Operator Console")


def test_the_spanish_catalog_lies_over_the_english_plural_forms(
    qapp: QCoreApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A screen not yet in Spanish still says "2 cases", not "2 case(s)"."""
    spanish = tmp_path / "operator_console_es.ts"
    _write_without_translation(SPANISH, spanish, "TriagePanel", "%Ln case(s) reassigned")
    english = ROOT / "translations" / "operator_console_en.ts"
    sources = {"operator_console_en": english, "operator_console_es": spanish}
    for catalog, source in sources.items():
        compiled = tmp_path / f"{catalog}.qm"
        lrelease = [str(QT_TOOLS / "lrelease"), "-silent"]
        subprocess.run([*lrelease, str(source), "-qm", str(compiled)], check=True)
    monkeypatch.setattr(language, "CATALOGS", tmp_path)
    before = set(qapp.findChildren(QTranslator))
    translator = language.install_console_catalog(qapp, QLocale(QLocale.Language.Spanish))
    assert translator is not None
    try:
        assert QCoreApplication.translate("ReassignDialog", "Reassign %n case(s)", "", 2) == (
            "Reasignar 2 casos"
        )
        assert QCoreApplication.translate("ReassignDialog", "Reassign %n case(s)", "", 1) == (
            "Reasignar 1 caso"
        )
        assert QCoreApplication.translate("MainWindow", "&Console") == "&Consola"
        assert QCoreApplication.translate("TriagePanel", "%Ln case(s) reassigned", "", 2) == (
            "2 cases reassigned"
        )
    finally:
        for added in set(qapp.findChildren(QTranslator)) - before:
            QCoreApplication.removeTranslator(added)
            added.deleteLater()


def _write_without_translation(catalog: Path, copy: Path, context: str, source: str) -> None:
    """Copy `catalog` to `copy` with one of its messages not yet translated."""
    tree = ElementTree.parse(catalog)
    for each in tree.getroot().iter("context"):
        for message in each.iter("message") if each.findtext("name") == context else ():
            if message.findtext("source") == source:
                translation = message.find("translation")
                assert translation is not None
                for form in list(translation):
                    translation.remove(form)
                translation.set("type", "unfinished")
    tree.write(copy, encoding="utf-8")
