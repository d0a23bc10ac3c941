"""The Open311 GeoReport v2 service: client keys, filing requests, the public record."""
