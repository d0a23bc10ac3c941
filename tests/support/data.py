"""The real city files the tests read, kept in tests/data (sources and licences in SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def data_file(relative: str) -> Path:
    """A file under tests/data; a missing one is an error, never a reason to skip."""
    path = DATA_DIR / relative
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; tests/data is part of the repository")
    return path


# Boston's whole 2015 export as published (121,145 rows), for the history import.
BOSTON_2015 = data_file("boston/requests/311_service_requests_2015_partial.csv.gz")
# Boston's 2015 export, only the rows whose ward is 3 (downtown, City Hall): 10,853 of 121,145.
BOSTON_2015_WARD_3 = data_file("boston/requests/311_service_requests_2015_ward3.csv.gz")
BOSTON_WARDS = data_file("boston/geo/boston_wards_2012-2022.geojson")
NYC_SODA_2024 = data_file("nyc/requests/nyc311_2024-04-15_1000rows_soda.csv.gz")
NYC_PORTAL_2011 = data_file("nyc/requests/nyc311_2011_1000rows_portal_export.csv.gz")
BLOOMINGTON_SERVICES = data_file("open311/bloomington_in_services.json")
