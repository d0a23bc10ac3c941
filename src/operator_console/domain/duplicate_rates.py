"""How often a category's requests turn out to be duplicates, estimated from its history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

RATE_LAG = timedelta(days=7)  # a request counts once it is this old: quick closures settle first
GLOBAL_PRIOR_WEIGHT = 1000.0  # pseudo-requests at the default rate, for short histories
RATE_SMOOTHING = 20.0  # pseudo-requests pulling a category's rate towards its parent's


def smoothed_rate(levels: Iterable[tuple[int, int]], prior: float) -> float:
    """The duplicate share at the narrowest level, each level pulled towards the one above.

    `levels` runs from the widest (the whole city) to the narrowest, each as (duplicates,
    requests); the city is pulled towards `prior` with `GLOBAL_PRIOR_WEIGHT`, every narrower
    level towards its parent with `RATE_SMOOTHING`.
    """
    rate, weight = prior, GLOBAL_PRIOR_WEIGHT
    for duplicates, requests in levels:
        rate = (duplicates + weight * rate) / (requests + weight)
        weight = RATE_SMOOTHING
    return rate
