"""Guard: the pinned PySide6 must survive many Python-side signal emits (6.12.0 on 3.11 did not)."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(bool)


def test_thousands_of_bool_emits_do_not_corrupt_refcounts() -> None:
    emitter = _Emitter()
    received: list[bool] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(5000):
        emitter.fired.emit(True)
    assert len(received) == 5000
    assert sys.getrefcount(True) >= before


def test_pinned_pyside_is_not_the_crashing_release_on_python_311() -> None:
    crashing = PySide6.__version__ == "6.12.0" and sys.version_info[:2] == (3, 11)
    assert not crashing, "PySide6 6.12.0 on Python 3.11 crashes after a few hundred emits"
