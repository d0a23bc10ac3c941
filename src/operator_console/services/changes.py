"""Changes to service requests as row diffs, how bursts of them coalesce, and the feed port."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal, Protocol

ChangeKind = Literal["insert", "update", "delete"]
KINDS: tuple[ChangeKind, ...] = ("insert", "update", "delete")


@dataclass(frozen=True)
class RequestChange:
    """One request was inserted, updated or deleted.

    Attributes:
        request_id: the request's id.
        queue_id: the queue it is in after the change (for a delete: the queue it was in).
        old_queue_id: the queue it was in before the change, when known (an update that moved
            it); None for inserts and when the feed cannot tell. A queue view that shows either
            queue is affected.
        version: the row's version after the change (for a delete: its last version).
        kind: "insert", "update" or "delete".
    """

    request_id: int
    queue_id: int | None
    old_queue_id: int | None
    version: int
    kind: ChangeKind

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown change kind {self.kind!r}")


@dataclass(frozen=True)
class ChangeBatch:
    """Changes that arrived together, at most one per request.

    Attributes:
        changes: the row diffs, in the order their requests first changed.
        resync: True when changes may have been missed (the feed just (re)connected, or could
            not tell exactly what changed): reload what you show. `changes` may still hold
            changes it did see.
    """

    changes: tuple[RequestChange, ...] = ()
    resync: bool = False

    def __bool__(self) -> bool:
        return bool(self.changes) or self.resync


def merge_batches(batches: Iterable[ChangeBatch]) -> ChangeBatch:
    """One batch saying what all of `batches` (in arrival order) said together."""
    changes: list[RequestChange] = []
    resync = False
    for batch in batches:
        changes.extend(batch.changes)
        resync = resync or batch.resync
    return ChangeBatch(coalesce(changes), resync)


def coalesce(changes: Iterable[RequestChange]) -> tuple[RequestChange, ...]:
    """The net change per request, for changes given in the order they happened.

    The last change of a request wins, with these rules:
      * insert then update stays an insert, with the newer version and queue;
      * insert then delete vanishes (the request came and went);
      * a run of updates keeps the queue it was in before the first one as `old_queue_id`,
        so a view of that queue still learns that the request left it;
      * delete then insert (the id came back) is an update;
      * an update with a lower version than one already seen is stale and is dropped (a
        console may announce its own write before the database's notification of it arrives).
    Requests keep the order in which they first appear.
    """
    net: dict[int, RequestChange] = {}
    for change in changes:
        before = net.get(change.request_id)
        merged = change if before is None else _merge(before, change)
        if merged is None:
            del net[change.request_id]
        else:
            net[change.request_id] = merged
    return tuple(net.values())


def _merge(before: RequestChange, after: RequestChange) -> RequestChange | None:
    if after.kind == "update" and after.version < before.version and before.kind != "delete":
        return before
    if before.kind == "insert":
        if after.kind == "delete":
            return None
        return replace(after, kind="insert", old_queue_id=None)
    if before.kind == "update" and after.kind != "insert":
        return replace(after, old_queue_id=before.old_queue_id)
    if before.kind == "delete" and after.kind == "insert":
        return replace(after, kind="update", old_queue_id=before.queue_id)
    return after


class ChangeFeed(Protocol):
    """Tells whoever started it about changes to requests made by any console.

    `start(on_batch)` returns at once; `on_batch` is then called from the feed's own thread
    (never the caller's), first with a resync batch once the feed is watching, then with each
    batch of changes. After `stop()` returns, `on_batch` is not called again.
    """

    def start(self, on_batch: Callable[[ChangeBatch], None]) -> None: ...

    def stop(self) -> None: ...
