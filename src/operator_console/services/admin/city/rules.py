"""The rules city settings follow, each refusal naming the field it is about."""

from __future__ import annotations

import math
import re

import phonenumbers

from operator_console.domain.reference import ReferenceNumber
from operator_console.services.admin.city.ports import CityDraft
from operator_console.services.city_bundle.manifest import is_time_zone
from operator_console.services.city_bundle.model import CitySettings


class CitySettingsError(ValueError):
    """A setting breaks a rule; nothing was changed. `field` names the input concerned."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class CitySettingsChangedMeanwhileError(CitySettingsError):
    """Another administrator saved the settings after they were read; nothing was changed."""


_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
NAME_LENGTH = 120
LANGUAGES_LENGTH = 60


def checked_settings(draft: CityDraft) -> CitySettings:
    """The settings to store, or the first reason they cannot be."""
    name = " ".join(draft.name.split())
    if not name:
        raise CitySettingsError("Give the city a name, as the console's title shows it.", "name")
    if len(name) > NAME_LENGTH:
        raise CitySettingsError(f"The name is too long: at most {NAME_LENGTH} characters.", "name")
    zone = draft.time_zone.strip()
    if not is_time_zone(zone):
        raise CitySettingsError(
            f"{zone or 'An empty name'} is not a time zone: use a name such as America/Chicago.",
            "time_zone",
        )
    region = draft.phone_region.strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise CitySettingsError(
            f"{region or 'An empty code'} is not a telephone region: use a two-letter country "
            "code such as US.",
            "phone_region",
        )
    prefix = draft.reference_prefix.strip().upper()
    try:
        ReferenceNumber(prefix, 2000, 1)
    except ValueError:
        raise CitySettingsError(
            "The reference prefix must be 2 to 5 letters, such as SPR.", "reference_prefix"
        ) from None
    center = _point(draft.map_lat, draft.map_lon, "map", "the map's centre")
    assert center is not None
    return CitySettings(
        name=name,
        time_zone=zone,
        phone_region=region,
        reference_prefix=prefix,
        languages=_languages(draft.languages),
        map_center=center,
        map_zoom=_zoom(draft.map_zoom),
        unknown_location=_point(
            draft.unknown_lat, draft.unknown_lon, "unknown", "the unknown-location point", True
        ),
    )


def _languages(text: str) -> tuple[str, ...]:
    codes = tuple(code.strip().lower() for code in text.split(",") if code.strip())
    if not codes:
        raise CitySettingsError("Offer at least one language, such as en.", "languages")
    for code in codes:
        if not _LANGUAGE.fullmatch(code):
            raise CitySettingsError(
                f"{code} is not a language code: use codes such as en, es, zh-Hant.", "languages"
            )
    if len(set(codes)) != len(codes):
        raise CitySettingsError("A language is listed twice.", "languages")
    if len(",".join(codes)) > LANGUAGES_LENGTH:
        raise CitySettingsError("Too many languages for one list.", "languages")
    return codes


def _zoom(text: str) -> int:
    try:
        zoom = int(text.strip())
    except ValueError:
        zoom = 0
    if not 1 <= zoom <= 20:
        raise CitySettingsError("The zoom must be a whole number from 1 to 20.", "map_zoom")
    return zoom


def _point(
    lat_text: str, lon_text: str, field: str, what: str, optional: bool = False
) -> tuple[float, float] | None:
    if optional and not lat_text.strip() and not lon_text.strip():
        return None
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise CitySettingsError(
            f"Give {what} as a latitude and a longitude, such as 39.78 and -89.65.", f"{field}_lat"
        ) from None
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        raise CitySettingsError("A latitude is between -90 and 90.", f"{field}_lat")
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        raise CitySettingsError("A longitude is between -180 and 180.", f"{field}_lon")
    return lat, lon


def differences(before: CitySettings, after: CitySettings) -> list[str]:
    """What changed, one phrase per setting."""
    said = []
    labels = (
        ("name", "name"),
        ("time_zone", "time zone"),
        ("phone_region", "phone region"),
        ("reference_prefix", "reference prefix"),
        ("map_zoom", "map zoom"),
    )
    for attribute, label in labels:
        old, new = getattr(before, attribute), getattr(after, attribute)
        if old != new:
            said.append(f"{label} {old} → {new}")
    if before.languages != after.languages:
        said.append(f"languages {', '.join(before.languages)} → {', '.join(after.languages)}")
    if before.map_center != after.map_center:
        said.append(f"map centre {_place(before.map_center)} → {_place(after.map_center)}")
    if before.unknown_location != after.unknown_location:
        said.append(
            f"unknown location {_place(before.unknown_location)} → {_place(after.unknown_location)}"
        )
    return said


def _place(point: tuple[float, float] | None) -> str:
    return "none" if point is None else f"{point[0]:.5f}, {point[1]:.5f}"
