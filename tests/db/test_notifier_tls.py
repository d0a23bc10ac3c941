"""E-mail over TLS to a real server: STARTTLS with a login, implicit TLS, one connection per
batch, and a wrong password tried again rather than parked."""

from __future__ import annotations

import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from operator_console.channels.email import EmailSender, EmailSettings, message_id
from operator_console.services.notify.ports import Delivery, TemporaryFailure
from tests.support.smtp_server import SmtpServer

LOGIN = ("console", "s3cret")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A self-signed certificate for 127.0.0.1, with its key, in one PEM file."""
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    request = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    subject = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
    subprocess.run(
        ["openssl", *request, *subject, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    both = folder / "server.pem"
    both.write_text(key.read_text() + cert.read_text())
    return both


def trusting(certificate: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificate))


def delivery(number: int) -> Delivery:
    return Delivery(
        id=number,
        channel="email",
        recipient=f"resident{number}@example.org",
        subject=f"BOS-{number}: received",
        body="We received your request.",
        reference=f"BOS-{number}",
        language="en",
        idempotency_key=f"key-{number}",
        attempts=0,
    )


@pytest.fixture
def starttls_server(certificate: Path) -> Iterator[SmtpServer]:
    server = SmtpServer("starttls", certificate, LOGIN).start()
    try:
        yield server
    finally:
        server.stop()


def test_starttls_with_a_login_sends_a_batch_over_one_connection(
    starttls_server: SmtpServer, certificate: Path
) -> None:
    settings = EmailSettings(
        starttls_server.host,
        starttls_server.port,
        "no-reply@city.example",
        "starttls",
        username=LOGIN[0],
        password=LOGIN[1],
    )
    sender = EmailSender(settings, trusting(certificate))
    try:
        ids = [sender.send(delivery(n)) for n in (1, 2, 3)]
    finally:
        sender.close()
    assert ids == ["<key-1@city.example>", "<key-2@city.example>", "<key-3@city.example>"]
    assert len(starttls_server.messages) == 3
    assert starttls_server.connections() == 1


def test_a_wrong_password_is_tried_again_not_parked(
    starttls_server: SmtpServer, certificate: Path
) -> None:
    settings = EmailSettings(
        starttls_server.host,
        starttls_server.port,
        "no-reply@city.example",
        "starttls",
        username=LOGIN[0],
        password="wrong",
    )
    sender = EmailSender(settings, trusting(certificate))
    with pytest.raises(TemporaryFailure, match="answered 535"):
        sender.send(delivery(1))
    sender.close()
    assert starttls_server.messages == []


def test_an_untrusted_certificate_is_tried_again(starttls_server: SmtpServer) -> None:
    settings = EmailSettings(
        starttls_server.host, starttls_server.port, "no-reply@city.example", "starttls"
    )
    sender = EmailSender(settings)
    with pytest.raises(TemporaryFailure, match="CERTIFICATE_VERIFY_FAILED"):
        sender.send(delivery(1))
    sender.close()


def test_implicit_tls(certificate: Path) -> None:
    server = SmtpServer("tls", certificate).start()
    try:
        settings = EmailSettings(server.host, server.port, "no-reply@city.example", "tls")
        sender = EmailSender(settings, trusting(certificate))
        try:
            assert sender.send(delivery(7)) == "<key-7@city.example>"
        finally:
            sender.close()
        assert [message["X-Operator-Console-Reference"] for message in server.messages] == ["BOS-7"]
    finally:
        server.stop()


def test_a_connection_lost_mid_batch_is_opened_again(certificate: Path) -> None:
    server = SmtpServer().start()
    settings = EmailSettings(server.host, server.port, "no-reply@city.example", "none")
    sender = EmailSender(settings)
    try:
        sender.send(delivery(1))
        server.stop()
        with pytest.raises(TemporaryFailure):
            sender.send(delivery(2))
        server.start()
        sender.send(delivery(3))
    finally:
        sender.close()
        server.stop()
    assert [message["Message-ID"] for message in server.messages] == [
        "<key-1@city.example>",
        "<key-3@city.example>",
    ]
    assert server.connections() == 2


def test_a_message_id_keeps_only_what_it_may_hold() -> None:
    assert message_id("request-12:received:caller 7@x", "city.example") == (
        "<request-12-received-caller-7-x@city.example>"
    )
    assert message_id("k-1", "city.example") == "<k-1@city.example>"
