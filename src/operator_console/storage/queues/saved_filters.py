"""Named queue filters kept in a JSON file in the person's data directory."""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

from operator_console.services.queues.directory import query_from_json, query_to_json
from operator_console.services.queues.request_list import ListQuery

_log = logging.getLogger(__name__)


class JsonSavedFilters:
    """`SavedFilterStore` over one JSON file, written atomically (temp file, then rename).

    Called off the Qt thread; a save or delete reads, changes and writes the file under a lock,
    so two at once keep both. A filter this version cannot read (a newer console's, a hand edit)
    is left out of `load()` with a warning in the log, and written back as it was.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()

    def load(self) -> dict[str, ListQuery]:
        return self._read()[0]

    def save(self, name: str, query: ListQuery) -> None:
        with self._lock:
            filters, unreadable = self._read()
            filters[name] = query
            unreadable.pop(name, None)
            self._write(filters, unreadable)

    def delete(self, name: str) -> None:
        with self._lock:
            filters, unreadable = self._read()
            if filters.pop(name, None) is not None or unreadable.pop(name, None) is not None:
                self._write(filters, unreadable)

    def _read(self) -> tuple[dict[str, ListQuery], dict[str, Any]]:
        """The filters, and those that cannot be read as they were stored."""
        try:
            document = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}, {}
        stored = document.get("filters", {}) if isinstance(document, dict) else None
        if not isinstance(stored, dict):
            raise ValueError(f"{self._path}: not a file of saved filters")
        filters: dict[str, ListQuery] = {}
        unreadable: dict[str, Any] = {}
        for name, value in stored.items():
            try:
                filters[str(name)] = query_from_json(value)
            except (TypeError, ValueError, AttributeError) as exc:
                _log.warning(
                    "Saved filter %r in %s is kept but cannot be used: %s", name, self._path, exc
                )
                unreadable[str(name)] = value
        return filters, unreadable

    def _write(self, filters: dict[str, ListQuery], unreadable: dict[str, Any]) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        kept = {**unreadable, **{name: query_to_json(q) for name, q in filters.items()}}
        document = {"version": 1, "filters": kept}
        temporary = self._path.with_suffix(".tmp")
        temporary.write_text(json.dumps(document, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self._path)
