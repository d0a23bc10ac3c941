"""Bringing a city's past requests along: mapping files and turning export rows into cases."""
