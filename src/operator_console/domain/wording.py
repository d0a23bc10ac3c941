"""Words composed outside the screens: English text with numbered places, translated where shown."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

LookUp = Callable[[str, str], str]
"""A screen's translation of a text within its context."""

Decimal = Callable[[float], str]
"""A screen's way of writing a number with a fraction ("48,9" in Spanish)."""

_PLACE = re.compile(r"%(\d+)")


@dataclass(frozen=True)
class Words:
    """A sentence for a person, kept untranslated until a screen shows it.

    `text` is English with `%1`, `%2`… where the values go; a value may itself be `Words`. A
    screen looks the text up under `context` in the console's language, then fills the places;
    `str()` gives the English, for logs, scripts and the command line.
    """

    context: str
    text: str
    values: tuple[object, ...] = ()

    def with_values(self, *values: object) -> Words:
        return Words(self.context, self.text, values)

    def render(self, look_up: LookUp | None = None, decimal: Decimal | None = None) -> str:
        """The sentence, its text and every `Words` value first passed through `look_up`, and
        every float value written by `decimal`."""
        text = look_up(self.context, self.text) if look_up and self.context else self.text

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            if index >= len(self.values):
                return match.group(0)
            shown = self.values[index]
            if isinstance(shown, Words):
                return shown.render(look_up, decimal)
            if decimal is not None and isinstance(shown, float):
                return decimal(shown)
            return str(shown)

        return _PLACE.sub(value, text)

    def __str__(self) -> str:
        return self.render()


def QT_TRANSLATE_NOOP(context: str, text: str) -> Words:
    """Words for a screen to translate. Qt's extractor (lupdate) finds texts by this name, so
    the context and the text are written out as literals at each call."""
    return Words(context, text)


def counted(count: int, one: Words, many: Words, *values: object) -> Words:
    """`one` for a count of 1, else `many`; the count fills `%1`, `values` the places after."""
    return (one if count == 1 else many).with_values(count, *values)


def joined(parts: Sequence[Words | str], separator: str = "; ") -> Words:
    """Several sentences shown as one, each translated on its own."""
    places = separator.join(f"%{index + 1}" for index in range(len(parts)))
    return Words("", places, tuple(parts))
