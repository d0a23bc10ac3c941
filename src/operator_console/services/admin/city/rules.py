"""The rules city settings follow, each refusal naming the field it is about."""

from __future__ import annotations

import math
import re

import phonenumbers

from operator_console.domain.reference import ReferenceNumber
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.admin.city.ports import CityDraft
from operator_console.services.city_bundle.manifest import is_time_zone
from operator_console.services.city_bundle.model import CitySettings


class CitySettingsError(ValueError):
    """A setting breaks a rule; nothing was changed. `field` names the input concerned."""

    def __init__(self, message: Words, field: str = "") -> None:
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
        raise CitySettingsError(
            QT_TRANSLATE_NOOP(
                "CityAdminProblems", "Give the city a name, as the console's title shows it."
            ),
            "name",
        )
    if len(name) > NAME_LENGTH:
        raise CitySettingsError(
            QT_TRANSLATE_NOOP(
                "CityAdminProblems", "The name is too long: at most %1 characters."
            ).with_values(NAME_LENGTH),
            "name",
        )
    zone = draft.time_zone.strip()
    if not is_time_zone(zone):
        raise CitySettingsError(
            QT_TRANSLATE_NOOP(
                "CityAdminProblems", "%1 is not a time zone: use a name such as America/Chicago."
            ).with_values(zone or QT_TRANSLATE_NOOP("CityAdminProblems", "An empty name")),
            "time_zone",
        )
    region = draft.phone_region.strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise CitySettingsError(
            QT_TRANSLATE_NOOP(
                "CityAdminProblems",
                "%1 is not a telephone region: use a two-letter country code such as US.",
            ).with_values(region or QT_TRANSLATE_NOOP("CityAdminProblems", "An empty code")),
            "phone_region",
        )
    prefix = draft.reference_prefix.strip().upper()
    try:
        ReferenceNumber(prefix, 2000, 1)
    except ValueError:
        raise CitySettingsError(
            QT_TRANSLATE_NOOP(
                "CityAdminProblems", "The reference prefix must be 2 to 5 letters, such as SPR."
            ),
            "reference_prefix",
        ) from None
    center = _point(
        draft.map_lat,
        draft.map_lon,
        "map",
        QT_TRANSLATE_NOOP(
            "CityAdminProblems",
            "Give the map's centre as a latitude and a longitude, such as 39.78 and -89.65.",
        ),
    )
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
            draft.unknown_lat,
            draft.unknown_lon,
            "unknown",
            QT_TRANSLATE_NOOP(
                "CityAdminProblems",
                "Give the unknown-location point as a latitude and a longitude, such as 39.78 "
                "and -89.65.",
            ),
            True,
        ),
    )


def _languages(text: str) -> tuple[str, ...]:
    codes = tuple(code.strip().lower() for code in text.split(",") if code.strip())
    if not codes:
        raise CitySettingsError(
            QT_TRANSLATE_NOOP("CityAdminProblems", "Offer at least one language, such as en."),
            "languages",
        )
    for code in codes:
        if not _LANGUAGE.fullmatch(code):
            raise CitySettingsError(
                QT_TRANSLATE_NOOP(
                    "CityAdminProblems",
                    "%1 is not a language code: use codes such as en, es, zh-Hant.",
                ).with_values(code),
                "languages",
            )
    if len(set(codes)) != len(codes):
        raise CitySettingsError(
            QT_TRANSLATE_NOOP("CityAdminProblems", "A language is listed twice."), "languages"
        )
    if len(",".join(codes)) > LANGUAGES_LENGTH:
        raise CitySettingsError(
            QT_TRANSLATE_NOOP("CityAdminProblems", "Too many languages for one list."),
            "languages",
        )
    return codes


def _zoom(text: str) -> int:
    try:
        zoom = int(text.strip())
    except ValueError:
        zoom = 0
    if not 1 <= zoom <= 20:
        raise CitySettingsError(
            QT_TRANSLATE_NOOP("CityAdminProblems", "The zoom must be a whole number from 1 to 20."),
            "map_zoom",
        )
    return zoom


def _point(
    lat_text: str, lon_text: str, field: str, unreadable: Words, optional: bool = False
) -> tuple[float, float] | None:
    if optional and not lat_text.strip() and not lon_text.strip():
        return None
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise CitySettingsError(unreadable, f"{field}_lat") from None
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        raise CitySettingsError(
            QT_TRANSLATE_NOOP("CityAdminProblems", "A latitude is between -90 and 90."),
            f"{field}_lat",
        )
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        raise CitySettingsError(
            QT_TRANSLATE_NOOP("CityAdminProblems", "A longitude is between -180 and 180."),
            f"{field}_lon",
        )
    return lat, lon


_CHANGED = (
    ("name", QT_TRANSLATE_NOOP("CityAdminWords", "name %1 → %2")),
    ("time_zone", QT_TRANSLATE_NOOP("CityAdminWords", "time zone %1 → %2")),
    ("phone_region", QT_TRANSLATE_NOOP("CityAdminWords", "phone region %1 → %2")),
    ("reference_prefix", QT_TRANSLATE_NOOP("CityAdminWords", "reference prefix %1 → %2")),
    ("map_zoom", QT_TRANSLATE_NOOP("CityAdminWords", "map zoom %1 → %2")),
)


def differences(before: CitySettings, after: CitySettings) -> list[Words]:
    """What changed, one phrase per setting."""
    said = []
    for attribute, changed in _CHANGED:
        old, new = getattr(before, attribute), getattr(after, attribute)
        if old != new:
            said.append(changed.with_values(old, new))
    if before.languages != after.languages:
        said.append(
            QT_TRANSLATE_NOOP("CityAdminWords", "languages %1 → %2").with_values(
                ", ".join(before.languages), ", ".join(after.languages)
            )
        )
    if before.map_center != after.map_center:
        said.append(
            QT_TRANSLATE_NOOP("CityAdminWords", "map centre %1 → %2").with_values(
                _place(before.map_center), _place(after.map_center)
            )
        )
    if before.unknown_location != after.unknown_location:
        said.append(
            QT_TRANSLATE_NOOP("CityAdminWords", "unknown location %1 → %2").with_values(
                _place(before.unknown_location), _place(after.unknown_location)
            )
        )
    return said


def _place(point: tuple[float, float] | None) -> Words | str:
    if point is None:
        return QT_TRANSLATE_NOOP("CityAdminWords", "none")
    return f"{point[0]:.5f}, {point[1]:.5f}"
