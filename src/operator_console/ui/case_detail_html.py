"""The case screen's text as HTML: the header, fields and answers, callers, links, timeline."""

from __future__ import annotations

from datetime import datetime
from html import escape

from operator_console.services.case_detail import CaseDetail
from operator_console.services.case_history import HistoryEntry
from operator_console.ui.formatting import local_time, status_label

STYLE = """
<style>
 body { font-family: sans-serif; font-size: 13px; color: #1f2933; }
 h3 { font-size: 13px; color: #52606d; margin: 14px 0 4px 0; text-transform: uppercase; }
 td.k { color: #616e7c; padding: 2px 14px 2px 0; white-space: nowrap; vertical-align: top; }
 td.v { padding: 2px 0; }
 .tag { font-size: 11px; padding: 1px 6px; border-radius: 3px; }
 .public { background: #e3f2fd; color: #0d47a1; }
 .internal { background: #f1f1f1; color: #52606d; }
 .who { font-weight: 600; }
 .when { color: #7b8794; }
 .why { color: #323f4b; }
 .on_time { color: #2e7d32; } .at_risk { color: #b45f06; } .breached { color: #c62828; }
</style>
"""
_SLA_WORDS = {"on_time": "On time", "at_risk": "At risk", "breached": "Overdue"}


def _when(value: datetime | None) -> str:
    return "—" if value is None else local_time(value)


def _rows(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><td class="k">{escape(k)}</td><td class="v">{v}</td></tr>' for k, v in pairs
    )
    return f'<table cellspacing="0">{cells}</table>'


def sla_text(detail: CaseDetail) -> str:
    """The SLA standing as coloured HTML."""
    sla = detail.sla
    if sla.state is None:
        return "No due date" if sla.due_at is None else f"Due {escape(_when(sla.due_at))}"
    words = _SLA_WORDS[sla.state]
    if sla.finished:
        words = "Resolved on time" if sla.state == "on_time" else "Resolved late"
    return f'<span class="{sla.state}"><b>{words}</b></span> · due {escape(_when(sla.due_at))}'


def details_html(detail: CaseDetail) -> str:
    """Every field, the answers, callers and linked duplicates."""
    record, case = detail.record, detail.record.state
    fields = [
        ("Status", escape(status_label(case.status.value))),
        ("Priority", escape(case.priority.value.capitalize())),
        ("SLA", sla_text(detail)),
        ("Category", escape(case.service.name)),
        ("Address", escape(case.location.address or "—")),
        ("District", escape(case.district.name if case.district else "—")),
        ("Department", escape(record.department or "—")),
        ("Queue", escape(case.queue.name if case.queue else "—")),
        ("Assignee", escape(case.assignee.display_name if case.assignee else "Unassigned")),
        ("Channel", escape(record.channel)),
        ("Entered by", escape(record.created_by)),
        ("Opened", escape(_when(case.created_at))),
        ("Routed", escape(_when(case.routed_at))),
        ("First action", escape(_when(case.first_action_at))),
        ("Assigned", escape(_when(case.assigned_at))),
        ("Resolved", escape(_when(case.resolved_at))),
        ("Closed", escape(_when(case.closed_at))),
    ]
    if case.closure_reason is not None:
        reason = case.closure_reason.value.replace("_", " ")
        fields.append(("Closure", escape(f"{reason} {case.closure_note or ''}".strip())))
    if case.routing_explanation:
        fields.append(("Routing", escape(case.routing_explanation)))
    parts = [STYLE, _rows(fields)]
    if not record.photos:
        parts.append("<h3>Photos</h3><p>None</p>")
    if record.description:
        parts.append(f"<h3>Description</h3><p>{escape(record.description)}</p>")
    if detail.answers:
        answers = [(line.question, escape(line.answer)) for line in detail.answers]
        parts.append("<h3>Answers</h3>" + _rows(answers))
    callers = [
        (
            ("Reporter" if c.reporter else "Follower"),
            escape(", ".join(x for x in (c.name, c.phone or "", c.email or "") if x) or "—"),
        )
        for c in record.callers
    ]
    parts.append(f"<h3>Callers ({record.callers_count})</h3>" + (_rows(callers) or "—"))
    links = []
    if record.parent is not None:
        links.append(("Duplicate of", _link(record.parent)))
    links.extend(("Duplicate", _link(d)) for d in record.duplicates)
    if links:
        parts.append("<h3>Linked cases</h3>" + _rows(links))
    return "".join(parts)


def _link(case: object) -> str:
    reference = escape(getattr(case, "reference", ""))
    status = escape(status_label(str(getattr(case, "status", ""))))
    service = escape(getattr(case, "service_name", ""))
    return f"<b>{reference}</b> · {service} · {status}"


def timeline_html(entries: tuple[HistoryEntry, ...]) -> str:
    """Newest first: who, when, what and why; public and internal entries told apart."""
    blocks = [STYLE]
    for entry in reversed(entries):
        tag = (
            '<span class="tag public">Public</span>'
            if entry.public
            else '<span class="tag internal">Internal</span>'
        )
        what = escape(entry.describe())
        why = f'<div class="why">“{escape(entry.reason)}”</div>' if entry.reason else ""
        blocks.append(
            '<table width="100%" cellpadding="6" style="margin-bottom: 6px;">'
            '<tr><td style="border-bottom: 1px solid #e4e7eb;">'
            f'{tag} <span class="when">{escape(_when(entry.at))}</span><br>'
            f'<span class="who">{what}</span>{why}</td></tr></table>'
        )
    if len(blocks) == 1:
        blocks.append("<p>No history yet.</p>")
    return "".join(blocks)
