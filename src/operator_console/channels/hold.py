"""No delivery configured for a channel: its messages are held, showing what would be sent."""

from __future__ import annotations

from operator_console.services.notify.ports import Delivery, DeliveryHeld


class HoldSender:
    """Sends nothing: every message is held with `reason` (the Messages view shows it)."""

    def __init__(self, reason: str) -> None:
        self._reason = reason

    def send(self, delivery: Delivery) -> str:
        raise DeliveryHeld(self._reason)

    def close(self) -> None:
        """Nothing is kept open."""
