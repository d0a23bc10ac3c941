"""What the metrics need from storage: the cases of a period, and when requests were open."""

from __future__ import annotations

from typing import Protocol

from operator_console.services.metrics.model import (
    CaseFacts,
    GroupName,
    MetricsFilter,
    MetricsQuery,
    OpenSpan,
    Period,
)


class UnknownGroupingError(ValueError):
    """A report grouped by something that is neither `queue`, `department`, `category` nor a
    layer of the city's districts; the message names what there is."""


class MetricsReads(Protocol):
    def cases(self, query: MetricsQuery) -> list[CaseFacts]:
        """The requests created in the period that the filter keeps, each with its key in the
        query's grouping; UnknownGroupingError for a grouping the city does not have."""
        ...

    def groups(self, by: str) -> list[GroupName]:
        """Every group of the grouping, in the order people know them (districts by code)."""
        ...

    def open_spans(self, period: Period, chosen: MetricsFilter) -> list[OpenSpan]:
        """The requests the filter keeps that were open at some moment of the period: created
        before its end and not resolved before its start."""
        ...
