"""Reads and writes of the duplicate finder."""
