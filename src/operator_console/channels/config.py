"""notify.toml: the mail server, the SMS account and the retry policy, checked key by key."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from operator_console.channels.email import SECURITY_MODES, EmailSender, EmailSettings
from operator_console.channels.hold import HoldSender
from operator_console.channels.sms import PROVIDERS, TWILIO_BASE_URL, SmsSettings, TwilioSender
from operator_console.services.notify.ports import Sender
from operator_console.services.notify.retry import RetryPolicy

_EMAIL_KEYS = ("host", "port", "security", "username", "password_env", "from", "reply_to")
_SMS_KEYS = ("provider", "base_url", "account_sid", "token_env", "from")
_RETRY_KEYS = ("first_seconds", "cap_seconds", "max_attempts")


class NotifyConfigError(ValueError):
    """A notify.toml the notifier cannot use; the message names the file and the key."""


@dataclass(frozen=True)
class NotifyConfig:
    """How messages are delivered; a channel without settings has its messages held."""

    email: EmailSettings | None = None
    sms: SmsSettings | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    source: Path | None = None

    def senders(self) -> dict[str, Sender]:
        """One sender per channel: the configured one, else one that holds the messages."""
        if self.source is None:
            held = "no delivery is configured (the notifier runs without --config)"
            return {"email": HoldSender(held), "sms": HoldSender(held)}
        senders: dict[str, Sender] = {
            "email": HoldSender(f"no e-mail delivery is configured ([email] in {self.source})"),
            "sms": HoldSender(f"no SMS delivery is configured ([sms] in {self.source})"),
        }
        if self.email is not None:
            senders["email"] = EmailSender(self.email)
        if self.sms is not None:
            senders["sms"] = TwilioSender(self.sms)
        return senders


def load_config(path: Path, environ: Mapping[str, str]) -> NotifyConfig:
    """Read `path`; secrets come from the environment variables it names."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise NotifyConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise NotifyConfigError(f"{path}: not valid TOML: {exc}") from None
    unknown = sorted(set(document) - {"email", "sms", "retry"})
    if unknown:
        raise NotifyConfigError(f"{path}: unknown section [{unknown[0]}] (email, sms, retry)")
    email = _Section(path, "email", document, _EMAIL_KEYS, environ)
    sms = _Section(path, "sms", document, _SMS_KEYS, environ)
    retry = _Section(path, "retry", document, _RETRY_KEYS, environ)
    return NotifyConfig(
        email=_email(email) if email.present else None,
        sms=_sms(sms) if sms.present else None,
        retry=_retry(retry),
        source=path,
    )


class _Section:
    """One table of the file; every problem is raised naming `file: [section] key`."""

    def __init__(
        self,
        path: Path,
        name: str,
        document: Mapping[str, object],
        keys: tuple[str, ...],
        environ: Mapping[str, str],
    ) -> None:
        self._where = f"{path}: [{name}]"
        self._environ = environ
        table = document.get(name, {})
        if not isinstance(table, dict):
            raise NotifyConfigError(f"{self._where} must be a table")
        self.present = name in document
        self._table: dict[str, object] = table
        unknown = sorted(set(table) - set(keys))
        if unknown:
            raise NotifyConfigError(f"{self._where} {unknown[0]}: unknown key ({', '.join(keys)})")

    def problem(self, key: str, what: str) -> NotifyConfigError:
        return NotifyConfigError(f"{self._where} {key}: {what}")

    def text(self, key: str, default: str | None = None) -> str:
        value = self._table.get(key, default)
        if value is None:
            raise self.problem(key, "missing")
        if not isinstance(value, str):
            raise self.problem(key, f"must be a string, not {value!r}")
        if not value.strip() and default is None:
            raise self.problem(key, "is empty")
        return value.strip()

    def number(self, key: str, default: int, low: int, high: int) -> int:
        value = self._table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.problem(key, f"must be a whole number from {low} to {high}, not {value!r}")
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.text(key, default)
        if value not in choices:
            raise self.problem(key, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def secret(self, key: str, required: bool) -> str:
        """The value of the environment variable the key names ("" when optional and absent)."""
        if key not in self._table and not required:
            return ""
        variable = self.text(key)
        value = self._environ.get(variable)
        if not value:
            raise self.problem(key, f"the environment variable {variable} is not set")
        return value


def _email(section: _Section) -> EmailSettings:
    security = section.choice("security", SECURITY_MODES, "starttls")
    default_port = {"starttls": 587, "tls": 465, "none": 25}[security]
    sender = section.text("from")
    if "@" not in sender:
        raise section.problem("from", f"{sender!r} is not an e-mail address")
    username = section.text("username", "")
    password = section.secret("password_env", required=bool(username))
    return EmailSettings(
        host=section.text("host"),
        port=section.number("port", default_port, 1, 65535),
        sender=sender,
        security=security,
        username=username,
        password=password,
        reply_to=section.text("reply_to", ""),
    )


def _sms(section: _Section) -> SmsSettings:
    section.choice("provider", PROVIDERS, "twilio")
    base_url = section.text("base_url", TWILIO_BASE_URL)
    if not base_url.startswith(("https://", "http://")):
        raise section.problem("base_url", f"{base_url!r} is not an http(s) address")
    return SmsSettings(
        account_sid=section.text("account_sid"),
        token=section.secret("token_env", required=True),
        sender=section.text("from"),
        base_url=base_url,
    )


def _retry(section: _Section) -> RetryPolicy:
    first = section.number("first_seconds", 30, 1, 86400)
    cap = section.number("cap_seconds", 3600, 1, 7 * 86400)
    if cap < first:
        raise section.problem("cap_seconds", f"{cap} is shorter than first_seconds ({first})")
    return RetryPolicy(
        timedelta(seconds=first),
        timedelta(seconds=cap),
        section.number("max_attempts", 10, 1, 1000),
    )
