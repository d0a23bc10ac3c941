"""The queue, triage, request and dashboard screens' own words and stored codes in Spanish."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTranslator
from pytestqt.qtbot import QtBot

from operator_console.services.dashboard.model import FilterChoices
from operator_console.services.queues.directory import QueueSummary
from operator_console.ui.common.alt_key import alt_key
from operator_console.ui.common.channel_words import channel_label
from operator_console.ui.dashboard.choropleth import class_words
from operator_console.ui.dashboard.filter_bar import DashboardFilterBar
from operator_console.ui.queues.filter_bar import QueueFilterBar
from operator_console.ui.queues.request_columns import QUEUE_TABLE, REQUEST_TABLE
from operator_console.ui.queues.summary_model import QueueSummaryModel
from operator_console.ui.queues.table_model import span
from tests.ui.test_translations import spanish_catalog

__all__ = ["spanish_catalog"]  # the fixture, installed by the tests that name it


def test_the_queue_tables_words_are_spanish(spanish_catalog: QTranslator) -> None:
    assert [QUEUE_TABLE.header(n) for n in range(3)] == ["Referencia", "Prioridad", "Categoría"]
    assert QUEUE_TABLE.header(QUEUE_TABLE.column_of("created_at")) == "Antigüedad"
    assert REQUEST_TABLE.header(REQUEST_TABLE.column_of("created_at")) == "Abierto"
    assert span(timedelta(days=2, hours=1)) == "2d 1h"
    assert span(timedelta(hours=5, minutes=3)) == "5h 03min"
    assert [channel_label(code) for code in ("phone", "app", "open311")] == [
        "Teléfono",
        "Aplicación",
        "Open311",
    ]
    assert channel_label("kiosk") == "Kiosk"  # a channel the console does not know, as stored


def test_the_queue_filters_and_tooltips_are_spanish(
    qtbot: QtBot, spanish_catalog: QTranslator
) -> None:
    bar = QueueFilterBar()
    qtbot.addWidget(bar)
    sla = [bar.sla.itemText(n) for n in range(bar.sla.count())]
    assert sla == ["Cualquier plazo", "A tiempo", "En riesgo", "Vencido", "Sin vencimiento"]
    summaries = QueueSummaryModel()
    summaries.set_summaries(
        [QueueSummary(1, "Signals", "Transportation", "team", 4, 1, 0, 3, "BTD_SIGNALS")]
    )
    tooltip = summaries.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Transportation — Signals (equipo)"


def test_the_dashboard_names_channels_and_classes_in_spanish(
    qtbot: QtBot, spanish_catalog: QTranslator
) -> None:
    bar = DashboardFilterBar("")
    qtbot.addWidget(bar)
    bar.show_choices(FilterChoices((), (), (), (), ("phone", "web"), ("ward",)))
    channels = [bar.channel.itemText(n) for n in range(bar.channel.count())]
    assert channels == ["Todos los canales", "Teléfono", "Web"]
    assert bar.channel.itemData(1) == "phone"
    assert class_words(2) == "similar a la ciudad"
    assert class_words(None) == "sin cifra"


def test_the_keyboard_help_follows_the_letter_shown() -> None:
    assert alt_key("E&stado:") == "Alt+S"
    assert alt_key("<b>&Búsquedas guardadas</b>") == "Alt+B"
