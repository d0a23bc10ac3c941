"""SMS through Twilio's Messages API over HTTPS, one client kept across a batch."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from operator_console.services.notify.ports import (
    Delivery,
    PermanentFailure,
    TemporaryFailure,
)

PROVIDERS = ("twilio",)
TWILIO_BASE_URL = "https://api.twilio.com"


@dataclass(frozen=True)
class SmsSettings:
    """The city's SMS account.

    Attributes:
        base_url: the API's address (Twilio's own unless a regional or test endpoint is named).
        sender: the From number (E.164, e.g. "+16175550100") or a messaging service's id.
    """

    account_sid: str
    token: str = field(repr=False)
    sender: str
    base_url: str = TWILIO_BASE_URL
    timeout: float = 30.0

    @property
    def messages_url(self) -> str:
        return f"{self.base_url.rstrip('/')}/2010-04-01/Accounts/{self.account_sid}/Messages.json"


class TwilioSender:
    """POSTs each message to the Messages API; the answer's `sid` is the provider's id.
    429, 5xx, a refused account (401, 403) and a lost connection are tried again later; another
    4xx is refused for good, with the API's own message."""

    def __init__(self, settings: SmsSettings) -> None:
        self._settings = settings
        self._client: httpx.Client | None = None

    def send(self, delivery: Delivery) -> str:
        form = {"To": delivery.recipient, "From": self._settings.sender, "Body": delivery.body}
        try:
            response = self._connected().post(self._settings.messages_url, data=form)
        except httpx.HTTPError as lost:
            self.close()
            raise TemporaryFailure(f"the SMS provider could not be reached: {lost}") from None
        status = response.status_code
        if status == 429 or status >= 500:
            raise TemporaryFailure(f"the SMS provider answered {status}: {_said(response)}")
        if status in (401, 403):
            # The account's sid or token is wrong: not this message's fault, so it is tried
            # again once the configuration is put right.
            raise TemporaryFailure(
                f"the SMS provider refused the account ({status}): {_said(response)}"
            )
        if status >= 300:
            raise PermanentFailure(f"the SMS provider refused it ({status}): {_said(response)}")
        sid = _field(response, "sid")
        if not sid:
            # Possibly sent: parked rather than tried again, so it is never sent twice.
            raise PermanentFailure(f"the SMS provider answered {status} without a message sid")
        return sid

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    def _connected(self) -> httpx.Client:
        if self._client is None:
            settings = self._settings
            self._client = httpx.Client(
                auth=(settings.account_sid, settings.token), timeout=settings.timeout
            )
        return self._client


def _field(response: httpx.Response, name: str) -> str:
    try:
        document = response.json()
    except ValueError:
        return ""
    value = document.get(name) if isinstance(document, dict) else None
    return value if isinstance(value, str) else ""


def _said(response: httpx.Response) -> str:
    """The API's `message`, else the start of whatever it answered."""
    return _field(response, "message") or response.text[:200] or response.reason_phrase
