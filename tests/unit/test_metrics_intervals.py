"""Percentiles as percentile_cont computes them, Wilson's interval, and quantile intervals."""

from __future__ import annotations

import itertools
import math
import random
import statistics
from fractions import Fraction

import pytest

from operator_console.domain.metrics import (
    Interval,
    percentile,
    quantile_interval,
    wilson_interval,
)


def test_percentiles_interpolate_linearly_between_ranks_as_percentile_cont_does() -> None:
    values = [1.0, 2.0, 4.0, 8.0]
    assert percentile(values, 0.5) == 3.0
    assert percentile(values, 0.9) == pytest.approx(4.0 + 0.7 * 4.0)
    assert percentile(values, 0.0) == 1.0 and percentile(values, 1.0) == 8.0
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([], 0.5) is None
    drawn = sorted(random.Random(7).expovariate(1 / 600) for _ in range(1001))
    deciles = statistics.quantiles(drawn, n=10, method="inclusive")
    assert percentile(drawn, 0.5) == pytest.approx(deciles[4])
    assert percentile(drawn, 0.9) == pytest.approx(deciles[8])
    with pytest.raises(ValueError, match="from 0 to 1"):
        percentile(values, 90)


def test_wilson_interval_matches_the_published_values() -> None:
    # Newcombe (1998), table I: 81 of 263 gives 0.2553 to 0.3662; 15 of 148, 0.0624 to 0.1605.
    first = wilson_interval(81, 263)
    assert first is not None
    assert (first.low, first.high) == pytest.approx((0.2553, 0.3662), abs=5e-5)
    second = wilson_interval(15, 148)
    assert second is not None
    assert (second.low, second.high) == pytest.approx((0.0624, 0.1605), abs=5e-5)
    none = wilson_interval(0, 10)
    assert none is not None and none.low == 0.0 and none.high == pytest.approx(0.2775, abs=5e-5)
    assert wilson_interval(0, 0) is None
    with pytest.raises(ValueError, match="11 successes out of 10"):
        wilson_interval(11, 10)


def test_a_median_interval_is_the_sign_tests_order_statistics() -> None:
    # n = 10: the 2nd and 9th values (1-based), 97.9 % coverage, as binomial tables give.
    values = [float(v) for v in range(1, 11)]
    assert quantile_interval(values, 0.5) == Interval(2.0, 9.0)
    # n = 6 is the smallest sample whose extremes cover the median at 95 % (96.9 %).
    assert quantile_interval(values[:6], 0.5) == Interval(1.0, 6.0)
    assert quantile_interval(values[:5], 0.5) is None
    assert quantile_interval([], 0.5) is None


def test_the_quantile_interval_covers_the_true_median_about_95_times_in_100() -> None:
    generator = random.Random(15)
    true_median = math.log(2) * 100
    for size in (40, 1500):
        covered = 0
        for _ in range(300):
            sample = sorted(generator.expovariate(1 / 100) for _ in range(size))
            interval = quantile_interval(sample, 0.5)
            assert interval is not None
            covered += not interval.excludes(true_median)
        assert 0.92 <= covered / 300 <= 0.995, (size, covered)


def test_an_interval_excludes_what_lies_outside_it_only() -> None:
    interval = Interval(1.0, 2.0)
    assert interval.excludes(0.5) and interval.excludes(2.5)
    assert not interval.excludes(1.0) and not interval.excludes(2.0)


def _ranks_in_exact_fractions(n: int, fraction: Fraction) -> tuple[int, int]:
    cumulative = list(
        itertools.accumulate(
            math.comb(n, count) * fraction**count * (1 - fraction) ** (n - count)
            for count in range(n + 1)
        )
    )
    tail = Fraction(1, 40)
    low = max(j for j in range(n) if cumulative[j] <= tail)
    high = min(k for k in range(n) if 1 - cumulative[k] <= tail)
    return low, high


@pytest.mark.parametrize("n", [57, 400, 999, 1000])
@pytest.mark.parametrize("fraction", [Fraction(1, 2), Fraction(9, 10)])
def test_the_exact_ranks_are_the_binomials_in_exact_fractions(n: int, fraction: Fraction) -> None:
    values = [float(v) for v in range(n)]
    low, high = _ranks_in_exact_fractions(n, fraction)
    assert quantile_interval(values, float(fraction)) == Interval(float(low), float(high))
