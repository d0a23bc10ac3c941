"""Coordinates as exports write them: "40.4168", or with a decimal comma, "40,4168"."""

from __future__ import annotations


def degrees(text: str) -> float:
    """The number in `text`; ValueError when it is none."""
    text = text.strip()
    if "," in text and "." not in text:
        text = text.replace(",", ".", 1)
    return float(text)
