"""The hand-written parts of the demo city: names, synonyms, priorities, questions, staff."""

from __future__ import annotations

from typing import Any

CITY_SETTINGS: dict[str, Any] = {
    "name": "Boston (demo)",
    "time_zone": "America/New_York",
    "phone_region": "US",
    "reference_prefix": "BOS",
    "unknown_lat": 42.3594,
    "unknown_lon": -71.0587,
    "map_zoom": 12,
}
BUSINESS_CALENDAR: dict[str, Any] = {
    "code": "boston",
    "time_zone": "America/New_York",
    "working_days": "0,1,2,3,4",
    "work_start": "08:00",
    "work_end": "17:00",
    "holiday_country": "US",
    "holiday_subdivision": "MA",
}

# Readable names for the department codes of Boston's CRM.
DEPARTMENT_NAMES = {
    "PWDx": "Public Works Department",
    "ISD": "Inspectional Services Department",
    "BTDT": "Boston Transportation Department",
    "INFO": "Mayor's 24-Hour Hotline",
    "PARK": "Parks and Recreation Department",
    "PROP": "Property Management Department",
    "HS_O": "Office of Civil Rights",
    "BWSC": "Boston Water and Sewer Commission",
    "DISB": "Disabilities Commission",
    "GEN_": "General Requests",
    "ANML": "Animal Control",
    "HS_Y": "Youthline",
    "CHT_": "City Hall To Go Truck",
    "BPS_": "Boston Public Schools",
    "HS_V": "Veterans' Services",
    "HS_D": "Commission for Persons with Disabilities",
}

# SUBJECT values that name the desk that took the call, not what the request is about.
INTAKE_SUBJECTS = frozenset({"Mayor's 24 Hour Hotline"})

# Plain words callers use, mapped to the Boston service (TYPE) they mean.
SYNONYMS = {
    "Street Light Outages": ["streetlight out", "street light out", "light out", "lamp out"],
    "Pothole Repair (Internal)": ["pothole", "hole in the road", "road hole"],
    "Graffiti Removal": ["graffiti", "tagging", "spray paint"],
    "PWD Graffiti": ["graffiti on city property"],
    "CE Collection": ["missed trash", "trash not picked up", "garbage not collected"],
    "Schedule a Bulk Item Pickup SS": ["bulk item", "furniture pickup", "mattress pickup"],
    "Request for Recycling Cart": ["recycling bin", "blue cart", "new cart"],
    "Sidewalk Repair (Make Safe)": ["broken sidewalk", "trip hazard", "uneven sidewalk"],
    "Tree Maintenance Requests": ["tree trimming", "prune tree", "overhanging branch"],
    "Tree Emergencies": ["fallen tree", "tree down", "branch down"],
    "Pick up Dead Animal": ["dead animal", "roadkill"],
    "Rodent Activity": ["rats", "mice outside", "rodents"],
    "Abandoned Vehicles": ["abandoned car", "junk car"],
    "Traffic Signal Repair": ["traffic light out", "signal broken"],
    "Empty Litter Basket": ["overflowing trash can", "litter basket full"],
    "Needle Pickup": ["needle", "syringe", "sharps"],
    "Heat - Excessive  Insufficient": ["no heat", "too hot apartment"],
    "Unsatisfactory Living Conditions": ["landlord", "apartment problem"],
    "Sign Repair": ["sign down", "bent sign", "stop sign"],
    "Downed Wire": ["wire down", "power line down"],
}

URGENT_SERVICES = frozenset({"Downed Wire", "Carbon Monoxide", "Watermain Break"})
HIGH_PRIORITY_SERVICES = frozenset(
    {
        "Sidewalk Repair (Make Safe)",
        "Tree Emergencies",
        "Unsafe Dangerous Conditions",
        "Street Light Knock Downs",
        "Major System Failure",
        "Fire Hydrant",
        "Heat - Excessive  Insufficient",
        "No Utilities Residential - Gas",
        "No Utilities Residential - Water",
        "No Utilities Residential - Electricity",
        "Needle Pickup",
        "Rat Bite",
        "Fire in Food Establishment",
        "Traffic Signal Inspection",
    }
)
LOW_PRIORITY_SERVICES = frozenset(
    {
        "General Comments For a Program or Policy",
        "General Comments For An Employee",
        "Idea Collection",
        "Metrolist Survey",
        "Checkin",
        "Notification",
        "New Tree Requests",
        "Park Improvement Requests",
    }
)


# Demo staff; logins are what a trainer types, queue codes are Boston's.
STAFF: list[dict[str, Any]] = [
    {"login": "operator1", "display_name": "Maria Alvarez", "role": "operator"},
    {"login": "operator2", "display_name": "Kevin O'Brien", "role": "operator"},
    {"login": "operator3", "display_name": "Thanh Nguyen", "role": "operator"},
    {"login": "dispatcher1", "display_name": "Denise Walsh", "role": "dispatcher"},
    {"login": "dispatcher2", "display_name": "Marcus Johnson", "role": "dispatcher"},
    {"login": "supervisor1", "display_name": "Patricia Chen", "role": "supervisor"},
    {"login": "admin1", "display_name": "Sam Okafor", "role": "admin"},
]
OPERATOR_QUEUE_CODES = (
    "INFO01_GenericeFormforOtherServiceRequestTypes",
    "INFO_General Comments Complaints Compliments",
)
# Which queues each non-operator login works, by department code or explicit prefix.
STAFF_QUEUE_PREFIXES = {
    "dispatcher1": ("PWDx_District",),
    "dispatcher2": ("BTDT_",),
    "supervisor1": ("PWDx_", "BTDT_"),
}
