"""Screen words go through Qt's translation; dates follow the console's language."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from sqlalchemy import select

from operator_console.app.wiring import build_session
from operator_console.services.duplicates.rules import age_text
from operator_console.storage.db.database import identify, open_database
from operator_console.storage.db.tables import service_requests as r
from operator_console.ui.cases.detail_html import details_html, sla_text, timeline_html
from operator_console.ui.common.formatting import (
    calendar_day,
    decimal_number,
    distance_words,
    short_number,
    spoken_date,
    whole_number,
)
from operator_console.ui.common.message_words import language_name
from operator_console.ui.common.words import shown
from tests.ui.test_translations import QT_TOOLS, SPANISH


class PseudoTranslator(QTranslator):
    """Answers every lookup with the source text in brackets, as a translator would replace it."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"[{source}]"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo_translated(qapp: QCoreApplication) -> Iterator[None]:
    translator = PseudoTranslator()
    assert QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_label_of_the_case_screen_is_translated(
    demo_sqlite_url: str, pseudo_translated: None
) -> None:
    database = open_database(demo_sqlite_url, migrate=False)
    session = build_session(database, identify(database.engine, "supervisor1"))
    with database.engine.connect() as connection:
        closed = connection.execute(
            select(r.c.id).where(r.c.status == "closed").order_by(r.c.id).limit(1)
        ).scalar_one()
    detail = session.case_desk.detail(closed)
    assert detail is not None
    html = details_html(detail, session.time_zone)
    fields_table = html[html.index("<table") : html.index("</table>")]
    labels = re.findall(r'<td class="k">(.*?)</td>', fields_table)
    assert "[Status]" in labels and "[Closure]" in labels
    assert all(label.startswith("[") for label in labels), labels
    headings = re.findall(r"<h3>(.*?)</h3>", html)
    assert headings and all(heading.startswith("[") for heading in headings), headings
    assert "[" in sla_text(detail, session.time_zone)
    timeline = timeline_html(detail.record.timeline, session.time_zone)
    assert "[Public]" in timeline or "[Internal]" in timeline
    assert "[import created it]" in timeline and "[import closed it]" in timeline
    database.engine.dispose()


NOW = datetime(2026, 12, 8, 23, 49, tzinfo=UTC)


@contextmanager
def spanish(qapp: QCoreApplication, folder: Path) -> Iterator[None]:
    """The Spanish catalog, compiled from the working copy's translations, installed."""
    compiled = folder / "operator_console_es.qm"
    subprocess.run(
        [str(QT_TOOLS / "lrelease"), "-silent", str(SPANISH), "-qm", str(compiled)], check=True
    )
    translator = QTranslator(qapp)
    assert translator.load(str(compiled))
    assert QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def console_language(qapp: QCoreApplication) -> Iterator[Callable[[QLocale.Language], None]]:
    before = QLocale()

    def use(language: QLocale.Language) -> None:
        QLocale.setDefault(QLocale(language))

    yield use
    QLocale.setDefault(before)


def test_the_read_back_date_follows_the_console_language(
    console_language: Callable[[QLocale.Language], None], qapp: QCoreApplication, tmp_path: Path
) -> None:
    due = datetime(2026, 12, 8, 23, 49, tzinfo=UTC)  # 6:49 PM in Boston
    console_language(QLocale.Language.English)
    assert spoken_date(due, "America/New_York").replace("\u202f", " ") == (
        "Tuesday 8 December, 6:49 PM"
    )
    console_language(QLocale.Language.Spanish)
    with spanish(qapp, tmp_path):
        assert spoken_date(due, "America/New_York") == "martes 8 de diciembre, 18:49"


def test_a_request_without_due_date_is_said_in_words(pseudo_translated: None) -> None:
    assert spoken_date(None, "America/New_York") == "[no fixed date for this kind of request]"


def test_ages_distances_numbers_and_languages_follow_the_console_language(
    console_language: Callable[[QLocale.Language], None], qapp: QCoreApplication, tmp_path: Path
) -> None:
    console_language(QLocale.Language.English)
    ago = [timedelta(minutes=minutes) for minutes in (0, 12, 300, 4320, 60480)]
    assert [shown(age_text(NOW - elapsed, NOW)) for elapsed in ago] == [
        "1 min",
        "12 min",
        "5 h",
        "3 d",
        "6 wk",
    ]
    assert [distance_words(80.4), distance_words(1234)] == ["80 m", "1.2 km"]
    assert [whole_number(12345), decimal_number(1234.56)] == ["12,345", "1,234.6"]
    assert [short_number(2.0), short_number(1234.5)] == ["2", "1,234.5"]
    assert calendar_day(date(2026, 12, 8)) == "12/8/26"
    assert [language_name("es"), language_name("fr")] == ["Spanish", "French"]
    console_language(QLocale.Language.Spanish)
    with spanish(qapp, tmp_path):
        ages = [shown(age_text(NOW - elapsed, NOW)) for elapsed in ago[3:]]
        assert ages == ["3 d", "6 sem"]
        assert [distance_words(80.4), distance_words(1234)] == ["80 m", "1,2 km"]
        assert [whole_number(12345), decimal_number(1234.56)] == ["12.345", "1234,6"]
        assert [short_number(2.0), short_number(1234.5)] == ["2", "1234,5"]
        assert calendar_day(date(2026, 12, 8)) == "8/12/26"
        assert [language_name("es"), language_name("en")] == ["español", "inglés"]
