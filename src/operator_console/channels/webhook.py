"""Webhooks over HTTP: the stored JSON body POSTed to the hook's URL, signed with its secret."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from operator_console.services.notify.ports import Delivery, PermanentFailure, TemporaryFailure
from operator_console.services.webhooks.signing import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    signature,
)

EVENT_HEADER = "X-Operator-Console-Event"
DELIVERY_HEADER = "X-Operator-Console-Delivery"
_TEMPORARY_STATUSES = frozenset({408, 425, 429})


class WebhookSender:
    """POSTs each delivery to its hook. A lost connection, a timeout, 408, 425, 429 and 5xx
    are tried again later; another 4xx (410 Gone, 400) is refused for good, with the answer.

    Args:
        secret_for: the signing secret of a hook by its id; None when the hook is gone.
        clock: seconds since the epoch, the signed timestamp.
    """

    def __init__(
        self,
        secret_for: Callable[[int], str | None],
        *,
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._secret_for = secret_for
        self._timeout = timeout
        self._clock = clock
        self._client: httpx.Client | None = None

    def send(self, delivery: Delivery) -> str:
        secret = None if delivery.webhook_id is None else self._secret_for(delivery.webhook_id)
        if secret is None:
            raise PermanentFailure("the webhook it was queued for no longer exists")
        body = delivery.body.encode("utf-8")
        timestamp = int(self._clock())
        headers = {
            "Content-Type": "application/json",
            EVENT_HEADER: delivery.subject,
            DELIVERY_HEADER: delivery.idempotency_key,
            TIMESTAMP_HEADER: str(timestamp),
            SIGNATURE_HEADER: signature(secret, timestamp, body),
        }
        try:
            response = self._connected().post(delivery.recipient, content=body, headers=headers)
        except httpx.HTTPError as lost:
            self.close()
            raise TemporaryFailure(f"{delivery.recipient} could not be reached: {lost}") from None
        status = response.status_code
        if status in _TEMPORARY_STATUSES or status >= 500:
            raise TemporaryFailure(f"{delivery.recipient} answered {status}: {_said(response)}")
        if status >= 300:
            raise PermanentFailure(f"{delivery.recipient} refused it ({status}): {_said(response)}")
        return f"HTTP {status}"

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    def _connected(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self._timeout, follow_redirects=False)
        return self._client


def _said(response: httpx.Response) -> str:
    return response.text[:200].strip() or response.reason_phrase
