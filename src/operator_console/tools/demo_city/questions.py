"""Hand-written Open311-style questions for the most requested demo services."""

from __future__ import annotations

from typing import Any


def _values(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"key": key, "name": name} for key, name in pairs]


def _question(
    code: str,
    datatype: str,
    description: str,
    *,
    required: bool = False,
    variable: bool = True,
    hint: str = "",
    values: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    return {
        "code": code,
        "variable": variable,
        "datatype": datatype,
        "required": required,
        "datatype_description": hint,
        "description": description,
        "values": values,
    }


YES_NO = _values(("yes", "Yes"), ("no", "No"))

# Open311-style questions for the most requested services (all six datatypes appear).
QUESTIONS: dict[str, list[dict[str, Any]]] = {
    "Street Light Outages": [
        _question(
            "safety_notice",
            "string",
            "If a pole is knocked down or wires are hanging, end the call and dial 911.",
            variable=False,
        ),
        _question(
            "lights_out",
            "singlevaluelist",
            "How many lights are out?",
            required=True,
            values=_values(
                ("one", "One light"),
                ("several", "Several in a row"),
                ("street", "The whole street"),
            ),
        ),
        _question("pole_number", "string", "Number on the pole's metal tag", hint="e.g. N0012002"),
    ],
    "Pothole Repair (Internal)": [
        _question(
            "size",
            "singlevaluelist",
            "How big is the pothole?",
            required=True,
            values=_values(
                ("small", "Smaller than a plate"),
                ("medium", "Up to a tyre"),
                ("large", "Larger than a tyre"),
            ),
        ),
        _question("count", "number", "How many potholes are there?", hint="a whole number"),
        _question(
            "lane",
            "singlevaluelist",
            "Where in the road?",
            values=_values(
                ("travel", "Travel lane"),
                ("crosswalk", "Crosswalk"),
                ("bike", "Bike lane"),
                ("curb", "Near the curb"),
            ),
        ),
    ],
    "Schedule a Bulk Item Pickup SS": [
        _question(
            "items",
            "multivaluelist",
            "What will be put out?",
            required=True,
            values=_values(
                ("furniture", "Furniture"),
                ("mattress", "Mattress or box spring"),
                ("appliance", "Appliance without refrigerant"),
                ("electronics", "TV or electronics"),
                ("other", "Something else"),
            ),
        ),
        _question("pickup_day", "datetime", "Which trash day should the items go?", required=True),
        _question("item_details", "text", "Anything the crew should know about the items"),
    ],
    "Building Inspection Request": [
        _question("problem", "text", "What did the caller see?", required=True),
        _question("unit", "string", "Apartment or unit, if any"),
        _question(
            "owner_occupied",
            "singlevaluelist",
            "Does the owner live in the building?",
            values=_values(("yes", "Yes"), ("no", "No"), ("unknown", "Don't know")),
        ),
    ],
    "CE Collection": [
        _question(
            "left_out",
            "multivaluelist",
            "What was left out?",
            required=True,
            values=_values(
                ("bags", "Trash bags"),
                ("bulk", "Bulk items"),
                ("litter", "Loose litter"),
                ("yard", "Yard waste"),
            ),
        ),
        _question("on_sidewalk", "singlevaluelist", "Is it blocking the sidewalk?", values=YES_NO),
    ],
    "General Comments For a Program or Policy": [
        _question("comment", "text", "The caller's comment, in their words", required=True),
        _question(
            "wants_reply",
            "singlevaluelist",
            "Does the caller want a reply?",
            required=True,
            values=YES_NO,
        ),
    ],
    "Sign Repair": [
        _question(
            "sign_type",
            "singlevaluelist",
            "Which sign?",
            required=True,
            values=_values(
                ("stop", "Stop sign"),
                ("yield", "Yield sign"),
                ("street_name", "Street name"),
                ("parking", "Parking sign"),
                ("other", "Other"),
            ),
        ),
        _question(
            "condition",
            "singlevaluelist",
            "What is wrong with it?",
            values=_values(
                ("down", "Knocked down"), ("bent", "Bent or turned"), ("faded", "Faded or covered")
            ),
        ),
    ],
    "Graffiti Removal": [
        _question(
            "surface",
            "singlevaluelist",
            "Where is the graffiti?",
            required=True,
            values=_values(
                ("private", "Private building"),
                ("city", "City property"),
                ("utility_box", "Mailbox or utility box"),
                ("ground", "Sidewalk or street"),
            ),
        ),
        _question(
            "offensive",
            "singlevaluelist",
            "Is it offensive or hateful?",
            required=True,
            values=YES_NO,
        ),
        _question("area_sq_ft", "number", "Rough size in square feet"),
        _question("first_seen", "datetime", "When did the caller first notice it?"),
    ],
}
