"""The console's own folders (the demo city, the map's assets) are found one way."""

from __future__ import annotations

from pathlib import Path

import pytest

from operator_console.services.resources import resource_dir

CHECKOUT = Path(__file__).resolve().parents[2] / "resources"


def test_the_checkout_holds_the_map_assets_and_the_demo_city(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPERATOR_CONSOLE_TEST_DIR", raising=False)
    found = resource_dir("map", Path("leaflet", "leaflet.js"), "OPERATOR_CONSOLE_TEST_DIR")
    assert found == CHECKOUT / "map"
    assert resource_dir("demo_city", Path("city.toml"), "OPERATOR_CONSOLE_TEST_DIR") == (
        CHECKOUT / "demo_city"
    )


def test_the_variable_comes_first_and_a_missing_folder_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "marker.txt").write_text("")
    monkeypatch.setenv("OPERATOR_CONSOLE_TEST_DIR", str(tmp_path))
    assert resource_dir("nowhere", Path("marker.txt"), "OPERATOR_CONSOLE_TEST_DIR") == tmp_path
    monkeypatch.delenv("OPERATOR_CONSOLE_TEST_DIR")
    with pytest.raises(FileNotFoundError, match=r"looked for marker.txt in: .*nowhere"):
        resource_dir("nowhere", Path("marker.txt"), "OPERATOR_CONSOLE_TEST_DIR")
