"""E-mail over SMTP: one connection per batch, a Message-ID built from the idempotency key."""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, parseaddr

from operator_console.services.notify.ports import (
    Delivery,
    PermanentFailure,
    TemporaryFailure,
)

SECURITY_MODES = ("starttls", "tls", "none")
_NOT_IN_MESSAGE_ID = re.compile(r"[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]")
REFERENCE_HEADER = "X-Operator-Console-Reference"


@dataclass(frozen=True)
class EmailSettings:
    """The city's mail server and the addresses its messages come from.

    Attributes:
        security: 'starttls' (upgrade a plain connection), 'tls' (implicit TLS, usually
            port 465) or 'none' (a relay on a trusted network).
        sender: the From header, e.g. "City of Boston 311 <no-reply@boston.gov>".
        reply_to: where a resident's answer goes; empty: no Reply-To.
    """

    host: str
    port: int
    sender: str
    security: str = "starttls"
    username: str = ""
    password: str = field(default="", repr=False)
    reply_to: str = ""
    timeout: float = 30.0

    @property
    def envelope_sender(self) -> str:
        return parseaddr(self.sender)[1]

    @property
    def domain(self) -> str:
        """The sender's mail domain: the right-hand side of every Message-ID."""
        return self.envelope_sender.rpartition("@")[2] or "localhost"


def build_message(delivery: Delivery, settings: EmailSettings) -> EmailMessage:
    """The e-mail for `delivery`: its stored subject and body, the city's From and Reply-To,
    `<idempotency-key@domain>` as Message-ID and the case reference in a header."""
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = delivery.recipient
    if settings.reply_to:
        message["Reply-To"] = settings.reply_to
    message["Subject"] = delivery.subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = message_id(delivery.idempotency_key, settings.domain)
    if delivery.reference:
        message[REFERENCE_HEADER] = delivery.reference
    if delivery.language:
        message["Content-Language"] = delivery.language
    message.set_content(delivery.body)
    return message


def message_id(idempotency_key: str, domain: str) -> str:
    """`<key@domain>`; a character a Message-ID may not hold left of the @ becomes '-'."""
    return f"<{_NOT_IN_MESSAGE_ID.sub('-', idempotency_key)}@{domain}>"


class EmailSender:
    """Sends through one SMTP connection, opened at the first message of a batch, kept for
    the rest and opened again after a failure; `close()` ends it."""

    def __init__(self, settings: EmailSettings, context: ssl.SSLContext | None = None) -> None:
        self._settings = settings
        self._context = context or ssl.create_default_context()
        self._smtp: smtplib.SMTP | None = None

    def send(self, delivery: Delivery) -> str:
        message = build_message(delivery, self._settings)
        try:
            smtp = self._connected()
            smtp.send_message(
                message,
                from_addr=self._settings.envelope_sender,
                to_addrs=[delivery.recipient],
            )
        except smtplib.SMTPRecipientsRefused as refused:
            code, words = refused.recipients.get(delivery.recipient, (0, b"refused"))
            raise _failure(code, f"the mail server refused {delivery.recipient}", words) from None
        except smtplib.SMTPDataError as refused:
            self._drop()
            raise _failure(
                refused.smtp_code, "the mail server refused the message", refused.smtp_error
            ) from None
        except smtplib.SMTPResponseException as refused:
            self._drop()
            # The server refused the connection, the login or the sender: not this message's
            # fault, so it is tried again once that is put right.
            raise TemporaryFailure(
                f"{self._where()} answered {refused.smtp_code} {_text(refused.smtp_error)}"
            ) from None
        except (smtplib.SMTPException, OSError) as lost:
            self._drop()
            raise TemporaryFailure(f"{self._where()} could not be reached: {lost}") from None
        return str(message["Message-ID"])

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()  # the server had gone already: nothing is left to end politely

    def _connected(self) -> smtplib.SMTP:
        if self._smtp is not None:
            return self._smtp
        settings = self._settings
        smtp: smtplib.SMTP
        if settings.security == "tls":
            smtp = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=self._context
            )
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        try:
            if settings.security == "starttls":
                smtp.starttls(context=self._context)
            if settings.username:
                smtp.login(settings.username, settings.password)
        except BaseException:
            smtp.close()
            raise
        self._smtp = smtp
        return smtp

    def _drop(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            smtp.close()

    def _where(self) -> str:
        return f"the mail server {self._settings.host}:{self._settings.port}"


def _text(words: bytes | str) -> str:
    return words.decode("utf-8", "replace") if isinstance(words, bytes) else words


def _failure(code: int, what: str, words: bytes | str) -> TemporaryFailure | PermanentFailure:
    """4xx: try again later; 5xx: never (the address or the message is refused)."""
    said = f"{what}: {code} {_text(words)}"
    return PermanentFailure(said) if 500 <= code < 600 else TemporaryFailure(said)
