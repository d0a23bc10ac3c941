"""Named queue filters kept in a JSON file in the person's data directory."""

from __future__ import annotations

import json
import os
from pathlib import Path

from operator_console.services.queues.directory import query_from_json, query_to_json
from operator_console.services.queues.request_list import ListQuery


class JsonSavedFilters:
    """`SavedFilterStore` over one JSON file, written atomically (temp file, then rename)."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def load(self) -> dict[str, ListQuery]:
        try:
            document = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        filters: dict[str, ListQuery] = {}
        for name, value in document.get("filters", {}).items():
            try:
                filters[str(name)] = query_from_json(value)
            except (TypeError, ValueError):
                continue
        return filters

    def save(self, name: str, query: ListQuery) -> None:
        filters = self.load()
        filters[name] = query
        self._write(filters)

    def delete(self, name: str) -> None:
        filters = self.load()
        if filters.pop(name, None) is not None:
            self._write(filters)

    def _write(self, filters: dict[str, ListQuery]) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        document = {"version": 1, "filters": {k: query_to_json(v) for k, v in filters.items()}}
        temporary = self._path.with_suffix(".tmp")
        temporary.write_text(json.dumps(document, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self._path)
