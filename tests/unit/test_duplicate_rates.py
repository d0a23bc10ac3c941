"""The live finder and the replay estimate a category's duplicate rate by one rule."""

from __future__ import annotations

import pytest

from operator_console.domain.duplicate_rates import GLOBAL_PRIOR_WEIGHT, smoothed_rate
from operator_console.services.duplicates.rules import DuplicateCounts, duplicate_rate
from operator_console.tools.dupe_replay import DuplicateRateTracker


def test_a_city_without_history_has_the_prior_rate() -> None:
    assert smoothed_rate([(0, 0)], 0.04) == pytest.approx(0.04)


def test_a_long_history_outweighs_the_prior() -> None:
    requests = int(GLOBAL_PRIOR_WEIGHT * 100)
    assert smoothed_rate([(requests // 10, requests)], 0.01) == pytest.approx(0.1, rel=0.01)


def test_the_live_finder_and_the_replay_agree() -> None:
    tracker = DuplicateRateTracker(prior_rate=0.03)
    for number in range(500):
        tracker.count_request("POTHOLE" if number % 5 else "GRAFFITI", "phone")
    for _ in range(60):
        tracker.count_duplicate("POTHOLE", "phone")
    city = DuplicateCounts(duplicates=60, requests=500)
    category = DuplicateCounts(duplicates=60, requests=400)
    replay_category_rate = smoothed_rate([(60, 500), (60, 400)], 0.03)
    assert duplicate_rate(category, city, 0.03) == pytest.approx(replay_category_rate)
    assert tracker.rate("POTHOLE", "phone") == pytest.approx(
        smoothed_rate([(60, 500), (60, 400), (60, 400)], 0.03)
    )
