"""The errors a GeoReport v2 client is given: an HTTP code and a description each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One entry of the spec's error list."""

    code: int
    description: str


class Open311Error(Exception):
    """The request cannot be answered as asked; `problems` say why, `status` is the HTTP code."""

    def __init__(self, status: int, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.status = status
        self.problems = tuple(Problem(status, problem) for problem in problems)


def bad_request(*problems: str) -> Open311Error:
    return Open311Error(400, problems)


def not_found(problem: str) -> Open311Error:
    return Open311Error(404, [problem])
