"""A real SMTP server on loopback (aiosmtpd): records what it accepts, refuses on demand, and
can be stopped and started again on the same port."""

from __future__ import annotations

import socket
import threading
from collections import Counter
from email import message_from_bytes
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller


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
            self.lock.notify_all()
        return "250 Message accepted for delivery"


class SmtpServer:
    """`start()`, `stop()`, `start()` again: the same address each time."""

    def __init__(self) -> None:
        self.host = "127.0.0.1"
        self.port = free_port()
        self._handler = _Handler()
        self._controller: Controller | None = None

    def start(self) -> SmtpServer:
        self._controller = Controller(self._handler, hostname=self.host, port=self.port)
        self._controller.start()
        return self

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
