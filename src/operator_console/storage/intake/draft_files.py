"""The draft journal as JSON files in a local folder, written atomically."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from operator_console.domain.wording import QT_TRANSLATE_NOOP
from operator_console.services.intake.drafts import (
    DraftFormatError,
    SavedCall,
    call_from_json,
    call_to_json,
    submission_from_json,
    submission_to_json,
)
from operator_console.services.intake.submission import Submission


class FileDraftJournal:
    """`draft.json` for the call being typed; `queued/<uuid>.json` for unsent submissions.

    Every method touches the disk (the folders are made at the first write), so the console
    calls them off the Qt thread, one at a time and in order (the runner's journal lane).
    """

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._queue = directory / "queued"

    @property
    def draft_path(self) -> Path:
        return self._directory / "draft.json"

    def save_draft(self, call: SavedCall) -> None:
        _write_atomically(self.draft_path, call_to_json(call))

    def load_draft(self) -> SavedCall | None:
        if not self.draft_path.exists():
            return None
        return _read(self.draft_path, call_from_json)

    def clear_draft(self) -> None:
        self.draft_path.unlink(missing_ok=True)

    def enqueue(self, submission: Submission) -> None:
        _write_atomically(
            self._queue / f"{submission.client_uuid}.json", submission_to_json(submission)
        )

    def queued(self) -> list[Submission]:
        files = sorted(self._queue.glob("*.json"), key=lambda path: path.stat().st_mtime)
        return [_read(path, submission_from_json) for path in files]

    def dequeue(self, client_uuid: str) -> None:
        (self._queue / f"{client_uuid}.json").unlink(missing_ok=True)


def _write_atomically(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)  # a disk that filled up keeps no half-written entry
        raise


Entry = TypeVar("Entry")


def _read(path: Path, from_json: Callable[[dict[str, Any]], Entry]) -> Entry:
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, DraftFormatError) as exc:
        said = exc.args[0] if isinstance(exc, DraftFormatError) and exc.args else str(exc)
        raise DraftFormatError(
            QT_TRANSLATE_NOOP("IntakeProblems", "%1: %2").with_values(path, said)
        ) from exc
