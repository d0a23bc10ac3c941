"""Where the console's own files are: a folder of `resources/`, in a checkout or installed."""

from __future__ import annotations

import os
import site
import sys
from pathlib import Path

# src/operator_console/services/resources.py -> the repository root
_CHECKOUT = Path(__file__).resolve().parents[3] / "resources"
_INSTALLED = Path("share", "operator-console")


def resource_dir(name: str, marker: Path, variable: str) -> Path:
    """The folder `name` of `resources/`, the first that holds `marker`: $`variable` when it is
    set, else the source checkout, the installed copy (`share/operator-console/<name>` under
    the environment or the user's base), or a PyInstaller bundle.

    Raises FileNotFoundError naming `marker` and every place looked in.
    """
    candidates = []
    explicit = os.environ.get(variable)
    if explicit:
        candidates.append(Path(explicit))
    candidates.append(_CHECKOUT / name)
    candidates.append(Path(sys.prefix) / _INSTALLED / name)
    candidates.append(Path(site.getuserbase()) / _INSTALLED / name)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources" / name)
    for candidate in candidates:
        if (candidate / marker).is_file():
            return candidate
    looked = ", ".join(str(candidate) for candidate in candidates)
    raise FileNotFoundError(f"looked for {marker} in: {looked}")
