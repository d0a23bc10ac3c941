"""Webhooks out: the events a city's other systems may hear of, and how hooks are registered."""
