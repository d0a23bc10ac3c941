"""Routing rules: listing, adding, changing and removing them, and testing where a request goes."""
