"""Delivering the outbox: the ports, the retry policy and the notifier's loop."""
