"""Screen words go through Qt's translation; dates follow the console's language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from sqlalchemy import select

from operator_console.app.wiring import build_session
from operator_console.storage.db.database import identify, open_database
from operator_console.storage.db.tables import service_requests as r
from operator_console.ui.cases.detail_html import details_html, sla_text, timeline_html
from operator_console.ui.common.formatting import spoken_date


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


@pytest.fixture
def console_language(qapp: QCoreApplication) -> Iterator[Callable[[QLocale.Language], None]]:
    before = QLocale()

    def use(language: QLocale.Language) -> None:
        QLocale.setDefault(QLocale(language))

    yield use
    QLocale.setDefault(before)


def test_the_read_back_date_follows_the_console_language(
    console_language: Callable[[QLocale.Language], None], pseudo_translated: None
) -> None:
    due = datetime(2026, 12, 8, 23, 49, tzinfo=UTC)  # 6:49 PM in Boston
    console_language(QLocale.Language.English)
    assert spoken_date(due, "America/New_York").replace("\u202f", " ") == (
        "Tuesday 8 December, 6:49 PM"
    )
    console_language(QLocale.Language.Spanish)
    assert spoken_date(due, "America/New_York") == "martes 8 diciembre, 18:49"
    assert spoken_date(None, "America/New_York") == "[no fixed date for this kind of request]"
