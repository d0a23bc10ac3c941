"""Deriving the demo city from Boston's open data."""
