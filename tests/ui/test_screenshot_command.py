"""End to end: `operator-console --screenshot DIR` renders every screen with real demo data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from operator_console.app.cli import main
from tests.support.city_bundles import write_small_bundle


# A dispatcher's queues have nothing at risk today: triage shows the first bucket with cases,
# and the case screen opens one of them, instead of waiting out the time limit on empty screens.
@pytest.mark.parametrize("staff", ["supervisor1", "dispatcher1"])
def test_screenshot_writes_a_png_per_screen(
    demo_sqlite_url: str, tmp_path: Path, staff: str
) -> None:
    shots = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    command = [sys.executable, "-m", "operator_console.app.cli", "--database-url"]
    command += [demo_sqlite_url, "--staff", staff, "--screenshot", str(shots)]
    command += ["--screenshot-size", "1280x720"]  # the smallest screen every screen fits
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    written = sorted(Path(line).name for line in result.stdout.split())
    screens = ["case", "intake-read-back", "intake", "messages", "queues", "requests", "search"]
    screens += ["status-call", "triage", "worklists"]
    if staff == "supervisor1":  # the dashboard is for supervisors and admins
        screens[1:1] = ["dashboard", "equity-map"]  # in the order of their file names
    assert written == [f"{screen}.png" for screen in screens]
    assert "not ready" not in result.stderr
    for name in written:
        image = QImage(str(shots / name))
        assert (image.width(), image.height()) == (1280, 720)
        colours = {image.pixel(x, y) for x in range(0, 1280, 37) for y in range(0, 720, 23)}
        assert len(colours) > 20, f"{name} looks blank"


def test_another_citys_screens_are_staged_from_its_own_data_and_leave_no_scratch_copy(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'city.sqlite3'}"
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    bundle = write_small_bundle(tmp_path / "bundle")
    assert main(["--database-url", url, "city", "load", str(bundle)]) == 0
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), TMPDIR=str(scratch))
    command = [sys.executable, "-m", "operator_console.app.cli", "--database-url", url]
    command += ["--staff", "admin1", "--screenshot", str(tmp_path / "shots")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    written = {Path(line).name for line in result.stdout.split()}
    assert {"intake.png", "intake-read-back.png", "admin-routing.png", "staff.png"} <= written
    assert "not ready" not in result.stderr
    assert not list(scratch.glob("oc-scratch-*"))


def test_an_unusable_database_fails_the_screenshot_run_with_one_line(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    url = f"postgresql://nobody@/nowhere?host={tmp_path}"
    command = [sys.executable, "-m", "operator_console.app.cli", "--database-url", url]
    command += ["--screenshot", str(tmp_path / "shots")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "operator-console: Cannot use the database" in result.stderr
    assert "Traceback" not in result.stderr
