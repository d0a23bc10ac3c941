"""The Linux bundle of packaging/build.sh, unpacked on a clean HOME, shows every screen."""

from __future__ import annotations

import os
import subprocess
import tarfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
BUILD_ENV = "OPERATOR_CONSOLE_BUILD_BUNDLE"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
TARBALL = DIST / f"operator-console-{VERSION}-linux-x86_64.tar.gz"
DEB = DIST / f"operator-console_{VERSION}_amd64.deb"
# Screens the demo city's console (embedded database, no sign-in) always has; it writes a PNG
# for each screen it has, and every one of them is checked.
SCREENS = ["case", "intake", "intake-read-back", "messages", "queues", "requests", "search"]
SCREENS += ["status-call", "triage", "worklists"]


@dataclass(frozen=True)
class Bundle:
    commit: str
    commit_time: int
    executable: Path


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def _built_from(commit: str) -> bool:
    stamp = DIST / "COMMIT"
    return (
        TARBALL.is_file()
        and DEB.is_file()
        and stamp.is_file()
        and stamp.read_text().strip() == commit
    )


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundle]:
    """The tarball of this commit, unpacked: dist/ when it was built from HEAD, else built now
    (about 6 minutes on two cores) when $OPERATOR_CONSOLE_BUILD_BUNDLE is 1."""
    commit = _git("rev-parse", "HEAD").strip()
    if not _built_from(commit):
        if os.environ.get(BUILD_ENV) != "1":
            pytest.skip(f"dist/ is not from {commit[:10]}: sh packaging/build.sh, or {BUILD_ENV}=1")
        subprocess.run(["sh", "packaging/build.sh"], cwd=ROOT, check=True, timeout=1800)
    unpacked = tmp_path_factory.mktemp("bundle")
    with tarfile.open(TARBALL) as archive:
        archive.extractall(unpacked, filter="tar")
    commit_time = int(_git("log", "-1", "--format=%ct", commit).strip())
    yield Bundle(commit, commit_time, unpacked / f"operator-console-{VERSION}" / "operator-console")


def _clean_environment(home: Path) -> dict[str, str]:
    """Nothing of this machine's settings: a new HOME, no OPERATOR_CONSOLE_* or XDG_* paths, an
    empty machine-wide settings file instead of /etc/operator-console/settings.toml."""
    kept = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("OPERATOR_CONSOLE_", "XDG_", "PYTHON", "QT_"))
        and name not in ("VIRTUAL_ENV", "DISPLAY", "WAYLAND_DISPLAY")
    }
    home.mkdir(exist_ok=True)
    machine_settings = home / "machine-settings.toml"
    machine_settings.write_text("")
    kept.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    kept["OPERATOR_CONSOLE_MANAGED_SETTINGS"] = str(machine_settings)
    if os.geteuid() == 0:
        kept["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    return kept


def test_the_bundle_shows_every_screen_on_a_clean_home(bundle: Bundle, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    command = [str(bundle.executable), "--screenshot", str(shots)]
    result = subprocess.run(
        command,
        env=_clean_environment(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "not ready" not in result.stderr
    written = sorted(Path(line).name for line in result.stdout.split())
    assert len(set(written)) == len(written)
    assert {f"{screen}.png" for screen in SCREENS} <= set(written)
    for name in written:
        with Image.open(shots / name) as image:
            assert image.size == (1440, 900)
            colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
            assert len(colours) > 20, f"{name} looks blank"


def test_the_bundle_says_its_version(bundle: Bundle, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(bundle.executable), "--version"],
        env=_clean_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == f"operator-console {VERSION}"


def test_the_tarball_is_sorted_owned_by_root_and_dated_by_the_commit(bundle: Bundle) -> None:
    with tarfile.open(TARBALL) as archive:
        members = archive.getmembers()
    names = [member.name for member in members]
    assert names == sorted(names, key=lambda name: name.split("/"))
    assert {(member.uid, member.gid, member.uname, member.gname) for member in members} == {
        (0, 0, "", "")
    }
    assert {member.mtime for member in members} == {bundle.commit_time}
    top = f"operator-console-{VERSION}/"
    assert f"{top}_internal/resources/demo_city/city.toml" in names
    assert f"{top}COMMIT" in names


def test_the_package_installs_to_opt_with_a_command_a_menu_entry_and_an_icon(
    bundle: Bundle,
) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(DEB)], capture_output=True, text=True, check=True
    ).stdout
    paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    assert {
        "/opt/operator-console/operator-console",
        "/usr/bin/operator-console",
        "/usr/share/applications/operator-console.desktop",
        "/usr/share/icons/hicolor/scalable/apps/operator-console.svg",
    } <= paths
    assert "/usr/bin/operator-console -> /opt/operator-console/operator-console" in listing
    control = subprocess.run(
        ["dpkg-deb", "--field", str(DEB), "Version", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Version: {VERSION}" in control
    assert "libnss3" in control and "libxkbcommon-x11-0" in control
