"""A real SMTP server on loopback (aiosmtpd): records what it accepts, refuses on demand, and
can be stopped and started again on the same port."""

from __future__ import annotations

import socket
import ssl
import threading
from collections import Counter
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Handler:
    """Accepts every message unless a refusal is set (for everyone or one recipient)."""

    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.messages: list[Message] = []
        self.refusal: str | None = None
        self.refused_recipients: dict[str, str] = {}
        self.peers: list[object] = []

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        with self.lock:
            refusal = self.refused_recipients.get(address) or self.refusal
        if refusal is not None:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.original_content or envelope.content)
        with self.lock:
            self.messages.append(message)
            self.peers.append(session.peer)
            self.lock.notify_all()
        return "250 Message accepted for delivery"


class SmtpServer:
    """`start()`, `stop()`, `start()` again: the same address each time.

    With `certificate` (a PEM file holding the key and the certificate) it speaks TLS:
    `security` 'starttls' (and refuses mail before it) or 'tls' (implicit); with `login` it
    refuses mail from a client that has not signed in with it.
    """

    def __init__(
        self,
        security: str = "none",
        certificate: Path | None = None,
        login: tuple[str, str] | None = None,
    ) -> None:
        self.host = "127.0.0.1"
        self.port = free_port()
        self._handler = _Handler()
        self._controller: Controller | None = None
        self._security = security
        self._certificate = certificate
        self._login = login

    def start(self) -> SmtpServer:
        options: dict[str, Any] = {}
        if self._certificate is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(self._certificate)
            if self._security == "tls":
                options["ssl_context"] = context
            else:
                options.update(tls_context=context, require_starttls=True)
        if self._login is not None:
            options.update(authenticator=self._authenticate, auth_required=True)
        self._controller = Controller(self._handler, hostname=self.host, port=self.port, **options)
        self._controller.start()
        return self

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        given = (
            (data.login.decode(), data.password.decode())
            if isinstance(data, LoginPassword)
            else None
        )
        # handled=False: aiosmtpd answers a refusal 535 itself.
        return AuthResult(success=given is not None and given == self._login, handled=False)

    def connections(self) -> int:
        """How many connections delivered at least one message."""
        with self._handler.lock:
            return len(set(self._handler.peers))

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def refuse(self, reply: str | None) -> None:
        """Answer every RCPT with `reply` ("451 4.3.0 try later", "550 5.1.1 no such user");
        None: accept again."""
        with self._handler.lock:
            self._handler.refusal = reply

    def refuse_recipient(self, address: str, reply: str) -> None:
        with self._handler.lock:
            self._handler.refused_recipients[address] = reply

    @property
    def messages(self) -> list[Message]:
        with self._handler.lock:
            return list(self._handler.messages)

    def wait_for(self, count: int, timeout: float) -> bool:
        """Wait until `count` messages have arrived (False: they had not after `timeout` s)."""
        with self._handler.lock:
            return self._handler.lock.wait_for(
                lambda: len(self._handler.messages) >= count, timeout
            )

    def message_ids(self) -> Counter[str]:
        """How many times each Message-ID arrived."""
        return Counter(str(message["Message-ID"]) for message in self.messages)
