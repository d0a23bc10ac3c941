"""When a failed message is tried again, and when it is given up as undeliverable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff: `first` after the first failure, doubling up to `cap`; a message
    that failed `max_attempts` times is undeliverable."""

    first: timedelta = timedelta(seconds=30)
    cap: timedelta = timedelta(hours=1)
    max_attempts: int = 10

    def __post_init__(self) -> None:
        if self.first <= timedelta(0) or self.cap < self.first:
            raise ValueError("retries need a first delay above zero and a cap at least as long")
        if self.max_attempts < 1:
            raise ValueError("a message needs at least one attempt")

    def next_attempt_at(self, failed_attempts: int, now: datetime) -> datetime | None:
        """When to try again after `failed_attempts` failures (counting the one just made);
        None: give up."""
        if failed_attempts >= self.max_attempts:
            return None
        delay = self.first * (1 << min(max(failed_attempts - 1, 0), 30))
        return now + min(delay, self.cap)
