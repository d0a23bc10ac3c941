"""Which threads open, list, make, rename or remove files in a folder (Python's audit events)."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_EVENTS = {"open", "os.listdir", "os.scandir", "os.mkdir", "os.remove", "os.rename", "os.unlink"}
_watches: list[DiskWatch] = []


class DiskWatch:
    """Every audited file operation under `folder`, with the name of the thread that made it."""

    def __init__(self, folder: Path) -> None:
        self.folder = str(folder.resolve())
        self.touches: list[tuple[str, str, bool]] = []  # (event, path, on the main thread)
        self._test_looking = False

    @contextmanager
    def looking(self) -> Iterator[None]:
        """The test's own looks at the folder from the main thread are not recorded."""
        self._test_looking = True
        try:
            yield
        finally:
            self._test_looking = False

    def on_main_thread(self) -> list[tuple[str, str]]:
        return [(event, path) for event, path, main in self.touches if main]

    def off_main_thread(self) -> list[tuple[str, str]]:
        return [(event, path) for event, path, main in self.touches if not main]

    def _record(self, event: str, path: object) -> None:
        if isinstance(path, (str, bytes, os.PathLike)):
            text = os.fsdecode(path)
            if os.path.abspath(text).startswith(self.folder):
                main = threading.current_thread() is threading.main_thread()
                if not (main and self._test_looking):
                    self.touches.append((event, text, main))


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event in _EVENTS and args:
        for watch in list(_watches):
            watch._record(event, args[0])


_installed = False


@contextmanager
def watching(folder: Path) -> Iterator[DiskWatch]:
    """Record file operations under `folder` while the block runs (an audit hook, installed once:
    Python cannot remove one)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
    watch = DiskWatch(folder)
    _watches.append(watch)
    try:
        yield watch
    finally:
        _watches.remove(watch)
