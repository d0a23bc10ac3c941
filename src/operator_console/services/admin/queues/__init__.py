"""Queues and teams administration: departments, their queues, the teams and crews under them."""
