"""The Spanish catalog keeps what the code fills in: placeholders, accelerators, plurals."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

SPANISH = Path(__file__).resolve().parents[2] / "translations" / "operator_console_es.ts"
PLACEHOLDER = re.compile(r"%(?:L?n|\d)")
ACCELERATOR = re.compile(r"&[^&\s]")


def _finished() -> list[tuple[str, ElementTree.Element]]:
    found = []
    for context in ElementTree.parse(SPANISH).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                found.append((context.findtext("name", ""), message))
    return found


def _texts(message: ElementTree.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def test_the_catalog_is_spanish_with_translations_in_it() -> None:
    root = ElementTree.parse(SPANISH).getroot()
    assert root.get("language") == "es" and root.get("sourcelanguage") == "en"
    assert len(_finished()) > 400


def test_every_translation_keeps_the_source_placeholders() -> None:
    wrong = []
    for context, message in _finished():
        source = message.findtext("source", "")
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in _texts(message):
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                wrong.append(f"{context}: {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_every_accelerator_is_kept_once() -> None:
    wrong = []
    for context, message in _finished():
        source = message.findtext("source", "")
        wanted = len(ACCELERATOR.findall(source))
        for text in _texts(message):
            if len(ACCELERATOR.findall(text)) != wanted:
                wrong.append(f"{context}: {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_counted_messages_have_a_singular_and_a_plural() -> None:
    for context, message in _finished():
        if message.get("numerus") == "yes":
            forms = _texts(message)
            assert len(forms) == 2 and all(forms), (context, message.findtext("source"))
