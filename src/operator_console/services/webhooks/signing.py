"""A delivery's signature: HMAC-SHA256 of "<timestamp>.<body>" with the hook's secret."""

from __future__ import annotations

import hashlib
import hmac
import secrets

SIGNATURE_HEADER = "X-Operator-Console-Signature"
TIMESTAMP_HEADER = "X-Operator-Console-Timestamp"


def new_secret() -> str:
    """A fresh signing secret: 32 random bytes as URL-safe text."""
    return secrets.token_urlsafe(32)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value, "sha256=<hex>", for `body` sent at `timestamp`."""
    signed = str(timestamp).encode("ascii") + b"." + body
    digest = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verifies(secret: str, timestamp: int, body: bytes, header: str) -> bool:
    """Whether `header` is the signature of `body` at `timestamp` (compared in constant time)."""
    return hmac.compare_digest(signature(secret, timestamp, body), header)
