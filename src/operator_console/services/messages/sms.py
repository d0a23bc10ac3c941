"""How long a text message is: its encoding, characters and segments, per GSM 03.38."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The GSM 7-bit default alphabet, in table order (0x1B, the escape to the extension, left out).
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The default extension table: each is sent as the escape and the character, two septets.
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


@dataclass(frozen=True)
class SmsLength:
    """A text's size on the air: septets for GSM-7, UTF-16 code units for UCS-2."""

    encoding: Literal["GSM-7", "UCS-2"]
    characters: int
    segments: int


def sms_segments(text: str) -> SmsLength:
    """The encoding `text` needs and the segments it takes; an escape pair or a surrogate pair
    is never split between two parts, so a part may hold one unit less than its size."""
    if all(char in GSM_BASIC or char in GSM_EXTENSION for char in text):
        widths = [2 if char in GSM_EXTENSION else 1 for char in text]
        return SmsLength("GSM-7", sum(widths), _segments(widths, GSM_SINGLE, GSM_PART))
    widths = [2 if ord(char) > 0xFFFF else 1 for char in text]
    return SmsLength("UCS-2", sum(widths), _segments(widths, UCS2_SINGLE, UCS2_PART))


def _segments(widths: list[int], single: int, part: int) -> int:
    if sum(widths) <= single:
        return 1
    segments, used = 1, 0
    for width in widths:
        if used + width > part:
            segments, used = segments + 1, 0
        used += width
    return segments
