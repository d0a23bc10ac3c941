"""What the dashboard needs from storage beyond the metrics' own reads."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from operator_console.services.dashboard.model import DrillRow, FilterChoices
from operator_console.services.metrics.model import MetricsFilter, Period
from operator_console.services.metrics.ports import MetricsReads


class DashboardReads(MetricsReads, Protocol):
    def choices(self) -> FilterChoices:
        """Every department, queue, category, district (of the layer cases record), channel
        and district layer the city has."""
        ...

    def drill_rows(
        self, period: Period, chosen: MetricsFilter, by: str | None, open_at: datetime | None
    ) -> list[DrillRow]:
        """The requests the filter keeps, each with its key in grouping `by` (None: no
        grouping): those created in the period, or with `open_at`, those open at that moment
        (created before it and not resolved by then, whenever they were created)."""
        ...
