"""The draft journal keeps the call being typed, search text included, and reads older drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from operator_console.domain.caller import Caller
from operator_console.domain.intake import Attachment, IntakeDraft, Location
from operator_console.services.intake.drafts import DraftFormatError, SavedCall
from operator_console.services.intake.submission import Submission
from operator_console.storage.intake.draft_files import FileDraftJournal

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _submission() -> Submission:
    draft = IntakeDraft(
        caller=Caller(first_name="Ana", phone="617 555 0142"),
        location=Location(42.3504, -71.0867, "29 Hereford St", "W4"),
        service_code="street-light-outages",
        answers={"lights_out": "one"},
        description="Pole leaning.",
        attachments=(Attachment("pole.png", len(PNG), PNG[:16]),),
    )
    return Submission("0b0c8a4e-3c1f-4f55-9a51-5bd5d1c1e001", draft, "phone", (PNG,))


def test_the_call_comes_back_with_its_category_search(tmp_path: Path) -> None:
    journal = FileDraftJournal(tmp_path)
    journal.save_draft(SavedCall(_submission(), "streetlight out"))
    assert journal.load_draft() == SavedCall(_submission(), "streetlight out")


def test_a_draft_kept_before_search_text_was_kept_still_loads(tmp_path: Path) -> None:
    journal = FileDraftJournal(tmp_path)
    journal.save_draft(SavedCall(_submission(), "x"))
    older = json.loads(journal.draft_path.read_text())
    del older["category_search"]
    journal.draft_path.write_text(json.dumps(older))
    assert journal.load_draft() == SavedCall(_submission(), "")


def test_a_damaged_search_text_is_named(tmp_path: Path) -> None:
    journal = FileDraftJournal(tmp_path)
    journal.save_draft(SavedCall(_submission(), "x"))
    damaged = {**json.loads(journal.draft_path.read_text()), "category_search": 12}
    journal.draft_path.write_text(json.dumps(damaged))
    with pytest.raises(DraftFormatError, match=r"draft\.json.*category search"):
        journal.load_draft()


def test_queued_submissions_are_kept_as_they_were(tmp_path: Path) -> None:
    journal = FileDraftJournal(tmp_path)
    journal.enqueue(_submission())
    assert journal.queued() == [_submission()]


def test_the_journal_touches_the_disk_only_when_asked(tmp_path: Path) -> None:
    folder = tmp_path / "drafts" / "operator1"
    journal = FileDraftJournal(folder)  # made on the Qt thread: it must not make folders there
    assert not folder.exists()
    assert journal.queued() == [] and journal.load_draft() is None
    journal.enqueue(_submission())
    assert [path.name for path in folder.rglob("*")] == [
        "queued",
        f"{_submission().client_uuid}.json",
    ]


def test_a_write_that_fails_leaves_no_half_written_entry(tmp_path: Path) -> None:
    journal = FileDraftJournal(tmp_path)
    journal.draft_path.mkdir()  # draft.json cannot be replaced: the write fails
    with pytest.raises(OSError):
        journal.save_draft(SavedCall(_submission(), "x"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["draft.json"]
