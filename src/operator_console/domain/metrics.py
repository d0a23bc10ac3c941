"""The statistics behind the 311 metrics: percentiles, and intervals for shares and quantiles."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

# The two-sided 95 % normal quantile.
Z_95 = 1.959963984540054
# Up to this many values a quantile's interval uses the exact binomial distribution.
EXACT_BINOMIAL_LIMIT = 1000


@dataclass(frozen=True)
class Interval:
    """A 95 % confidence interval, both ends included."""

    low: float
    high: float

    def excludes(self, value: float) -> bool:
        return value < self.low or value > self.high


def percentile(ordered: Sequence[float], fraction: float) -> float | None:
    """The `fraction` quantile of values sorted ascending, by linear interpolation between the
    two nearest ranks (PostgreSQL's percentile_cont, numpy's default); None without values."""
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"a percentile's fraction is from 0 to 1, not {fraction}")
    if not ordered:
        return None
    position = fraction * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    weight = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * weight


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> Interval | None:
    """Wilson's score interval for the share successes/trials; None without trials."""
    if trials <= 0:
        return None
    if not 0 <= successes <= trials:
        raise ValueError(f"{successes} successes out of {trials} trials")
    share = successes / trials
    z2 = z * z
    centre = share + z2 / (2 * trials)
    spread = z * math.sqrt(share * (1 - share) / trials + z2 / (4 * trials * trials))
    denominator = 1 + z2 / trials
    return Interval(
        max(0.0, (centre - spread) / denominator), min(1.0, (centre + spread) / denominator)
    )


def quantile_interval(ordered: Sequence[float], fraction: float) -> Interval | None:
    """A distribution-free interval for the `fraction` quantile of values sorted ascending:
    the order statistics whose ranks bound the binomial(n, fraction) count of values below the
    quantile at 2.5 % on each side (the sign test's interval for a median). Exact up to
    EXACT_BINOMIAL_LIMIT values, the normal approximation above; None when n is too small for
    any interval to reach 95 % (fewer than 6 values for a median)."""
    n = len(ordered)
    if n == 0:
        return None
    ranks = _exact_ranks(n, fraction) if n <= EXACT_BINOMIAL_LIMIT else _normal_ranks(n, fraction)
    if ranks is None:
        return None
    low, high = ranks
    return Interval(ordered[low], ordered[high])


@functools.lru_cache(maxsize=4096)
def _exact_ranks(n: int, fraction: float) -> tuple[int, int] | None:
    """0-based ranks (j, k) with P(j < B + 1 <= k) >= 95 %, B ~ binomial(n, fraction), chosen
    with at most 2.5 % left out on each side. They depend on n and the fraction alone, so each
    pair is computed once."""
    total = 0.0
    low = high = None
    for count, probability in enumerate(_binomial_probabilities(n, fraction)):
        total += probability
        # P(B < j + 1) must stay at or below 2.5 %: the largest such j.
        if total <= 0.025:
            low = count
        # P(B >= k + 1) at or below 2.5 %: the smallest such k.
        if high is None and 1 - total <= 0.025 and count < n:
            high = count
    if low is None or high is None:
        return None
    return low, high


def _binomial_probabilities(n: int, fraction: float) -> list[float]:
    """P(B = count) for count 0..n, B ~ binomial(n, fraction), from logarithms (no huge
    integers, no underflow of fraction**n)."""
    if fraction <= 0.0 or fraction >= 1.0:
        certain = 0 if fraction <= 0.0 else n
        return [1.0 if count == certain else 0.0 for count in range(n + 1)]
    log_p, log_q, log_n = math.log(fraction), math.log1p(-fraction), math.lgamma(n + 1)
    return [
        math.exp(
            log_n
            - math.lgamma(count + 1)
            - math.lgamma(n - count + 1)
            + count * log_p
            + (n - count) * log_q
        )
        for count in range(n + 1)
    ]


def _normal_ranks(n: int, fraction: float) -> tuple[int, int]:
    spread = Z_95 * math.sqrt(n * fraction * (1 - fraction))
    low = max(0, math.floor(n * fraction - spread) - 1)
    high = min(n - 1, math.ceil(n * fraction + spread))
    return low, high
