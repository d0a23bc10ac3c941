"""A text message's length is counted as the network counts it: GSM-7 septets or UCS-2 units."""

from __future__ import annotations

import pytest

from operator_console.services.messages.sms import (
    GSM_BASIC,
    GSM_EXTENSION,
    SmsLength,
    sms_segments,
)


def test_plain_ascii_fits_one_segment_up_to_160_and_takes_two_from_161() -> None:
    assert sms_segments("a" * 160) == SmsLength("GSM-7", 160, 1)
    assert sms_segments("a" * 161) == SmsLength("GSM-7", 161, 2)
    assert sms_segments("a" * 306) == SmsLength("GSM-7", 306, 2)
    assert sms_segments("a" * 307) == SmsLength("GSM-7", 307, 3)


def test_an_extension_character_counts_two_septets() -> None:
    assert sms_segments("€") == SmsLength("GSM-7", 2, 1)
    assert sms_segments("a" * 159 + "€") == SmsLength("GSM-7", 161, 2)
    assert sms_segments("{[~]}|^\\\f").characters == 18


def test_an_escape_pair_is_not_split_between_two_parts() -> None:
    assert sms_segments("a" * 152 + "€" + "a" * 153) == SmsLength("GSM-7", 307, 3)
    assert sms_segments("a" * 152 + "€" + "a" * 152) == SmsLength("GSM-7", 306, 3)
    assert sms_segments("a" * 151 + "€" + "a" * 153) == SmsLength("GSM-7", 306, 2)


def test_an_a_with_acute_accent_forces_ucs2() -> None:
    assert sms_segments("á") == SmsLength("UCS-2", 1, 1)
    assert sms_segments("a" * 69 + "á") == SmsLength("UCS-2", 70, 1)
    assert sms_segments("a" * 70 + "á") == SmsLength("UCS-2", 71, 2)
    assert sms_segments("á" * 134) == SmsLength("UCS-2", 134, 2)
    assert sms_segments("á" * 135) == SmsLength("UCS-2", 135, 3)


def test_an_emoji_counts_two_utf16_units_and_is_not_split() -> None:
    assert sms_segments("😀") == SmsLength("UCS-2", 2, 1)
    assert sms_segments("a" * 68 + "😀") == SmsLength("UCS-2", 70, 1)
    assert sms_segments("a" * 66 + "😀" + "a" * 66) == SmsLength("UCS-2", 134, 3)
    assert sms_segments("a" * 65 + "😀" + "a" * 67) == SmsLength("UCS-2", 134, 2)


@pytest.mark.parametrize("letter", list("éñ¿¡üÉÑÜèùìòàäöÄÖ"))
def test_the_spanish_and_western_letters_of_the_basic_table_stay_gsm7(letter: str) -> None:
    assert sms_segments(f"Señor {letter}").encoding == "GSM-7"


@pytest.mark.parametrize("letter", list("áíóúÁÍÓÚç“”‘’–—…\u00a0\u202f"))
def test_letters_and_typography_outside_the_tables_force_ucs2(letter: str) -> None:
    assert sms_segments(f"Senor {letter}").encoding == "UCS-2"


def test_the_tables_hold_exactly_the_gsm_03_38_characters() -> None:
    assert len(GSM_BASIC) == 127
    assert not GSM_BASIC & GSM_EXTENSION
    assert set("\n\r @£$¥ΔΦΓΛΩΠΨΣΘΞ¤§ÆæßØøÅåÇ") <= GSM_BASIC
    assert {chr(code) for code in range(0x20, 0x7F)} - GSM_BASIC == set("^{}\\[~]|`")
    assert sorted(GSM_EXTENSION) == sorted("\f^{}\\[~]|€")
