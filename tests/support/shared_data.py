"""Where the real city data lives: `../shared/data` beside the project checkout."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(
    os.environ.get("OPERATOR_CONSOLE_SHARED_DATA", PROJECT_ROOT.parent / "shared" / "data")
)
