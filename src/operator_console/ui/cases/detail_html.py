"""The case screen's text as HTML: the header, fields and answers, callers, links, timeline."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication

from operator_console.services.cases.detail import CaseDetail
from operator_console.services.cases.history import HistoryEntry
from operator_console.services.outbox_view.model import OutboxMessage
from operator_console.ui.cases.history_words import describe_entry
from operator_console.ui.cases.timeline_messages import message_line
from operator_console.ui.common.formatting import (
    closure_label,
    local_time,
    priority_label,
    status_label,
)
from operator_console.ui.common.message_words import kind_label
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

STYLE = """
<style>
 body { font-family: sans-serif; font-size: 13px; color: #1f2933; }
 h3 { font-size: 13px; color: #52606d; margin: 14px 0 4px 0; text-transform: uppercase; }
 td.k { color: #616e7c; padding: 2px 14px 2px 0; white-space: nowrap; vertical-align: top; }
 td.v { padding: 2px 0; }
 .tag { font-size: 11px; padding: 1px 6px; border-radius: 3px; }
 .public { background: #e3f2fd; color: #0d47a1; }
 .internal { background: #f1f1f1; color: #52606d; }
 .message { background: #fff4e0; color: #8a5a00; }
 .who { font-weight: 600; }
 .when { color: #7b8794; }
 .why { color: #323f4b; }
 .on_time { color: #2e7d32; } .at_risk { color: #b45f06; } .breached { color: #c62828; }
</style>
"""
_SLA_WORDS = {
    "on_time": QT_TRANSLATE_NOOP("CaseDetail", "On time"),
    "at_risk": QT_TRANSLATE_NOOP("CaseDetail", "At risk"),
    "breached": QT_TRANSLATE_NOOP("CaseDetail", "Overdue"),
}
_CHANNELS = {  # how a request came in, as stored; another one shows as stored
    "phone": QT_TRANSLATE_NOOP("CaseDetail", "Phone"),
    "web": QT_TRANSLATE_NOOP("CaseDetail", "Web"),
    "app": QT_TRANSLATE_NOOP("CaseDetail", "App"),
    "open311": QT_TRANSLATE_NOOP("CaseDetail", "Open311"),
    "self_service": QT_TRANSLATE_NOOP("CaseDetail", "Self service"),
    "employee": QT_TRANSLATE_NOOP("CaseDetail", "City staff"),
    "integration": QT_TRANSLATE_NOOP("CaseDetail", "Another system"),
    "social": QT_TRANSLATE_NOOP("CaseDetail", "Social media"),
    "other": QT_TRANSLATE_NOOP("CaseDetail", "Other"),
}


def _channel(channel: str) -> str:
    return translate("CaseDetail", _CHANNELS[channel]) if channel in _CHANNELS else channel


def _when(value: datetime | None, time_zone: str) -> str:
    return "—" if value is None else local_time(value, time_zone)


def _rows(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><td class="k">{escape(k)}</td><td class="v">{v}</td></tr>' for k, v in pairs
    )
    return f'<table cellspacing="0">{cells}</table>'


def sla_text(detail: CaseDetail, time_zone: str) -> str:
    """The SLA standing as coloured HTML; the due time on the clock of `time_zone`."""
    sla = detail.sla
    if sla.state is None:
        if sla.due_at is None:
            return escape(translate("CaseDetail", "No due date"))
        due = _when(sla.due_at, time_zone)
        return escape(translate("CaseDetail", "Due %1").replace("%1", due))
    words = translate("CaseDetail", _SLA_WORDS[sla.state])
    if sla.finished and sla.state == "on_time":
        words = translate("CaseDetail", "Resolved on time")
    elif sla.finished:
        words = translate("CaseDetail", "Resolved late")
    due = translate("CaseDetail", "due %1").replace("%1", _when(sla.due_at, time_zone))
    return f'<span class="{sla.state}"><b>{escape(words)}</b></span> · {escape(due)}'


def details_html(detail: CaseDetail, time_zone: str) -> str:
    """Every field, the answers, callers and linked duplicates; times on the city's clock
    (`time_zone`)."""
    record, case = detail.record, detail.record.state

    def when(value: datetime | None) -> str:
        return escape(_when(value, time_zone))

    fields = [
        (translate("CaseDetail", "Status"), escape(status_label(case.status.value))),
        (translate("CaseDetail", "Priority"), escape(priority_label(case.priority))),
        (translate("CaseDetail", "SLA"), sla_text(detail, time_zone)),
        (translate("CaseDetail", "Category"), escape(case.service.name)),
        (translate("CaseDetail", "Address"), escape(case.location.address or "—")),
        (translate("CaseDetail", "District"), escape(case.district.name if case.district else "—")),
        (translate("CaseDetail", "Department"), escape(record.department or "—")),
        (translate("CaseDetail", "Queue"), escape(case.queue.name if case.queue else "—")),
        (
            translate("CaseDetail", "Assignee"),
            escape(
                case.assignee.display_name
                if case.assignee
                else translate("CaseDetail", "Unassigned")
            ),
        ),
        (translate("CaseDetail", "Status calls"), escape(str(case.calls_count))),
        (translate("CaseDetail", "Channel"), escape(_channel(record.channel))),
        (translate("CaseDetail", "Entered by"), escape(record.created_by)),
        (translate("CaseDetail", "Opened"), when(case.created_at)),
        (translate("CaseDetail", "Routed"), when(case.routed_at)),
        (translate("CaseDetail", "First action"), when(case.first_action_at)),
        (translate("CaseDetail", "Assigned"), when(case.assigned_at)),
        (translate("CaseDetail", "Resolved"), when(case.resolved_at)),
        (translate("CaseDetail", "Closed"), when(case.closed_at)),
    ]
    if case.closure_reason is not None:
        closure = f"{closure_label(case.closure_reason)} {case.closure_note or ''}".strip()
        fields.append((translate("CaseDetail", "Closure"), escape(closure)))
    if case.routing_explanation:
        fields.append((translate("CaseDetail", "Routing"), escape(case.routing_explanation)))
    parts = [STYLE, _rows(fields)]
    if not record.photos:
        parts.append(_heading(translate("CaseDetail", "Photos")))
        none = translate("CaseDetail", "None")
        parts.append(f"<p>{escape(none)}</p>")
    if record.description:
        parts.append(_heading(translate("CaseDetail", "Description")))
        parts.append(f"<p>{escape(record.description)}</p>")
    if detail.answers:
        answers = [(line.question, escape(line.answer)) for line in detail.answers]
        parts.append(_heading(translate("CaseDetail", "Answers")) + _rows(answers))
    reporter, follower = translate("CaseDetail", "Reporter"), translate("CaseDetail", "Follower")
    callers = [
        (
            reporter if c.reporter else follower,
            escape(", ".join(x for x in (c.name, c.phone or "", c.email or "") if x) or "—"),
        )
        for c in record.callers
    ]
    heading = translate("CaseDetail", "Callers (%1)").replace("%1", str(record.callers_count))
    parts.append(_heading(heading) + (_rows(callers) or "—"))
    links = []
    if record.parent is not None:
        links.append((translate("CaseDetail", "Duplicate of"), _link(record.parent)))
    duplicate = translate("CaseDetail", "Duplicate")
    links.extend((duplicate, _link(d)) for d in record.duplicates)
    if links:
        parts.append(_heading(translate("CaseDetail", "Linked cases")) + _rows(links))
    return "".join(parts)


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _link(case: object) -> str:
    reference = escape(getattr(case, "reference", ""))
    status = escape(status_label(str(getattr(case, "status", ""))))
    service = escape(getattr(case, "service_name", ""))
    return f"<b>{reference}</b> · {service} · {status}"


def timeline_html(
    entries: tuple[HistoryEntry, ...],
    time_zone: str,
    messages: tuple[OutboxMessage, ...] = (),
) -> str:
    """Newest first: who, when (on the clock of `time_zone`), what and why; public and internal
    entries told apart; the messages to the case's callers among them, each with where its
    delivery stands."""
    dated: list[tuple[datetime, str]] = []
    for message in reversed(messages):  # at the instant of the event that queued it: above it
        message_word = translate("CaseDetail", "Message")
        tag = f'<span class="tag message">{escape(message_word)}</span>'
        what = (
            f'<span class="who">{escape(kind_label(message.kind))}</span>'
            f'<div class="why">{escape(message_line(message, time_zone))}</div>'
        )
        dated.append((message.created_at, _entry_block(tag, message.created_at, time_zone, what)))
    for entry in reversed(entries):
        if entry.public:
            public = translate("CaseDetail", "Public")
            tag = f'<span class="tag public">{escape(public)}</span>'
        else:
            internal = translate("CaseDetail", "Internal")
            tag = f'<span class="tag internal">{escape(internal)}</span>'
        what = escape(describe_entry(entry, time_zone))
        why = f'<div class="why">“{escape(entry.reason)}”</div>' if entry.reason else ""
        block = _entry_block(tag, entry.at, time_zone, f'<span class="who">{what}</span>{why}')
        dated.append((entry.at, block))
    dated.sort(key=lambda item: item[0], reverse=True)  # stable: the same instant keeps order
    blocks = [STYLE, *(block for _at, block in dated)]
    if len(blocks) == 1:
        empty = translate("CaseDetail", "No history yet.")
        blocks.append(f"<p>{escape(empty)}</p>")
    return "".join(blocks)


def _entry_block(tag: str, at: datetime, time_zone: str, what: str) -> str:
    return (
        '<table width="100%" cellpadding="6" style="margin-bottom: 6px;">'
        '<tr><td style="border-bottom: 1px solid #e4e7eb;">'
        f'{tag} <span class="when">{escape(_when(at, time_zone))}</span><br>'
        f"{what}</td></tr></table>"
    )
