"""The shipped templates: every kind in every language renders, and every text fits two SMS."""

from __future__ import annotations

import shutil
import tomllib
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
from jinja2 import Environment, meta

from operator_console.domain.lifecycle import ClosureReason
from operator_console.services.messages.book import (
    MessageBook,
    MessageTemplateError,
    default_book,
)
from operator_console.services.messages.compose import template_context
from operator_console.services.messages.dates import short_date, spoken_date
from operator_console.services.messages.model import Channel, MessageFacts, MessageKind
from operator_console.services.messages.sms import sms_segments

MESSAGES = Path(__file__).resolve().parents[2] / "resources" / "messages"
LANGUAGES = ("en", "es")
TIME_ZONE = "America/New_York"
REFERENCE = "BOS-2026-0012345"
PARENT = "BOS-2026-0011998"
# The longest service name of the demo catalog, and the example the catalog is known for.
LONG_SERVICES = ("No Utilities - Food Establishment - Electricity", "Request for Pothole Repair")
LONG_QUEUE = "Engineering – Request for Traffic Signal Study or Review"
LONG_NOTES = {
    "en": (
        "The crew checked the pole: the damage is on the utility's line, so we passed your "
        "report, your photos and the exact location to Eversource, who will contact you.",
    ),
    "es": (
        "La cuadrilla revisó el poste y el daño está en la línea de la compañía eléctrica; le "
        "pasamos su reporte, las fotos y la ubicación exacta a Eversource, que lo contactará.",
    ),
}
CURLY_NOTE = "We’re waiting on the contractor’s “final” inspection — about two weeks."


@cache
def longest_date(language: str) -> datetime:
    """The instant of 2026 whose day is written longest in `language`."""
    days = [datetime(2026, 1, 1, 17, tzinfo=UTC) + timedelta(days=n) for n in range(365)]
    return max(
        days,
        key=lambda day: (
            len(short_date(day, language, TIME_ZONE)),
            len(spoken_date(day, language, TIME_ZONE)),
        ),
    )


@cache
def shipped_book() -> MessageBook:
    return MessageBook.load(MESSAGES)


def bare_facts() -> MessageFacts:
    return MessageFacts(reference=REFERENCE, service_name="Request for Pothole Repair")


def long_facts(language: str, service: str, reason: ClosureReason, note: str) -> MessageFacts:
    day = longest_date(language)
    return MessageFacts(
        reference=REFERENCE,
        service_name=service,
        queue_name=LONG_QUEUE,
        expected_at=day,
        previous_expected_at=day,
        closure_reason=reason.value,
        note=note,
        parent_reference=PARENT,
    )


def render(
    book: MessageBook, kind: MessageKind, language: str, channel: Channel, facts: MessageFacts
) -> tuple[str, str]:
    return book.render(kind, language, channel, template_context(facts, language, TIME_ZONE))


def test_every_language_has_every_kind_and_nothing_else() -> None:
    assert shipped_book().languages() == LANGUAGES
    for language in LANGUAGES:
        shipped = {path.stem for path in (MESSAGES / language).glob("*.toml")}
        assert shipped == {kind.value for kind in MessageKind}, language


def test_every_language_words_every_closure_reason() -> None:
    for language in LANGUAGES:
        document = tomllib.loads((MESSAGES / language / "resolved.toml").read_text("utf-8"))
        assert set(document["closure_reasons"]) == {reason.value for reason in ClosureReason}
        assert all(document["closure_reasons"].values()), language


def test_every_file_names_the_fields_it_uses_in_its_header() -> None:
    environment = Environment()
    for path in MESSAGES.glob("*/*.toml"):
        text = path.read_text("utf-8")
        header = " ".join(line for line in text.splitlines() if line.startswith("#"))
        document = tomllib.loads(text)
        used = set().union(
            *(
                meta.find_undeclared_variables(environment.parse(document[name]))
                for name in ("subject", "email", "sms")
            )
        )
        words = {key for key, value in document.items() if isinstance(value, dict)}
        assert used - words, path
        missing = [field for field in sorted(used - words) if field not in header]
        assert not missing, f"{path}: the header does not name {missing}"


def test_the_shipped_book_is_the_default_unless_a_city_gives_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPERATOR_CONSOLE_MESSAGES", raising=False)
    assert default_book().languages() == LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(MessageKind))
@pytest.mark.parametrize("channel", list(Channel))
def test_every_kind_renders_with_facts_present_and_absent(
    kind: MessageKind, language: str, channel: Channel
) -> None:
    book = shipped_book()
    everything = [
        long_facts(language, service, reason, note)
        for service in LONG_SERVICES
        for reason in ClosureReason
        for note in (*LONG_NOTES[language], "")
    ]
    for facts in [bare_facts(), *everything]:
        subject, body = render(book, kind, language, channel, facts)
        for text in (subject, body):
            assert "{{" not in text and "{%" not in text and "}}" not in text, text
            assert "None" not in text, text
        assert REFERENCE in body or PARENT in body, body
        if channel is Channel.EMAIL:
            assert REFERENCE in subject or PARENT in subject, subject
            assert "311" in body, body
            assert body.endswith("\n") and not body.endswith("\n\n\n"), body
        else:
            assert subject == "", subject
            assert "\n" not in body, body


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_note_reaches_the_kinds_that_tell_it_and_the_closure_reason_is_in_words(
    language: str,
) -> None:
    book = shipped_book()
    note = LONG_NOTES[language][0]
    facts = long_facts(language, LONG_SERVICES[1], ClosureReason.NOT_CITY_RESPONSIBILITY, note)
    reasons = tomllib.loads((MESSAGES / language / "resolved.toml").read_text("utf-8"))
    for kind in (MessageKind.RESOLVED, MessageKind.REOPENED, MessageKind.PUBLIC_NOTE):
        assert note in render(book, kind, language, Channel.EMAIL, facts)[1]
    _, resolved = render(book, MessageKind.RESOLVED, language, Channel.EMAIL, facts)
    assert reasons["closure_reasons"]["not_city_responsibility"] in resolved
    assert "not_city_responsibility" not in resolved


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_duplicate_resolution_names_the_request_being_worked(language: str) -> None:
    facts = long_facts(language, LONG_SERVICES[1], ClosureReason.DUPLICATE, "")
    for channel in Channel:
        _, body = render(shipped_book(), MessageKind.RESOLVED, language, channel, facts)
        assert PARENT in body, body


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_date_change_says_when_there_is_no_fixed_date(language: str) -> None:
    no_date = {"en": "no fixed date", "es": "sin fecha fija"}[language]
    day = longest_date(language)
    before_only = MessageFacts(REFERENCE, LONG_SERVICES[1], previous_expected_at=day)
    _, body = render(
        shipped_book(), MessageKind.EXPECTED_DATE_CHANGED, language, Channel.EMAIL, before_only
    )
    assert spoken_date(day, language, TIME_ZONE) in body
    assert no_date in body


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(MessageKind))
def test_every_sms_with_long_realistic_facts_fits_two_segments(
    kind: MessageKind, language: str
) -> None:
    book = shipped_book()
    for service in LONG_SERVICES:
        for reason in ClosureReason:
            for note in (*LONG_NOTES[language], CURLY_NOTE, ""):
                facts = long_facts(language, service, reason, note)
                _, text = render(book, kind, language, Channel.SMS, facts)
                length = sms_segments(text)
                assert length.segments <= 2, (length, text)


@pytest.mark.parametrize("kind", list(MessageKind))
def test_an_english_sms_about_plain_facts_stays_in_gsm7(kind: MessageKind) -> None:
    for reason in ClosureReason:
        facts = long_facts("en", LONG_SERVICES[0], reason, LONG_NOTES["en"][0])
        _, text = render(shipped_book(), kind, "en", Channel.SMS, facts)
        assert sms_segments(text).encoding == "GSM-7", text


def test_spanish_texts_keep_their_accents() -> None:
    facts = long_facts("es", LONG_SERVICES[1], ClosureReason.NO_FURTHER_ACTION, "")
    _, text = render(shipped_book(), MessageKind.RESOLVED, "es", Channel.SMS, facts)
    assert "acción" in text
    assert sms_segments(text).encoding == "UCS-2"


def copy_of_the_shipped_book(folder: Path) -> Path:
    shutil.copytree(MESSAGES, folder / "messages")
    return folder / "messages"


def test_a_file_named_after_no_kind_is_refused_by_name(tmp_path: Path) -> None:
    folder = copy_of_the_shipped_book(tmp_path)
    (folder / "es" / "received.toml").rename(folder / "es" / "recieved.toml")
    with pytest.raises(MessageTemplateError, match=r"es/recieved\.toml: no message is called"):
        MessageBook.load(folder)


def test_a_file_without_its_sms_text_is_refused_by_name(tmp_path: Path) -> None:
    folder = copy_of_the_shipped_book(tmp_path)
    path = folder / "en" / "reopened.toml"
    text = path.read_text("utf-8")
    path.write_text(text[: text.index('sms = """')], "utf-8")
    with pytest.raises(MessageTemplateError, match=r"en/reopened\.toml: the 'sms' text is missing"):
        MessageBook.load(folder)


def test_a_file_with_broken_jinja_is_refused_by_name(tmp_path: Path) -> None:
    folder = copy_of_the_shipped_book(tmp_path)
    path = folder / "es" / "public_note.toml"
    path.write_text(path.read_text("utf-8").replace("{% endif %}", "{% end %}", 1), "utf-8")
    with pytest.raises(MessageTemplateError, match=r"es/public_note\.toml: .*'end'"):
        MessageBook.load(folder)


def test_a_file_that_is_not_toml_is_refused_by_name(tmp_path: Path) -> None:
    folder = copy_of_the_shipped_book(tmp_path)
    path = folder / "en" / "linked.toml"
    path.write_text(path.read_text("utf-8").replace('subject = "', "subject = ", 1), "utf-8")
    with pytest.raises(MessageTemplateError, match=r"en/linked\.toml: Invalid value \(at line 5"):
        MessageBook.load(folder)


def test_a_field_no_message_has_is_refused_when_rendered_naming_the_file(tmp_path: Path) -> None:
    folder = copy_of_the_shipped_book(tmp_path)
    path = folder / "es" / "received.toml"
    path.write_text(path.read_text("utf-8").replace("{{ service }}", "{{ servicio }}"), "utf-8")
    book = MessageBook.load(folder)
    with pytest.raises(MessageTemplateError, match=r"es/received\.toml: 'servicio' is undefined"):
        render(book, MessageKind.RECEIVED, "es", Channel.EMAIL, bare_facts())


def test_a_folder_without_english_is_refused(tmp_path: Path) -> None:
    folder = copy_of_the_shipped_book(tmp_path)
    shutil.rmtree(folder / "en")
    with pytest.raises(MessageTemplateError, match=r"messages: no en/ templates"):
        MessageBook.load(folder)


def test_a_city_folder_of_its_own_replaces_the_shipped_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_of_the_shipped_book(tmp_path)
    shutil.copytree(folder / "es", folder / "pt")
    monkeypatch.setenv("OPERATOR_CONSOLE_MESSAGES", str(folder))
    assert default_book().languages() == ("en", "es", "pt")
