"""How the cases found by each lookup are ranked against each other."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from operator_console.domain.wording import Words
from operator_console.services.search.ports import Match

REFERENCE_TIER = 3.0
PHONE_TIER = 2.0
TEXT_TIER = 1.0
FILTERS_TIER = 0.0
TEXT_WEIGHTS = {"name": 0.9, "words": 0.8, "note": 0.6, "address": 0.5}
"""Within text matches: a caller's name first, then the case's own words, its notes, and an
address that only looks alike; each scaled by how well it matched among its lookup's."""
_SPREAD = 0.99


@dataclass(frozen=True)
class Ranked:
    """A case's best reason so far: its score and how to say why, once its row is read."""

    score: float
    why: Callable[[str, str], Words]
    """(address, description) -> the why text."""


class Ranking:
    """The best reason per case, over every lookup of one search."""

    def __init__(self) -> None:
        self._best: dict[int, Ranked] = {}

    def __bool__(self) -> bool:
        return bool(self._best)

    @property
    def request_ids(self) -> list[int]:
        return list(self._best)

    def best(self, request_id: int) -> Ranked:
        return self._best[request_id]

    def add_exact(self, matches: Sequence[Match], tier: float, why: Words) -> None:
        for match in matches:
            self._keep(match.request_id, Ranked(tier, lambda _address, _text: why))

    def add_text(
        self,
        matches: Sequence[Match],
        kind: str,
        why: Callable[[Match], Callable[[str, str], Words]],
    ) -> None:
        """Text matches of one lookup: the best of them scores highest for its kind."""
        top = max((match.score for match in matches), default=0.0)
        for match in matches:
            share = match.score / top if top > 0 else 1.0
            score = TEXT_TIER + TEXT_WEIGHTS[kind] * share * _SPREAD
            self._keep(match.request_id, Ranked(score, why(match)))

    def _keep(self, request_id: int, ranked: Ranked) -> None:
        held = self._best.get(request_id)
        if held is None or ranked.score > held.score:
            self._best[request_id] = ranked
