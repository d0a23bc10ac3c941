"""The console's settings: command line, environment, the user's file, the machine's file."""

from __future__ import annotations

import logging
import os
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from platformdirs import user_config_path, user_data_path

APP_NAME = "operator-console"
DATABASE_URL_ENV = "OPERATOR_CONSOLE_DATABASE_URL"
LANGUAGE_ENV = "OPERATOR_CONSOLE_LANGUAGE"
SETTINGS_FILE_ENV = "OPERATOR_CONSOLE_SETTINGS"
MANAGED_SETTINGS_FILE_ENV = "OPERATOR_CONSOLE_MANAGED_SETTINGS"
TLS_SETTINGS = ("sslmode", "sslrootcert", "sslcert", "sslkey")
"""libpq's TLS settings a settings file may give; the database URL's own query wins."""
MANAGED_SETTINGS = ("database_url", "tile_url", "language", *TLS_SETTINGS)
"""What the machine-wide file may set, and lock (a staff login belongs to a person)."""
USER_SETTINGS = ("database_url", "staff_login", "tile_url", "language", *TLS_SETTINGS)
_LANGUAGE = re.compile(r"[a-z]{2,3}([_-][A-Z]{2})?")
_log = logging.getLogger(__name__)


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
        language: the console's language ("es", "en_US"), or None for the system's.
        locked: the settings the machine-wide file locks.
    """

    database_url: str
    is_embedded_default: bool
    staff_login: str | None
    tile_url: str | None
    source: str
    language: str | None = None
    locked: frozenset[str] = frozenset()


class _Chosen:
    """One setting's candidates in order of precedence, and where each came from."""

    def __init__(self) -> None:
        self.values: dict[str, tuple[str, str]] = {}

    def offer(self, key: str, value: str | None, source: str) -> None:
        if value and key not in self.values:
            self.values[key] = (value, source)

    def get(self, key: str) -> str | None:
        return self.values[key][0] if key in self.values else None


def settings_file() -> Path:
    """The settings file: `$OPERATOR_CONSOLE_SETTINGS` or `settings.toml` in the config dir."""
    explicit = os.environ.get(SETTINGS_FILE_ENV)
    if explicit:
        return Path(explicit)
    return user_config_path(APP_NAME, appauthor=False) / "settings.toml"


def managed_settings_file() -> Path:
    """The machine-wide settings file: `$OPERATOR_CONSOLE_MANAGED_SETTINGS`, else
    /etc/operator-console/settings.toml; on Windows %ProgramData%\\Operator Console\\settings.toml,
    on macOS /Library/Application Support/Operator Console/settings.toml."""
    explicit = os.environ.get(MANAGED_SETTINGS_FILE_ENV)
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA")
        return Path(program_data or "C:\\ProgramData", "Operator Console", "settings.toml")
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Operator Console/settings.toml")
    return Path("/etc/operator-console/settings.toml")


def default_database_path() -> Path:
    """The embedded SQLite file in the user's data directory."""
    return user_data_path(APP_NAME, appauthor=False) / "operator-console.sqlite3"


def drafts_directory(staff_login: str) -> Path:
    """Where a staff member's drafts and unsent calls are kept on this computer."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in staff_login) or "_"
    return user_data_path(APP_NAME, appauthor=False) / "drafts" / safe


def _load(path: Path, named_by: str | None) -> dict[str, object]:
    if not path.exists():
        if named_by:  # a mistyped path must not fall back to the demo database
            raise SettingsError(f"{path}: no such settings file (named by {named_by})")
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not a valid TOML settings file ({exc})") from exc
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the settings file ({exc})") from exc


def _read_file(path: Path, named_by: str | None) -> dict[str, str]:
    return _checked(path, _load(path, named_by), USER_SETTINGS)


def _read_managed_file(path: Path, named_by: str | None) -> tuple[dict[str, str], frozenset[str]]:
    """The machine-wide file's settings and the keys its `[locked] keys = [...]` locks."""
    data = _load(path, named_by)
    locked_table = data.pop("locked", {})
    if not isinstance(locked_table, dict) or set(locked_table) - {"keys"}:
        raise SettingsError(f'{path}: [locked] holds one list, keys = ["database_url", ...]')
    keys = locked_table.get("keys", [])
    if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
        raise SettingsError(f"{path}: [locked] keys must be a list of setting names")
    for key in keys:
        if key not in MANAGED_SETTINGS:
            known = ", ".join(MANAGED_SETTINGS)
            raise SettingsError(f"{path}: [locked] names unknown setting '{key}' (known: {known})")
    return _checked(path, data, MANAGED_SETTINGS), frozenset(keys)


def _checked(path: Path, data: dict[str, object], known: tuple[str, ...]) -> dict[str, str]:
    strings: dict[str, str] = {}
    for key, value in data.items():
        if key not in known:
            raise SettingsError(f"{path}: unknown setting '{key}' (known: {', '.join(known)})")
        if not isinstance(value, str):
            raise SettingsError(f"{path}: '{key}' must be a string")
        strings[key] = value
    _check_language(strings.get("language"), f"{path}: language")
    if _carries_password(strings.get("database_url", "")):
        raise SettingsError(
            f"{path}: database_url carries a password, and passwords do not belong in the "
            "settings file: leave it out and sign in when the console asks, or keep it in "
            "~/.pgpass"
        )
    return strings


def _check_language(language: str | None, where: str) -> None:
    if language and not _LANGUAGE.fullmatch(language):
        raise SettingsError(f'{where}: "{language}" is not a language like "es" or "en_US"')


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
    *,
    language: str | None = None,
    override_locks: bool = False,
) -> Settings:
    """Combine the sources: the command line wins over the environment, which wins over the
    user's file, which wins over the machine-wide file; a key the machine-wide file locks comes
    from that file alone (the command line may still give it with `override_locks`, for an
    administrator's maintenance; without it, a locked key on the command line is an error)."""
    env = os.environ if environ is None else environ
    user_path = settings_file()
    from_user = _read_file(
        user_path, SETTINGS_FILE_ENV if os.environ.get(SETTINGS_FILE_ENV) else None
    )
    managed_path = managed_settings_file()
    named_managed = MANAGED_SETTINGS_FILE_ENV if os.environ.get(MANAGED_SETTINGS_FILE_ENV) else None
    from_managed, locked = _read_managed_file(managed_path, named_managed)
    _check_language(language, "--language")
    _check_language(env.get(LANGUAGE_ENV), LANGUAGE_ENV)
    command_line = {
        "database_url": (database_url, "--database-url"),
        "language": (language, "--language"),
    }
    for key, (value, flag) in command_line.items():
        if value and key in locked and not override_locks:
            raise SettingsError(
                f"{flag}: {key} is locked by {managed_path}; an administrator may pass "
                "--override-locked-settings to use another for this run"
            )
    chosen = _Chosen()
    for key, (value, flag) in command_line.items():
        chosen.offer(key, value, flag)
    environment = {"database_url": DATABASE_URL_ENV, "language": LANGUAGE_ENV}
    for key, variable in environment.items():
        if env.get(variable) and key in locked:
            _log.warning("%s is ignored: %s is locked by %s", variable, key, managed_path)
        elif key not in locked:
            chosen.offer(key, env.get(variable), variable)
    for key, value in from_user.items():
        if key in locked:
            _log.warning("%s: %s is ignored: it is locked by %s", user_path, key, managed_path)
        else:
            chosen.offer(key, value, str(user_path))
    for key, value in from_managed.items():
        chosen.offer(key, value, str(managed_path))
    tls_source = from_managed if "database_url" in locked else {**from_managed, **from_user}
    url_and_source = chosen.values.get("database_url")
    if url_and_source is None:
        if "database_url" in locked:
            raise SettingsError(f"{managed_path}: database_url is locked but not given")
        embedded = f"sqlite:///{default_database_path()}"
        url_and_source = (embedded, "embedded default")
    url, source = url_and_source
    return Settings(
        database_url=_with_tls(url, tls_source) if source != "embedded default" else url,
        is_embedded_default=source == "embedded default",
        staff_login=staff_login or from_user.get("staff_login"),
        tile_url=chosen.get("tile_url"),
        source=source,
        language=chosen.get("language"),
        locked=locked,
    )
