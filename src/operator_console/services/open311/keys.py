"""Client applications' API keys: made once, kept only as a hash, revoked by admins."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from operator_console.domain.permissions import Action, StaffIdentity, require

KEY_BYTES = 32
PREFIX_CHARS = 12
CHANNELS = ("app", "web", "open311")
MAX_NAME_CHARS = 80


class ClientKeyError(ValueError):
    """A client application cannot be added or revoked as asked; the message says why."""


@dataclass(frozen=True)
class ClientApplication:
    """A client application allowed to POST requests, as the key list shows it."""

    id: int
    name: str
    key_prefix: str
    channel: str
    per_minute: int
    created_at: datetime
    created_by: str
    revoked_at: datetime | None = None
    revoked_by: str | None = None


@dataclass(frozen=True)
class KeyHolder:
    """The client application a key belongs to, as the server checks it."""

    id: int
    name: str
    key_hash: str
    channel: str
    per_minute: int


@dataclass(frozen=True)
class NewClient:
    """What `add_client` stores; the key itself is never stored."""

    name: str
    key_prefix: str
    key_hash: str
    channel: str
    per_minute: int
    created_at: datetime
    created_by: str


class ClientStore(Protocol):
    """Where client applications are kept (admins write it)."""

    def add(self, client: NewClient) -> ClientApplication: ...

    def revoke(self, name: str, at: datetime, by: str) -> ClientApplication | None: ...

    def list(self) -> Sequence[ClientApplication]: ...


def key_hash(key: str) -> str:
    """The SHA-256, in hex, that is kept of a key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def key_prefix(key: str) -> str:
    """The first characters of a key, which find its client without the whole key."""
    return key[:PREFIX_CHARS]


def new_key() -> str:
    """A random key of 32 bytes, in hex."""
    return secrets.token_bytes(KEY_BYTES).hex()


def matches(holder: KeyHolder, key: str) -> bool:
    """True when `key` is the one whose hash the holder keeps."""
    return hmac.compare_digest(holder.key_hash, key_hash(key))


def add_client(
    store: ClientStore,
    staff: StaffIdentity,
    name: str,
    per_minute: int,
    channel: str,
    now: datetime,
) -> tuple[ClientApplication, str]:
    """Add a client application and make its key: the key is returned here, and only here.

    Raises `NotPermittedError` for anyone but an admin, `ClientKeyError` for a blank or long
    name, a limit below 1 or an unknown channel."""
    require(staff, Action.CONFIGURE)
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS or not name.isprintable():
        raise ClientKeyError(
            f"A client application's name is 1 to {MAX_NAME_CHARS} printable characters, "
            f"not {name!r}."
        )
    if per_minute < 1:
        raise ClientKeyError(f"The limit is at least 1 request a minute, not {per_minute}.")
    if channel not in CHANNELS:
        raise ClientKeyError(f"The channel is one of {', '.join(CHANNELS)}, not {channel!r}.")
    key = new_key()
    client = NewClient(name, key_prefix(key), key_hash(key), channel, per_minute, now, staff.login)
    return store.add(client), key


def revoke_client(
    store: ClientStore, staff: StaffIdentity, name: str, now: datetime
) -> ClientApplication:
    """Revoke the key of the client application `name`; its requests stay filed.

    Raises `NotPermittedError` for anyone but an admin, `ClientKeyError` for a name no active
    client has."""
    require(staff, Action.CONFIGURE)
    revoked = store.revoke(name, now, staff.login)
    if revoked is None:
        raise ClientKeyError(f"No client application named {name!r} has a key to revoke.")
    return revoked


def list_clients(store: ClientStore, staff: StaffIdentity) -> Sequence[ClientApplication]:
    """Every client application, revoked ones too (admins only)."""
    require(staff, Action.CONFIGURE)
    return store.list()
