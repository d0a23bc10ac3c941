"""Saved filters keep what they cannot read, and two saves at once keep both."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import pytest

from operator_console.services.queues.request_list import ListQuery
from operator_console.storage.queues.saved_filters import JsonSavedFilters


def test_a_filter_that_cannot_be_read_is_logged_and_written_back_as_it_was(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "filters.json"
    newer = {"priorities": ["high"], "created_from": "next tuesday"}  # a date this cannot read
    path.write_text(json.dumps({"version": 1, "filters": {"From a newer console": newer}}))
    store = JsonSavedFilters(path)
    with caplog.at_level(logging.WARNING):
        assert store.load() == {}
    assert "From a newer console" in caplog.text
    store.save("Mine", ListQuery(priorities=("urgent",)))
    assert store.load() == {"Mine": ListQuery(priorities=("urgent",))}
    assert json.loads(path.read_text())["filters"]["From a newer console"] == newer
    store.delete("From a newer console")
    assert list(json.loads(path.read_text())["filters"]) == ["Mine"]


def test_a_file_that_is_no_saved_filters_is_named(tmp_path: Path) -> None:
    path = tmp_path / "filters.json"
    path.write_text("[1, 2]")
    with pytest.raises(ValueError, match="not a file of saved filters"):
        JsonSavedFilters(path).load()


def test_saves_made_at_the_same_time_are_all_kept(tmp_path: Path) -> None:
    store = JsonSavedFilters(tmp_path / "filters.json")
    names = [f"Filter {number}" for number in range(8)]
    start = threading.Barrier(len(names))

    def save(name: str) -> None:
        start.wait(10)
        store.save(name, ListQuery(text=name))

    threads = [threading.Thread(target=save, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sorted(store.load()) == names
