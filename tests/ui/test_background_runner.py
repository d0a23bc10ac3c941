"""The background runner: the newest task per owner and key wins, and the older one is cancelled."""

from __future__ import annotations

import functools
import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from operator_console.services.cancellation import current
from operator_console.ui.common.background import BackgroundRunner


def _blocking_until_cancelled(seen: list[str], started: threading.Event) -> str:
    token = current()
    assert token is not None
    started.set()
    seen.append("cancelled" if token.wait(10) else "ran to the end")
    return "old"


def test_a_newer_task_cancels_the_running_one(qtbot: QtBot, runner: BackgroundRunner) -> None:
    owner = QObject()
    seen: list[str] = []
    started = threading.Event()
    delivered: list[str] = []
    runner.submit_latest(
        "search", lambda: _blocking_until_cancelled(seen, started), delivered.append, print, owner
    )
    assert started.wait(10)
    runner.submit_latest("search", lambda: "new", delivered.append, print, owner)
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert seen == ["cancelled"]
    assert delivered == ["new"]


def test_the_same_key_of_two_owners_does_not_collide(
    qtbot: QtBot, runner: BackgroundRunner
) -> None:
    first, second = QObject(), QObject()
    delivered: list[str] = []
    release = threading.Event()

    def slow() -> str:
        release.wait(10)
        return "first"

    runner.submit_latest("counts", slow, delivered.append, print, first)
    runner.submit_latest("counts", lambda: "second", delivered.append, print, second)
    qtbot.waitUntil(lambda: delivered == ["second"])
    release.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert sorted(delivered) == ["first", "second"]


def test_a_lane_runs_its_tasks_one_at_a_time_in_order_and_finishes_them_at_shutdown(
    qtbot: QtBot,
) -> None:
    runner = BackgroundRunner()
    release = threading.Event()
    done: list[int] = []

    def write(number: int) -> None:
        if number == 0:
            release.wait(10)  # the first is slow: the others must wait for it
        done.append(number)

    answers: list[object] = []
    for number in range(5):
        runner.submit_in_order("journal", lambda n=number: write(n), answers.append, print)
    runner.submit(lambda: "other", answers.append, print)  # the other workers are not held up
    qtbot.waitUntil(lambda: answers == ["other"])
    assert done == []
    release.set()
    runner.shutdown()
    assert done == [0, 1, 2, 3, 4]


class _Freed:
    """Records the thread that drops the last reference to it."""

    def __init__(self, threads: list[str]) -> None:
        self._threads = threads

    def __del__(self) -> None:
        self._threads.append(threading.current_thread().name)

    def value(self) -> str:
        return "done"


def _value_after(gate: threading.Event, held: _Freed) -> str:
    gate.wait(10)
    return held.value()


def test_what_a_task_closes_over_is_released_on_the_qt_thread(
    qtbot: QtBot, runner: BackgroundRunner
) -> None:
    threads: list[str] = []
    delivered: list[str] = []
    gate = threading.Event()

    work = functools.partial(_value_after, gate, _Freed(threads))  # a widget's, in real use
    runner.submit(work, delivered.append, print)
    del work  # from here only the runner holds it
    gate.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert delivered == ["done"]
    assert threads == [threading.main_thread().name]
