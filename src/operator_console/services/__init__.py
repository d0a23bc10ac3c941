"""Use cases and the ports they need; no Qt, no SQL."""
