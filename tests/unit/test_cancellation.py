"""The cancellation token: interrupts what is armed, refuses to start after cancel."""

from __future__ import annotations

import pytest

from operator_console.services.cancellation import (
    Cancellation,
    WorkCancelledError,
    current,
    running_under,
)


def test_cancel_interrupts_each_armed_statement_once() -> None:
    token = Cancellation()
    calls: list[str] = []
    token.arm(lambda: calls.append("first"))
    disarm = token.arm(lambda: calls.append("second"))
    disarm()
    token.cancel()
    token.cancel()
    assert calls == ["first"]
    assert token.cancelled


def test_nothing_starts_under_a_cancelled_token() -> None:
    token = Cancellation()
    token.cancel()
    with pytest.raises(WorkCancelledError):
        token.arm(lambda: None)


def test_the_token_is_current_only_inside_running_under() -> None:
    token = Cancellation()
    assert current() is None
    with running_under(token):
        assert current() is token
    assert current() is None


def test_a_failing_interrupt_does_not_stop_the_others(caplog: pytest.LogCaptureFixture) -> None:
    token = Cancellation()
    reached: list[bool] = []

    def broken() -> None:
        raise RuntimeError("connection already closed")

    token.arm(broken)
    token.arm(lambda: reached.append(True))
    token.cancel()
    assert reached == [True]
    assert "Could not interrupt" in caplog.text


def test_work_that_is_over_is_never_interrupted() -> None:
    token = Cancellation()
    calls: list[str] = []
    with running_under(token):
        token.arm(lambda: calls.append("a connection now serving other work"))
    token.cancel()
    assert calls == []
