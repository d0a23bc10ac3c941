"""The set-up script installs a colour emoji font where the computer has none."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

BOOTSTRAP = Path(__file__).parents[2] / "packaging" / "bootstrap.sh"
NOTHING_INSTALLED = "#!/bin/sh\nexit 1\n"  # dpkg -s: not installed
NO_FONTS = "#!/bin/sh\nexit 0\n"  # fc-list: lists no font
INSTALLER = '#!/bin/sh\necho "$0 $*" >>"$(dirname "$0")/installed"\n'  # apt-get, sudo: noted


def _missing_packages(tmp_path: Path, **commands: str) -> str:
    """What `bootstrap.sh packages` lists on a Debian machine whose dpkg and fontconfig are
    `commands`; apt-get only notes what it was asked, so nothing is ever installed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in {"apt-get": INSTALLER, "sudo": INSTALLER, **commands}.items():
        path = bin_dir / name
        path.write_text(script)
        path.chmod(0o755)
    environment = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "PYTHON": "false",  # never builds an environment
        "OPERATOR_CONSOLE_VENV": str(tmp_path / "venv"),
    }
    done = subprocess.run(
        ["sh", str(BOOTSTRAP), "packages"], capture_output=True, text=True, env=environment
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (bin_dir / "installed").exists()
    return done.stdout


def test_a_computer_without_a_colour_emoji_font_gets_noto(tmp_path: Path) -> None:
    missing = _missing_packages(tmp_path, dpkg=NOTHING_INSTALLED, **{"fc-list": NO_FONTS})
    assert "fonts-noto-color-emoji" in missing.split()
    assert "fonts-dejavu-core" in missing.split()


def test_a_computer_with_one_keeps_its_own(tmp_path: Path) -> None:
    twemoji = "#!/bin/sh\necho Twemoji\n"  # a colour emoji font other than Noto
    missing = _missing_packages(tmp_path, dpkg=NOTHING_INSTALLED, **{"fc-list": twemoji})
    assert "fonts-noto-color-emoji" not in missing.split()
    assert "fonts-dejavu-core" in missing.split()
