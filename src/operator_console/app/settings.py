"""Where the console finds its database: command line, environment, settings file, or default."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from platformdirs import user_config_path, user_data_path

APP_NAME = "operator-console"
DATABASE_URL_ENV = "OPERATOR_CONSOLE_DATABASE_URL"
SETTINGS_FILE_ENV = "OPERATOR_CONSOLE_SETTINGS"
TLS_SETTINGS = ("sslmode", "sslrootcert", "sslcert", "sslkey")
"""libpq's TLS settings a settings file may give; the database URL's own query wins."""


class SettingsError(ValueError):
    """A settings file the console cannot read; the message names the file."""


@dataclass(frozen=True)
class Settings:
    """What the console needs to start.

    Attributes:
        database_url: the SQLAlchemy URL of the database.
        is_embedded_default: True when nobody chose a database (the demo SQLite file).
        staff_login: who is at the console, when known before start.
        tile_url: an XYZ tile URL template for the base map, or None for outlines only.
        source: where the database URL came from, for the status bar and messages.
    """

    database_url: str
    is_embedded_default: bool
    staff_login: str | None
    tile_url: str | None
    source: str


def settings_file() -> Path:
    """The settings file: `$OPERATOR_CONSOLE_SETTINGS` or `settings.toml` in the config dir."""
    explicit = os.environ.get(SETTINGS_FILE_ENV)
    if explicit:
        return Path(explicit)
    return user_config_path(APP_NAME, appauthor=False) / "settings.toml"


def default_database_path() -> Path:
    """The embedded SQLite file in the user's data directory."""
    return user_data_path(APP_NAME, appauthor=False) / "operator-console.sqlite3"


def drafts_directory(staff_login: str) -> Path:
    """Where a staff member's drafts and unsent calls are kept on this computer."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in staff_login) or "_"
    return user_data_path(APP_NAME, appauthor=False) / "drafts" / safe


def _read_file(path: Path, named: bool) -> dict[str, str]:
    if not path.exists():
        if named:  # a mistyped path must not fall back to the demo database
            raise SettingsError(f"{path}: no such settings file (named by {SETTINGS_FILE_ENV})")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not a valid TOML settings file ({exc})") from exc
    known = ("database_url", "staff_login", "tile_url", *TLS_SETTINGS)
    for key, value in data.items():
        if key not in known:
            raise SettingsError(f"{path}: unknown setting '{key}' (known: {', '.join(known)})")
        if not isinstance(value, str):
            raise SettingsError(f"{path}: '{key}' must be a string")
    if _carries_password(data.get("database_url", "")):
        raise SettingsError(
            f"{path}: database_url carries a password, and passwords do not belong in the "
            "settings file: leave it out and sign in when the console asks, or keep it in "
            "~/.pgpass"
        )
    return data


def _carries_password(url: str) -> bool:
    parts = urlsplit(url)
    return parts.password is not None or "password" in dict(parse_qsl(parts.query))


def _with_tls(url: str, from_file: dict[str, str]) -> str:
    """`url` with the file's TLS settings added where the URL's own query does not set them."""
    tls = {key: from_file[key] for key in TLS_SETTINGS if key in from_file}
    parts = urlsplit(url)
    if not tls or not parts.scheme.startswith("postgresql"):
        return url  # a SQLite file has no TLS
    query = dict(parse_qsl(parts.query))
    added = urlencode({key: value for key, value in tls.items() if key not in query})
    if not added:
        return url
    return parts._replace(query=f"{parts.query}&{added}" if parts.query else added).geturl()


def resolve(
    database_url: str | None = None,
    staff_login: str | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    """Combine the sources; the command line wins over the environment, which wins over the file."""
    env = os.environ if environ is None else environ
    path = settings_file()
    from_file = _read_file(path, named=bool(os.environ.get(SETTINGS_FILE_ENV)))
    tile_url = from_file.get("tile_url")
    login = staff_login or from_file.get("staff_login")
    chosen = [
        (database_url, "--database-url"),
        (env.get(DATABASE_URL_ENV), DATABASE_URL_ENV),
        (from_file.get("database_url"), str(path)),
    ]
    for url, source in chosen:
        if url:
            return Settings(_with_tls(url, from_file), False, login, tile_url, source)
    embedded = f"sqlite:///{default_database_path()}"
    return Settings(embedded, True, login, tile_url, "embedded default")
