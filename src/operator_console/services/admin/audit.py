"""A line of the configuration's audit trail (config_events), as the admin screens write it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ConfigEvent:
    """One change to the configuration, written in the change's own transaction.

    Attributes:
        kind: what happened ('queue_added', 'city_settings_changed', ...); other consoles
            receive it through the configuration bus.
        subject: what it is about (a queue's code, the city's name).
        detail: a sentence for people.
        data: the change as JSON (before and after).
    """

    at: datetime
    actor: str
    kind: str
    subject: str
    detail: str
    data: dict[str, Any]
