"""The console's HTTP face: the Open311 GeoReport v2 application (ASGI)."""
